import { isJsonObject, type JsonObject, objectField, stringField } from "./json-object.js";

/** A pod condition to set, as the binding and eviction subresources set them. */
export interface PodConditionChange {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly message?: string;
}

/**
 * A copy of a pod's status with a condition set as upstream's `UpdatePodCondition` does:
 * the condition replaces any of the same type; `lastTransitionTime` is `now` unless the
 * condition already had the same status, in which case its time is kept.
 */
export function withPodCondition(
  status: JsonObject | undefined,
  change: PodConditionChange,
  now: string,
): JsonObject {
  const conditions = Array.isArray(status?.conditions) ? [...(status.conditions as unknown[])] : [];
  const index = conditions.findIndex((item) => isJsonObject(item) && item.type === change.type);
  const existing = index === -1 ? undefined : (conditions[index] as JsonObject);
  const keepTime = existing !== undefined && stringField(existing, "status") === change.status;
  const condition: JsonObject = {
    type: change.type,
    status: change.status,
    lastProbeTime: null,
    lastTransitionTime: keepTime ? (existing?.lastTransitionTime ?? null) : now,
  };
  if (change.reason) condition.reason = change.reason;
  if (change.message) condition.message = change.message;
  if (index === -1) conditions.push(condition);
  else conditions[index] = condition;
  return { ...status, conditions };
}

/** A pod's `status`, or `undefined`. */
export function podStatusOf(pod: JsonObject): JsonObject | undefined {
  return objectField(pod, "status");
}
