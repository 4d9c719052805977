import type { PriorityClassInfo } from "./defaulting-options.js";
import { isEmptyString, isUnset, type JsonObject } from "./json-fields.js";

/**
 * The PriorityClasses every cluster has: created by the API server at start-up, both
 * with `preemptionPolicy: PreemptLowerPriority`.
 */
export const builtInPriorityClasses: readonly PriorityClassInfo[] = [
  { name: "system-node-critical", value: 2000001000, preemptionPolicy: "PreemptLowerPriority" },
  { name: "system-cluster-critical", value: 2000000000, preemptionPolicy: "PreemptLowerPriority" },
];

/**
 * The Priority admission plugin on pod create, in place: resolves
 * `spec.priorityClassName` to `spec.priority` and `spec.preemptionPolicy`.
 *
 * @remarks
 * Without a class name the pod gets the global-default class (the lowest value when
 * several claim it) or, when there is none, priority 0 with `PreemptLowerPriority`
 * and no class name. Upstream rejects a pod naming an unknown class
 * (`no PriorityClass with name <x> was found`) or carrying a `priority` /
 * `preemptionPolicy` that differs from its class; defaulting cannot fail, so such pods
 * are left untouched here and the caller must reject them (see
 * {@link findPriorityClass}).
 */
export function admitPodPriority(spec: JsonObject, extraClasses: readonly PriorityClassInfo[]): void {
  const className = spec.priorityClassName;
  let resolved: PriorityClassInfo | undefined;
  if (isEmptyString(className)) {
    resolved = findGlobalDefault(extraClasses);
    if (resolved !== undefined) spec.priorityClassName = resolved.name;
  } else if (typeof className === "string") {
    resolved = findPriorityClass(className, extraClasses);
    if (resolved === undefined) return;
  } else {
    return;
  }
  const value = resolved?.value ?? 0;
  if (!isUnset(spec.priority) && spec.priority !== value) return;
  spec.priority = value;
  const policy =
    resolved === undefined ? "PreemptLowerPriority" : (resolved.preemptionPolicy ?? "PreemptLowerPriority");
  if (!isUnset(spec.preemptionPolicy) && spec.preemptionPolicy !== policy) return;
  spec.preemptionPolicy = policy;
}

/** The PriorityClass called `name`: a built-in one or one of `extraClasses`. */
export function findPriorityClass(
  name: string,
  extraClasses: readonly PriorityClassInfo[] = [],
): PriorityClassInfo | undefined {
  return (
    builtInPriorityClasses.find((candidate) => candidate.name === name) ??
    extraClasses.find((candidate) => candidate.name === name)
  );
}

function findGlobalDefault(classes: readonly PriorityClassInfo[]): PriorityClassInfo | undefined {
  let chosen: PriorityClassInfo | undefined;
  for (const candidate of classes) {
    if (candidate.globalDefault === true && (chosen === undefined || candidate.value < chosen.value)) {
      chosen = candidate;
    }
  }
  return chosen;
}
