/**
 * Reads `get`'s positional arguments as kubectl's resource builder does
 * (`ResourceTypeOrNameArgs`): `TYPE[,TYPE...]` lists, `TYPE NAME...` gets by name,
 * `TYPE/NAME...` gets each pair, `TYPE1,TYPE2 NAME` gets every pair, and the `all`
 * category expands to its resource types. Errors carry kubectl's messages.
 */
import { findResource, findResourcesInCategory, goQuote, type ResourceInfo } from "@kubesim/core";

/** One resource type and name to get. */
export interface NamedResource {
  readonly resource: ResourceInfo;
  readonly name: string;
}

/** What to fetch, and whether the user asked for exactly one object. */
export type ResourceRequest =
  | { readonly mode: "list"; readonly resources: readonly ResourceInfo[] }
  | {
      readonly mode: "names";
      readonly targets: readonly NamedResource[];
      readonly singleItemImplied: boolean;
    };

/** The selectors and namespace scope that change how arguments are read. */
export interface ResourceRequestOptions {
  /** `-l`, trimmed; `undefined` when not given. */
  readonly labelSelector: string | undefined;
  /** `--field-selector`, trimmed; `undefined` when not given. */
  readonly fieldSelector: string | undefined;
  /** `-A`. */
  readonly allNamespaces: boolean;
  /** The program name shown in the `resource/name` usage hint, e.g. `kubesim`. */
  readonly commandName: string;
}

/** The outcome: a request, or the one error kubectl stops with. */
export type ResourceRequestResult =
  | { readonly request: ResourceRequest; readonly error?: undefined }
  | { readonly request?: undefined; readonly error: string };

/** kubectl's `SplitResourceArgument`: split on commas, drop exact repeats, keep empty parts. */
function splitResourceArgument(argument: string): string[] {
  return [...new Set(argument.split(","))];
}

/** `a,b NAME1 NAME2` becomes `a/NAME1 a/NAME2 b/NAME1 b/NAME2`. */
function normalizeMultipleResources(args: readonly string[]): string[] {
  if (args.length < 2) return [...args];
  const resources = splitResourceArgument(args[0] as string);
  if (resources.length < 2) return [...args];
  return resources.flatMap((resource) => args.slice(1).map((name) => `${resource}/${name}`));
}

function expandCategories(argument: string): string {
  return argument
    .split(",")
    .map((part) => {
      const members = findResourcesInCategory(part);
      if (members.length === 0) return part;
      return members
        .map((info) => (info.group === "" ? info.plural : `${info.plural}.${info.group}`))
        .join(",");
    })
    .join(",");
}

/**
 * kubectl's `mappingFor` failure message: the resource part of the argument (before the
 * first dot), as typed.
 */
function unknownTypeError(argument: string): string {
  const dot = argument.indexOf(".");
  const resource = dot === -1 ? argument : argument.slice(0, dot);
  return `the server doesn't have a resource type ${goQuote(resource)}`;
}

type Mapped = { readonly info: ResourceInfo; readonly error?: undefined } | { readonly error: string };

function mapResource(argument: string): Mapped {
  const info = findResource(argument);
  return info === undefined ? { error: unknownTypeError(argument) } : { info };
}

// kubectl refuses names of namespaced resources when -A leaves the namespace empty.
const nameAcrossNamespacesError = "a resource cannot be retrieved by name across all namespaces";

function readPairs(
  args: readonly string[],
): { pairs: { resource: string; name: string }[] } | { error: string } {
  const pairs: { resource: string; name: string }[] = [];
  for (const argument of args) {
    const parts = argument.split("/");
    if (parts.length !== 2)
      return { error: "arguments in resource/name form may not have more than one slash" };
    const [resource = "", name = ""] = parts;
    if (resource === "" || name === "" || splitResourceArgument(resource).length !== 1) {
      return { error: "arguments in resource/name form must have a single resource and name" };
    }
    pairs.push({ resource, name });
  }
  return { pairs };
}

/**
 * Turns `get`'s arguments into what to fetch.
 *
 * @param args - the positional arguments (at least one).
 */
export function resolveResourceRequest(
  args: readonly string[],
  options: ResourceRequestOptions,
): ResourceRequestResult {
  const normalized = normalizeMultipleResources(args);
  const slashes = normalized.filter((argument) => argument.includes("/")).length;
  const selectorGiven = options.labelSelector !== undefined || options.fieldSelector !== undefined;

  if (slashes > 0) {
    if (slashes !== normalized.length) {
      const command = options.commandName;
      return {
        error: `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. '${command} get resource/<resource_name>' instead of '${command} get resource resource/<resource_name>'`,
      };
    }
    const read = readPairs(normalized);
    if ("error" in read) return { error: read.error };
    if (selectorGiven)
      return { error: "selectors and the all flag cannot be used when passing resource/name arguments" };
    const mappings = new Map<string, ResourceInfo>();
    for (const { resource } of read.pairs) {
      if (mappings.has(resource)) continue;
      const mapped = mapResource(resource);
      if (mapped.error !== undefined) return { error: mapped.error };
      mappings.set(resource, mapped.info);
    }
    const targets: NamedResource[] = [];
    for (const { resource, name } of read.pairs) {
      const info = mappings.get(resource) as ResourceInfo;
      if (info.namespaced && options.allNamespaces) return { error: nameAcrossNamespacesError };
      targets.push({ resource: info, name });
    }
    return { request: { mode: "names", targets, singleItemImplied: targets.length === 1 } };
  }

  const [typeArgument = "", ...names] = normalized;
  const types = splitResourceArgument(expandCategories(typeArgument));

  if (names.length === 0 || selectorGiven) {
    if (names.length > 0) return { error: "name cannot be provided when a selector is specified" };
    const resources: ResourceInfo[] = [];
    for (const type of types) {
      const mapped = mapResource(type);
      if (mapped.error !== undefined) return { error: mapped.error };
      // Shortcuts and plurals of one kind are fetched once.
      if (!resources.includes(mapped.info)) resources.push(mapped.info);
    }
    return { request: { mode: "list", resources } };
  }

  if (types.length > 1) return { error: "you must specify only one resource" };
  const mapped = mapResource(types[0] ?? "");
  if (mapped.error !== undefined) return { error: mapped.error };
  if (mapped.info.namespaced && options.allNamespaces) return { error: nameAcrossNamespacesError };
  return {
    request: {
      mode: "names",
      targets: names.map((name) => ({ resource: mapped.info, name })),
      singleItemImplied: names.length === 1,
    },
  };
}
