import type { Event, Toleration } from "@kubesim/core";
import type { MemoryStore } from "@kubesim/store";
import { describe, expect, it } from "vitest";
import { createNodeLifecycleController } from "./create-node-lifecycle-controller.js";
import { buildTaintEvictionEvent } from "./taint-eviction-events.js";
import { createTestNode, makeTestPod, makeTestStore, setTestNodeReady } from "./test-fixtures.js";

const tolerateNotReadyFor = (seconds: number): Toleration[] => [
  {
    key: "node.kubernetes.io/not-ready",
    operator: "Exists",
    effect: "NoExecute",
    tolerationSeconds: seconds,
  },
];

async function eventSummaries(store: MemoryStore): Promise<string[]> {
  const { items } = await store.list("Event", { namespace: "default" });
  return items.map(
    (event: Event) =>
      `${event.firstTimestamp} ${event.type} ${event.reason} ${event.involvedObject.name}: ${event.message}`,
  );
}

describe("taint eviction events", () => {
  it.each([
    {
      name: "a pod evicted when its 30 s toleration runs out is marked for deletion, once",
      change: "none" as const,
      expected: [
        "2026-11-29T10:00:30Z Normal TaintManagerEviction web: Marking for deletion Pod default/web",
      ],
    },
    {
      name: "a scheduled eviction cancelled because the node turned Ready records the cancellation",
      change: "nodeReady" as const,
      expected: [
        "2026-11-29T10:00:10Z Normal TaintManagerEviction web: Cancelling deletion of Pod default/web",
      ],
    },
    {
      name: "a scheduled eviction cancelled because the pod was deleted records the cancellation",
      change: "podDeleted" as const,
      expected: [
        "2026-11-29T10:00:10Z Normal TaintManagerEviction web: Cancelling deletion of Pod default/web",
      ],
    },
    {
      name: "a scheduled eviction cut short by an untolerated taint is cancelled, then marked for deletion",
      change: "untoleratedTaint" as const,
      expected: [
        "2026-11-29T10:00:10Z Normal TaintManagerEviction web: Cancelling deletion of Pod default/web",
        "2026-11-29T10:00:10Z Normal TaintManagerEviction web: Marking for deletion Pod default/web",
      ],
    },
  ])("$name", async ({ change, expected }) => {
    const { store, clock } = makeTestStore();
    await createTestNode(store, "node-1", "False");
    await store.create(makeTestPod("web", { nodeName: "node-1", tolerations: tolerateNotReadyFor(30) }));
    const controller = createNodeLifecycleController({ client: store, clock });
    await controller.flush();
    expect(await eventSummaries(store)).toEqual([]);
    clock.advance(10_000);
    if (change === "nodeReady") await setTestNodeReady(store, "node-1", "True");
    if (change === "podDeleted")
      await store.delete("Pod", "web", { namespace: "default", gracePeriodSeconds: 0 });
    if (change === "untoleratedTaint") {
      const node = await store.get("Node", "node-1");
      const taints = [...(node.spec?.taints ?? []), { key: "dedicated", effect: "NoExecute" as const }];
      await store.update({ ...node, spec: { ...node.spec, taints } });
    }
    await controller.flush();
    // Stepping to the due time (10:00:30) first, as the cluster's settle() steps timer by timer.
    clock.advance(20_000);
    await controller.flush();
    clock.advance(40_000);
    await controller.flush();
    expect(await eventSummaries(store)).toEqual(expected);
    controller.stop();
  });

  it("stopping the controller drops scheduled evictions without recording events", async () => {
    const { store, clock } = makeTestStore();
    await createTestNode(store, "node-1", "False");
    await store.create(makeTestPod("web", { nodeName: "node-1", tolerations: tolerateNotReadyFor(30) }));
    const controller = createNodeLifecycleController({ client: store, clock });
    await controller.flush();
    controller.stop();
    clock.advance(60_000);
    expect(await eventSummaries(store)).toEqual([]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it("the recorded event carries upstream's fields: source, involved object, count and timestamps", async () => {
    const { store, clock } = makeTestStore();
    await createTestNode(store, "node-1", "False");
    await store.create(makeTestPod("web", { nodeName: "node-1", tolerations: tolerateNotReadyFor(0) }));
    const controller = createNodeLifecycleController({ client: store, clock });
    await controller.flush();
    const { items } = await store.list("Event", { namespace: "default" });
    expect(items.length).toBe(1);
    const event = items[0];
    expect({
      name: event?.metadata?.name,
      namespace: event?.metadata?.namespace,
      involvedObject: event?.involvedObject,
      reason: event?.reason,
      message: event?.message,
      source: event?.source,
      count: event?.count,
      type: event?.type,
      firstTimestamp: event?.firstTimestamp,
      lastTimestamp: event?.lastTimestamp,
      reportingComponent: event?.reportingComponent,
    }).toEqual({
      name: `web.${(BigInt(Date.parse("2026-11-29T10:00:00Z")) * 1_000_000n).toString(16)}`,
      namespace: "default",
      involvedObject: { kind: "Pod", namespace: "default", name: "web", apiVersion: "v1" },
      reason: "TaintManagerEviction",
      message: "Marking for deletion Pod default/web",
      source: { component: "taint-eviction-controller" },
      count: 1,
      type: "Normal",
      firstTimestamp: "2026-11-29T10:00:00Z",
      lastTimestamp: "2026-11-29T10:00:00Z",
      reportingComponent: "taint-eviction-controller",
    });
    controller.stop();
  });

  it.each([
    {
      name: "a cancellation in another namespace names the pod as <namespace>/<name>",
      action: "cancelDeletion" as const,
      pod: { namespace: "team-a", name: "api-0" },
      message: "Cancelling deletion of Pod team-a/api-0",
      eventName: "api-0.3e8",
    },
    {
      name: "a mark for deletion names the pod as <namespace>/<name>",
      action: "markForDeletion" as const,
      pod: { namespace: "kube-system", name: "dns" },
      message: "Marking for deletion Pod kube-system/dns",
      eventName: "dns.3e8",
    },
  ])("$name", ({ action, pod, message, eventName }) => {
    const event = buildTaintEvictionEvent(action, pod, { nowMs: 1_500, nanoseconds: 1000n });
    expect([event.metadata?.name, event.metadata?.namespace, event.message, event.firstTimestamp]).toEqual([
      eventName,
      pod.namespace,
      message,
      "1970-01-01T00:00:01Z",
    ]);
  });
});
