import type { NodeSelectorRequirement, Pod } from "@kubesim/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findTargetNodeName, getTargetNodeName } from "./target-node-name.js";

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

describe("findTargetNodeName", () => {
  it("answers as getTargetNodeName, with null where it throws", () => {
    const requirement = fc.record({
      key: fc.constantFrom("metadata.name", "metadata.namespace"),
      operator: fc.constantFrom("In", "NotIn"),
      values: fc.array(fc.constantFrom("node-1", "node-2"), { maxLength: 2 }),
    });
    const term = fc.record({
      matchFields: fc.option(fc.array(requirement, { maxLength: 3 }), { nil: undefined }),
    });
    const pod = fc.record({
      nodeName: fc.option(fc.constantFrom("", "node-9"), { nil: undefined }),
      terms: fc.option(fc.option(fc.array(term, { maxLength: 3 }), { nil: null }), { nil: undefined }),
    });
    fc.assert(
      fc.property(pod, ({ nodeName, terms }) => {
        const subject: Pod = {
          metadata: { name: "web", namespace: "default" },
          spec: {
            containers: [],
            ...(nodeName === undefined ? {} : { nodeName }),
            ...(terms === undefined
              ? {}
              : {
                  affinity: {
                    nodeAffinity: {
                      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms as never },
                    },
                  },
                }),
          },
        };
        let expected: string | null;
        try {
          expected = getTargetNodeName(subject);
        } catch {
          expected = null;
        }
        expect(findTargetNodeName(subject)).toBe(expected);
      }),
    );
  });
});
