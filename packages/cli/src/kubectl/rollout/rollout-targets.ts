import { type KubeObject, KubesimError } from "@kubesim/core";
import type { KubectlContext } from "../kubectl-context.js";
import {
  buildResourceRequest,
  type ObjectInfo,
  visitFileObjects,
  visitResourceRequest,
} from "../resource-builder/index.js";

/** What the `rollout` subcommands act on: `TYPE NAME`, `TYPE/NAME`, `TYPE -l SEL` or `-f FILE`. */
export interface RolloutTargets {
  /** `TYPE NAME…`, `TYPE/NAME…` or a bare `TYPE` (every object of the type). */
  readonly args: readonly string[];
  /** `-f/--filename`. */
  readonly filenames?: readonly string[];
  /** `-R/--recursive`. */
  readonly recursive?: boolean;
  /** `-l/--selector`. */
  readonly labelSelector?: string;
}

/** An object a rollout subcommand works on, read from the cluster. */
export interface RolloutTarget extends ObjectInfo {
  readonly object: KubeObject;
}

/**
 * Visits the objects the `rollout` subcommands name, as kubectl's builder with
 * `ResourceTypeOrNameArgs(true, …)`, `ContinueOnError` and `Latest` does: each object is
 * read from the cluster first (NotFound is that object's error), a bare type selects
 * every object of it. Returns the error to print, or `undefined`.
 *
 * @throws KubesimError `required resource not specified` when nothing is named.
 */
export async function visitRolloutTargets(
  context: KubectlContext,
  targets: RolloutTargets,
  visit: (target: RolloutTarget) => Promise<void>,
): Promise<unknown> {
  const filenames = targets.filenames ?? [];
  if (targets.args.length === 0 && filenames.length === 0)
    throw new KubesimError("required resource not specified");
  if (filenames.length > 0) {
    if (targets.args.length > 0) {
      throw new KubesimError(
        "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well",
      );
    }
    return visitFileObjects(context, { filenames, recursive: targets.recursive === true }, async (info) => {
      const object = await context.client.get(info.resource.kind, info.name, {
        ...(info.namespace === "" ? {} : { namespace: info.namespace }),
      });
      await visit({ ...info, object });
    });
  }
  const request = buildResourceRequest(targets.args, {
    allowEmptySelector: true,
    labelSelector: targets.labelSelector,
  });
  return visitResourceRequest(context, request, { fetch: true }, async (info) => {
    await visit({ ...info, object: info.object as KubeObject });
  });
}

/** Go's `%v` of kubectl's `GroupKindElement` (a bare struct): `{apps ReplicaSet}`, `{ Node}`. */
export function groupKindElement(target: Pick<ObjectInfo, "resource">): string {
  return `{${target.resource.group} ${target.resource.kind}}`;
}

/** `schema.GroupKind.String()`: `ReplicaSet.apps`, `Pod`. */
export function groupKindName(target: Pick<ObjectInfo, "resource">): string {
  const { group, kind } = target.resource;
  return group === "" ? kind : `${kind}.${group}`;
}

/** The kinds kubectl's `GroupKindElement.Accept` knows (others get "no visitor method exists"). */
export function hasKindVisitor(target: Pick<ObjectInfo, "resource">): boolean {
  const { group, kind } = target.resource;
  if (group === "apps") return ["DaemonSet", "Deployment", "ReplicaSet", "StatefulSet"].includes(kind);
  if (group === "batch") return kind === "Job" || kind === "CronJob";
  if (group === "") return kind === "Pod" || kind === "ReplicationController";
  return false;
}
