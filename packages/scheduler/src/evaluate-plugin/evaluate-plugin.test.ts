import { KubesimError, StatusError } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import type { CycleState } from "../framework/cycle-state.js";
import type { FilterPlugin, PreFilterPlugin, PreScorePlugin, ScorePlugin } from "../framework/plugin.js";
import type { PluginDefinition } from "../framework/plugin-definition.js";
import { PluginRegistry } from "../framework/registry.js";
import { createStatus, errorStatus, skipStatus, unschedulable } from "../framework/status.js";
import type { NodeInfo } from "../framework/types.js";
import { createInTreeRegistry } from "../plugins/registry.js";
import { evaluatePlugin } from "./evaluate-plugin.js";

const success = { code: "Success", reasons: [] };

/** A user plugin whose behaviour each test scripts through its args. */
interface ScriptedArgs {
  readonly preFilter?: "skip" | "reject" | "narrow" | "throw";
  readonly preScore?: "skip" | "error";
  readonly normalize?: "error";
}

function scriptedPlugin(args: unknown): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin {
  const script = (args ?? {}) as ScriptedArgs;
  return {
    name: "Scripted",
    preFilter(state: CycleState) {
      state.write("PreFilterScripted", true);
      switch (script.preFilter) {
        case "skip":
          return { status: skipStatus };
        case "reject":
          return { status: unschedulable("rejected in PreFilter") };
        case "narrow":
          return { result: { nodeNames: new Set(["b", "a"]) } };
        case "throw":
          throw new TypeError("cannot read the pod");
        default:
          return {};
      }
    },
    filter(_state, _pod, nodeInfo: NodeInfo) {
      return nodeInfo.pods.length > 0
        ? unschedulable(`${nodeInfo.pods.length} pod(s) on ${nodeInfo.name || "(unnamed)"}`)
        : undefined;
    },
    preScore() {
      if (script.preScore === "skip") return skipStatus;
      if (script.preScore === "error") return errorStatus(new Error("broken preferences"));
      return undefined;
    },
    score(_state, _pod, nodeInfo: NodeInfo) {
      return { score: nodeInfo.pods.length * 10 };
    },
    scoreExtensions: () => ({
      normalizeScore: (_state, _pod, scores) => {
        if (script.normalize === "error") return createStatus(1, "cannot normalize");
        for (const entry of scores) entry.score = 100 - entry.score;
        return undefined;
      },
    }),
  };
}

const scripted: PluginDefinition = {
  name: "Scripted",
  factory: (args) => scriptedPlugin(args),
  validateArgs: (args) =>
    (args as { preFilter?: unknown } | undefined)?.preFilter === "bogus"
      ? [
          {
            type: "FieldValueNotSupported",
            field: "preFilter",
            badValue: "bogus",
            detail: 'supported values: "skip"',
          },
        ]
      : [],
};

const nodes = [{ metadata: { name: "a" } }, { metadata: { name: "b" } }, { metadata: { name: "c" } }];
const existingPods = [
  { metadata: { name: "p1" }, spec: { nodeName: "a", containers: [] } },
  { metadata: { name: "p2" }, spec: { nodeName: "a", containers: [] } },
  { metadata: { name: "p3" }, spec: { nodeName: "c", containers: [] } },
  { metadata: { name: "p4" }, spec: { nodeName: "elsewhere", containers: [] } },
];

describe("evaluatePlugin", () => {
  it("runs every stage of a user plugin, with existing pods on the node they name", () => {
    expect(evaluatePlugin("Scripted", { pod: {}, nodes, existingPods, registry: [scripted] })).toEqual({
      preFilter: success,
      preFilterNodeNames: null,
      filter: [
        { code: "Unschedulable", reasons: ["2 pod(s) on a"] },
        success,
        { code: "Unschedulable", reasons: ["1 pod(s) on c"] },
      ],
      preScore: success,
      scores: [20, 0, 10],
      normalizedScores: [80, 100, 90],
      scoreStatus: success,
    });
  });

  it("finds a user plugin in a registry merged with the in-tree one", () => {
    const registry = createInTreeRegistry();
    registry.register("Scripted", (args) => scriptedPlugin(args));
    expect(evaluatePlugin("Scripted", { pod: {}, nodes, existingPods, registry }).scores).toEqual([
      20, 0, 10,
    ]);
    expect(evaluatePlugin("NodeName", { pod: {}, nodes, registry }).filter).toEqual([
      success,
      success,
      success,
    ]);
  });

  it("gives pods without a node name to unnamed nodes", () => {
    const result = evaluatePlugin("Scripted", {
      pod: {},
      nodes: [{}, { metadata: { name: "a" } }],
      existingPods: [{ spec: { containers: [] } }, { spec: { nodeName: "", containers: [] } }],
      registry: [scripted],
    });
    expect(result.filter).toEqual([{ code: "Unschedulable", reasons: ["2 pod(s) on (unnamed)"] }, success]);
  });

  it("runs Filter on every node after a PreFilter rejection", () => {
    const result = evaluatePlugin("Scripted", {
      args: { preFilter: "reject" },
      pod: {},
      nodes,
      existingPods,
      registry: [scripted],
    });
    expect(result.preFilter).toEqual({ code: "Unschedulable", reasons: ["rejected in PreFilter"] });
    expect(result.filter.map((status) => status.code)).toEqual(["Unschedulable", "Success", "Unschedulable"]);
  });

  it("does not run Filter after a PreFilter Skip: every node passes, as in the scheduler", () => {
    const result = evaluatePlugin("Scripted", {
      args: { preFilter: "skip" },
      pod: {},
      nodes,
      existingPods,
      registry: [scripted],
    });
    expect(result.preFilter).toEqual({ code: "Skip", reasons: [] });
    expect(result.filter).toEqual([success, success, success]);
  });

  it("reports the PreFilter narrowing sorted, and still filters every node", () => {
    const result = evaluatePlugin("Scripted", {
      args: { preFilter: "narrow" },
      pod: {},
      nodes,
      existingPods,
      registry: [scripted],
    });
    expect(result.preFilterNodeNames).toEqual(["a", "b"]);
    expect(result.filter).toHaveLength(3);
  });

  it("reports a plugin that throws as an Error status", () => {
    const result = evaluatePlugin("Scripted", {
      args: { preFilter: "throw" },
      pod: {},
      nodes,
      registry: [scripted],
    });
    expect(result.preFilter).toEqual({ code: "Error", reasons: ["cannot read the pod"] });
    expect(result.preFilterNodeNames).toBeNull();
  });

  it("leaves PreFilter and PreScore out when told not to run them", () => {
    const result = evaluatePlugin("Scripted", {
      pod: {},
      nodes,
      runPreFilter: false,
      runPreScore: false,
      registry: [scripted],
    });
    expect(Object.keys(result)).toEqual(["filter", "scores", "normalizedScores", "scoreStatus"]);
  });

  it.each([
    { name: "a PreScore Skip means no scores", preScore: "skip", want: { code: "Skip", reasons: [] } },
    {
      name: "a PreScore Error means no scores",
      preScore: "error",
      want: { code: "Error", reasons: ["broken preferences"] },
    },
  ])("$name", ({ preScore, want }) => {
    const result = evaluatePlugin("Scripted", { args: { preScore }, pod: {}, nodes, registry: [scripted] });
    expect(result.preScore).toEqual(want);
    expect(result.scores).toBeUndefined();
    expect(result.normalizedScores).toBeUndefined();
    expect(result.scoreStatus).toBeUndefined();
  });

  it("reports a NormalizeScore failure with the raw scores", () => {
    const result = evaluatePlugin("Scripted", {
      args: { normalize: "error" },
      pod: {},
      nodes,
      existingPods,
      registry: [scripted],
    });
    expect(result.scores).toEqual([20, 0, 10]);
    expect(result.normalizedScores).toBeUndefined();
    expect(result.scoreStatus).toEqual({ code: "Error", reasons: ["cannot normalize"] });
  });

  it("throws the field errors of invalid args of a user plugin", () => {
    expect(() =>
      evaluatePlugin("Scripted", { args: { preFilter: "bogus" }, pod: {}, nodes, registry: [scripted] }),
    ).toThrow(
      'ScriptedArgs.kubescheduler.config.k8s.io "Scripted" is invalid: preFilter: Unsupported value: "bogus": supported values: "skip"',
    );
  });

  it("throws a field error at scoringStrategy.resources[0].weight for a NodeResourcesFit weight out of range", () => {
    // A weight of 0 is defaulted to 1 by NodeResourcesFit's defaultArgs (v1 defaulting), so it is not listed here.
    for (const weight of [-1, 101]) {
      let thrown: unknown;
      try {
        evaluatePlugin("NodeResourcesFit", {
          args: { scoringStrategy: { type: "LeastAllocated", resources: [{ name: "cpu", weight }] } },
          pod: {},
          nodes: [],
        });
      } catch (error) {
        thrown = error;
      }
      expect(StatusError.isInstance(thrown)).toBe(true);
      expect((thrown as StatusError).errors.map((error) => [error.type, error.field])).toEqual([
        ["FieldValueInvalid", "scoringStrategy.resources[0].weight"],
      ]);
    }
  });

  it("keeps an explicit null in NodeResourcesFit args, so Score reports resources not found", () => {
    const result = evaluatePlugin("NodeResourcesFit", {
      args: { scoringStrategy: { type: "LeastAllocated", resources: null } },
      pod: { spec: { containers: [{ name: "c", resources: { requests: { cpu: "100m" } } }] } },
      nodes: [{ metadata: { name: "a" }, status: { allocatable: { cpu: "1", memory: "1Gi", pods: "10" } } }],
    });
    expect(result.scoreStatus).toEqual({ code: "Error", reasons: ["resources not found"] });
  });

  it("names the known plugins when the plugin is unknown", () => {
    expect(() => evaluatePlugin("NoSuchPlugin", { pod: {}, nodes: [] })).toThrow(KubesimError);
    expect(() =>
      evaluatePlugin("NoSuchPlugin", { pod: {}, nodes: [], registry: new PluginRegistry() }),
    ).toThrow(
      /^evaluatePlugin: no plugin named "NoSuchPlugin" is registered; known plugins: DefaultBinder, DefaultPreemption, /,
    );
  });

  it.each([
    { name: "a missing pod", options: { nodes: [] } },
    { name: "nodes that are not a list", options: { pod: {}, nodes: "a,b" } },
    { name: "existing pods that are not a list", options: { pod: {}, nodes: [], existingPods: {} } },
  ])("rejects $name with a clear error", ({ options }) => {
    expect(() => evaluatePlugin("NodeName", options as never)).toThrow(KubesimError);
  });
});
