import {
  findResource,
  findResourcesInCategory,
  goQuote,
  KubesimError,
  type ResourceInfo,
} from "@kubesim/core";
import { commandName } from "./command-name.js";

/** One `TYPE/NAME` (or `TYPE NAME`) the command line names. */
export interface ResourceTuple {
  readonly resource: ResourceInfo;
  readonly name: string;
}

/**
 * What the command line selects, as kubectl's resource builder resolves it: named objects
 * (`ds/nginx node/n1`, or `ds a b`), or every object of some types matching a selector
 * (`ds -l app=x`, `ds --all`).
 */
export type ResourceRequest =
  | { readonly type: "tuples"; readonly tuples: readonly ResourceTuple[] }
  | { readonly type: "names"; readonly resource: ResourceInfo; readonly names: readonly string[] }
  | {
      readonly type: "selector";
      readonly resources: readonly ResourceInfo[];
      /** `""` selects everything. */
      readonly labelSelector: string;
      readonly fieldSelector: string;
    };

/** The flags that shape a {@link ResourceRequest}. */
export interface ResourceArgumentOptions {
  /** With a bare `TYPE`, select every object (kubectl's `ResourceTypeOrNameArgs(true, …)`). */
  readonly allowEmptySelector?: boolean;
  /** `-l/--selector`; empty means not given. */
  readonly labelSelector?: string | undefined;
  /** `--field-selector`; empty means not given. */
  readonly fieldSelector?: string | undefined;
  /** `--all`: select every object of the types. */
  readonly selectAll?: boolean;
}

/** The message kubectl prints when nothing names a resource. */
export const missingResourceMessage = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** kubectl's `SplitResourceArgument`: comma-separated, de-duplicated, in order. */
export function splitResourceArgument(argument: string): string[] {
  const result: string[] = [];
  for (const part of argument.split(",")) {
    if (part !== "" && !result.includes(part)) result.push(part);
  }
  return result;
}

/**
 * Resolves a resource type as typed (`ds`, `daemonsets.apps`, `DaemonSet`), or fails with
 * kubectl's `the server doesn't have a resource type "x"`.
 */
export function resolveResourceType(typed: string): ResourceInfo {
  const resource = findResource(typed);
  if (resource !== undefined) return resource;
  const dot = typed.indexOf(".");
  const bare = dot === -1 ? typed : typed.slice(0, dot);
  throw new KubesimError(`the server doesn't have a resource type ${goQuote(bare.toLowerCase())}`);
}

/** kubectl's `ReplaceAliases`: `all` stands for every resource in the `all` category. */
function replaceAliases(typeArgument: string): string {
  return typeArgument
    .split(",")
    .map((part) => {
      if (part !== "all") return part;
      return findResourcesInCategory("all")
        .map((info) => (info.group === "" ? info.plural : `${info.plural}.${info.group}`))
        .join(",");
    })
    .join(",");
}

function splitResourceTypeName(argument: string): { resource: string; name: string } {
  const segments = argument.split("/");
  if (segments.length !== 2) {
    throw new KubesimError("arguments in resource/name form may not have more than one slash");
  }
  const [resource = "", name = ""] = segments;
  if (resource === "" || name === "" || splitResourceArgument(resource).length !== 1) {
    throw new KubesimError("arguments in resource/name form must have a single resource and name");
  }
  return { resource, name };
}

/** kubectl's `normalizeMultipleResourcesArgs`: `a,b x y` becomes `a/x a/y b/x b/y`. */
function normalizeMultipleResources(args: readonly string[]): readonly string[] {
  if (args.length < 2) return args;
  const resources = splitResourceArgument(args[0] ?? "");
  if (resources.length <= 1) return args;
  return resources.flatMap((resource) => args.slice(1).map((name) => `${resource}/${name}`));
}

/**
 * Builds the {@link ResourceRequest} of `TYPE NAME…`, `TYPE/NAME…`, `TYPE -l SEL` or
 * `TYPE --all` with kubectl's rules and messages (`there is no need to specify a
 * resource type as a separate argument…`, `resource(s) were provided, but no name was
 * specified`, `the server doesn't have a resource type "x"`, …).
 *
 * @throws KubesimError with kubectl's builder message.
 */
export function buildResourceRequest(
  args: readonly string[],
  options: ResourceArgumentOptions = {},
): ResourceRequest {
  const normalized = normalizeMultipleResources(args);
  const withSlash = normalized.filter((argument) => argument.includes("/")).length;
  let labelSelector = options.labelSelector === "" ? undefined : options.labelSelector;
  const fieldSelector = options.fieldSelector === "" ? undefined : options.fieldSelector;
  if (options.selectAll === true) labelSelector = "";
  let tuples: Array<{ resource: string; name: string }> = [];
  let types: string[] = [];
  let names: string[] = [];
  if (withSlash > 0 && withSlash === normalized.length) {
    tuples = normalized.map(splitResourceTypeName);
  } else if (withSlash > 0) {
    throw new KubesimError(
      `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. '${commandName} get resource/<resource_name>' instead of '${commandName} get resource resource/<resource_name>'`,
    );
  } else if (normalized.length > 0) {
    types = splitResourceArgument(replaceAliases(normalized[0] ?? ""));
    names = normalized.slice(1);
    if (normalized.length === 1 && labelSelector === undefined && options.allowEmptySelector === true) {
      labelSelector = "";
    }
  }

  if (labelSelector !== undefined || fieldSelector !== undefined) {
    if (names.length > 0) throw new KubesimError("name cannot be provided when a selector is specified");
    if (tuples.length > 0) {
      throw new KubesimError(
        "selectors and the all flag cannot be used when passing resource/name arguments",
      );
    }
    if (types.length === 0)
      throw new KubesimError("at least one resource must be specified to use a selector");
    return {
      type: "selector",
      resources: types.map(resolveResourceType),
      labelSelector: labelSelector ?? "",
      fieldSelector: fieldSelector ?? "",
    };
  }
  if (tuples.length > 0) {
    return {
      type: "tuples",
      tuples: tuples.map((tuple) => ({ resource: resolveResourceType(tuple.resource), name: tuple.name })),
    };
  }
  if (names.length > 0) {
    if (types.length > 1) throw new KubesimError("you must specify only one resource");
    return { type: "names", resource: resolveResourceType(types[0] ?? ""), names };
  }
  if (types.length > 0) {
    for (const type of types) resolveResourceType(type);
    throw new KubesimError("resource(s) were provided, but no name was specified");
  }
  throw new KubesimError(missingResourceMessage);
}

/** kubectl's "single item implied": exactly one object was named. */
export function requestNamesSingleItem(request: ResourceRequest): boolean {
  if (request.type === "tuples") return request.tuples.length === 1;
  if (request.type === "names") return request.names.length === 1;
  return false;
}
