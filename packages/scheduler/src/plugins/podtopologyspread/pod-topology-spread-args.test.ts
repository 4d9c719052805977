import { fieldErrorMessage, KubesimError } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { createPodTopologySpread, podTopologySpreadDefinition } from "./pod-topology-spread.js";
import { defaultPodTopologySpreadArgs, validatePodTopologySpreadArgs } from "./pod-topology-spread-args.js";
import { createTestCluster, testFeatures } from "./spread-test-fixtures.js";

describe("defaultPodTopologySpreadArgs", () => {
  it.each([
    { name: "absent args default to System defaulting", args: undefined, want: { defaultingType: "System" } },
    {
      name: "an empty defaultingType defaults to System",
      args: { defaultingType: "" },
      want: { defaultingType: "System" },
    },
    {
      name: "List defaulting with constraints is kept as given",
      args: { defaultingType: "List", defaultConstraints: [{ maxSkew: 1 }] },
      want: { defaultingType: "List", defaultConstraints: [{ maxSkew: 1 }] },
    },
    {
      name: "constraints without a defaultingType still get System (validation then rejects them)",
      args: { defaultConstraints: [] },
      want: { defaultConstraints: [], defaultingType: "System" },
    },
  ])("$name", ({ args, want }) => {
    expect(defaultPodTopologySpreadArgs(args)).toEqual(want);
  });
});

describe("validatePodTopologySpreadArgs (upstream TestValidatePodTopologySpreadArgs)", () => {
  it.each([
    {
      name: "a valid List config has no errors",
      args: {
        defaultConstraints: [
          { maxSkew: 1, topologyKey: "node", whenUnsatisfiable: "DoNotSchedule" },
          { maxSkew: 2, topologyKey: "zone", whenUnsatisfiable: "ScheduleAnyway" },
        ],
        defaultingType: "List",
      },
      want: [],
    },
    {
      name: "maxSkew below one is out of range",
      args: {
        defaultConstraints: [{ maxSkew: -1, topologyKey: "node", whenUnsatisfiable: "DoNotSchedule" }],
        defaultingType: "List",
      },
      want: ["defaultConstraints[0].maxSkew: Invalid value: -1: not in valid range (0, inf)"],
    },
    {
      name: "an empty topology key is required",
      args: {
        defaultConstraints: [{ maxSkew: 1, whenUnsatisfiable: "DoNotSchedule" }],
        defaultingType: "List",
      },
      want: ["defaultConstraints[0].topologyKey: Required value: can not be empty"],
    },
    {
      name: "a topology key that is not a qualified name is invalid",
      args: {
        defaultConstraints: [{ maxSkew: 1, topologyKey: "bad key", whenUnsatisfiable: "DoNotSchedule" }],
        defaultingType: "List",
      },
      want: [
        `defaultConstraints[0].topologyKey: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      ],
    },
    {
      name: "an empty whenUnsatisfiable is required",
      args: { defaultConstraints: [{ maxSkew: 1, topologyKey: "node" }], defaultingType: "List" },
      want: ["defaultConstraints[0].whenUnsatisfiable: Required value: can not be empty"],
    },
    {
      name: "an unknown whenUnsatisfiable is not supported",
      args: {
        defaultConstraints: [{ maxSkew: 1, topologyKey: "node", whenUnsatisfiable: "unknown action" }],
        defaultingType: "List",
      },
      want: [
        `defaultConstraints[0].whenUnsatisfiable: Unsupported value: "unknown action": supported values: "DoNotSchedule", "ScheduleAnyway"`,
      ],
    },
    {
      name: "a repeated topologyKey and whenUnsatisfiable pair is a duplicate",
      args: {
        defaultConstraints: [
          { maxSkew: 1, topologyKey: "node", whenUnsatisfiable: "DoNotSchedule" },
          { maxSkew: 2, topologyKey: "node", whenUnsatisfiable: "DoNotSchedule" },
        ],
        defaultingType: "List",
      },
      want: [`defaultConstraints[1]: Duplicate value: "{node, DoNotSchedule}"`],
    },
    {
      name: "a label selector is forbidden in default constraints",
      args: {
        defaultConstraints: [
          {
            maxSkew: 1,
            topologyKey: "key",
            whenUnsatisfiable: "ScheduleAnyway",
            labelSelector: { matchLabels: {} },
          },
        ],
        defaultingType: "List",
      },
      want: [
        "defaultConstraints[0].labelSelector: Forbidden: constraint must not define a selector, as they deduced for each pod",
      ],
    },
    { name: "List defaulting without constraints is valid", args: { defaultingType: "List" }, want: [] },
    { name: "System defaulting without constraints is valid", args: { defaultingType: "System" }, want: [] },
    {
      name: "System defaulting with constraints is invalid",
      args: {
        defaultConstraints: [{ maxSkew: 1, topologyKey: "node", whenUnsatisfiable: "DoNotSchedule" }],
        defaultingType: "System",
      },
      want: [`defaultingType: Invalid value: "System": when .defaultConstraints are not empty`],
    },
    {
      name: "an unknown defaultingType is not supported",
      args: { defaultingType: "Sometimes" },
      want: [`defaultingType: Unsupported value: "Sometimes": supported values: "System", "List"`],
    },
    {
      name: "a maxSkew that is not an integer is a type error",
      args: {
        defaultConstraints: [{ maxSkew: "1", topologyKey: "node", whenUnsatisfiable: "DoNotSchedule" }],
        defaultingType: "List",
      },
      want: [
        `defaultConstraints[0].maxSkew: Invalid value: "string": defaultConstraints[0].maxSkew in body must be of type integer: "string"`,
      ],
    },
  ])("$name", ({ args, want }) => {
    expect(validatePodTopologySpreadArgs(args).map(fieldErrorMessage)).toEqual(want);
  });
});

describe("podTopologySpreadDefinition", () => {
  it("names the plugin as upstream and wires defaulting and validation", () => {
    expect(podTopologySpreadDefinition.name).toBe("PodTopologySpread");
    expect(podTopologySpreadDefinition.defaultArgs?.(undefined)).toEqual({ defaultingType: "System" });
    expect(podTopologySpreadDefinition.validateArgs?.({ defaultingType: "List" })).toEqual([]);
  });

  it("throws a KubesimError from the factory when args are invalid", () => {
    const cluster = createTestCluster([]);
    const build = () =>
      createPodTopologySpread({ defaultingType: "Sometimes" }, cluster.handle, testFeatures());
    expect(build).toThrow(KubesimError);
    expect(build).toThrow(
      `invalid PodTopologySpreadArgs: defaultingType: Unsupported value: "Sometimes": supported values: "System", "List"`,
    );
  });

  it("registers the cluster events that can make a rejected pod schedulable", () => {
    const cluster = createTestCluster([]);
    const plugin = createPodTopologySpread(undefined, cluster.handle, testFeatures());
    expect(plugin.eventsToRegister()).toEqual([
      { resource: "Pod", action: "Add" },
      { resource: "Pod", action: "UpdatePodLabel" },
      { resource: "Pod", action: "Delete" },
      { resource: "Node", action: "Add" },
      { resource: "Node", action: "Delete" },
      { resource: "Node", action: "UpdateNodeLabel" },
      { resource: "Node", action: "UpdateNodeTaint" },
    ]);
  });
});
