import type { Toleration } from "@kubesim/core";
import { TaintEffect, wellKnownTaintKeys } from "./taint-effects.js";

/**
 * Tells whether two tolerations have the same identity (upstream's `Toleration.MatchToleration`).
 *
 * The identity is key, effect, operator and value; `tolerationSeconds` is not part of it,
 * and an absent field counts as `""` (so an absent operator differs from `Equal`). Never throws.
 *
 * @example
 * matchToleration({ key: "a", operator: "Exists", tolerationSeconds: 5 }, { key: "a", operator: "Exists" }) // => true
 * matchToleration({ key: "a", operator: "Exists" }, { key: "a", operator: "Equal" }) // => false
 */
export function matchToleration(left: Toleration, right: Toleration): boolean {
  return (
    (left.key ?? "") === (right.key ?? "") &&
    (left.effect ?? "") === (right.effect ?? "") &&
    (left.operator ?? "") === (right.operator ?? "") &&
    (left.value ?? "") === (right.value ?? "")
  );
}

function forever(key: string, effect: TaintEffect): Toleration {
  return { key, operator: "Exists", effect };
}

/**
 * Lists the tolerations the DaemonSet controller gives every daemon pod, in upstream's order.
 *
 * As `AddOrUpdateDaemonPodTolerations`: `not-ready` and `unreachable` for `NoExecute`,
 * then `disk-pressure`, `memory-pressure`, `pid-pressure` and `unschedulable` for
 * `NoSchedule`, and `network-unavailable` for `NoSchedule` only when the pod uses the host
 * network. All use `Exists` with no `tolerationSeconds`, so they hold forever. Returns
 * fresh objects.
 *
 * @example
 * daemonSetDefaultTolerations(false).map((toleration) => `${toleration.key}:${toleration.effect}`)
 * // => ["node.kubernetes.io/not-ready:NoExecute", "node.kubernetes.io/unreachable:NoExecute",
 * //     "node.kubernetes.io/disk-pressure:NoSchedule", "node.kubernetes.io/memory-pressure:NoSchedule",
 * //     "node.kubernetes.io/pid-pressure:NoSchedule", "node.kubernetes.io/unschedulable:NoSchedule"]
 * daemonSetDefaultTolerations(true)[6]
 * // => { key: "node.kubernetes.io/network-unavailable", operator: "Exists", effect: "NoSchedule" }
 */
export function daemonSetDefaultTolerations(hostNetwork: boolean): Toleration[] {
  const tolerations = [
    forever(wellKnownTaintKeys.notReady, TaintEffect.NoExecute),
    forever(wellKnownTaintKeys.unreachable, TaintEffect.NoExecute),
    forever(wellKnownTaintKeys.diskPressure, TaintEffect.NoSchedule),
    forever(wellKnownTaintKeys.memoryPressure, TaintEffect.NoSchedule),
    forever(wellKnownTaintKeys.pidPressure, TaintEffect.NoSchedule),
    forever(wellKnownTaintKeys.unschedulable, TaintEffect.NoSchedule),
  ];
  if (hostNetwork) tolerations.push(forever(wellKnownTaintKeys.networkUnavailable, TaintEffect.NoSchedule));
  return tolerations;
}

function addOrUpdateToleration(tolerations: readonly Toleration[], toleration: Toleration): Toleration[] {
  let matched = false;
  const merged = tolerations.map((existing) => {
    if (!matchToleration(existing, toleration)) return existing;
    matched = true;
    // An identical toleration stays as it is; a same-identity one with other
    // tolerationSeconds is replaced in place, dropping the user's timeout.
    return existing.tolerationSeconds === toleration.tolerationSeconds ? existing : { ...toleration };
  });
  if (!matched) merged.push({ ...toleration });
  return merged;
}

/**
 * Merges `toAdd` into `tolerations` one by one, as upstream's `AddOrUpdateTolerationInPodSpec`.
 *
 * A toleration with the same identity (key, effect, operator, value; see
 * {@link matchToleration}) and the same `tolerationSeconds` is kept untouched; one with the
 * same identity but other `tolerationSeconds` is replaced in place; otherwise the
 * toleration is appended. Returns a new array (added tolerations are copies); the inputs
 * are not changed. The DaemonSet controller calls it with
 * {@link daemonSetDefaultTolerations}.
 *
 * @example
 * addOrUpdateTolerations(
 *   [{ key: "a", operator: "Exists", effect: "NoExecute", tolerationSeconds: 30 }],
 *   [{ key: "a", operator: "Exists", effect: "NoExecute" }, { key: "b", operator: "Exists" }],
 * )
 * // => [{ key: "a", operator: "Exists", effect: "NoExecute" }, { key: "b", operator: "Exists" }]
 */
export function addOrUpdateTolerations(
  tolerations: readonly Toleration[] | undefined,
  toAdd: Toleration | readonly Toleration[],
): Toleration[] {
  let merged: Toleration[] = tolerations ? [...tolerations] : [];
  const additions: readonly Toleration[] = Array.isArray(toAdd) ? toAdd : [toAdd as Toleration];
  for (const toleration of additions) merged = addOrUpdateToleration(merged, toleration);
  return merged;
}
