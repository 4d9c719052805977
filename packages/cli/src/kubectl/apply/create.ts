import { type KubeObject, KubesimError } from "@kubesim/core";
import type { ExitCode, KubectlContext } from "../kubectl-context.js";
import {
  addSourceToError,
  createObjectPrinter,
  type FilenameOptions,
  kubectlFieldManagers,
  parseMutationOutput,
  reportCommandError,
  usageError,
  visitFileObjects,
} from "../resource-builder/index.js";
import { withApplyAnnotation } from "./last-applied.js";

/** The flags of `kubectl create -f`. */
export interface CreateOptions extends FilenameOptions {
  /** `--save-config`: record the last-applied annotation, as `apply` would. */
  readonly saveConfig?: boolean;
  /** `-o/--output`: `name`, `yaml` or `json`. */
  readonly output?: string;
  /** `--show-managed-fields`: keep `metadata.managedFields` in `-o yaml|json`. */
  readonly showManagedFields?: boolean;
  /** `--field-manager`; default `kubectl-create`. */
  readonly fieldManager?: string;
  /** Positional arguments (kubectl rejects them). */
  readonly args?: readonly string[];
}

function metadataName(object: KubeObject, fallback: string): string {
  const name = object.metadata?.name;
  return typeof name === "string" && name !== "" ? name : fallback;
}

/**
 * `kubectl create -f FILE|DIR|- [-R]`: creates every object of the manifests in order
 * (field manager `kubectl-create` unless `--field-manager` names another),
 * printing `daemonset.apps/nginx created` for each. An object that fails (`AlreadyExists`,
 * `Invalid`, missing namespace) is reported (`error when creating "ds.yaml": …`) and the
 * others are still created; undecodable documents and syntax errors are reported after
 * them. Exit code 1 when anything failed.
 */
export async function runCreate(context: KubectlContext, options: CreateOptions): Promise<ExitCode> {
  const args = options.args ?? [];
  if (args.length > 0) {
    return reportCommandError(context.io, usageError("create", `Unexpected args: [${args.join(" ")}]`));
  }
  if (options.filenames.length === 0) {
    return reportCommandError(context.io, new KubesimError("must specify one of -f and -k"));
  }
  let printer: ReturnType<typeof createObjectPrinter>;
  try {
    printer = createObjectPrinter(parseMutationOutput(options.output), {
      showManagedFields: options.showManagedFields === true,
    });
  } catch (error) {
    return reportCommandError(context.io, error);
  }
  const fieldManager = options.fieldManager ?? kubectlFieldManagers.create;
  let created = 0;
  const error = await visitFileObjects(context, options, async (info) => {
    const object = info.object as KubeObject;
    const body = options.saveConfig === true ? withApplyAnnotation(object) : object;
    let stored: KubeObject;
    try {
      stored = await context.client.create(body, { fieldManager });
    } catch (createError) {
      throw addSourceToError("creating", info.source, createError);
    }
    created++;
    context.io.stdout(printer.print(info.resource, stored, metadataName(stored, info.name), "created"));
  });
  if (error !== undefined) return reportCommandError(context.io, error);
  if (created === 0) return reportCommandError(context.io, new KubesimError("no objects passed to create"));
  return 0;
}
