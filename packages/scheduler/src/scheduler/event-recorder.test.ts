import { type Event, type Pod, VirtualClock } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { createEventRecorder, eventSeriesWindowMs } from "./event-recorder.js";
import { FakeApiClient } from "./fake-api-client.js";

const pod: Pod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "nginx", namespace: "default", uid: "uid-nginx", resourceVersion: "7" },
  spec: { containers: [] },
};

function setup() {
  const clock = new VirtualClock(Date.parse("2026-01-01T00:00:00Z"));
  const client = new FakeApiClient(() => clock.now());
  const recorder = createEventRecorder({
    client,
    clock,
    reportingController: "default-scheduler",
    reportingInstance: "default-scheduler-kubesim",
  });
  return { clock, client, recorder };
}

const failed = {
  regarding: pod,
  type: "Warning",
  reason: "FailedScheduling",
  action: "Scheduling",
  note: "0/1 nodes are available: 1 Insufficient cpu.",
} as const;

describe("createEventRecorder", () => {
  it("writes the core/v1 view of an events.k8s.io/v1 event", async () => {
    const { client, recorder } = setup();
    recorder.record({
      ...failed,
      type: "Normal",
      reason: "Scheduled",
      action: "Binding",
      note: "Successfully assigned default/nginx to node01",
    });
    await recorder.flush();
    const [event] = client.objectsOf<Event>("Event");
    expect(event).toEqual({
      apiVersion: "v1",
      kind: "Event",
      metadata: expect.objectContaining({
        name: `nginx.${(BigInt(Date.parse("2026-01-01T00:00:00Z")) * 1_000_000n).toString(16)}`,
        namespace: "default",
      }),
      involvedObject: {
        kind: "Pod",
        namespace: "default",
        name: "nginx",
        uid: "uid-nginx",
        apiVersion: "v1",
        resourceVersion: "7",
      },
      reason: "Scheduled",
      message: "Successfully assigned default/nginx to node01",
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      type: "Normal",
      eventTime: "2026-01-01T00:00:00.000000Z",
      action: "Binding",
      reportingComponent: "default-scheduler",
      reportingInstance: "default-scheduler-kubesim",
    });
  });

  it("gives events of the same instant distinct names", async () => {
    const { client, recorder } = setup();
    recorder.record(failed);
    recorder.record({
      ...failed,
      reason: "Preempted",
      action: "Preempting",
      note: "Preempted by pod x on node n",
    });
    await recorder.flush();
    const names = client.objectsOf<Event>("Event").map((event) => event.metadata?.name);
    expect(new Set(names).size).toBe(2);
  });

  it.each([
    {
      name: "joins an isomorphic event recorded within six minutes to its series",
      delayMs: 60_000,
      expected: [[2, 1]],
    },
    {
      name: "starts a new event once six minutes have passed",
      delayMs: eventSeriesWindowMs + 1,
      expected: [
        [undefined, 1],
        [undefined, 1],
      ],
    },
  ])("$name", async ({ delayMs, expected }) => {
    const { clock, client, recorder } = setup();
    recorder.record(failed);
    clock.advance(delayMs);
    recorder.record(failed);
    await recorder.flush();
    expect(
      client
        .objectsOf<Event & { series?: { count: number } }>("Event")
        .map((event) => [event.series?.count, 1]),
    ).toEqual(expected);
  });

  it("treats a new resourceVersion of the pod as another object, as upstream's references do", async () => {
    const { client, recorder } = setup();
    recorder.record(failed);
    recorder.record({
      ...failed,
      regarding: { ...pod, metadata: { ...pod.metadata, resourceVersion: "8" } },
    });
    await recorder.flush();
    expect(client.objectsOf<Event>("Event")).toHaveLength(2);
  });
});
