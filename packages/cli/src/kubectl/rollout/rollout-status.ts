import { type KubeObject, KubesimError, type WatchEvent } from "@kubesim/core";
import type { ExitCode, KubectlContext } from "../kubectl-context.js";
import { pollCluster, reportCommandError } from "../resource-builder/index.js";
import { daemonSetStatus, deploymentStatus, type StatusViewer } from "./rollout-status-viewer.js";
import {
  groupKindName,
  type RolloutTarget,
  type RolloutTargets,
  visitRolloutTargets,
} from "./rollout-targets.js";

/** The flags of `kubectl rollout status`. */
export interface RolloutStatusOptions extends RolloutTargets {
  /** `--watch` (default true): keep watching until the rollout is done. */
  readonly watch?: boolean;
  /** `--timeout` in milliseconds; 0 waits as long as the simulation needs. */
  readonly timeoutMs?: number;
}

function statusViewer(target: RolloutTarget): StatusViewer {
  const { group, kind } = target.resource;
  if (group === "apps" && kind === "DaemonSet") return daemonSetStatus;
  if (group === "apps" && kind === "Deployment") return deploymentStatus;
  throw new KubesimError(`no status viewer has been implemented for ${groupKindName(target)}`);
}

function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Watches one object as kubectl's `UntilWithSync` does: the listed state, then every
 * change, printing the viewer's message for each until it says done. Between checks the
 * simulation moves on a second at a time.
 */
async function watchRollout(
  context: KubectlContext,
  target: RolloutTarget,
  options: RolloutStatusOptions,
): Promise<void> {
  const viewer = statusViewer(target);
  const kind = target.resource.kind;
  const query = { namespace: target.namespace, fieldSelector: `metadata.name=${target.name}` };
  const listed = await context.client.list(kind, query);
  const watch = await context.client.watch(kind, { ...query, resourceVersion: listed.resourceVersion });
  const events: Array<WatchEvent<KubeObject>> = listed.items.map((object) => ({ type: "ADDED", object }));
  const reader = (async () => {
    for await (const event of watch) events.push(event);
  })();
  try {
    let finished = false;
    const evaluate = (): boolean => {
      for (let event = events.shift(); event !== undefined; event = events.shift()) {
        if (event.type === "DELETED") throw new KubesimError("object has been deleted");
        if (event.type !== "ADDED" && event.type !== "MODIFIED") continue;
        const status = viewer(event.object);
        context.io.stdout(status.message);
        if (status.done || options.watch === false) return true;
      }
      return false;
    };
    finished = await pollCluster(
      context,
      async () => {
        await yieldToEvents();
        return evaluate();
      },
      { timeoutMs: options.timeoutMs ?? 0 },
    );
    if (!finished) throw new KubesimError("timed out waiting for the condition");
  } finally {
    watch.close();
    await reader;
  }
}

/**
 * `kubectl rollout status TYPE NAME [--watch=false] [--timeout=D]`: prints kubectl's
 * DaemonSet status line for the current state and for every later change of the object
 * while the simulation advances (`Waiting for daemon set "nginx" rollout to finish: 1 out
 * of 2 new pods have been updated...`), until `daemon set "nginx" successfully rolled
 * out` or the timeout (`timed out waiting for the condition`).
 */
export async function runRolloutStatus(
  context: KubectlContext,
  options: RolloutStatusOptions,
): Promise<ExitCode> {
  let found = false;
  let error: unknown;
  try {
    error = await visitRolloutTargets(context, options, async (target) => {
      found = true;
      await watchRollout(context, target, options);
    });
  } catch (builderError) {
    return reportCommandError(context.io, builderError);
  }
  if (error !== undefined) return reportCommandError(context.io, error);
  if (!found) context.io.stderr(`No resources found in ${context.namespace} namespace.\n`);
  return 0;
}
