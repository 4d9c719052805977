import type { DaemonSet } from "../types/index.js";
import { cloneJson } from "./clone-json.js";
import {
  type DefaultingOptions,
  type ResolvedDefaultingOptions,
  resolveDefaultingOptions,
} from "./defaulting-options.js";
import {
  defaultString,
  defaultUnset,
  ensureObjectField,
  getOwnField,
  isJsonObject,
  type JsonObject,
} from "./json-fields.js";
import { applyPodTemplateDefaults } from "./pod-template-defaults.js";

/** The annotation through which apps/v1 exposes the internal `spec.templateGeneration`. */
export const templateGenerationAnnotation = "deprecated.daemonset.template.generation";

/**
 * Returns a defaulted deep copy of a DaemonSet, as the API server stores it; the input
 * is not modified.
 *
 * @remarks
 * Scheme defaults (`SetDefaults_DaemonSet`): `updateStrategy.type: RollingUpdate`; for
 * `RollingUpdate` only, `rollingUpdate.maxUnavailable: 1` and `rollingUpdate.maxSurge: 0`
 * when unset (values the user set, such as `maxSurge: 1`, are kept; `OnDelete` gets no
 * `rollingUpdate`); `revisionHistoryLimit: 10`; and the pod template defaults (no
 * pod-only defaults: see `defaultPodSpec` with `template: true`). On create the strategy
 * also resets `status` to its zero value (the four required counters at 0), sets
 * `metadata.generation: 1` and the `deprecated.daemonset.template.generation`
 * annotation: `"1"`, or the value the client sent when that is an integer of at least 1.
 * An annotation value that is not an integer is left as sent; upstream fails to decode
 * such a request, so the caller should reject it. On update the template generation
 * bump (when the template changed) is the caller's job.
 */
export function defaultDaemonSet<T extends DaemonSet>(daemonSet: T, options?: DefaultingOptions): T {
  const copy = cloneJson(daemonSet);
  if (isJsonObject(copy)) applyDaemonSetDefaults(copy, resolveDefaultingOptions(options));
  return copy;
}

/** {@link defaultDaemonSet} in place, on an already copied DaemonSet. */
export function applyDaemonSetDefaults(daemonSet: JsonObject, options: ResolvedDefaultingOptions): void {
  const spec = ensureObjectField(daemonSet, "spec");
  if (spec !== undefined) {
    const strategy = ensureObjectField(spec, "updateStrategy");
    if (strategy !== undefined) {
      defaultString(strategy, "type", "RollingUpdate");
      const rollingUpdate =
        strategy.type === "RollingUpdate" ? ensureObjectField(strategy, "rollingUpdate") : undefined;
      if (rollingUpdate !== undefined) {
        defaultUnset(rollingUpdate, "maxUnavailable", 1);
        defaultUnset(rollingUpdate, "maxSurge", 0);
      }
    }
    defaultUnset(spec, "revisionHistoryLimit", 10);
    applyPodTemplateDefaults(spec);
  }
  dropZeroOmitEmptyStatus(daemonSet);
  if (!options.create) return;
  daemonSet.status = {
    currentNumberScheduled: 0,
    numberMisscheduled: 0,
    desiredNumberScheduled: 0,
    numberReady: 0,
  };
  const metadata = ensureObjectField(daemonSet, "metadata");
  if (metadata === undefined) return;
  metadata.generation = 1;
  const annotations = ensureObjectField(metadata, "annotations");
  if (annotations !== undefined) setInitialTemplateGeneration(annotations);
}

/** DaemonSetStatus fields tagged `omitempty`: the API server's JSON never carries them at 0. */
const omitEmptyStatusCounters = [
  "observedGeneration",
  "updatedNumberScheduled",
  "numberAvailable",
  "numberUnavailable",
];

/**
 * Drops what Go's JSON encoding omits when the API server re-encodes a stored DaemonSet:
 * the `omitempty` status counters at 0 and empty `conditions` (`collisionCount` is a
 * pointer, so 0 stays).
 */
function dropZeroOmitEmptyStatus(daemonSet: JsonObject): void {
  const status = getOwnField(daemonSet, "status");
  if (!isJsonObject(status)) return;
  for (const field of omitEmptyStatusCounters) {
    if (getOwnField(status, field) === 0) delete status[field];
  }
  const conditions = getOwnField(status, "conditions");
  if (Array.isArray(conditions) && conditions.length === 0) delete status.conditions;
}

function setInitialTemplateGeneration(annotations: JsonObject): void {
  const sent = getOwnField(annotations, templateGenerationAnnotation);
  if (sent === undefined) {
    annotations[templateGenerationAnnotation] = "1";
    return;
  }
  const generation = typeof sent === "string" ? parseGoInt64(sent) : undefined;
  if (generation === undefined) return;
  annotations[templateGenerationAnnotation] = generation < 1n ? "1" : generation.toString();
}

const goIntPattern = /^[+-]?[0-9]+$/;
const maxInt64 = 2n ** 63n - 1n;
const minInt64 = -(2n ** 63n);

/** Go's `strconv.ParseInt(text, 10, 64)`, or undefined when it fails. */
function parseGoInt64(text: string): bigint | undefined {
  if (!goIntPattern.test(text)) return undefined;
  const value = BigInt(text);
  return value > maxInt64 || value < minInt64 ? undefined : value;
}
