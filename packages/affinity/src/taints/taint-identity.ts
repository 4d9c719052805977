import type { Taint } from "@kubesim/core";

/**
 * Tells whether two taints are the same taint (upstream's `Taint.MatchTaint`).
 *
 * Taints are unique by key and effect, so the value does not count; an absent key or
 * effect counts as `""`. Never throws.
 *
 * @example
 * matchTaint({ key: "a", value: "1", effect: "NoSchedule" }, { key: "a", value: "2", effect: "NoSchedule" }) // => true
 * matchTaint({ key: "a", effect: "NoSchedule" }, { key: "a", effect: "NoExecute" }) // => false
 */
export function matchTaint(left: Taint, right: Taint): boolean {
  return (left.key ?? "") === (right.key ?? "") && (left.effect ?? "") === (right.effect ?? "");
}

/**
 * Formats a taint as kubectl writes it (upstream's `Taint.ToString`).
 *
 * `key=value:effect`, `key:effect` without a value, `key=value:` without an effect, and
 * `key` alone. Never throws.
 *
 * @example
 * taintToString({ key: "dedicated", value: "gpu", effect: "NoSchedule" }) // => "dedicated=gpu:NoSchedule"
 * taintToString({ key: "dedicated", effect: "NoSchedule" }) // => "dedicated:NoSchedule"
 * taintToString({ key: "dedicated", value: "gpu", effect: "" }) // => "dedicated=gpu:"
 */
export function taintToString(taint: Taint): string {
  const key = taint.key ?? "";
  const value = taint.value ?? "";
  const effect = taint.effect ?? "";
  if (effect === "") return value === "" ? key : `${key}=${value}:`;
  return value === "" ? `${key}:${effect}` : `${key}=${value}:${effect}`;
}
