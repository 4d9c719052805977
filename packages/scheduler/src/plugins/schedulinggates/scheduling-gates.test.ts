import type { Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { Code } from "../../framework/status.js";
import { defaultFeatures } from "../../framework/types.js";
import { createSchedulingGates } from "./scheduling-gates.js";

// Upstream's TestPreEnqueue (pkg/scheduler/framework/plugins/schedulinggates).
const cases: ReadonlyArray<{ name: string; pod: Pod; want: unknown }> = [
  {
    name: "a pod without scheduling gates may enter the queue",
    pod: { metadata: { name: "p" }, spec: { containers: [] } },
    want: undefined,
  },
  {
    name: "a pod with scheduling gates waits for them",
    pod: {
      metadata: { name: "p" },
      spec: { containers: [], schedulingGates: [{ name: "foo" }, { name: "bar" }] },
    },
    want: { code: Code.UnschedulableAndUnresolvable, reasons: ["waiting for scheduling gates: [foo bar]"] },
  },
  {
    name: "an empty gate list gates nothing",
    pod: { spec: { containers: [], schedulingGates: [] } },
    want: undefined,
  },
  { name: "a pod without a spec is not gated", pod: {}, want: undefined },
];

describe("SchedulingGates", () => {
  it.each(cases)("$name", ({ pod, want }) => {
    expect(createSchedulingGates(defaultFeatures).preEnqueue(pod)).toEqual(want);
  });

  it("registers the gates-eliminated pod update only when queueing hints are on", () => {
    expect(createSchedulingGates(defaultFeatures).eventsToRegister()).toEqual([]);
    expect(
      createSchedulingGates({ ...defaultFeatures, enableSchedulingQueueHint: true }).eventsToRegister(),
    ).toEqual([{ resource: "Pod", action: "UpdatePodSchedulingGatesEliminated" }]);
  });
});
