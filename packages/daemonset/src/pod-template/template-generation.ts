import type { DaemonSet } from "@kubesim/core";
import { templateGenerationAnnotation } from "@kubesim/core";

const goInt64Pattern = /^[+-]?[0-9]+$/;
const canonicalSmallPattern = /^(?:0|-?[1-9][0-9]{0,14})$/;
const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;

/**
 * Reads a value as Go's `strconv.ParseInt(value, 10, 64)` would and renders it back as
 * Go's `fmt.Sprint` of the int64: `"007"` → `"7"`, `"+5"` → `"5"`.
 *
 * Numbers are accepted when they are safe integers. Anything else (empty, not decimal,
 * out of the int64 range, a fraction) gives `undefined`. Never throws.
 *
 * @example
 * canonicalGoInt64("0012") // => "12"
 * canonicalGoInt64("1.5") // => undefined
 */
export function canonicalGoInt64(value: string | number | bigint | null | undefined): string | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? String(value) : undefined;
  if (typeof value === "bigint") return value >= int64Min && value <= int64Max ? value.toString() : undefined;
  if (typeof value !== "string") return undefined;
  // Fast path for the usual case: already canonical and well inside the int64 range.
  if (canonicalSmallPattern.test(value)) return value;
  if (!goInt64Pattern.test(value)) return undefined;
  const parsed = BigInt(value);
  return parsed >= int64Min && parsed <= int64Max ? parsed.toString() : undefined;
}

/**
 * Upstream's `GetTemplateGeneration`: the DaemonSet's template generation from its
 * `deprecated.daemonset.template.generation` annotation, as the decimal string the
 * `pod-template-generation` label carries.
 *
 * `undefined` when the annotation is absent or does not parse as an int64 (upstream then
 * treats the generation as unknown: no label on new pods, no generation match). Never throws.
 *
 * @example
 * daemonSetTemplateGeneration({ metadata: { annotations: { "deprecated.daemonset.template.generation": "3" } } })
 * // => "3"
 */
export function daemonSetTemplateGeneration(daemonSet: DaemonSet): string | undefined {
  const annotations = daemonSet.metadata?.annotations;
  if (
    annotations === undefined ||
    annotations === null ||
    !Object.hasOwn(annotations, templateGenerationAnnotation)
  ) {
    return undefined;
  }
  return canonicalGoInt64(annotations[templateGenerationAnnotation]);
}
