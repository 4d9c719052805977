import { type Cluster, createCluster } from "@kubesim/cluster";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../kubectl/test-context.js";
import { parseExplainTarget, runExplainPod } from "./explain-pod.js";

describe("kubesim explain pod", () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await createCluster({ seed: 1, nodes: 2, startTime: Date.parse("2026-01-01T00:00:00Z") });
    await cluster.addNode("node-3", { taints: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }] });
    await cluster.apply([
      {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "web", namespace: "default" },
        spec: {
          containers: [{ name: "web", image: "nginx:1.25", resources: { requests: { cpu: "500m" } } }],
        },
      },
      {
        // A scheduling gate keeps the pod pending, so every node is still a candidate.
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "gated", namespace: "default" },
        spec: {
          schedulingGates: [{ name: "example.com/hold" }],
          containers: [{ name: "gated", image: "nginx:1.25", resources: { requests: { cpu: "250m" } } }],
        },
      },
      {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "huge", namespace: "default" },
        spec: { containers: [{ name: "huge", image: "nginx:1.25", resources: { requests: { cpu: "3" } } }] },
      },
    ]);
    await cluster.settle();
  });
  afterAll(() => {
    cluster.close();
  });

  it("Shows each node's filter result and the scores of the feasible nodes", async () => {
    const context = testContext(cluster);
    expect(await runExplainPod(context, "gated")).toBe(0);
    expect(context.io.output.stderr).toBe("");
    expect(context.io.output.stdout).toBe(
      [
        "Pod:       default/gated",
        "Node:      <none>",
        "Selected:  node-2",
        "",
        "Filters:",
        "NODE            RESULT                         PLUGIN            REASON",
        "control-plane   UnschedulableAndUnresolvable   TaintToleration   node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }",
        "node-1          Success                        <none>            <none>",
        "node-2          Success                        <none>            <none>",
        "node-3          UnschedulableAndUnresolvable   TaintToleration   node(s) had untolerated taint {dedicated: gpu}",
        "",
        "Scores (weighted):",
        "NODE     TaintToleration   NodeResourcesFit   NodeResourcesBalancedAllocation   ImageLocality   TOTAL",
        "node-1   300               68                 79                                0               447",
        "node-2   300               83                 91                                0               474",
        "",
      ].join("\n"),
    );
  });

  it("Shows why a pod fits no node, without a scores table", async () => {
    const context = testContext(cluster);
    expect(await runExplainPod(context, "huge")).toBe(0);
    expect(context.io.output.stdout).toBe(
      [
        "Pod:       default/huge",
        "Node:      <none>",
        "Selected:  <none>",
        "",
        "Filters:",
        "NODE            RESULT                         PLUGIN             REASON",
        "control-plane   UnschedulableAndUnresolvable   TaintToleration    node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }",
        "node-1          Unschedulable                  NodeResourcesFit   Insufficient cpu",
        "node-2          Unschedulable                  NodeResourcesFit   Insufficient cpu",
        "node-3          UnschedulableAndUnresolvable   TaintToleration    node(s) had untolerated taint {dedicated: gpu}",
        "",
      ].join("\n"),
    );
  });

  it("Reports a pod that does not exist in the namespace as kubectl does", async () => {
    const context = testContext(cluster, { namespace: "kube-system" });
    await expect(runExplainPod(context, "web")).rejects.toThrow('pods "web" not found');
  });
});

describe("parseExplainTarget", () => {
  it.each([
    { name: "pod NAME names the pod", resource: "pod", podName: "web", want: "web" },
    { name: "pods and po are accepted too", resource: "po", podName: "web", want: "web" },
    { name: "pod/NAME names the pod in one argument", resource: "pod/web", podName: undefined, want: "web" },
  ])("$name", ({ resource, podName, want }) => {
    expect(parseExplainTarget(resource, podName)).toBe(want);
  });

  it.each([
    {
      name: "Another kind is refused",
      resource: "ds",
      podName: "web",
      want: 'explain only explains pods, not "ds": use "kubesim explain pod NAME"',
    },
    {
      name: "A missing name is refused",
      resource: "pod",
      podName: undefined,
      want: 'explain needs a pod name: "kubesim explain pod NAME"',
    },
    {
      name: "A name in both forms is refused as kubectl refuses it",
      resource: "pod/web",
      podName: "other",
      want: "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form",
    },
  ])("$name", ({ resource, podName, want }) => {
    expect(() => parseExplainTarget(resource, podName)).toThrow(want);
  });
});
