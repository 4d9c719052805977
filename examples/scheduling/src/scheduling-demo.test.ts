import { describe, expect, it } from "vitest";
import { runSchedulingDemo } from "./scheduling-demo.js";

describe("the scheduling demo over the real in-memory store", () => {
  it("places pods, writes the exact FailedScheduling message and explains every node", async () => {
    expect(await runSchedulingDemo()).toBe(
      [
        "$ kubectl get pods   (NAME, NODE, PodScheduled reason)",
        "web-1\tnode-2",
        "web-2\tnode-1",
        "web-3\t<pending>\tUnschedulable",
        "zoned\tnode-1",
        "",
        "$ kubectl get events   (scheduler events)",
        "Normal\tScheduled\tSuccessfully assigned default/web-1 to node-2",
        "Normal\tScheduled\tSuccessfully assigned default/web-2 to node-1",
        "Warning\tFailedScheduling\t0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
        "Normal\tScheduled\tSuccessfully assigned default/zoned to node-1",
        "",
        "$ explain pod web-3",
        "control-plane\tUnschedulableAndUnresolvable\tTaintToleration\tnode(s) had untolerated taint {node-role.kubernetes.io/control-plane: }",
        "node-1\tUnschedulable\tNodeResourcesFit\tInsufficient cpu",
        "node-2\tUnschedulable\tNodeResourcesFit\tInsufficient cpu",
        "",
      ].join("\n"),
    );
  });

  it("gives the same output on every run, as the seed fixes every choice", async () => {
    expect(await runSchedulingDemo()).toBe(await runSchedulingDemo());
  });
});
