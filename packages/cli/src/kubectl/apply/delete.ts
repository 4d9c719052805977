import { isNotFound, type KubeObject, KubesimError, type PropagationPolicy } from "@kubesim/core";
import type { ExitCode, KubectlContext } from "../kubectl-context.js";
import {
  addSourceToError,
  buildResourceRequest,
  ErrorList,
  missingResourceMessage,
  type ObjectInfo,
  parseGoBool,
  pollCluster,
  printedKind,
  reportCommandError,
  visitFileObjects,
  visitResourceRequest,
} from "../resource-builder/index.js";

/** The flags of `kubectl delete`. */
export interface DeleteOptions {
  /** `-f/--filename`. */
  readonly filenames?: readonly string[];
  /** `-R/--recursive`. */
  readonly recursive?: boolean;
  /** `TYPE NAME…`, `TYPE/NAME…`, or `TYPE` with `-l`/`--all`. */
  readonly args?: readonly string[];
  /** `-l/--selector`. */
  readonly labelSelector?: string;
  /** `--field-selector`. */
  readonly fieldSelector?: string;
  /** `--all`: every object of the types in the namespace. */
  readonly all?: boolean;
  /** `-A/--all-namespaces`. */
  readonly allNamespaces?: boolean;
  /** `--cascade` as typed: `background` (default), `foreground`, `orphan`, or the legacy booleans. */
  readonly cascade?: string;
  /** `--grace-period` in seconds; negative (default -1) uses the object's own. */
  readonly gracePeriod?: number;
  /** `--now`: grace period 1. */
  readonly now?: boolean;
  /** `--force`: with `--grace-period=0`, delete at once. */
  readonly force?: boolean;
  /** `--ignore-not-found`; defaults to true with `--all` or a selector. */
  readonly ignoreNotFound?: boolean;
  /** `--wait` (default true): wait until the objects are gone. */
  readonly wait?: boolean;
  /** `--timeout` in milliseconds; 0 waits as long as the simulation needs. */
  readonly timeoutMs?: number;
  /** `-o name`. */
  readonly output?: string;
}

const immediateDeletionWarning =
  "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n";

/**
 * kubectl's `parseCascadingFlag`: the policy, with a deprecation warning on stderr for the
 * boolean forms (`true` → Background, `false` → Orphan).
 *
 * @throws KubesimError `invalid cascade value (x). Must be "background", "foreground", or "orphan"`.
 */
export function parseCascade(context: Pick<KubectlContext, "io">, cascade: string): PropagationPolicy {
  const asBoolean = parseGoBool(cascade);
  if (asBoolean === undefined) {
    if (cascade === "orphan") return "Orphan";
    if (cascade === "foreground") return "Foreground";
    if (cascade === "background") return "Background";
    throw new KubesimError(
      `invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan"`,
    );
  }
  const replacement = asBoolean ? "background" : "orphan";
  context.io.stderr(
    `warning: --cascade=${cascade} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.\n`,
  );
  return asBoolean ? "Background" : "Orphan";
}

/** Drops NotFound errors, inside lists too (kubectl's `IgnoreErrors(IsNotFound)`). */
function withoutNotFound(error: unknown): unknown {
  if (error === undefined) return undefined;
  if (error instanceof ErrorList) {
    const kept = error.errors.map(withoutNotFound).filter((entry) => entry !== undefined);
    if (kept.length === 0) return undefined;
    return kept.length === 1 ? kept[0] : new ErrorList(kept);
  }
  return isNotFound(error) ? undefined : error;
}

interface DeletedObject {
  readonly info: ObjectInfo;
  readonly uid: string;
}

async function isGone(context: KubectlContext, deleted: DeletedObject): Promise<boolean> {
  try {
    const object: KubeObject = await context.client.get(deleted.info.resource.kind, deleted.info.name, {
      ...(deleted.info.namespace === "" ? {} : { namespace: deleted.info.namespace }),
    });
    return deleted.uid !== "" && object.metadata?.uid !== deleted.uid;
  } catch (error) {
    if (isNotFound(error)) return true;
    throw error;
  }
}

/**
 * `kubectl delete -f FILE` / `delete TYPE NAME…` / `TYPE/NAME…` / `TYPE -l SEL` /
 * `TYPE --all`, with `--cascade` (→ propagationPolicy), `--grace-period`, `--now`,
 * `--force`, `--ignore-not-found`, `--wait` and `-o name`.
 *
 * Prints `daemonset.apps "nginx" deleted` per object (`force deleted` with a zero grace
 * period), reports each failure (`Error from server (NotFound): daemonsets.apps "x" not
 * found`, `error when deleting "ds.yaml": …`) after trying the others, prints `No
 * resources found` when nothing matched, and then waits, moving the simulation forward, until
 * the deleted objects are gone (`--wait`, the default).
 */
export async function runDelete(context: KubectlContext, options: DeleteOptions): Promise<ExitCode> {
  const { io } = context;
  let propagationPolicy: PropagationPolicy;
  try {
    propagationPolicy = parseCascade(context, options.cascade ?? "background");
  } catch (error) {
    return reportCommandError(io, error);
  }
  const filenames = options.filenames ?? [];
  const args = options.args ?? [];
  const selecting =
    options.all === true || (options.labelSelector ?? "") !== "" || (options.fieldSelector ?? "") !== "";
  const ignoreNotFound = options.ignoreNotFound ?? selecting;
  let gracePeriod = options.gracePeriod ?? -1;
  if (options.now === true) {
    if (gracePeriod !== -1) {
      return reportCommandError(
        io,
        new KubesimError("--now and --grace-period cannot be specified together"),
      );
    }
    gracePeriod = 1;
  }
  if (gracePeriod === 0 && options.force !== true) gracePeriod = 1;
  if (options.force === true && gracePeriod < 0) gracePeriod = 0;

  let request: ReturnType<typeof buildResourceRequest> | undefined;
  if (filenames.length > 0) {
    if (args.length > 0) {
      const message = args.some((argument) => argument.includes("/"))
        ? "resource/name arguments cannot be provided when a path is specified"
        : "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well";
      return reportCommandError(io, new KubesimError(message));
    }
  } else if (args.length === 0) {
    return reportCommandError(io, new KubesimError(missingResourceMessage));
  } else {
    try {
      request = buildResourceRequest(args, {
        labelSelector: options.labelSelector,
        fieldSelector: options.fieldSelector,
        selectAll: options.all === true,
      });
    } catch (error) {
      return reportCommandError(io, error);
    }
  }
  const output = options.output ?? "";
  if (output !== "" && output !== "name") {
    return reportCommandError(
      io,
      new KubesimError(`unexpected -o output mode: ${output}. We only support '-o name'`),
    );
  }
  if (options.all === true && (options.labelSelector ?? "") !== "") {
    return reportCommandError(io, new KubesimError("cannot set --all and --selector at the same time"));
  }
  if (options.all === true && (options.fieldSelector ?? "") !== "") {
    return reportCommandError(io, new KubesimError("cannot set --all and --field-selector at the same time"));
  }
  if (gracePeriod === 0 && options.force === true) io.stderr(immediateDeletionWarning);
  if (gracePeriod > 0 && options.force === true) {
    return reportCommandError(
      io,
      new KubesimError("--force and --grace-period greater than 0 cannot be specified together"),
    );
  }

  let warnClusterScope = context.namespaceExplicit && options.allNamespaces !== true;
  const deleted: DeletedObject[] = [];
  const operation = gracePeriod === 0 ? "force deleted" : "deleted";
  const deleteOne = async (info: ObjectInfo): Promise<void> => {
    if (warnClusterScope && !info.resource.namespaced) {
      io.stderr("Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n");
      warnClusterScope = false;
    }
    let response: KubeObject;
    try {
      response = await context.client.delete(info.resource.kind, info.name, {
        ...(info.namespace === "" ? {} : { namespace: info.namespace }),
        propagationPolicy,
        ...(gracePeriod >= 0 ? { gracePeriodSeconds: gracePeriod } : {}),
      });
    } catch (error) {
      throw addSourceToError("deleting", info.source, error);
    }
    io.stdout(
      output === "name"
        ? `${printedKind(info.resource)}/${info.name}\n`
        : `${printedKind(info.resource)} "${info.name}" ${operation}\n`,
    );
    const uid = response.metadata?.uid;
    deleted.push({ info, uid: typeof uid === "string" ? uid : "" });
  };
  let visited = 0;
  const visit = async (info: ObjectInfo): Promise<void> => {
    visited++;
    await deleteOne(info);
  };
  let error =
    request === undefined
      ? await visitFileObjects(context, { filenames, recursive: options.recursive === true }, visit)
      : await visitResourceRequest(
          context,
          request,
          { fetch: false, allNamespaces: options.allNamespaces === true },
          visit,
        );
  if (ignoreNotFound) error = withoutNotFound(error);
  if (error !== undefined) return reportCommandError(io, error);
  if (visited === 0) {
    io.stdout("No resources found\n");
    return 0;
  }
  if (options.wait === false || deleted.length === 0) return 0;
  let pending = [...deleted];
  const allGone = await pollCluster(
    context,
    async () => {
      const remaining: DeletedObject[] = [];
      for (const entry of pending) if (!(await isGone(context, entry))) remaining.push(entry);
      pending = remaining;
      return pending.length === 0;
    },
    { timeoutMs: options.timeoutMs ?? 0 },
  );
  const [first] = pending;
  if (allGone || first === undefined) return 0;
  return reportCommandError(
    io,
    new KubesimError(
      `timed out waiting for the condition on ${first.info.resource.plural}/${first.info.name}`,
    ),
  );
}
