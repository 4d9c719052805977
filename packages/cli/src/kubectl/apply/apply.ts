import { isConflict, isNotFound, type KubeObject, KubesimError } from "@kubesim/core";
import type { ExitCode, KubectlContext } from "../kubectl-context.js";
import {
  addSourceToError,
  commandName,
  createObjectPrinter,
  createThreeWayMergePatch,
  ErrorList,
  errorMessage,
  type FilenameOptions,
  goCompactJson,
  isJsonObject,
  type JsonObject,
  type ObjectInfo,
  type ObjectPrinter,
  objectName,
  parseMutationOutput,
  reportCommandError,
  usageError,
  visitFileObjects,
} from "../resource-builder/index.js";
import {
  lastAppliedAnnotation,
  lastAppliedConfiguration,
  modifiedConfiguration,
  pruneNulls,
  withApplyAnnotation,
} from "./last-applied.js";

/** The flags of `kubectl apply -f`. */
export interface ApplyOptions extends FilenameOptions {
  /** `--server-side`: send the configuration as a server-side apply patch. */
  readonly serverSide?: boolean;
  /** `--force-conflicts` (server-side only): take over fields other managers own. */
  readonly forceConflicts?: boolean;
  /** `--field-manager`; default `kubectl` (server-side) or `kubectl-client-side-apply`. */
  readonly fieldManager?: string;
  /** `-o/--output`: `name`, `yaml` or `json`. */
  readonly output?: string;
  /** Positional arguments (kubectl rejects them). */
  readonly args?: readonly string[];
}

// kubectl retries a client-side apply patch this often when the object changed under it.
const maxPatchRetries = 5;

/** The help kubectl prints after a server-side apply conflict. */
export const serverSideApplyConflictHelp = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

/** kubectl's `Info.String()`: the resource, kind, name and namespace. */
function describeInfo(info: ObjectInfo): string {
  const { group, version, plural, kind } = info.resource;
  return `Resource: "${group}/${version}, Resource=${plural}", GroupVersionKind: "${group}/${version}, Kind=${kind}"\nName: "${info.name}", Namespace: "${info.namespace}"`;
}

function warnIfDeleting(context: KubectlContext, object: KubeObject): void {
  if (object.metadata?.deletionTimestamp !== undefined) {
    context.io.stderr(
      `Warning: Detected changes to resource ${object.metadata.name ?? ""} which is currently being deleted.\n`,
    );
  }
}

function parseOriginal(object: KubeObject): JsonObject {
  const text = lastAppliedConfiguration(object);
  if (text === undefined || text === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KubesimError("invalid JSON document");
  }
  return isJsonObject(parsed) ? parsed : {};
}

async function applyServerSide(
  context: KubectlContext,
  info: ObjectInfo,
  options: ApplyOptions,
  printer: ObjectPrinter,
): Promise<void> {
  let applied: KubeObject;
  try {
    applied = await context.client.patch(info.resource.kind, info.name, info.object, {
      type: "apply",
      ...(info.namespace === "" ? {} : { namespace: info.namespace }),
      fieldManager: options.fieldManager ?? "kubectl",
      force: options.forceConflicts === true,
    });
  } catch (error) {
    if (isConflict(error)) throw new KubesimError(`${errorMessage(error)}\n${serverSideApplyConflictHelp}`);
    throw error;
  }
  warnIfDeleting(context, applied);
  context.io.stdout(printer.print(info.resource, applied, info.name, "serverside-applied"));
}

async function applyClientSide(
  context: KubectlContext,
  info: ObjectInfo,
  options: ApplyOptions,
  printer: ObjectPrinter,
): Promise<void> {
  const object = info.object as KubeObject;
  const kind = info.resource.kind;
  const namespaceOption = info.namespace === "" ? {} : { namespace: info.namespace };
  const fieldManager = options.fieldManager ?? "kubectl-client-side-apply";
  const modified = modifiedConfiguration(object, true).object;
  let current: KubeObject;
  try {
    current = await context.client.get(kind, info.name, namespaceOption);
  } catch (error) {
    if (!isNotFound(error)) {
      throw addSourceToError(
        `retrieving current configuration of:\n${describeInfo(info)}\nfrom server for:`,
        info.source,
        error,
      );
    }
    const body = withApplyAnnotation(object);
    pruneNulls(body);
    let created: KubeObject;
    try {
      created = await context.client.create(body);
    } catch (createError) {
      throw addSourceToError("creating", info.source, createError);
    }
    context.io.stdout(printer.print(info.resource, created, info.name, "created"));
    return;
  }
  if (lastAppliedConfiguration(current) === undefined) {
    context.io.stderr(
      `Warning: resource ${objectName(info)} is missing the ${lastAppliedAnnotation} annotation which is required by ${commandName} apply. ${commandName} apply should only be used on resources created declaratively by either ${commandName} create --save-config or ${commandName} apply. The missing annotation will be patched automatically.\n`,
    );
  }
  for (let attempt = 0; ; attempt++) {
    const patch = createThreeWayMergePatch(
      parseOriginal(current),
      modified,
      current as unknown as JsonObject,
      kind,
    );
    if (Object.keys(patch).length === 0) {
      warnIfDeleting(context, current);
      context.io.stdout(printer.print(info.resource, current, info.name, "unchanged"));
      return;
    }
    try {
      const patched = await context.client.patch(kind, info.name, patch, {
        type: "strategic",
        ...namespaceOption,
        fieldManager,
      });
      warnIfDeleting(context, patched);
      context.io.stdout(printer.print(info.resource, patched, info.name, "configured"));
      return;
    } catch (error) {
      if (isConflict(error) && attempt < maxPatchRetries) {
        current = await context.client.get(kind, info.name, namespaceOption);
        continue;
      }
      throw addSourceToError(
        `applying patch:\n${goCompactJson(patch)}\nto:\n${describeInfo(info)}\nfor:`,
        info.source,
        addSourceToError("patching", info.source, error),
      );
    }
  }
}

/**
 * `kubectl apply -f FILE|DIR|- [-R] [--server-side [--force-conflicts]]`.
 *
 * Client-side (default): a missing object is created with the
 * `kubectl.kubernetes.io/last-applied-configuration` annotation (`created`); an existing
 * one gets the three-way strategic merge patch between the last applied configuration,
 * the manifest and the live object (`configured`), or nothing when that patch is empty
 * (`unchanged`). Server-side: one apply patch per object (`serverside-applied`); a
 * conflict prints kubectl's help text. Errors are reported per object, after the others
 * were applied; exit code 1 when anything failed.
 */
export async function runApply(context: KubectlContext, options: ApplyOptions): Promise<ExitCode> {
  const args = options.args ?? [];
  if (args.length > 0) {
    return reportCommandError(context.io, usageError("apply", `Unexpected args: [${args.join(" ")}]`));
  }
  if (options.filenames.length === 0) {
    return reportCommandError(context.io, new KubesimError("must specify one of -f and -k"));
  }
  if (options.forceConflicts === true && options.serverSide !== true) {
    return reportCommandError(
      context.io,
      new KubesimError("--force-conflicts only works with --server-side"),
    );
  }
  let printer: ObjectPrinter;
  try {
    printer = createObjectPrinter(parseMutationOutput(options.output));
  } catch (error) {
    return reportCommandError(context.io, error);
  }
  const infos: ObjectInfo[] = [];
  const readError = await visitFileObjects(context, options, async (info) => {
    infos.push(info);
  });
  const errors: unknown[] = readError === undefined ? [] : [readError];
  if (infos.length === 0 && errors.length === 0) {
    return reportCommandError(context.io, new KubesimError("no objects passed to apply"));
  }
  for (const info of infos) {
    try {
      if (options.serverSide === true) await applyServerSide(context, info, options, printer);
      else await applyClientSide(context, info, options, printer);
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 0) return 0;
  return reportCommandError(context.io, errors.length === 1 ? errors[0] : new ErrorList(errors));
}
