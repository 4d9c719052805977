import { type KubeObject, KubesimError } from "@kubesim/core";
import type { ExitCode, KubectlContext } from "../kubectl-context.js";
import {
  buildResourceRequest,
  cloneJson,
  createMergePatch,
  createObjectPrinter,
  goCompactJson,
  isJsonObject,
  type JsonObject,
  type MutationOutput,
  type ObjectInfo,
  parseMutationOutput,
  type ResourceRequest,
  reportCommandError,
  requestNamesSingleItem,
  splitResourcesAndPairs,
  visitFileObjects,
  visitResourceRequest,
} from "../resource-builder/index.js";

/** The flags `kubectl label` and `kubectl annotate` share. */
export interface MetadataUpdateOptions {
  /** `TYPE NAME… KEY=VAL… KEY-…` or `TYPE/NAME… KEY=VAL…`. */
  readonly args: readonly string[];
  /** `-f/--filename`: the objects to update are read from files. */
  readonly filenames?: readonly string[];
  /** `-R/--recursive`. */
  readonly recursive?: boolean;
  /** `--overwrite`: allow changing a key that already has another value. */
  readonly overwrite?: boolean;
  /** `--all`: every object of the type in the namespace. */
  readonly all?: boolean;
  /** `-A/--all-namespaces`. */
  readonly allNamespaces?: boolean;
  /** `-l/--selector`. */
  readonly labelSelector?: string;
  /** `--field-selector`. */
  readonly fieldSelector?: string;
  /** `--resource-version`: update only if the object is still at this version (single object only). */
  readonly resourceVersion?: string;
  /** `--list`: print the current keys instead of changing them. */
  readonly list?: boolean;
  /** `-o/--output`: `name`, `yaml` or `json`. */
  readonly output?: string;
  /** `--show-managed-fields`: keep `metadata.managedFields` in `-o yaml|json`. */
  readonly showManagedFields?: boolean;
  /** `--field-manager`; default the verb's (`kubectl-label`, `kubectl-annotate`). */
  readonly fieldManager?: string;
}

/** The parsed `KEY=VAL` / `KEY-` pairs of one command. */
export interface MetadataChanges {
  readonly added: ReadonlyMap<string, string>;
  readonly removed: readonly string[];
}

/** What differs between `kubectl label` and `kubectl annotate`. */
export interface MetadataVerb {
  /** `label` or `annotation`: the pair type in messages. */
  readonly pairType: string;
  /** `labels` or `annotations`: the metadata field changed. */
  readonly field: "labels" | "annotations";
  /** `Listing labels` / `Listing annotations`. */
  readonly listHeading: string;
  /** The field manager of the patch (`kubectl-label`, `kubectl-annotate`). */
  readonly fieldManager: string;
  /** Parses the pairs; throws kubectl's messages. */
  parse(pairs: readonly string[]): MetadataChanges;
  /** Validation after the flag checks (annotate's add-and-remove check). */
  validate?(changes: MetadataChanges): void;
  /** Rejects changing an existing key without `--overwrite`; throws kubectl's message. */
  checkOverwrites(current: Readonly<Record<string, string>>, changes: MetadataChanges): void;
  /** Reports keys to remove that are not there (label prints `label "k" not found.`). */
  missingRemovalNotice?(key: string): string;
  /** The operation printed after the object name, from the object before and after. */
  operation(before: JsonObject, after: JsonObject, overwrite: boolean): string;
}

function stringMap(value: unknown): Record<string, string> {
  if (!isJsonObject(value)) return {};
  const result: Record<string, string> = {};
  for (const key of Object.keys(value)) {
    const entry = value[key];
    if (typeof entry === "string")
      Object.defineProperty(result, key, {
        value: entry,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return result;
}

/** Go's `json.Marshal` length of an object, which `kubectl label` compares to say `unlabeled`. */
export function goJsonLength(object: JsonObject): number {
  return Buffer.byteLength(goCompactJson(object), "utf8");
}

function applyChanges(
  object: JsonObject,
  verb: MetadataVerb,
  changes: MetadataChanges,
  resourceVersion: string,
): void {
  const metadata = isJsonObject(object.metadata) ? object.metadata : {};
  object.metadata = metadata;
  const values: JsonObject = isJsonObject(metadata[verb.field]) ? (metadata[verb.field] as JsonObject) : {};
  for (const [key, value] of changes.added) {
    Object.defineProperty(values, key, { value, enumerable: true, writable: true, configurable: true });
  }
  for (const key of changes.removed) delete values[key];
  metadata[verb.field] = values;
  if (resourceVersion !== "") metadata.resourceVersion = resourceVersion;
}

interface RunState {
  readonly context: KubectlContext;
  readonly verb: MetadataVerb;
  readonly options: MetadataUpdateOptions;
  readonly changes: MetadataChanges;
  readonly output: MutationOutput;
  readonly singleItem: boolean;
  readonly printer: ReturnType<typeof createObjectPrinter>;
}

async function updateOne(state: RunState, info: ObjectInfo): Promise<void> {
  const { context, verb, options, changes } = state;
  const namespaceOption = info.namespace === "" ? {} : { namespace: info.namespace };
  const fetched: KubeObject =
    info.source === "" && info.object !== undefined
      ? info.object
      : await context.client.get(info.resource.kind, info.name, namespaceOption);
  const object = cloneJson(fetched) as unknown as JsonObject;
  const resourceVersion = options.resourceVersion ?? "";
  if (resourceVersion !== "" && isJsonObject(object.metadata)) delete object.metadata.resourceVersion;
  const before = cloneJson(object);
  const current = stringMap(isJsonObject(object.metadata) ? object.metadata[verb.field] : undefined);
  if (options.list === true) {
    if (options.overwrite !== true) verb.checkOverwrites(current, changes);
    applyChanges(object, verb, changes, resourceVersion);
    const values = stringMap(isJsonObject(object.metadata) ? object.metadata[verb.field] : undefined);
    const indent = state.singleItem ? "" : " ";
    let text = state.singleItem
      ? ""
      : `${verb.listHeading} for ${info.resource.kind}.${info.resource.group}/${info.name}:\n`;
    for (const key of Object.keys(values).sort()) text += `${indent}${key}=${values[key]}\n`;
    context.io.stdout(text);
    return;
  }
  if (verb.missingRemovalNotice !== undefined) {
    for (const key of changes.removed) {
      if (!Object.hasOwn(current, key)) context.io.stdout(verb.missingRemovalNotice(key));
    }
  }
  if (options.overwrite !== true) verb.checkOverwrites(current, changes);
  applyChanges(object, verb, changes, resourceVersion);
  const operation = verb.operation(before, object, options.overwrite === true);
  const patch = createMergePatch(before, object);
  const patched = await context.client.patch(info.resource.kind, info.name, patch, {
    type: "merge",
    ...namespaceOption,
    fieldManager: options.fieldManager ?? verb.fieldManager,
  });
  context.io.stdout(state.printer.print(info.resource, patched, info.name, operation));
}

/**
 * The shared flow of `kubectl label` and `kubectl annotate`: parse `KEY=VAL`/`KEY-`
 * pairs, check the flags with kubectl's messages, then for each selected object (named,
 * selected by `-l`/`--all`, or read from `-f` files and fetched) check overwrites,
 * JSON-merge-patch the changed keys (with `--resource-version` as a precondition) and
 * print `node/node-1 labeled`. Errors of one object are reported after the others.
 */
export async function runMetadataUpdate(
  context: KubectlContext,
  verb: MetadataVerb,
  options: MetadataUpdateOptions,
): Promise<ExitCode> {
  const { io } = context;
  const filenames = options.filenames ?? [];
  let changes: MetadataChanges;
  let resources: string[];
  let output: MutationOutput;
  try {
    const split = splitResourcesAndPairs(options.args, verb.pairType);
    resources = split.resources;
    changes = verb.parse(split.pairs);
    if (options.list === true && (options.output ?? "") !== "") {
      throw new KubesimError("--list and --output may not be specified together");
    }
    if (options.all === true && (options.labelSelector ?? "") !== "") {
      throw new KubesimError("cannot set --all and --selector at the same time");
    }
    if (options.all === true && (options.fieldSelector ?? "") !== "") {
      throw new KubesimError("cannot set --all and --field-selector at the same time");
    }
    if (resources.length === 0 && filenames.length === 0) {
      throw new KubesimError(
        "one or more resources must be specified as <resource> <name> or <resource>/<name>",
      );
    }
    if (changes.added.size === 0 && changes.removed.length === 0 && options.list !== true) {
      throw new KubesimError(`at least one ${verb.pairType} update is required`);
    }
    verb.validate?.(changes);
    output = parseMutationOutput(options.output);
  } catch (error) {
    return reportCommandError(io, error);
  }

  let request: ResourceRequest | undefined;
  let singleItem: boolean;
  if (filenames.length > 0) {
    if (resources.length > 0) {
      return reportCommandError(
        io,
        new KubesimError(
          "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well",
        ),
      );
    }
    singleItem = filenames.length === 1 && filenames[0] !== "-" && options.recursive !== true;
  } else {
    try {
      request = buildResourceRequest(resources, {
        allowEmptySelector: options.all === true,
        labelSelector: options.labelSelector,
        fieldSelector: options.fieldSelector,
      });
    } catch (error) {
      return reportCommandError(io, error);
    }
    singleItem = requestNamesSingleItem(request);
  }
  if (!singleItem && (options.resourceVersion ?? "") !== "") {
    return reportCommandError(
      io,
      new KubesimError("--resource-version may only be used with a single resource"),
    );
  }
  const state: RunState = {
    context,
    verb,
    options,
    changes,
    output,
    singleItem,
    printer: createObjectPrinter(output, { showManagedFields: options.showManagedFields === true }),
  };
  const visit = (info: ObjectInfo) => updateOne(state, info);
  const error =
    request === undefined
      ? await visitFileObjects(context, { filenames, recursive: options.recursive === true }, visit)
      : await visitResourceRequest(
          context,
          request,
          { fetch: true, allNamespaces: options.allNamespaces === true },
          visit,
        );
  return reportCommandError(io, error);
}
