import { describe, expect, it } from "vitest";
import { buildResourceRequest, type ResourceArgumentOptions } from "./resource-arguments.js";

function summary(args: string[], options: ResourceArgumentOptions = {}): unknown {
  const request = buildResourceRequest(args, options);
  if (request.type === "tuples")
    return { tuples: request.tuples.map((tuple) => `${tuple.resource.plural}/${tuple.name}`) };
  if (request.type === "names") return { names: request.names, resource: request.resource.plural };
  return {
    selector: request.labelSelector,
    fields: request.fieldSelector,
    resources: request.resources.map((resource) => resource.plural),
  };
}

describe("buildResourceRequest", () => {
  it.each([
    {
      name: "a short type and names",
      args: ["ds", "a", "b"],
      want: { names: ["a", "b"], resource: "daemonsets" },
    },
    {
      name: "TYPE/NAME arguments",
      args: ["ds/a", "node/n1"],
      want: { tuples: ["daemonsets/a", "nodes/n1"] },
    },
    {
      name: "several types and a name become one tuple per type",
      args: ["ds,po", "x"],
      want: { tuples: ["daemonsets/x", "pods/x"] },
    },
    {
      name: "a type with a selector",
      args: ["pods"],
      options: { labelSelector: "app=x" },
      want: { selector: "app=x", fields: "", resources: ["pods"] },
    },
    {
      name: "a bare type with --all selects everything",
      args: ["ds"],
      options: { selectAll: true },
      want: { selector: "", fields: "", resources: ["daemonsets"] },
    },
    {
      name: "a bare type where an empty selector is allowed",
      args: ["ds"],
      options: { allowEmptySelector: true },
      want: { selector: "", fields: "", resources: ["daemonsets"] },
    },
    {
      name: "all expands to the all category",
      args: ["all"],
      options: { selectAll: true },
      want: {
        selector: "",
        fields: "",
        resources: ["pods", "services", "daemonsets", "deployments", "replicasets"],
      },
    },
    {
      name: "a group-qualified type",
      args: ["daemonsets.apps", "nginx"],
      want: { names: ["nginx"], resource: "daemonsets" },
    },
  ])("resolves $name", ({ args, options, want }) => {
    expect(summary(args, options)).toEqual(want);
  });

  it.each([
    {
      name: "an unknown type",
      args: ["foos", "x"],
      message: 'the server doesn\'t have a resource type "foos"',
    },
    {
      name: "an unknown group-qualified type",
      args: ["foos.example.com", "x"],
      message: 'the server doesn\'t have a resource type "foos"',
    },
    {
      name: "a type without a name",
      args: ["ds"],
      message: "resource(s) were provided, but no name was specified",
    },
    {
      name: "two slashes",
      args: ["ds/a/b"],
      message: "arguments in resource/name form may not have more than one slash",
    },
    {
      name: "an empty name",
      args: ["ds/"],
      message: "arguments in resource/name form must have a single resource and name",
    },
    {
      name: "names with a selector",
      args: ["ds", "a"],
      options: { labelSelector: "x=y" },
      message: "name cannot be provided when a selector is specified",
    },
    {
      name: "tuples with --all",
      args: ["ds/a"],
      options: { selectAll: true },
      message: "selectors and the all flag cannot be used when passing resource/name arguments",
    },
    {
      name: "nothing at all",
      args: [],
      message: "You must provide one or more resources by argument or filename.",
    },
  ])("refuses $name with kubectl's message", ({ args, options, message }) => {
    expect(() => buildResourceRequest(args, options)).toThrow(message);
  });
});
