import {
  applyTaintChanges,
  parseTaintArguments,
  TaintArgumentError,
  type TaintArguments,
  validateTaintChanges,
} from "@kubesim/affinity";
import { KubesimError, type Node } from "@kubesim/core";
import type { ExitCode, KubectlContext } from "../kubectl-context.js";
import {
  cloneJson,
  createObjectPrinter,
  createTwoWayMergePatch,
  isJsonObject,
  type JsonObject,
  kubectlFieldManagers,
  type ObjectInfo,
  parseMutationOutput,
  type ResourceRequest,
  reportCommandError,
  resolveResourceType,
  usageError,
  visitResourceRequest,
} from "../resource-builder/index.js";

/** The flags of `kubectl taint`. */
export interface TaintOptions {
  /** `node NAME… KEY[=VALUE]:EFFECT… KEY[:EFFECT]-…`. */
  readonly args: readonly string[];
  /** `--overwrite`: replace a taint with the same key and effect. */
  readonly overwrite?: boolean;
  /** `--all`: every node. */
  readonly all?: boolean;
  /** `-l/--selector`: the nodes matching it. */
  readonly labelSelector?: string;
  /** `-o/--output`: `name`, `yaml` or `json`. */
  readonly output?: string;
  /** `--show-managed-fields`: keep `metadata.managedFields` in `-o yaml|json`. */
  readonly showManagedFields?: boolean;
  /** `--field-manager`; default `kubectl-taint`. */
  readonly fieldManager?: string;
}

function isTaintArgument(argument: string): boolean {
  return argument.includes("=") || argument.includes(":") || argument.endsWith("-");
}

function nodeRequest(names: readonly string[], options: TaintOptions): ResourceRequest {
  const node = resolveResourceType("node");
  if ((options.labelSelector ?? "") !== "" || options.all === true) {
    return {
      type: "selector",
      resources: [node],
      labelSelector: options.labelSelector ?? "",
      fieldSelector: "",
    };
  }
  return {
    type: "tuples",
    tuples: names.map((name) => {
      const slash = name.indexOf("/");
      return slash < 0
        ? { resource: node, name }
        : { resource: resolveResourceType(name.slice(0, slash)), name: name.slice(slash + 1) };
    }),
  };
}

function parseArguments(options: TaintOptions): { resources: string[]; taints: TaintArguments } {
  const resources: string[] = [];
  const taintArgs: string[] = [];
  for (const argument of options.args) {
    if (isTaintArgument(argument)) taintArgs.push(argument);
    else if (taintArgs.length === 0) resources.push(argument);
    else throw new KubesimError(`all resources must be specified before taint changes: ${argument}`);
  }
  if (resources.length === 0)
    throw new KubesimError("one or more resources must be specified as <resource> <name>");
  if (taintArgs.length === 0) throw new KubesimError("at least one taint update is required");
  let taints: TaintArguments;
  try {
    taints = parseTaintArguments(taintArgs);
  } catch (error) {
    if (TaintArgumentError.isInstance(error) && error.isUsageError) throw usageError("taint", error.message);
    throw error;
  }
  const typed = resources[0] ?? "";
  if (resolveResourceType(typed.toLowerCase()).kind !== "Node") {
    throw new KubesimError(`invalid resource type ${typed.toLowerCase()}, only node types are supported`);
  }
  validateTaintChanges(taints.toAdd, taints.toRemove);
  const selector = (options.labelSelector ?? "") !== "";
  if (options.all === true && selector) {
    throw new KubesimError("setting 'all' parameter with a non empty selector is prohibited");
  }
  if (options.all !== true && !selector && resources.length < 2) {
    throw new KubesimError("at least one resource name must be specified since 'all' parameter is not set");
  }
  return { resources, taints };
}

/**
 * `kubectl taint node NAME… KEY=VALUE:EFFECT… KEY:EFFECT-…` (or `--all`, `-l`): applies the
 * changes with kubectl's rules (affinity's `applyTaintChanges`), sends the node's new
 * taint list as a strategic merge patch and prints `node/node-1 tainted`, `untainted` or
 * `modified`. Bad arguments get kubectl's messages (with its usage hint for parse errors).
 */
export async function runTaint(context: KubectlContext, options: TaintOptions): Promise<ExitCode> {
  let parsed: { resources: string[]; taints: TaintArguments };
  let request: ResourceRequest;
  let printer: ReturnType<typeof createObjectPrinter>;
  try {
    parsed = parseArguments(options);
    request = nodeRequest(parsed.resources.slice(1), options);
    printer = createObjectPrinter(parseMutationOutput(options.output), {
      showManagedFields: options.showManagedFields === true,
    });
  } catch (error) {
    return reportCommandError(context.io, error);
  }
  const { toAdd, toRemove } = parsed.taints;
  const error = await visitResourceRequest(context, request, { fetch: true }, async (info: ObjectInfo) => {
    const node = info.object as Node;
    const { operation, taints } = applyTaintChanges(
      node,
      toAdd,
      toRemove,
      options.overwrite === true,
      info.name,
    );
    const before = cloneJson(node) as unknown as JsonObject;
    const after = cloneJson(node) as unknown as JsonObject;
    const spec = isJsonObject(after.spec) ? after.spec : {};
    after.spec = spec;
    if (taints.length === 0) delete spec.taints;
    else spec.taints = cloneJson(taints) as unknown as JsonObject[];
    if (isJsonObject(before.spec) && Array.isArray(before.spec.taints) && before.spec.taints.length === 0) {
      delete before.spec.taints;
    }
    const patch = createTwoWayMergePatch(before, after, "Node");
    const patched = await context.client.patch("Node", info.name, patch, {
      type: "strategic",
      fieldManager: options.fieldManager ?? kubectlFieldManagers.taint,
    });
    context.io.stdout(printer.print(info.resource, patched, info.name, operation));
  });
  return reportCommandError(context.io, error);
}
