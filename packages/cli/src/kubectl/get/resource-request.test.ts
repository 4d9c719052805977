import { describe, expect, it } from "vitest";
import { type ResourceRequestOptions, resolveResourceRequest } from "./resource-request.js";

const defaults: ResourceRequestOptions = {
  labelSelector: undefined,
  fieldSelector: undefined,
  allNamespaces: false,
  commandName: "kubesim",
};

/** A readable summary: `list pods,services` or `names daemonsets/nginx (single)`. */
function summary(args: readonly string[], options: Partial<ResourceRequestOptions> = {}): string {
  const result = resolveResourceRequest(args, { ...defaults, ...options });
  if (result.error !== undefined) return `error: ${result.error}`;
  const request = result.request;
  if (request.mode === "list") return `list ${request.resources.map((info) => info.plural).join(",")}`;
  const targets = request.targets.map((target) => `${target.resource.plural}/${target.name}`).join(",");
  return `names ${targets}${request.singleItemImplied ? " (single)" : ""}`;
}

describe("resolveResourceRequest", () => {
  it.each([
    { name: "one type lists it", args: ["po"], expected: "list pods" },
    {
      name: "repeated spellings of one kind list it once",
      args: ["ds,daemonsets,daemonset.apps"],
      expected: "list daemonsets",
    },
    {
      name: "all expands to its category in discovery order",
      args: ["all"],
      expected: "list pods,services,daemonsets,deployments,replicasets",
    },
    {
      name: "all next to another type",
      args: ["no,all"],
      expected: "list nodes,pods,services,daemonsets,deployments,replicasets",
    },
    {
      name: "a type and one name is a single get",
      args: ["ds", "nginx"],
      expected: "names daemonsets/nginx (single)",
    },
    { name: "a type and two names", args: ["ns", "a", "b"], expected: "names namespaces/a,namespaces/b" },
    { name: "TYPE/NAME pairs", args: ["ds/x", "no/y"], expected: "names daemonsets/x,nodes/y" },
    {
      name: "one TYPE/NAME pair is a single get",
      args: ["deploy/web"],
      expected: "names deployments/web (single)",
    },
    {
      name: "two types and a name become pairs",
      args: ["ds,rs", "x"],
      expected: "names daemonsets/x,replicasets/x",
    },
    {
      name: "an unknown type",
      args: ["foos"],
      expected: 'error: the server doesn\'t have a resource type "foos"',
    },
    {
      name: "an unknown grouped type names its resource part",
      args: ["widgets.example.com"],
      expected: 'error: the server doesn\'t have a resource type "widgets"',
    },
    {
      name: "an empty type after a comma",
      args: ["ds,"],
      expected: 'error: the server doesn\'t have a resource type ""',
    },
    {
      name: "a category with a name",
      args: ["all", "x"],
      expected: "error: you must specify only one resource",
    },
    {
      name: "a slash in only some arguments",
      args: ["ds", "ds/x"],
      expected:
        "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubesim get resource/<resource_name>' instead of 'kubesim get resource resource/<resource_name>'",
    },
    {
      name: "two slashes",
      args: ["ds/x/y"],
      expected: "error: arguments in resource/name form may not have more than one slash",
    },
    {
      name: "an empty name after the slash",
      args: ["ds/"],
      expected: "error: arguments in resource/name form must have a single resource and name",
    },
    {
      name: "two types before the slash",
      args: ["ds,po/x"],
      expected: "error: arguments in resource/name form must have a single resource and name",
    },
  ])("reads $name", ({ args, expected }) => {
    expect(summary(args)).toBe(expected);
  });

  it.each([
    {
      name: "a selector with a type lists it",
      args: ["ds"],
      options: { labelSelector: "app=x" },
      expected: "list daemonsets",
    },
    {
      name: "a selector with a name",
      args: ["ds", "x"],
      options: { fieldSelector: "a=b" },
      expected: "error: name cannot be provided when a selector is specified",
    },
    {
      name: "a selector with TYPE/NAME",
      args: ["ds/x"],
      options: { labelSelector: "a" },
      expected: "error: selectors and the all flag cannot be used when passing resource/name arguments",
    },
    {
      name: "a namespaced name across namespaces",
      args: ["po", "x"],
      options: { allNamespaces: true },
      expected: "error: a resource cannot be retrieved by name across all namespaces",
    },
    {
      name: "a namespaced TYPE/NAME across namespaces",
      args: ["no/a", "po/x"],
      options: { allNamespaces: true },
      expected: "error: a resource cannot be retrieved by name across all namespaces",
    },
    {
      name: "a cluster-scoped name across namespaces",
      args: ["no", "a"],
      options: { allNamespaces: true },
      expected: "names nodes/a (single)",
    },
  ])("handles $name", ({ args, options, expected }) => {
    expect(summary(args, options)).toBe(expected);
  });
});
