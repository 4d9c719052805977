import type { DaemonSet, DaemonSetUpdateStrategy, Node, PodSpec, Taint, Toleration } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { createDaemonPodPlacement, nodeShouldRunDaemonPod } from "./node-should-run-daemon-pod.js";

// Fixtures mirror upstream's daemon_controller_test.go helpers.
const simpleDaemonSetLabel = { name: "simple-daemon", type: "production" };
const simpleDaemonSetLabel2 = { name: "simple-daemon", type: "test" };

function resourcePodSpec(nodeName: string, memory: string, cpu: string): PodSpec {
  return {
    nodeName,
    containers: [{ name: "app", image: "foo/bar", resources: { requests: { memory, cpu } } }],
  };
}

function daemonSetWith(spec: Partial<PodSpec>, strategy?: DaemonSetUpdateStrategy): DaemonSet {
  return {
    metadata: { name: "ds", namespace: "default" },
    spec: {
      selector: { matchLabels: simpleDaemonSetLabel },
      ...(strategy === undefined ? {} : { updateStrategy: strategy }),
      template: { metadata: { labels: simpleDaemonSetLabel }, spec: { containers: [], ...spec } },
    },
  };
}

function testNode(
  options: { unschedulable?: boolean; taints?: Taint[]; labels?: Record<string, string> } = {},
): Node {
  return {
    metadata: { name: "test-node", labels: options.labels ?? simpleDaemonSetLabel },
    spec: {
      ...(options.unschedulable === undefined ? {} : { unschedulable: options.unschedulable }),
      ...(options.taints === undefined ? {} : { taints: options.taints }),
    },
    status: {
      conditions: [{ type: "Ready", status: "True" }],
      allocatable: { memory: "100M", cpu: "1", pods: "100" },
    },
  };
}

const typeIn = (value: string): Partial<PodSpec> => ({
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: "type", operator: "In", values: [value] }] }],
      },
    },
  },
});

const strategies: { strategyName: string; strategy: DaemonSetUpdateStrategy }[] = [
  { strategyName: "OnDelete", strategy: { type: "OnDelete" } },
  {
    strategyName: "RollingUpdate",
    strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1 } },
  },
];

// TestNodeShouldRunDaemonPod: every row, under both update strategies.
const upstreamRows: {
  name: string;
  spec: Partial<PodSpec>;
  unschedulable?: boolean;
  expected: { shouldRun: boolean; shouldContinueRunning: boolean };
}[] = [
  {
    name: "a pod whose requests fit the node runs there",
    spec: resourcePodSpec("", "50M", "0.5"),
    expected: { shouldRun: true, shouldContinueRunning: true },
  },
  {
    name: "requests above the node's allocatable are ignored (the scheduler handles resources)",
    spec: resourcePodSpec("", "200M", "0.5"),
    expected: { shouldRun: true, shouldContinueRunning: true },
  },
  {
    name: "a template that names another node neither runs nor keeps running",
    spec: resourcePodSpec("other-node", "50M", "0.5"),
    expected: { shouldRun: false, shouldContinueRunning: false },
  },
  {
    name: "a host port already taken on the node is ignored",
    spec: { containers: [{ name: "app", ports: [{ containerPort: 666, hostPort: 666 }] }] },
    expected: { shouldRun: true, shouldContinueRunning: true },
  },
  {
    name: "resources used by other pods on the node are ignored",
    spec: resourcePodSpec("", "100M", "0.5"),
    expected: { shouldRun: true, shouldContinueRunning: true },
  },
  {
    name: "a nodeSelector the node's labels do not satisfy neither runs nor keeps running",
    spec: { nodeSelector: simpleDaemonSetLabel2 },
    expected: { shouldRun: false, shouldContinueRunning: false },
  },
  {
    name: "a nodeSelector the node's labels satisfy runs",
    spec: { nodeSelector: simpleDaemonSetLabel },
    expected: { shouldRun: true, shouldContinueRunning: true },
  },
  {
    name: "a required node affinity the node does not match neither runs nor keeps running",
    spec: typeIn("test"),
    expected: { shouldRun: false, shouldContinueRunning: false },
  },
  {
    name: "a required node affinity the node matches runs",
    spec: typeIn("production"),
    expected: { shouldRun: true, shouldContinueRunning: true },
  },
  {
    name: "an unschedulable (cordoned) node still runs the pod",
    spec: resourcePodSpec("", "50M", "0.5"),
    unschedulable: true,
    expected: { shouldRun: true, shouldContinueRunning: true },
  },
];

describe("nodeShouldRunDaemonPod (upstream TestNodeShouldRunDaemonPod)", () => {
  const cases = upstreamRows.flatMap((row) =>
    strategies.map(({ strategyName, strategy }) => ({ ...row, strategyName, strategy })),
  );
  it.each(cases)("$name (strategy $strategyName)", ({ spec, unschedulable, strategy, expected }) => {
    const node = testNode(unschedulable === undefined ? {} : { unschedulable });
    expect(nodeShouldRunDaemonPod(node, daemonSetWith(spec, strategy))).toEqual(expected);
  });
});

const noScheduleTaint: Taint = { key: "dedicated", value: "user1", effect: "NoSchedule" };
const noExecuteTaint: Taint = { key: "dedicated", value: "user1", effect: "NoExecute" };
const noScheduleToleration: Toleration = { key: "dedicated", value: "user1", effect: "NoSchedule" };

const taintRows: {
  name: string;
  taints: Taint[];
  spec?: Partial<PodSpec>;
  expected: [shouldRun: boolean, shouldContinueRunning: boolean];
}[] = [
  {
    name: "an untolerated NoSchedule taint stops new pods but keeps a running one",
    taints: [noScheduleTaint],
    expected: [false, true],
  },
  {
    name: "an untolerated NoExecute taint stops new pods and evicts a running one",
    taints: [noExecuteTaint],
    expected: [false, false],
  },
  {
    name: "a NoSchedule taint the template tolerates runs the pod",
    taints: [noScheduleTaint],
    spec: { tolerations: [noScheduleToleration] },
    expected: [true, true],
  },
  {
    name: "a toleration on an untainted node changes nothing",
    taints: [],
    spec: { tolerations: [noScheduleToleration] },
    expected: [true, true],
  },
  {
    name: "the not-ready NoExecute taint is tolerated by default",
    taints: [{ key: "node.kubernetes.io/not-ready", effect: "NoExecute", timeAdded: "2024-01-01T00:00:00Z" }],
    expected: [true, true],
  },
  {
    name: "the unreachable NoExecute taint is tolerated by default",
    taints: [{ key: "node.kubernetes.io/unreachable", effect: "NoExecute" }],
    expected: [true, true],
  },
  {
    name: "disk, memory and PID pressure NoSchedule taints are tolerated by default",
    taints: [
      { key: "node.kubernetes.io/disk-pressure", effect: "NoSchedule" },
      { key: "node.kubernetes.io/memory-pressure", effect: "NoSchedule" },
      { key: "node.kubernetes.io/pid-pressure", effect: "NoSchedule" },
    ],
    expected: [true, true],
  },
  {
    name: "the unschedulable NoSchedule taint of a cordoned node is tolerated by default",
    taints: [{ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" }],
    expected: [true, true],
  },
  {
    name: "the not-ready NoSchedule taint is not tolerated by default, so a NotReady node gets no new pod",
    taints: [{ key: "node.kubernetes.io/not-ready", effect: "NoSchedule" }],
    expected: [false, true],
  },
  {
    name: "the network-unavailable taint is not tolerated by a pod without host networking",
    taints: [{ key: "node.kubernetes.io/network-unavailable", effect: "NoSchedule" }],
    expected: [false, true],
  },
  {
    name: "the network-unavailable taint is tolerated by a pod with host networking",
    taints: [{ key: "node.kubernetes.io/network-unavailable", effect: "NoSchedule" }],
    spec: { hostNetwork: true },
    expected: [true, true],
  },
  {
    name: "a PreferNoSchedule taint is ignored",
    taints: [{ key: "dedicated", value: "user1", effect: "PreferNoSchedule" }],
    expected: [true, true],
  },
  {
    name: "an untolerated NoExecute taint after an untolerated NoSchedule one still evicts",
    taints: [noScheduleTaint, { key: "other", effect: "NoExecute" }],
    expected: [false, false],
  },
  {
    name: "a tolerated NoExecute taint beside an untolerated NoSchedule taint keeps the running pod",
    taints: [noScheduleTaint, { key: "batch", effect: "NoExecute" }],
    spec: { tolerations: [{ key: "batch", operator: "Exists", effect: "NoExecute", tolerationSeconds: 30 }] },
    expected: [false, true],
  },
  {
    name: "a toleration with an empty key and operator Exists tolerates every taint",
    taints: [noScheduleTaint, noExecuteTaint],
    spec: { tolerations: [{ operator: "Exists" }] },
    expected: [true, true],
  },
  {
    name: "a toleration whose value differs does not tolerate the taint",
    taints: [noScheduleTaint],
    spec: { tolerations: [{ key: "dedicated", value: "user2", effect: "NoSchedule" }] },
    expected: [false, true],
  },
  {
    name: "a toleration for NoSchedule does not cover the same taint with effect NoExecute",
    taints: [noExecuteTaint],
    spec: { tolerations: [noScheduleToleration] },
    expected: [false, false],
  },
];

describe("nodeShouldRunDaemonPod with taints and tolerations", () => {
  it.each(taintRows)("$name", ({ taints, spec, expected }) => {
    const result = nodeShouldRunDaemonPod(testNode({ taints }), daemonSetWith(spec ?? {}));
    expect([result.shouldRun, result.shouldContinueRunning]).toEqual(expected);
  });
});

const nodeName = (values: string[], operator = "In"): Partial<PodSpec> => ({
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator, values }] }],
      },
    },
  },
});

const affinityRows: { name: string; spec: Partial<PodSpec>; expected: [boolean, boolean] }[] = [
  { name: "a template naming this node runs on it", spec: { nodeName: "test-node" }, expected: [true, true] },
  {
    name: "a template naming another node with a matching nodeSelector does not run",
    spec: { nodeName: "node-0", nodeSelector: simpleDaemonSetLabel },
    expected: [false, false],
  },
  {
    name: "a template naming this node with a nodeSelector it fails does not run",
    spec: { nodeName: "test-node", nodeSelector: simpleDaemonSetLabel2 },
    expected: [false, false],
  },
  {
    name: "a template naming another node is not saved by a toleration of every taint",
    spec: { nodeName: "other-node", tolerations: [{ operator: "Exists" }] },
    expected: [false, false],
  },
  {
    name: "a matchFields metadata.name pin on this node runs",
    spec: nodeName(["test-node"]),
    expected: [true, true],
  },
  {
    name: "a matchFields metadata.name pin on another node does not run",
    spec: nodeName(["node-9"]),
    expected: [false, false],
  },
  {
    name: "a nodeSelector and an affinity must both match",
    spec: { nodeSelector: simpleDaemonSetLabel, ...typeIn("test") },
    expected: [false, false],
  },
  {
    name: "an affinity with an empty term list matches no node",
    spec: {
      affinity: {
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } },
      },
    },
    expected: [false, false],
  },
  {
    name: "an invalid affinity term never matches and raises nothing",
    spec: {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: "type", operator: "Near", values: ["production"] }] },
            ],
          },
        },
      },
    },
    expected: [false, false],
  },
  {
    name: "an invalid affinity term ORed with a matching valid one runs",
    spec: {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: "type", operator: "In" }] },
              { matchExpressions: [{ key: "type", operator: "In", values: ["production"] }] },
            ],
          },
        },
      },
    },
    expected: [true, true],
  },
  {
    name: "a preferred node affinity the node does not match is ignored",
    spec: {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 1,
              preference: { matchExpressions: [{ key: "type", operator: "In", values: ["test"] }] },
            },
          ],
        },
      },
    },
    expected: [true, true],
  },
];

describe("nodeShouldRunDaemonPod with node names, selectors and affinity", () => {
  it.each(affinityRows)("$name", ({ spec, expected }) => {
    const result = nodeShouldRunDaemonPod(testNode(), daemonSetWith(spec));
    expect([result.shouldRun, result.shouldContinueRunning]).toEqual(expected);
  });
});

describe("createDaemonPodPlacement", () => {
  it("answers for every node exactly as nodeShouldRunDaemonPod does", () => {
    const daemonSet = daemonSetWith({ nodeSelector: { disk: "ssd" } });
    const nodes: Node[] = [
      { metadata: { name: "a", labels: { disk: "ssd" } } },
      { metadata: { name: "b", labels: { disk: "hdd" } } },
      { metadata: { name: "c", labels: { disk: "ssd" } }, spec: { taints: [noScheduleTaint] } },
      { metadata: { name: "d", labels: { disk: "ssd" } }, spec: { taints: [noExecuteTaint] } },
    ];
    const placement = createDaemonPodPlacement(daemonSet);
    expect(nodes.map((node) => placement(node))).toEqual(
      nodes.map((node) => nodeShouldRunDaemonPod(node, daemonSet)),
    );
    expect(nodes.map((node) => placement(node).shouldRun)).toEqual([true, false, false, false]);
  });

  it("treats a DaemonSet without a template as one without constraints", () => {
    const placement = createDaemonPodPlacement({ metadata: { name: "bare" } });
    expect(placement({ metadata: { name: "n" } })).toEqual({ shouldRun: true, shouldContinueRunning: true });
  });

  it("does not change the DaemonSet", () => {
    const daemonSet = daemonSetWith({ tolerations: [noScheduleToleration] });
    const before = structuredClone(daemonSet);
    createDaemonPodPlacement(daemonSet)(testNode({ taints: [noScheduleTaint] }));
    expect(daemonSet).toEqual(before);
  });
});
