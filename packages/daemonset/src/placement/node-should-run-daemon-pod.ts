import {
  addOrUpdateTolerations,
  daemonSetDefaultTolerations,
  requiredNodeAffinity,
  TaintEffect,
  tolerationsTolerateTaint,
} from "@kubesim/affinity";
import type { DaemonSet, Node, Pod } from "@kubesim/core";

/**
 * Whether a DaemonSet wants its pod on a node (`shouldRun`) and whether a pod already
 * there may stay (`shouldContinueRunning`). `shouldRun` true with `shouldContinueRunning`
 * false never happens.
 */
export interface DaemonPodPlacementResult {
  readonly shouldRun: boolean;
  readonly shouldContinueRunning: boolean;
}

/** A DaemonSet's placement predicate, compiled once by {@link createDaemonPodPlacement} and applied to many nodes. */
export type DaemonPodPlacement = (node: Node) => DaemonPodPlacementResult;

// Shared frozen answers: the predicate allocates nothing per node.
const run: DaemonPodPlacementResult = Object.freeze({ shouldRun: true, shouldContinueRunning: true });
const keep: DaemonPodPlacementResult = Object.freeze({ shouldRun: false, shouldContinueRunning: true });
const evict: DaemonPodPlacementResult = Object.freeze({ shouldRun: false, shouldContinueRunning: false });

/**
 * Compiles upstream's `NodeShouldRunDaemonPod` for one DaemonSet, so a sync over 15,000
 * nodes parses the template's node affinity and merges its tolerations once.
 *
 * The answer for a node, in upstream's order:
 * - the template names another node in `spec.nodeName` → `(false, false)`;
 * - `spec.nodeSelector` AND the required node affinity do not match the node →
 *   `(false, false)` (invalid affinity terms never match and raise nothing, as upstream);
 * - some `NoSchedule`/`NoExecute` taint is tolerated neither by the template's tolerations
 *   nor by the DaemonSet defaults (`daemonSetDefaultTolerations(hostNetwork)`, merged by
 *   `addOrUpdateTolerations`) → `(false, false)` if any such taint is `NoExecute`, else
 *   `(false, true)`;
 * - otherwise `(true, true)`.
 * `PreferNoSchedule` taints, node conditions, `spec.unschedulable`, resources and host
 * ports play no part. Never throws; a DaemonSet without a template behaves as an empty one.
 *
 * @example
 * const placement = createDaemonPodPlacement(daemonSet);
 * const desired = nodes.filter((node) => placement(node).shouldRun).length;
 */
export function createDaemonPodPlacement(daemonSet: DaemonSet): DaemonPodPlacement {
  const template = daemonSet.spec?.template;
  const podSpec = template?.spec;
  const templateNodeName = podSpec?.nodeName ?? "";
  const tolerations = addOrUpdateTolerations(
    podSpec?.tolerations ?? [],
    daemonSetDefaultTolerations(podSpec?.hostNetwork === true),
  );
  // The hypothetical pod's node name plays no part in node affinity, so one parse serves every node.
  const hypotheticalPod: Pod = podSpec === undefined ? {} : { spec: podSpec };
  const affinity = requiredNodeAffinity(hypotheticalPod);

  return (node) => {
    if (templateNodeName !== "" && templateNodeName !== (node.metadata?.name ?? "")) return evict;
    if (!affinity.matches(node)) return evict;
    let untoleratedNoSchedule = false;
    for (const taint of node.spec?.taints ?? []) {
      if (taint.effect !== TaintEffect.NoSchedule && taint.effect !== TaintEffect.NoExecute) continue;
      if (tolerationsTolerateTaint(tolerations, taint)) continue;
      if (taint.effect === TaintEffect.NoExecute) return evict;
      untoleratedNoSchedule = true;
    }
    return untoleratedNoSchedule ? keep : run;
  };
}

/**
 * Upstream's `NodeShouldRunDaemonPod(node, ds)`: whether the DaemonSet should run a pod on
 * the node, and whether an existing pod may keep running there.
 *
 * One-off form of {@link createDaemonPodPlacement}; a loop over many nodes should compile
 * the predicate once with that function instead. Never throws.
 *
 * @example
 * nodeShouldRunDaemonPod(
 *   { metadata: { name: "node-1" }, spec: { taints: [{ key: "gpu", effect: "NoSchedule" }] } },
 *   daemonSet,
 * ) // => { shouldRun: false, shouldContinueRunning: true } (an untolerated NoSchedule taint)
 */
export function nodeShouldRunDaemonPod(node: Node, daemonSet: DaemonSet): DaemonPodPlacementResult {
  return createDaemonPodPlacement(daemonSet)(node);
}
