import type { Pod } from "../types/index.js";
import { cloneJson } from "./clone-json.js";
import {
  type DefaultingOptions,
  type ResolvedDefaultingOptions,
  resolveDefaultingOptions,
} from "./defaulting-options.js";
import { ensureObjectField, getOwnField, isJsonObject, type JsonObject, objectField } from "./json-fields.js";
import { admitPodSpec } from "./pod-admission.js";
import { mergePodAffinityLabelKeys } from "./pod-affinity-label-keys.js";
import { podQosClass } from "./pod-qos.js";
import { applyPodSpecSchemeDefaults, syncDeprecatedServiceAccount } from "./pod-spec-defaults.js";

const mirrorPodAnnotation = "kubernetes.io/config.mirror";

/**
 * Returns a defaulted deep copy of a Pod, as the API server stores it; the input is not
 * modified.
 *
 * @remarks
 * In upstream's order:
 * 1. decoding: a negative `terminationGracePeriodSeconds` becomes 1 (pods only);
 * 2. scheme defaults, pod-only defaults included (see `defaultPodSpec`);
 * 3. admission (see {@link admitPodSpec}): `serviceAccountName: default` (not for mirror
 *    pods), priority from the PriorityClass, DefaultTolerationSeconds tolerations;
 * 4. on create, the pod strategy: `status` replaced by `{phase: Pending, qosClass}`
 *    (see {@link podQosClass}), a `PodScheduled=False` / `SchedulingGated` condition
 *    when `spec.schedulingGates` is non-empty, and `matchLabelKeys` /
 *    `mismatchLabelKeys` merged into pod (anti-)affinity selectors;
 * 5. encoding: `serviceAccount` mirrors `serviceAccountName`; on update `status.podIP`
 *    and `status.podIPs` (and `hostIP` / `hostIPs`) are made consistent.
 * Not reproduced: the ServiceAccount plugin's existence check, `imagePullSecrets` copy
 * and projected token volume; AppArmor annotation/field syncing; dropping fields of
 * disabled feature gates. On update, status and priority carry-over from the old pod
 * are the caller's job.
 */
export function defaultPod<T extends Pod>(pod: T, options?: DefaultingOptions): T {
  const copy = cloneJson(pod);
  if (isJsonObject(copy)) applyPodDefaults(copy, resolveDefaultingOptions(options));
  return copy;
}

/** {@link defaultPod} in place, on an already copied pod. */
export function applyPodDefaults(pod: JsonObject, options: ResolvedDefaultingOptions): void {
  const spec = ensureObjectField(pod, "spec");
  if (spec === undefined) return;
  if (typeof spec.terminationGracePeriodSeconds === "number" && spec.terminationGracePeriodSeconds < 0) {
    spec.terminationGracePeriodSeconds = 1;
  }
  applyPodSpecSchemeDefaults(spec, false);
  const metadata = objectField(pod, "metadata");
  const annotations = metadata === undefined ? undefined : objectField(metadata, "annotations");
  if (options.admission) {
    const isMirrorPod = annotations !== undefined && Object.hasOwn(annotations, mirrorPodAnnotation);
    admitPodSpec(spec, { ...options, isMirrorPod });
  }
  if (options.create) {
    pod.status = createStatus(pod, spec);
    mergePodAffinityLabelKeys(spec, metadata === undefined ? undefined : getOwnField(metadata, "labels"));
  } else {
    const status = objectField(pod, "status");
    if (status !== undefined) {
      syncIpList(status, "podIP", "podIPs");
      syncIpList(status, "hostIP", "hostIPs");
    }
  }
  syncDeprecatedServiceAccount(spec);
}

function createStatus(pod: JsonObject, spec: JsonObject): JsonObject {
  // Upstream computes the class before replacing the status, so a valid class the
  // client sent is kept.
  const status: JsonObject = { phase: "Pending", qosClass: podQosClass(pod as Pod) };
  const gates = spec.schedulingGates;
  if (Array.isArray(gates) && gates.length > 0) {
    status.conditions = [
      {
        type: "PodScheduled",
        status: "False",
        reason: "SchedulingGated",
        message: "Scheduling is blocked due to non-empty scheduling gates",
        lastProbeTime: null,
        lastTransitionTime: null,
      },
    ];
  }
  return status;
}

/**
 * Makes a singular IP field and its list agree as a v1 round trip does: the singular
 * value wins when both are set and differ, fills an empty list, and is always the
 * list's first entry.
 */
function syncIpList(status: JsonObject, singleKey: string, listKey: string): void {
  const single = status[singleKey];
  const list = status[listKey];
  const hasSingle = typeof single === "string" && single !== "";
  if (hasSingle && (list === undefined || list === null || (Array.isArray(list) && list.length === 0))) {
    status[listKey] = [{ ip: single }];
    return;
  }
  if (!Array.isArray(list) || list.length === 0) return;
  const first = list[0];
  if (!isJsonObject(first) || typeof first.ip !== "string") return;
  if (hasSingle && single !== first.ip) {
    status[listKey] = [{ ip: single }];
  } else {
    status[singleKey] = first.ip;
  }
}
