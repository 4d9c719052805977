import { KubesimError, type Pod } from "@kubesim/core";

const nodeNameField = "metadata.name";

function podKey(pod: Pod): string {
  return `${pod.metadata?.namespace ?? ""}/${pod.metadata?.name ?? ""}`;
}

/**
 * Upstream's `GetTargetNodeName`: the node a daemon pod belongs to.
 *
 * `spec.nodeName` when set; otherwise the single value of the first required node
 * affinity `matchFields` requirement with key `metadata.name` and operator `In` (the pin
 * the controller puts on the pods it creates), searching the terms in order.
 *
 * @throws KubesimError with upstream's message when the pod names no single node:
 *   `no spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution for pod <ns>/<name>`,
 *   `no nodeSelectorTerms in requiredDuringSchedulingIgnoredDuringExecution of pod <ns>/<name>`,
 *   `the matchFields value of 'metadata.name' is not unique for pod <ns>/<name>` (a pin with
 *   zero or several values), or `no node name found for pod <ns>/<name>`.
 * @example
 * getTargetNodeName({ metadata: { name: "web-x7k2p", namespace: "default" }, spec: { containers: [], nodeName: "node-1" } })
 * // => "node-1"
 * getTargetNodeName({ metadata: { name: "web-x7k2p", namespace: "default" }, spec: { containers: [] } })
 * // throws "no spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution for pod default/web-x7k2p"
 */
export function getTargetNodeName(pod: Pod): string {
  const nodeName = pod.spec?.nodeName ?? "";
  if (nodeName !== "") return nodeName;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required === undefined || required === null) {
    throw new KubesimError(
      `no spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution for pod ${podKey(pod)}`,
    );
  }
  const terms = required.nodeSelectorTerms ?? [];
  if (terms.length < 1) {
    throw new KubesimError(
      `no nodeSelectorTerms in requiredDuringSchedulingIgnoredDuringExecution of pod ${podKey(pod)}`,
    );
  }
  for (const term of terms) {
    for (const requirement of term?.matchFields ?? []) {
      if (requirement.key !== nodeNameField || requirement.operator !== "In") continue;
      const values = requirement.values ?? [];
      if (values.length !== 1) {
        throw new KubesimError(
          `the matchFields value of '${nodeNameField}' is not unique for pod ${podKey(pod)}`,
        );
      }
      return values[0] as string;
    }
  }
  throw new KubesimError(`no node name found for pod ${podKey(pod)}`);
}

/**
 * {@link getTargetNodeName} without the error: `null` when the pod names no single node.
 * For hot paths (every pod event), where building an error would cost more than the answer.
 */
export function findTargetNodeName(pod: Pod): string | null {
  const nodeName = pod.spec?.nodeName ?? "";
  if (nodeName !== "") return nodeName;
  const terms =
    pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms === undefined || terms === null) return null;
  for (const term of terms) {
    for (const requirement of term?.matchFields ?? []) {
      if (requirement.key !== nodeNameField || requirement.operator !== "In") continue;
      const values = requirement.values ?? [];
      return values.length === 1 ? (values[0] as string) : null;
    }
  }
  return null;
}
