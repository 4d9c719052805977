import type { NodeSelectorRequirement, Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { getTargetNodeName } from "./target-node-name.js";

function pinnedPod(name: string, terms: { matchFields?: NodeSelectorRequirement[] }[]): Pod {
  return {
    metadata: { name, namespace: "default" },
    spec: {
      containers: [],
      affinity: {
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } },
      },
    },
  };
}

const pin = (values: string[], operator = "In", key = "metadata.name"): NodeSelectorRequirement => ({
  key,
  operator,
  values,
});

describe("getTargetNodeName (upstream TestGetTargetNodeName)", () => {
  it.each([
    {
      name: "a bound pod belongs to its spec.nodeName",
      pod: { metadata: { name: "pod1", namespace: "default" }, spec: { containers: [], nodeName: "node-1" } },
      expected: "node-1",
    },
    {
      name: "a pending pod belongs to the node its metadata.name pin names",
      pod: pinnedPod("pod2", [{ matchFields: [pin(["node-1"])] }]),
      expected: "node-1",
    },
    {
      name: "spec.nodeName wins over the pin",
      pod: {
        ...pinnedPod("pod5", [{ matchFields: [pin(["node-1"])] }]),
        spec: { containers: [], nodeName: "node-2" },
      },
      expected: "node-2",
    },
    {
      name: "the pin may sit in a later term, after other requirements",
      pod: pinnedPod("pod6", [
        { matchFields: [pin(["node-9"], "NotIn")] },
        { matchFields: [pin(["x"], "In", "metadata.uid"), pin(["node-3"])] },
      ]),
      expected: "node-3",
    },
  ])("$name", ({ pod, expected }) => {
    expect(getTargetNodeName(pod)).toBe(expected);
  });

  it.each([
    {
      name: "a pin with two node names is not unique",
      pod: pinnedPod("pod3", [{ matchFields: [pin(["node-1", "node-2"])] }]),
      message: "the matchFields value of 'metadata.name' is not unique for pod default/pod3",
    },
    {
      name: "a pin with no node name is not unique",
      pod: pinnedPod("pod7", [{ matchFields: [pin([])] }]),
      message: "the matchFields value of 'metadata.name' is not unique for pod default/pod7",
    },
    {
      name: "a pod with neither a node name nor an affinity names no node",
      pod: { metadata: { name: "pod4", namespace: "default" }, spec: { containers: [] } },
      message:
        "no spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution for pod default/pod4",
    },
    {
      name: "a required affinity with no terms names no node",
      pod: pinnedPod("pod8", []),
      message: "no nodeSelectorTerms in requiredDuringSchedulingIgnoredDuringExecution of pod default/pod8",
    },
    {
      name: "terms without a metadata.name In requirement name no node",
      pod: pinnedPod("pod9", [{ matchFields: [pin(["node-1"], "NotIn")] }, {}]),
      message: "no node name found for pod default/pod9",
    },
  ])("$name", ({ pod, message }) => {
    expect(() => getTargetNodeName(pod)).toThrow(message);
    try {
      getTargetNodeName(pod);
    } catch (error) {
      expect((error as Error).name).toBe("KubesimError");
      expect((error as Error).message).toBe(message);
    }
  });
});
