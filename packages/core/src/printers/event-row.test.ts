import type { Event } from "kubernetes-types/core/v1";
import { describe, expect, it } from "vitest";
import { eventCells } from "./event-row.js";

const now = new Date("2026-11-29T19:21:30Z");

function event(fields: Record<string, unknown>): Event {
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: "nginx.17c1", namespace: "default" },
    involvedObject: { kind: "DaemonSet", name: "nginx", namespace: "default" },
    reason: "SuccessfulCreate",
    type: "Normal",
    message: "Created pod: nginx-6kzjs",
    source: { component: "daemonset-controller" },
    firstTimestamp: "2026-11-29T19:20:30Z",
    lastTimestamp: "2026-11-29T19:21:00Z",
    count: 1,
    ...fields,
  } as Event;
}

describe("eventCells", () => {
  it("prints LAST SEEN, TYPE, REASON, OBJECT, SUBOBJECT, SOURCE, MESSAGE, FIRST SEEN, COUNT, NAME", () => {
    expect(eventCells(event({}), now)).toEqual([
      "30s",
      "Normal",
      "SuccessfulCreate",
      "daemonset/nginx",
      "",
      "daemonset-controller",
      "Created pod: nginx-6kzjs",
      "60s",
      1,
      "nginx.17c1",
    ]);
  });

  it.each([
    {
      name: "LAST SEEN falls back to FIRST SEEN without lastTimestamp",
      fields: { lastTimestamp: null },
      index: 0,
      expected: "60s",
    },
    {
      name: "FIRST SEEN falls back to eventTime without firstTimestamp",
      fields: { firstTimestamp: null, lastTimestamp: null, eventTime: "2026-11-29T19:19:30.123456Z" },
      index: 7,
      expected: "119s",
    },
    {
      name: "LAST SEEN falls back to eventTime through FIRST SEEN when both timestamps are missing",
      fields: { firstTimestamp: null, lastTimestamp: null, eventTime: "2026-11-29T19:19:30.123456Z" },
      index: 0,
      expected: "119s",
    },
    {
      name: "a series sets LAST SEEN from its last observed time",
      fields: { series: { count: 5, lastObservedTime: "2026-11-29T19:21:20.000000Z" } },
      index: 0,
      expected: "10s",
    },
    {
      name: "a series sets COUNT from its count",
      fields: { series: { count: 5, lastObservedTime: "2026-11-29T19:21:20Z" } },
      index: 8,
      expected: 5,
    },
    { name: "a zero count prints 1", fields: { count: 0 }, index: 8, expected: 1 },
    { name: "a missing count prints 1", fields: { count: undefined }, index: 8, expected: 1 },
    { name: "a count is printed as a number", fields: { count: 7 }, index: 8, expected: 7 },
    {
      name: "times that are all missing print <unknown>",
      fields: { firstTimestamp: null, lastTimestamp: null },
      index: 0,
      expected: "<unknown>",
    },
    {
      name: "OBJECT is the lower-cased kind alone when the name is empty",
      fields: { involvedObject: { kind: "Node" } },
      index: 3,
      expected: "node",
    },
    {
      name: "SUBOBJECT is the field path",
      fields: { involvedObject: { kind: "Pod", name: "p", fieldPath: "spec.containers{nginx}" } },
      index: 4,
      expected: "spec.containers{nginx}",
    },
    {
      name: "SOURCE adds the host after a comma",
      fields: { source: { component: "kubelet", host: "node-1" } },
      index: 5,
      expected: "kubelet, node-1",
    },
    {
      name: "SOURCE falls back to the reporting controller and instance",
      fields: { source: {}, reportingComponent: "default-scheduler", reportingInstance: "sched-1" },
      index: 5,
      expected: "default-scheduler, sched-1",
    },
    {
      name: "MESSAGE is trimmed of surrounding white space",
      fields: { message: "  \tBack-off restarting\n" },
      index: 6,
      expected: "Back-off restarting",
    },
  ])("$name", ({ fields, index, expected }) => {
    expect(eventCells(event(fields), now)[index]).toBe(expected);
  });
});
