import type { Pod, PodCondition } from "@kubesim/core";

// Go's zero time (0001-01-01T00:00:00Z), which metav1.Time treats as unset.
const goZeroTime = -62135596800000;

function readyCondition(pod: Pod): PodCondition | undefined {
  for (const condition of pod.status?.conditions ?? []) {
    if (condition.type === "Ready") return condition;
  }
  return undefined;
}

/**
 * Upstream's `podutil.IsPodReady`: the pod's (first) `Ready` condition has status
 * `"True"`. Never throws.
 *
 * @example
 * isPodReady({ status: { conditions: [{ type: "Ready", status: "True" }] } }) // => true
 */
export function isPodReady(pod: Pod): boolean {
  return readyCondition(pod)?.status === "True";
}

/**
 * Upstream's `podutil.IsPodAvailable`: the pod is Ready, and has been for at least
 * `minReadySeconds` at `now`.
 *
 * With `minReadySeconds` 0 readiness is enough. Otherwise the Ready condition's
 * `lastTransitionTime` plus `minReadySeconds` must be strictly before `now`; a missing or
 * unparsable `lastTransitionTime` (or Go's zero time) means not available. `now` is milliseconds since the
 * epoch (the controller's injected clock). Never throws.
 *
 * @example
 * const pod = { status: { conditions: [{ type: "Ready", status: "True", lastTransitionTime: "2024-01-01T00:00:00Z" }] } };
 * isPodAvailable(pod, 10, Date.parse("2024-01-01T00:00:10Z")) // => false (exactly 10 s is not enough)
 * isPodAvailable(pod, 10, Date.parse("2024-01-01T00:00:11Z")) // => true
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  const condition = readyCondition(pod);
  if (condition?.status !== "True") return false;
  if (minReadySeconds === 0) return true;
  const since =
    condition.lastTransitionTime === undefined ? Number.NaN : Date.parse(condition.lastTransitionTime);
  if (Number.isNaN(since) || since === goZeroTime) return false;
  return since + minReadySeconds * 1000 < now;
}
