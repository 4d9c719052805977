import { createConflictError } from "@kubesim/core";
import type { CheckedDeleteOptions } from "./delete-options.js";
import { type JsonObject, objectField, ownField, stringField } from "./json-object.js";
import type { KindInfo } from "./kind-info.js";
import { formatTimestamp, parseTimestamp } from "./timestamps.js";

/** What upstream's `BeforeDelete` decided. */
export interface DeletionDecision {
  /** The object gets (or keeps) a deletion grace period: it is updated rather than removed. */
  readonly graceful: boolean;
  /** A graceful deletion is already under way and this request does not shorten it. */
  readonly pending: boolean;
}

function integerField(record: JsonObject, key: string): number | undefined {
  const value = ownField(record, key);
  return typeof value === "number" ? value : undefined;
}

/**
 * Checks the delete preconditions with upstream's BeforeDelete messages, e.g.
 * `Operation cannot be fulfilled on Pod "web": the UID in the precondition (a) does not
 * match the UID in record (b). The object might have been deleted and then recreated`.
 */
export function checkDeletePreconditions(
  info: KindInfo,
  metadata: JsonObject,
  options: CheckedDeleteOptions,
) {
  const name = stringField(metadata, "name");
  const resource = { group: info.resource.group, resource: info.kind };
  const uid = stringField(metadata, "uid");
  if (options.uid !== undefined && options.uid !== uid) {
    throw createConflictError(
      resource,
      name,
      `the UID in the precondition (${options.uid}) does not match the UID in record (${uid}). The object might have been deleted and then recreated`,
    );
  }
  const resourceVersion = stringField(metadata, "resourceVersion");
  if (options.resourceVersion !== undefined && options.resourceVersion !== resourceVersion) {
    throw createConflictError(
      resource,
      name,
      `the ResourceVersion in the precondition (${options.resourceVersion}) does not match the ResourceVersion in record (${resourceVersion}). The object might have been modified`,
    );
  }
}

/** The pod strategy's `CheckGracefulDelete`: the grace period a pod deletion gets. */
function podGracePeriod(pod: JsonObject, requested: number | undefined): number {
  const spec = objectField(pod, "spec");
  let period =
    requested ?? (spec === undefined ? undefined : integerField(spec, "terminationGracePeriodSeconds")) ?? 0;
  if (stringField(spec, "nodeName") === "") period = 0;
  const phase = stringField(objectField(pod, "status"), "phase");
  if (phase === "Succeeded" || phase === "Failed") period = 0;
  return period < 0 ? 1 : period;
}

/**
 * Upstream's `rest.BeforeDelete` on a working copy of the object (its `metadata` is
 * changed in place): checks the preconditions, then for pods (the one kind with graceful
 * deletion) sets `deletionTimestamp` to now + the grace period and
 * `deletionGracePeriodSeconds`, or shortens a pending graceful deletion. An unbound or
 * terminated pod gets grace period 0; other kinds are never graceful.
 */
export function beforeDelete(
  info: KindInfo,
  object: JsonObject,
  metadata: JsonObject,
  options: CheckedDeleteOptions,
  now: number,
): DeletionDecision {
  checkDeletePreconditions(info, metadata, options);
  if (options.gracePeriodSeconds !== undefined && options.gracePeriodSeconds < 0)
    options.gracePeriodSeconds = 1;
  const currentPeriod = integerField(metadata, "deletionGracePeriodSeconds");
  if (currentPeriod !== undefined && currentPeriod < 0) metadata.deletionGracePeriodSeconds = 1;
  if (info.kind !== "Pod") return { graceful: false, pending: false };
  const deletionTime = parseTimestamp(ownField(metadata, "deletionTimestamp"));
  if (deletionTime !== undefined || stringField(metadata, "deletionTimestamp") !== "") {
    const period = integerField(metadata, "deletionGracePeriodSeconds");
    if (period === undefined || period === 0) return { graceful: false, pending: false };
    const requested = options.gracePeriodSeconds;
    if (requested === undefined) {
      options.gracePeriodSeconds = period;
      return { graceful: false, pending: true };
    }
    if (requested >= period) return { graceful: false, pending: true };
    const base = deletionTime ?? now;
    metadata.deletionTimestamp = formatTimestamp(base - period * 1000 + requested * 1000);
    metadata.deletionGracePeriodSeconds = requested;
    return { graceful: true, pending: false };
  }
  const period = podGracePeriod(object, options.gracePeriodSeconds);
  options.gracePeriodSeconds = period;
  metadata.deletionTimestamp = formatTimestamp(now + period * 1000);
  metadata.deletionGracePeriodSeconds = period;
  const generation = integerField(metadata, "generation");
  if (generation !== undefined && generation > 0) metadata.generation = generation + 1;
  return { graceful: true, pending: false };
}

/**
 * Upstream's `markAsDeleting` for an object kept by finalizers: sets `deletionTimestamp`
 * (unless an earlier one is set) and grace period 0, and bumps a set generation the first time.
 */
export function markAsDeleting(metadata: JsonObject, now: number): void {
  const existing = parseTimestamp(ownField(metadata, "deletionTimestamp"));
  const generation = integerField(metadata, "generation");
  if (existing === undefined && generation !== undefined && generation > 0)
    metadata.generation = generation + 1;
  if (existing === undefined || existing > now) metadata.deletionTimestamp = formatTimestamp(now);
  metadata.deletionGracePeriodSeconds = 0;
}
