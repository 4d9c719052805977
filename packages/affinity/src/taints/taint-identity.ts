import type { Taint } from "@kubesim/core";

/**
 * Whether two taints are the same taint: taints are unique by key and effect, so the
 * value does not count (upstream's `Taint.MatchTaint`).
 */
export function matchTaint(left: Taint, right: Taint): boolean {
  return (left.key ?? "") === (right.key ?? "") && (left.effect ?? "") === (right.effect ?? "");
}

/**
 * A taint as kubectl writes it (upstream's `Taint.ToString`): `key=value:effect`,
 * `key:effect` without a value, `key=value:` without an effect, and `key` alone.
 *
 * @example
 * taintToString({ key: "dedicated", value: "gpu", effect: "NoSchedule" }) // => "dedicated=gpu:NoSchedule"
 */
export function taintToString(taint: Taint): string {
  const key = taint.key ?? "";
  const value = taint.value ?? "";
  const effect = taint.effect ?? "";
  if (effect === "") return value === "" ? key : `${key}=${value}:`;
  return value === "" ? `${key}:${effect}` : `${key}=${value}:${effect}`;
}
