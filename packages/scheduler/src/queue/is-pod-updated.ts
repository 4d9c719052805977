import type { Pod } from "@kubesim/core";

// metadata fields an update may change without making the pod any more schedulable.
const ignoredMetadataFields: ReadonlySet<string> = new Set([
  "resourceVersion",
  "generation",
  "managedFields",
  "finalizers",
]);

function deepEqual(first: unknown, second: unknown): boolean {
  if (first === second) return true;
  if (typeof first !== "object" || typeof second !== "object" || first === null || second === null) {
    return false;
  }
  if (Array.isArray(first) !== Array.isArray(second)) return false;
  if (Array.isArray(first) && Array.isArray(second)) {
    if (first.length !== second.length) return false;
    for (let index = 0; index < first.length; index++) {
      if (!deepEqual(first[index], second[index])) return false;
    }
    return true;
  }
  const firstRecord = first as Record<string, unknown>;
  const secondRecord = second as Record<string, unknown>;
  const firstKeys = Object.keys(firstRecord).filter((key) => firstRecord[key] !== undefined);
  const secondKeys = Object.keys(secondRecord).filter((key) => secondRecord[key] !== undefined);
  if (firstKeys.length !== secondKeys.length) return false;
  for (const key of firstKeys) {
    if (!Object.hasOwn(secondRecord, key) || !deepEqual(firstRecord[key], secondRecord[key])) return false;
  }
  return true;
}

function metadataWithoutIgnored(pod: Pod): Record<string, unknown> {
  const metadata: Record<string, unknown> = {};
  const source = (pod.metadata ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    if (!ignoredMetadataFields.has(key)) metadata[key] = source[key];
  }
  return metadata;
}

function comparableFields(pod: Pod): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(pod)) {
    if (key !== "metadata" && key !== "status") fields[key] = (pod as Record<string, unknown>)[key];
  }
  fields.metadata = metadataWithoutIgnored(pod);
  // Of the status, only resource claim statuses may change scheduling.
  fields.resourceClaimStatuses = pod.status?.resourceClaimStatuses;
  return fields;
}

/**
 * Whether an update may have made an unschedulable pod schedulable, as upstream's
 * `isPodUpdated`: the pods differ once resourceVersion, generation, managedFields,
 * finalizers and the status (except `status.resourceClaimStatuses`) are set aside.
 */
export function isPodUpdated(oldPod: Pod, newPod: Pod): boolean {
  return !deepEqual(comparableFields(oldPod), comparableFields(newPod));
}
