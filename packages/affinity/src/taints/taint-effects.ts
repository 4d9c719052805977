import type { Taint } from "@kubesim/core";

export { taintEffects } from "@kubesim/core";

/** The three taint effects by name, so callers never spell the strings by hand. */
export const TaintEffect = {
  NoSchedule: "NoSchedule",
  PreferNoSchedule: "PreferNoSchedule",
  NoExecute: "NoExecute",
} as const;

/** One of the {@link TaintEffect} values. */
export type TaintEffect = (typeof TaintEffect)[keyof typeof TaintEffect];

/**
 * The taint keys Kubernetes itself manages (upstream's `well_known_taints.go`): the node
 * lifecycle controller sets them from node conditions and `spec.unschedulable`.
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
 * The taint filter of the scheduler's TaintToleration Filter and of the DaemonSet
 * controller: only `NoSchedule` and `NoExecute` taints keep a pod off a node
 * (`PreferNoSchedule` only lowers the score).
 */
export function doNotScheduleTaintFilter(taint: Taint): boolean {
  return taint.effect === TaintEffect.NoSchedule || taint.effect === TaintEffect.NoExecute;
}
