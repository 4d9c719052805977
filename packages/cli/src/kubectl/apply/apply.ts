import { isConflict, isNotFound, type KubeObject, KubesimError, type PatchOptions } from "@kubesim/core";
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
  kubectlFieldManagers,
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
import {
  findFieldsOwners,
  lastAppliedFieldPath,
  managedFieldsOf,
  upgradeManagedFieldsPatch,
} from "./managed-fields-migration.js";

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
  /** `--show-managed-fields`: keep `metadata.managedFields` in `-o yaml|json`. */
  readonly showManagedFields?: boolean;
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

/** The patch options of one server-side apply. */
interface ServerSideApply {
  readonly patchOptions: PatchOptions;
  readonly fieldManager: string;
  readonly namespaceOption: { namespace?: string };
}

/**
 * kubectl's `saveLastApplyAnnotationIfNecessary`: with the default manager, a
 * last-applied annotation that no `Apply` manager owns yet is applied on its own by
 * `kubectl-last-applied`, so the following apply does not drop it.
 */
async function saveLastAppliedAnnotation(
  context: KubectlContext,
  info: ObjectInfo,
  apply: ServerSideApply,
  current: KubeObject,
): Promise<KubeObject> {
  if (apply.fieldManager !== kubectlFieldManagers.serverSideApply) return current;
  const annotation = lastAppliedConfiguration(current);
  if (annotation === undefined) return current;
  if (findFieldsOwners(managedFieldsOf(current), "Apply", lastAppliedFieldPath).length > 0) return current;
  const metadata: JsonObject = { annotations: { [lastAppliedAnnotation]: annotation } };
  metadata.name = current.metadata?.name ?? info.name;
  const namespace = current.metadata?.namespace ?? "";
  if (namespace !== "") metadata.namespace = namespace;
  const body = { apiVersion: info.resource.apiVersion, kind: info.resource.kind, metadata };
  return context.client.patch(info.resource.kind, info.name, body, {
    type: "apply",
    ...apply.namespaceOption,
    fieldManager: kubectlFieldManagers.lastApplied,
  });
}

/**
 * kubectl's `migrateToSSAIfNecessary`: when `Update` managers (client-side apply) own the
 * last-applied annotation, their fields are handed to the server-side manager by a JSON
 * patch of `metadata.managedFields` (retried on Conflict from a fresh read). Resolves with
 * the patched object, or `undefined` when nothing was migrated.
 */
async function migrateToServerSideApply(
  context: KubectlContext,
  info: ObjectInfo,
  apply: ServerSideApply,
  current: KubeObject,
): Promise<KubeObject | undefined> {
  const owners = findFieldsOwners(managedFieldsOf(current), "Update", lastAppliedFieldPath);
  const managers = new Set(owners.map((entry) => entry.manager ?? ""));
  let object = current;
  for (let attempt = 0; attempt < maxPatchRetries; attempt++) {
    const patch = upgradeManagedFieldsPatch(object, managers, apply.fieldManager);
    if (patch === undefined) return undefined;
    try {
      return await context.client.patch(info.resource.kind, info.name, patch, {
        type: "json",
        ...apply.namespaceOption,
        fieldManager: apply.fieldManager,
      });
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    object = await context.client.get(info.resource.kind, info.name, apply.namespaceOption);
  }
  // kubectl's loop ends with the error of its last re-read, which is nil when the read
  // succeeded: running out of retries is silently "nothing migrated".
  return undefined;
}

/**
 * After a successful server-side apply, kubectl's migration of client-side apply's
 * ownership: save the last-applied annotation, migrate managedFields, then apply again so
 * fields only client-side apply held are dropped. Each failure is a warning, never an
 * error. Resolves with the object to print.
 */
async function migrateAfterServerSideApply(
  context: KubectlContext,
  info: ObjectInfo,
  apply: ServerSideApply,
  applied: KubeObject,
): Promise<KubeObject> {
  let current = applied;
  try {
    current = await saveLastAppliedAnnotation(context, info, apply, current);
  } catch (error) {
    context.io.stderr(
      `Warning: failed to migrate kubectl.kubernetes.io/last-applied-configuration for Server-Side Apply. This is non-fatal and will be retried next time you apply. Error: ${errorMessage(error)}\n`,
    );
    return current;
  }
  let migrated: KubeObject | undefined;
  try {
    migrated = await migrateToServerSideApply(context, info, apply, current);
  } catch (error) {
    context.io.stderr(
      `Warning: server rejected managed fields migration to Server-Side Apply. This is non-fatal and will be retried next time you apply. Error: ${errorMessage(error)}\n`,
    );
    return current;
  }
  if (migrated === undefined) return current;
  try {
    return await context.client.patch(info.resource.kind, info.name, info.object, apply.patchOptions);
  } catch (error) {
    context.io.stderr(
      `Warning: failed to re-apply configuration after performing Server-Side Apply migration. This is non-fatal and will be retried next time you apply. Error: ${errorMessage(error)}\n`,
    );
    return migrated;
  }
}

async function applyServerSide(
  context: KubectlContext,
  info: ObjectInfo,
  options: ApplyOptions,
  printer: ObjectPrinter,
): Promise<void> {
  const fieldManager = options.fieldManager ?? kubectlFieldManagers.serverSideApply;
  const namespaceOption = info.namespace === "" ? {} : { namespace: info.namespace };
  const apply: ServerSideApply = {
    fieldManager,
    namespaceOption,
    patchOptions: { type: "apply", ...namespaceOption, fieldManager, force: options.forceConflicts === true },
  };
  let applied: KubeObject;
  try {
    applied = await context.client.patch(info.resource.kind, info.name, info.object, apply.patchOptions);
  } catch (error) {
    if (isConflict(error)) throw new KubesimError(`${errorMessage(error)}\n${serverSideApplyConflictHelp}`);
    throw error;
  }
  applied = await migrateAfterServerSideApply(context, info, apply, applied);
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
  const fieldManager = options.fieldManager ?? kubectlFieldManagers.clientSideApply;
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
      created = await context.client.create(body, { fieldManager });
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
 * conflict prints kubectl's help text; an object client-side apply managed before has its
 * ownership migrated to the server-side manager, as kubectl does. Errors are reported per object, after the others
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
    printer = createObjectPrinter(parseMutationOutput(options.output), {
      showManagedFields: options.showManagedFields === true,
    });
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
