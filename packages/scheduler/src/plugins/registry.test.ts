import { describe, expect, it } from "vitest";
import { createInTreeRegistry, inTreePluginDefinition, inTreePluginDefinitions } from "./registry.js";

const defaultProfileOrder = [
  "SchedulingGates",
  "PrioritySort",
  "NodeUnschedulable",
  "NodeName",
  "TaintToleration",
  "NodeAffinity",
  "NodePorts",
  "NodeResourcesFit",
  "VolumeRestrictions",
  "NodeVolumeLimits",
  "VolumeBinding",
  "VolumeZone",
  "PodTopologySpread",
  "InterPodAffinity",
  "DefaultPreemption",
  "NodeResourcesBalancedAllocation",
  "ImageLocality",
  "DefaultBinder",
];

describe("in-tree registry", () => {
  it("lists every v1.32 default plugin once, in the default profile's order", () => {
    expect(inTreePluginDefinitions().map((definition) => definition.name)).toEqual(defaultProfileOrder);
  });

  it("registers every in-tree factory by name", () => {
    const registry = createInTreeRegistry();
    expect([...registry.entries()].map(([name]) => name)).toEqual(defaultProfileOrder);
    expect(registry.get("TaintToleration")).toBe(inTreePluginDefinition("TaintToleration")?.factory);
  });

  it("gives a new registry each time, so out-of-tree plugins do not leak between schedulers", () => {
    const first = createInTreeRegistry();
    first.register("MyPlugin", () => ({ name: "MyPlugin" }));
    expect(createInTreeRegistry().has("MyPlugin")).toBe(false);
  });

  it("refuses an out-of-tree plugin that reuses an in-tree name", () => {
    expect(() => createInTreeRegistry().register("NodeName", () => ({ name: "NodeName" }))).toThrow(
      "a plugin named NodeName already exists",
    );
  });

  it("finds no definition for an unknown name", () => {
    expect(inTreePluginDefinition("nodename")).toBeUndefined();
  });
});
