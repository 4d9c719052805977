/**
 * `kubesim describe`: kubectl v1.32's `describe` over the simulated cluster, with its
 * output bytes, messages and exit codes.
 */
import { isNotFound, KubesimError } from "@kubesim/core";
import type { ExitCode, KubectlContext } from "../kubectl-context.js";
import {
  buildResourceRequest,
  commandName,
  errorMessage,
  newErrorList,
  type ObjectInfo,
  reportCommandError,
  visitFileObjects,
  visitResourceRequest,
} from "../resource-builder/index.js";
import type { DescriberSettings } from "./describer.js";
import { describerFor } from "./describers.js";

/** The flags of `kubesim describe`, named as kubectl names them. */
export interface DescribeFlags {
  /** `-l/--selector`: describe every object of the type matching it. */
  readonly selector?: string | undefined;
  /** `-A/--all-namespaces`. */
  readonly allNamespaces?: boolean | undefined;
  /** `--show-events` (default true). */
  readonly showEvents?: boolean | undefined;
  /** `-f/--filename`: describe the objects these files name. */
  readonly filenames?: readonly string[] | undefined;
  /** `-R/--recursive`. */
  readonly recursive?: boolean | undefined;
}

const missingTypeMessage = `You must specify the type of resource to describe. Use "${commandName} api-resources" for a complete list of supported resources.\n`;

/** Describes one object; a describer error is returned rather than thrown. */
async function describeInfo(
  context: KubectlContext,
  info: ObjectInfo,
  settings: DescriberSettings,
): Promise<{ text: string } | { error: unknown }> {
  try {
    return { text: await describerFor(info.resource)(context, info.namespace, info.name, settings) };
  } catch (error) {
    return { error };
  }
}

/**
 * kubectl's `DescribeMatchingResources`: after `describe TYPE NAME` found no object
 * called NAME, describe every object of TYPE in the namespace whose name starts with
 * NAME, each followed by a blank line; with none, the original NotFound stands.
 */
async function describeMatching(
  context: KubectlContext,
  resourceArgument: string,
  prefix: string,
  originalError: unknown,
  settings: DescriberSettings,
): Promise<ExitCode> {
  const infos: ObjectInfo[] = [];
  try {
    const request = buildResourceRequest([resourceArgument], { allowEmptySelector: true });
    if (request.type === "selector" && request.resources.length > 1) {
      throw new KubesimError("you may only specify a single resource type");
    }
    const error = await visitResourceRequest(context, request, { fetch: true }, async (info) => {
      infos.push(info);
    });
    if (error !== undefined) throw error;
  } catch (error) {
    return reportCommandError(context.io, error);
  }
  let found = false;
  for (const info of infos) {
    if (!info.name.startsWith(prefix)) continue;
    found = true;
    const described = await describeInfo(context, info, settings);
    if ("error" in described) return reportCommandError(context.io, described.error);
    context.io.stdout(`${described.text}\n`);
  }
  return found ? 0 : reportCommandError(context.io, originalError);
}

/**
 * Runs `describe TYPE [NAME_PREFIX]`, `describe TYPE/NAME…`, `describe TYPE -l SEL` or
 * `describe -f FILE` as kubectl does: each object's description (separated by two blank
 * lines), a NotFound for `TYPE NAME` answered by the objects whose names start with NAME,
 * `No resources found in <ns> namespace.` on stderr when nothing matched, and every
 * error printed at the end (exit 1).
 */
export async function runDescribe(
  context: KubectlContext,
  args: readonly string[],
  flags: DescribeFlags = {},
): Promise<ExitCode> {
  const filenames = flags.filenames ?? [];
  const settings: DescriberSettings = { showEvents: flags.showEvents !== false };
  const allNamespaces = flags.allNamespaces === true;
  if (args.length === 0 && filenames.length === 0) {
    return reportCommandError(context.io, new KubesimError(missingTypeMessage));
  }
  const infos: ObjectInfo[] = [];
  const collect = async (info: ObjectInfo): Promise<void> => {
    infos.push(info);
  };
  let infoError: unknown;
  try {
    if (filenames.length > 0) {
      if (args.length > 0) {
        throw new KubesimError(
          "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well",
        );
      }
      infoError = await visitFileObjects(
        context,
        { filenames, recursive: flags.recursive === true },
        collect,
      );
    } else {
      const selector = flags.selector?.trim() ?? "";
      const request = buildResourceRequest(args, {
        allowEmptySelector: true,
        ...(selector === "" ? {} : { labelSelector: selector }),
      });
      infoError = await visitResourceRequest(context, request, { fetch: true, allNamespaces }, collect);
    }
  } catch (error) {
    return reportCommandError(context.io, error);
  }
  if (infoError !== undefined && isNotFound(infoError) && args.length === 2) {
    return describeMatching(context, args[0] ?? "", args[1] ?? "", infoError, settings);
  }

  const errors: unknown[] = infoError === undefined ? [] : [infoError];
  const seenMessages = new Set<string>();
  let first = true;
  for (const info of infos) {
    const described = await describeInfo(context, info, settings);
    if ("error" in described) {
      const message = errorMessage(described.error);
      if (!seenMessages.has(message)) {
        seenMessages.add(message);
        errors.push(described.error);
      }
      continue;
    }
    context.io.stdout(first ? described.text : `\n\n${described.text}`);
    first = false;
  }
  if (infos.length === 0 && errors.length === 0) {
    context.io.stderr(
      allNamespaces ? "No resources found\n" : `No resources found in ${context.namespace} namespace.\n`,
    );
  }
  return reportCommandError(context.io, newErrorList(errors));
}
