import { type ApiClient, isConflict, type Pod, type PodCondition, type PodStatus } from "@kubesim/core";

/** A `metav1.Time` as the API serializes it: RFC 3339, whole seconds, UTC. */
export function metaTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}

// Many events share an instant (a virtual clock moves in steps): remember the last one.
let lastMicroTimeMs = Number.NaN;
let lastMicroTime = "";

/** A `metav1.MicroTime` as the API serializes it: RFC 3339 with six fractional digits, UTC. */
export function metaMicroTime(epochMs: number): string {
  const milliseconds = Math.floor(epochMs);
  if (milliseconds === lastMicroTimeMs) return lastMicroTime;
  const iso = new Date(milliseconds).toISOString();
  lastMicroTimeMs = milliseconds;
  lastMicroTime = `${iso.slice(0, 23)}000Z`;
  return lastMicroTime;
}

/** The condition fields the scheduler sets; times are filled in by {@link setPodCondition}. */
export interface PodConditionChange {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly message?: string;
}

/**
 * Sets a condition as upstream's `podutil.UpdatePodCondition`: `lastTransitionTime` is
 * now unless the status value is unchanged (then the old one is kept); `lastProbeTime` is
 * the zero time, serialized `null`. Returns false when nothing changed.
 */
export function setPodCondition(status: PodStatus, change: PodConditionChange, nowMs: number): boolean {
  const conditions: PodCondition[] = Array.isArray(status.conditions) ? [...status.conditions] : [];
  const index = conditions.findIndex((condition) => condition?.type === change.type);
  const old = index >= 0 ? conditions[index] : undefined;
  const lastTransitionTime =
    old !== undefined && old.status === change.status && typeof old.lastTransitionTime === "string"
      ? old.lastTransitionTime
      : metaTime(nowMs);
  // Go serializes the zero metav1.Time as null; kubectl shows `lastProbeTime: null`.
  // Field order as the Go struct marshals it.
  const condition = {
    type: change.type,
    status: change.status,
    lastProbeTime: null,
    lastTransitionTime,
    ...(change.reason === undefined || change.reason === "" ? {} : { reason: change.reason }),
    ...(change.message === undefined || change.message === "" ? {} : { message: change.message }),
  } as unknown as PodCondition;
  if (old === undefined) {
    conditions.push(condition);
    status.conditions = conditions;
    return true;
  }
  const unchanged =
    old.status === condition.status &&
    (old.reason ?? "") === (condition.reason ?? "") &&
    (old.message ?? "") === (condition.message ?? "") &&
    (old.lastProbeTime ?? null) === null &&
    old.lastTransitionTime === condition.lastTransitionTime;
  conditions[index] = condition;
  status.conditions = conditions;
  return !unchanged;
}

const maxConflictRetries = 5;

/**
 * Changes a pod's status through the `status` subresource: reads the newest pod, applies
 * `mutate` to a copy of its status (which returns false when nothing needs changing) and
 * writes it back, retrying on `Conflict` — the effect of upstream's status PATCH without
 * overwriting fields written by others in between. Rejects with the client's error
 * (e.g. `NotFound` once the pod is gone).
 *
 * @returns the updated pod, or `undefined` when `mutate` found nothing to change or the
 *   name now belongs to a different pod (another uid).
 */
export async function updatePodStatus(
  client: ApiClient,
  pod: Pod,
  mutate: (status: PodStatus) => boolean,
): Promise<Pod | undefined> {
  const name = pod.metadata?.name ?? "";
  const namespace = pod.metadata?.namespace ?? "";
  for (let attempt = 0; ; attempt++) {
    const latest = await client.get("Pod", name, { namespace });
    // A pod recreated under the same name is another pod: leave it alone.
    const uid = pod.metadata?.uid;
    if (uid !== undefined && latest.metadata?.uid !== undefined && latest.metadata.uid !== uid)
      return undefined;
    const status: PodStatus = { ...(latest.status ?? {}) };
    if (!mutate(status)) return undefined;
    try {
      return await client.updateStatus({ ...latest, status });
    } catch (error) {
      if (!isConflict(error) || attempt >= maxConflictRetries) throw error;
    }
  }
}
