import { KubesimError } from "@kubesim/core";
import type { ExitCode, KubectlContext } from "../kubectl-context.js";
import {
  cloneJson,
  createTwoWayMergePatch,
  errorMessage,
  groupResourceName,
  isJsonObject,
  type JsonObject,
  kubectlFieldManagers,
  newErrorList,
  operationLine,
  reportCommandError,
} from "../resource-builder/index.js";
import { type RolloutTarget, type RolloutTargets, visitRolloutTargets } from "./rollout-targets.js";

/** The flags of `kubectl rollout restart`. */
export interface RolloutRestartOptions extends RolloutTargets {
  /** `--field-manager`; default `kubectl-rollout`. */
  readonly fieldManager?: string;
}

/** The pod-template annotation whose change makes the controller replace every pod. */
export const restartedAtAnnotation = "kubectl.kubernetes.io/restartedAt";

/** Go's `time.Format(time.RFC3339)` in UTC: `2026-01-01T00:05:00Z`. */
function rfc3339(milliseconds: number): string {
  return new Date(Math.floor(milliseconds / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** kubectl's `defaultObjectRestarter`: the object with the restart annotation, or why not. */
function restarted(target: RolloutTarget, now: number): JsonObject {
  const { group, kind } = target.resource;
  if (group !== "apps" || !["Deployment", "DaemonSet", "StatefulSet"].includes(kind)) {
    throw new KubesimError("restarting is not supported");
  }
  const object = cloneJson(target.object) as unknown as JsonObject;
  const spec = isJsonObject(object.spec) ? object.spec : {};
  if (kind === "Deployment" && spec.paused === true) {
    throw new KubesimError("can't restart paused deployment (run rollout resume first)");
  }
  object.spec = spec;
  const template = isJsonObject(spec.template) ? spec.template : {};
  spec.template = template;
  const metadata = isJsonObject(template.metadata) ? template.metadata : {};
  template.metadata = metadata;
  const annotations = isJsonObject(metadata.annotations) ? metadata.annotations : {};
  metadata.annotations = annotations;
  annotations[restartedAtAnnotation] = rfc3339(now);
  return object;
}

/**
 * `kubectl rollout restart TYPE NAME`: sets the pod template's
 * `kubectl.kubernetes.io/restartedAt` annotation to now (the cluster's clock), which makes
 * the DaemonSet controller roll every pod, and prints `daemonset.apps/nginx restarted`.
 */
export async function runRolloutRestart(
  context: KubectlContext,
  options: RolloutRestartOptions,
): Promise<ExitCode> {
  const targets: RolloutTarget[] = [];
  const errors: unknown[] = [];
  try {
    const readError = await visitRolloutTargets(context, options, async (target) => {
      targets.push(target);
    });
    if (readError !== undefined) errors.push(readError);
  } catch (builderError) {
    return reportCommandError(context.io, builderError);
  }
  if (targets.length === 0 && errors.length === 0) {
    context.io.stderr(`No resources found in ${context.namespace} namespace.\n`);
    return 0;
  }
  const now = context.clock.now();
  for (const target of targets) {
    let after: JsonObject;
    try {
      after = restarted(target, now);
    } catch (error) {
      errors.push(
        new KubesimError(
          `error: ${groupResourceName(target.resource)} ${JSON.stringify(target.name)} ${errorMessage(error)}`,
        ),
      );
      continue;
    }
    const patch = createTwoWayMergePatch(target.object as unknown as JsonObject, after, target.resource.kind);
    if (Object.keys(patch).length === 0) {
      errors.push(
        new KubesimError(
          `failed to create patch for ${target.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
        ),
      );
      continue;
    }
    try {
      await context.client.patch(target.resource.kind, target.name, patch, {
        type: "strategic",
        namespace: target.namespace,
        fieldManager: options.fieldManager ?? kubectlFieldManagers.rollout,
      });
    } catch (error) {
      errors.push(new KubesimError(`failed to patch: ${errorMessage(error)}`));
      continue;
    }
    context.io.stdout(operationLine(target, "restarted"));
  }
  return reportCommandError(context.io, newErrorList(errors));
}
