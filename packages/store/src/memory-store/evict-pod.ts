import { createBadRequestError, createConflictError, createNotFoundError } from "@kubesim/core";
import { checkDeleteOptions } from "./delete-options.js";
import { deleteStored } from "./delete-stored.js";
import { exceedsMaxDepth } from "./json-depth.js";
import {
  isJsonObject,
  type JsonObject,
  metadataOf,
  objectField,
  ownField,
  stringField,
} from "./json-object.js";
import { objectKey, resolveKind } from "./kind-info.js";
import { admitNamespacedWrite } from "./namespace-lifecycle.js";
import { jsonEqual } from "./object-equality.js";
import { requestNamespace } from "./object-placement.js";
import { podStatusOf, withPodCondition } from "./pod-condition.js";
import { createEmptyNameError, createTooDeepError } from "./store-errors.js";
import type { StoreState } from "./store-state.js";
import { formatTimestamp } from "./timestamps.js";

const podInfo = resolveKind("Pod");
const podResource = { group: "", resource: "Pod" };

/**
 * `ApiClient.evict` (the `pods/eviction` subresource). kubesim has no
 * PodDisruptionBudgets, so every eviction is allowed: as upstream, the pod first gets the
 * `DisruptionTarget=True` condition (reason `EvictionByEvictionAPI`), then it is deleted
 * with the eviction's delete options (graceful for a bound pod). `dryRun: ["All"]` checks
 * and changes nothing.
 *
 * @throws StatusError NotFound for a missing pod, Conflict for failed preconditions,
 *   Forbidden in a terminating namespace.
 */
export function evictPod(state: StoreState, eviction: unknown): void {
  if (!isJsonObject(eviction)) throw createBadRequestError("the eviction must be a JSON object");
  if (exceedsMaxDepth(eviction)) throw createTooDeepError();
  const metadata = objectField(eviction, "metadata");
  const name = stringField(metadata, "name");
  if (name === "") throw createEmptyNameError();
  const options = checkDeleteOptions(ownField(eviction, "deleteOptions"));
  const namespace = requestNamespace(podInfo, stringField(metadata, "namespace"));
  admitNamespacedWrite(state, podInfo, namespace, name, "create");
  const key = objectKey(podInfo, namespace, name);
  const pod = state.get(podInfo, key);
  if (pod === undefined) throw createNotFoundError(podInfo.groupResource, name);
  if (options.dryRun) return;
  const podMetadata = metadataOf(pod);
  const uid = stringField(podMetadata, "uid");
  if (options.uid !== undefined && options.uid !== "" && options.uid !== uid) {
    throw createConflictError(
      podResource,
      name,
      `the UID in the precondition (${options.uid}) does not match the UID in record (${uid}). The object might have been deleted and then recreated`,
    );
  }
  const resourceVersion = stringField(podMetadata, "resourceVersion");
  if (
    options.resourceVersion !== undefined &&
    options.resourceVersion !== "" &&
    options.resourceVersion !== resourceVersion
  ) {
    throw createConflictError(
      podResource,
      name,
      `the ResourceVersion in the precondition (${options.resourceVersion}) does not match the ResourceVersion in record (${resourceVersion}). The object might have been modified`,
    );
  }
  const now = formatTimestamp(state.clock.now());
  const condition = {
    type: "DisruptionTarget",
    status: "True",
    reason: "EvictionByEvictionAPI",
    message: "Eviction API: evicting",
  };
  const marked: JsonObject = {
    ...pod,
    metadata: { ...podMetadata },
    status: withPodCondition(podStatusOf(pod), condition, now),
  };
  const current = jsonEqual(marked, pod) ? pod : state.commitPut(podInfo, key, marked, pod);
  if (options.resourceVersion !== undefined) {
    options.resourceVersion = stringField(metadataOf(current), "resourceVersion");
  }
  deleteStored(state, { info: podInfo, key, existing: current }, options);
}
