import {
  type ControllerRevision,
  type DaemonSet,
  type Deployment,
  formatLabelSelector,
  type KubeObject,
  KubesimError,
  type LabelSelector,
  type PodTemplateSpec,
} from "@kubesim/core";
import type { KubectlContext } from "../kubectl-context.js";
import { cloneJson, errorMessage, getOwn, isJsonObject } from "../resource-builder/index.js";

/** One revision of a workload's rollout history. */
export interface HistoryEntry {
  readonly revision: number;
  /** The `kubernetes.io/change-cause` annotation, `""` when absent. */
  readonly changeCause: string;
  /** The pod template of that revision. */
  readonly template: PodTemplateSpec | undefined;
  /** The ControllerRevision holding it (DaemonSets), to roll back to. */
  readonly controllerRevision?: ControllerRevision;
}

/** The annotation kubectl shows as CHANGE-CAUSE. */
export const changeCauseAnnotation = "kubernetes.io/change-cause";

/** A label selector as a list selector string: empty selects everything. */
export function selectorString(selector: LabelSelector | undefined): string {
  if (selector === undefined) return "";
  if (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0)
    return "";
  return formatLabelSelector(selector);
}

function controlledBy(object: KubeObject, owner: KubeObject): boolean {
  return (object.metadata?.ownerReferences ?? []).some(
    (reference) => reference.controller === true && reference.uid === owner.metadata?.uid,
  );
}

/**
 * The pod template a ControllerRevision restores (kubectl's `applyDaemonSetHistory`): the
 * revision's `data.spec.template` merged onto the DaemonSet's, which with the
 * `$patch: replace` the controller writes is the revision's template alone.
 */
export function revisionTemplate(
  daemonSet: DaemonSet,
  revision: ControllerRevision,
): PodTemplateSpec | undefined {
  const template = getOwn(getOwn(revision.data, "spec"), "template");
  if (!isJsonObject(template)) return daemonSet.spec?.template;
  const copy = cloneJson(template);
  const replace = copy.$patch === "replace";
  delete copy.$patch;
  if (replace) return copy as unknown as PodTemplateSpec;
  return { ...cloneJson(daemonSet.spec?.template), ...(copy as PodTemplateSpec) };
}

/**
 * kubectl's `daemonSetHistory`: the DaemonSet and the ControllerRevisions its selector
 * finds that it controls.
 *
 * @throws KubesimError `failed to retrieve DaemonSet x: …`, `unable to find history controlled by DaemonSet x: …`.
 */
export async function daemonSetHistory(
  context: KubectlContext,
  namespace: string,
  name: string,
): Promise<{ daemonSet: DaemonSet; entries: HistoryEntry[] }> {
  let daemonSet: DaemonSet;
  try {
    daemonSet = await context.client.get("DaemonSet", name, { namespace });
  } catch (error) {
    throw new KubesimError(`failed to retrieve DaemonSet ${name}: ${errorMessage(error)}`);
  }
  let revisions: ControllerRevision[];
  try {
    const selector = selectorString(daemonSet.spec?.selector);
    const listed = await context.client.list("ControllerRevision", {
      namespace,
      ...(selector === "" ? {} : { labelSelector: selector }),
    });
    revisions = listed.items;
  } catch (error) {
    throw new KubesimError(`unable to find history controlled by DaemonSet ${name}: ${errorMessage(error)}`);
  }
  const entries = revisions
    .filter((revision) => controlledBy(revision, daemonSet))
    .map((revision) => ({
      revision: revision.revision,
      changeCause: revision.metadata?.annotations?.[changeCauseAnnotation] ?? "",
      template: revisionTemplate(daemonSet, revision),
      controllerRevision: revision,
    }));
  return { daemonSet, entries };
}

/**
 * kubectl's `DeploymentHistoryViewer` source: the ReplicaSets the Deployment controls,
 * by their `deployment.kubernetes.io/revision` annotation (kubesim runs no Deployment
 * controller, so there are usually none).
 */
export async function deploymentHistory(
  context: KubectlContext,
  namespace: string,
  name: string,
): Promise<HistoryEntry[]> {
  let deployment: Deployment;
  try {
    deployment = await context.client.get("Deployment", name, { namespace });
  } catch (error) {
    throw new KubesimError(`failed to retrieve deployment ${name}: ${errorMessage(error)}`);
  }
  const selector = selectorString(deployment.spec?.selector);
  const listed = await context.client.list("ReplicaSet", {
    namespace,
    ...(selector === "" ? {} : { labelSelector: selector }),
  });
  const entries: HistoryEntry[] = [];
  for (const replicaSet of listed.items) {
    if (!controlledBy(replicaSet, deployment)) continue;
    const revision = Number(replicaSet.metadata?.annotations?.["deployment.kubernetes.io/revision"]);
    if (!Number.isSafeInteger(revision)) continue;
    const template = cloneJson(replicaSet.spec?.template);
    if (template?.metadata?.labels !== undefined) delete template.metadata.labels["pod-template-hash"];
    entries.push({
      revision,
      changeCause: replicaSet.metadata?.annotations?.[changeCauseAnnotation] ?? "",
      template,
    });
  }
  return entries;
}
