import type { Toleration } from "@kubesim/core";
import { TaintEffect, wellKnownTaintKeys } from "./taint-effects.js";

/**
 * Whether two tolerations have the same identity: key, effect, operator and value
 * (upstream's `Toleration.MatchToleration`; `tolerationSeconds` is not part of it, and an
 * absent field counts as `""`).
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
 * The tolerations the DaemonSet controller gives every daemon pod, in upstream's order
 * (`AddOrUpdateDaemonPodTolerations`): `not-ready` and `unreachable` for `NoExecute`, then
 * `disk-pressure`, `memory-pressure`, `pid-pressure` and `unschedulable` for `NoSchedule`,
 * and `network-unavailable` for `NoSchedule` only when the pod uses the host network. All
 * use `Exists` with no `tolerationSeconds`, so they hold forever. Returns fresh objects.
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
 * Merges `toAdd` into `tolerations` one by one with upstream's
 * `AddOrUpdateTolerationInPodSpec` rule: a toleration with the same identity (key, effect,
 * operator, value; see {@link matchToleration}) and the same `tolerationSeconds` is kept
 * untouched; one with the same identity but other `tolerationSeconds` is replaced in place;
 * otherwise the toleration is appended. Returns a new array; the inputs are not changed.
 *
 * @example
 * addOrUpdateTolerations(pod.spec?.tolerations, daemonSetDefaultTolerations(pod.spec?.hostNetwork === true))
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
