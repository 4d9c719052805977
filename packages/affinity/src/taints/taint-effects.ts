import type { Taint } from "@kubesim/core";

export { taintEffects } from "@kubesim/core";

/**
 * The three taint effects by name, so callers never spell the strings by hand.
 *
 * A read-only (`as const`) object; `TaintEffect` is also the type of its values.
 *
 * @example
 * TaintEffect.NoExecute // => "NoExecute"
 * Object.values(TaintEffect) // => ["NoSchedule", "PreferNoSchedule", "NoExecute"]
 */
export const TaintEffect = {
  NoSchedule: "NoSchedule",
  PreferNoSchedule: "PreferNoSchedule",
  NoExecute: "NoExecute",
} as const;

/** One of the {@link TaintEffect} values. */
export type TaintEffect = (typeof TaintEffect)[keyof typeof TaintEffect];

/**
 * The taint keys Kubernetes itself manages (upstream's `well_known_taints.go`).
 *
 * The node lifecycle controller sets most of them from node conditions and
 * `spec.unschedulable`; `out-of-service` is set by an administrator.
 *
 * @example
 * wellKnownTaintKeys.unschedulable // => "node.kubernetes.io/unschedulable"
 */
export const wellKnownTaintKeys = {
  notReady: "node.kubernetes.io/not-ready",
  unreachable: "node.kubernetes.io/unreachable",
  unschedulable: "node.kubernetes.io/unschedulable",
  memoryPressure: "node.kubernetes.io/memory-pressure",
  diskPressure: "node.kubernetes.io/disk-pressure",
  networkUnavailable: "node.kubernetes.io/network-unavailable",
  pidPressure: "node.kubernetes.io/pid-pressure",
  outOfService: "node.kubernetes.io/out-of-service",
} as const;

/**
 * Tells whether a taint keeps a pod off a node: the taint filter of the scheduler's TaintToleration Filter.
 *
 * The DaemonSet controller uses it too. True only for `NoSchedule` and `NoExecute`
 * (`PreferNoSchedule` only lowers the score). Pass it to `findUntoleratedTaint`.
 *
 * @example
 * doNotScheduleTaintFilter({ key: "a", effect: "NoExecute" }) // => true
 * doNotScheduleTaintFilter({ key: "a", effect: "PreferNoSchedule" }) // => false
 */
export function doNotScheduleTaintFilter(taint: Taint): boolean {
  return taint.effect === TaintEffect.NoSchedule || taint.effect === TaintEffect.NoExecute;
}
