import type { Taint, Toleration } from "@kubesim/core";

/**
 * Tells whether one toleration tolerates one taint, exactly as upstream's `Toleration.ToleratesTaint`.
 *
 * The rules of k8s.io/api v1.32:
 * - a non-empty toleration `effect` must equal the taint's effect (empty matches any effect);
 * - a non-empty toleration `key` must equal the taint's key (empty matches any key);
 * - operator `Equal` or empty: the values must be equal (absent counts as `""`);
 *   operator `Exists`: any value; any other operator tolerates nothing.
 *
 * `tolerationSeconds` plays no part. v1.32 has no numeric `Lt`/`Gt` operators (they are a
 * later alpha behind a feature gate), so those tolerate nothing here. Never throws.
 *
 * @example
 * toleratesTaint({ key: "gpu", operator: "Exists" }, { key: "gpu", value: "a", effect: "NoSchedule" }) // => true
 * toleratesTaint({ key: "gpu", value: "b" }, { key: "gpu", value: "a", effect: "NoSchedule" }) // => false
 * toleratesTaint({ operator: "Exists", effect: "NoExecute" }, { key: "gpu", effect: "NoSchedule" }) // => false
 */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  const effect = toleration.effect;
  if (effect && effect !== taint.effect) return false;
  const key = toleration.key;
  if (key && key !== taint.key) return false;
  switch (toleration.operator) {
    case undefined:
    case "":
    case "Equal":
      return (toleration.value ?? "") === (taint.value ?? "");
    case "Exists":
      return true;
    default:
      return false;
  }
}

/**
 * Tells whether any of `tolerations` tolerates `taint` (upstream's `TolerationsTolerateTaint`).
 *
 * Each toleration is checked with {@link toleratesTaint}; `undefined` or an empty list
 * tolerates nothing.
 *
 * @example
 * tolerationsTolerateTaint([{ operator: "Exists" }], { key: "gpu", effect: "NoSchedule" }) // => true
 * tolerationsTolerateTaint(undefined, { key: "gpu", effect: "NoSchedule" }) // => false
 */
export function tolerationsTolerateTaint(
  tolerations: readonly Toleration[] | undefined,
  taint: Taint,
): boolean {
  if (!tolerations) return false;
  for (const toleration of tolerations) {
    if (toleratesTaint(toleration, taint)) return true;
  }
  return false;
}
