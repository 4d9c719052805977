import { fieldErrorMessage, KubesimError, type Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { CycleState, codeName, type FilterPlugin, type PreFilterPlugin } from "../../framework/index.js";
import { createNodeInfo, createNodeInfoLister } from "../../framework/node-info.js";
import { createTestCluster, makeNode, makePod, testFeatures } from "./affinity-test-fixtures.js";
import { createInterPodAffinity, interPodAffinityDefinition } from "./inter-pod-affinity.js";
import { defaultInterPodAffinityArgs, validateInterPodAffinityArgs } from "./inter-pod-affinity-args.js";

describe("InterPodAffinity args", () => {
  it.each([
    { name: "absent args get hardPodAffinityWeight 1", args: undefined, want: { hardPodAffinityWeight: 1 } },
    {
      name: "an explicit weight of 0 is kept",
      args: { hardPodAffinityWeight: 0 },
      want: { hardPodAffinityWeight: 0 },
    },
    {
      name: "a null weight is defaulted and other fields are kept",
      args: { hardPodAffinityWeight: null, ignorePreferredTermsOfExistingPods: true },
      want: { hardPodAffinityWeight: 1, ignorePreferredTermsOfExistingPods: true },
    },
  ])("$name", ({ args, want }) => {
    expect(defaultInterPodAffinityArgs(args)).toEqual(want);
  });

  it.each([
    { name: "weight 0 is valid", args: { hardPodAffinityWeight: 0 }, want: [] },
    { name: "weight 100 is valid", args: { hardPodAffinityWeight: 100 }, want: [] },
    {
      name: "a negative weight is out of range",
      args: { hardPodAffinityWeight: -1 },
      want: ["hardPodAffinityWeight: Invalid value: -1: not in valid range [0, 100]"],
    },
    {
      name: "a weight above 100 is out of range",
      args: { hardPodAffinityWeight: 101 },
      want: ["hardPodAffinityWeight: Invalid value: 101: not in valid range [0, 100]"],
    },
    {
      name: "a weight that is not an integer is a type error",
      args: { hardPodAffinityWeight: "1" },
      want: [
        `hardPodAffinityWeight: Invalid value: "string": hardPodAffinityWeight in body must be of type integer: "string"`,
      ],
    },
  ])("$name", ({ args, want }) => {
    expect(validateInterPodAffinityArgs(args).map(fieldErrorMessage)).toEqual(want);
  });

  it("names the plugin as upstream and wires defaulting and validation", () => {
    expect(interPodAffinityDefinition.name).toBe("InterPodAffinity");
    expect(interPodAffinityDefinition.defaultArgs?.(undefined)).toEqual({ hardPodAffinityWeight: 1 });
    expect(interPodAffinityDefinition.validateArgs?.({ hardPodAffinityWeight: 1 })).toEqual([]);
  });

  it("throws a KubesimError from the factory when args are invalid", () => {
    const build = () =>
      createInterPodAffinity({ hardPodAffinityWeight: 101 }, createTestCluster([]).handle, testFeatures);
    expect(build).toThrow(KubesimError);
    expect(build).toThrow(
      "invalid InterPodAffinityArgs: hardPodAffinityWeight: Invalid value: 101: not in valid range [0, 100]",
    );
  });

  it("registers the cluster events that can make a rejected pod schedulable", () => {
    const plugin = createInterPodAffinity(undefined, createTestCluster([]).handle, testFeatures);
    expect(plugin.eventsToRegister()).toEqual([
      { resource: "Pod", action: "Add" },
      { resource: "Pod", action: "UpdatePodLabel" },
      { resource: "Pod", action: "Delete" },
      { resource: "Node", action: "Add" },
      { resource: "Node", action: "UpdateNodeLabel" },
    ]);
  });
});

describe("InterPodAffinity without listers", () => {
  const node = makeNode("node1", { zone: "z1" });
  const existing = makePod().name("web").namespace("team-a").node("node1").label("app", "web").obj();
  const withNamespaceSelector = (namespaceSelector: object): Pod => ({
    metadata: { namespace: "team-b" },
    spec: {
      containers: [],
      affinity: {
        podAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { labelSelector: { matchLabels: { app: "web" } }, namespaceSelector, topologyKey: "zone" },
          ],
        },
      },
    },
  });

  function filterWithoutListers(pod: Pod): string {
    const nodeInfos = [createNodeInfo(node, [existing])];
    const lister = createNodeInfoLister(nodeInfos);
    const plugin = createInterPodAffinity(
      undefined,
      { snapshotSharedLister: () => lister, clock: createTestCluster([]).handle.clock },
      testFeatures,
    ) as PreFilterPlugin & FilterPlugin;
    const state = new CycleState();
    expect(plugin.preFilter(state, pod, nodeInfos).status).toBeUndefined();
    const status = plugin.filter(state, pod, nodeInfos[0] as never);
    return status === undefined ? "Success" : codeName(status.code);
  }

  it("matches every namespace with an empty namespace selector", () => {
    expect(filterWithoutListers(withNamespaceSelector({}))).toBe("Success");
  });

  it("selects no namespace with a non-empty namespace selector, as no namespace can be listed", () => {
    expect(filterWithoutListers(withNamespaceSelector({ matchLabels: { team: "a" } }))).toBe(
      "UnschedulableAndUnresolvable",
    );
  });
});

describe("InterPodAffinity with invalid terms on existing pods", () => {
  it("ignores the invalid category of an existing pod, as upstream's NodeInfo does", () => {
    const existing = makePod()
      .name("bad")
      .node("node1")
      .label("app", "web")
      .podAntiAffinityIn("app", "zone", ["{{bad}}"])
      .obj();
    const cluster = createTestCluster([makeNode("node1", { zone: "z1" })], [existing]);
    const plugin = createInterPodAffinity(undefined, cluster.handle, testFeatures) as PreFilterPlugin &
      FilterPlugin;
    const incoming = makePod().name("p").label("app", "web").obj();
    const status = plugin.preFilter(new CycleState(), incoming, cluster.nodeInfos).status;
    expect(status === undefined ? "Success" : codeName(status.code)).toBe("Skip");
  });
});
