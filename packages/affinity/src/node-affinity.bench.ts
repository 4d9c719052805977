import type { Node, NodeSelector, Pod } from "@kubesim/core";
import { bench, describe } from "vitest";
import { createNodeSelector, requiredNodeAffinity } from "./index.js";

// 15,000 nodes spread over 3 zones, 10 instance types and 100 racks, as a large cluster has.
const nodeCount = 15_000;
const nodes: Node[] = Array.from({ length: nodeCount }, (_, index) => ({
  apiVersion: "v1",
  kind: "Node",
  metadata: {
    name: `node-${index}`,
    labels: {
      "kubernetes.io/hostname": `node-${index}`,
      "kubernetes.io/os": "linux",
      "topology.kubernetes.io/zone": `zone-${index % 3}`,
      "node.kubernetes.io/instance-type": `type-${index % 10}`,
      rack: `rack-${index % 100}`,
      "cpu-generation": String(index % 12),
      ...(index % 7 === 0 ? { gpu: "true" } : {}),
    },
  },
}));

// Five terms (ORed); the last is the one most nodes match, so every term is evaluated.
const fiveTerms: NodeSelector = {
  nodeSelectorTerms: [
    {
      matchExpressions: [
        { key: "gpu", operator: "Exists" },
        { key: "topology.kubernetes.io/zone", operator: "In", values: ["zone-9"] },
      ],
    },
    {
      matchExpressions: [
        { key: "node.kubernetes.io/instance-type", operator: "In", values: ["type-99", "type-98"] },
      ],
    },
    {
      matchExpressions: [
        { key: "rack", operator: "NotIn", values: Array.from({ length: 100 }, (_, rack) => `rack-${rack}`) },
      ],
    },
    { matchFields: [{ key: "metadata.name", operator: "In", values: ["node-does-not-exist"] }] },
    {
      matchExpressions: [
        { key: "kubernetes.io/os", operator: "In", values: ["linux"] },
        { key: "cpu-generation", operator: "Gt", values: ["3"] },
        { key: "topology.kubernetes.io/zone", operator: "NotIn", values: ["zone-2"] },
      ],
    },
  ],
};

const daemonSetPod: Pod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "nginx-x7k2p", namespace: "default" },
  spec: {
    containers: [{ name: "nginx", image: "nginx:1.25" }],
    nodeSelector: { "kubernetes.io/os": "linux" },
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchFields: [{ key: "metadata.name", operator: "In", values: ["node-7"] }] },
          ],
        },
      },
    },
  },
};

const selector = createNodeSelector(fiveTerms);
const pinned = requiredNodeAffinity(daemonSetPod);
let sink = 0;

describe(`node affinity against ${nodeCount} nodes (divide the time per run by ${nodeCount} for ns per node)`, () => {
  bench("a 5-term required node affinity, compiled once, matched against every node", () => {
    for (const node of nodes) if (selector.matches(node)) sink++;
  });

  bench("a DaemonSet pod's nodeSelector + metadata.name pin matched against every node", () => {
    for (const node of nodes) if (pinned.matches(node)) sink++;
  });

  bench("compiling the 5-term selector (parse and validate)", () => {
    if (createNodeSelector(fiveTerms).matches(nodes[0] as Node)) sink++;
  });
});

export { sink };
