import {
  aggregateFieldErrors,
  createBadRequestError,
  createConflictError,
  createNotFoundError,
  type FieldError,
  fieldErrors,
  goQuote,
  StatusError,
  StatusReason,
} from "@kubesim/core";
import { exceedsMaxDepth } from "./json-depth.js";
import {
  isJsonObject,
  type JsonObject,
  metadataOf,
  objectField,
  stringField,
  stringMapField,
} from "./json-object.js";
import { objectKey, resolveKind } from "./kind-info.js";
import { admitNamespacedWrite } from "./namespace-lifecycle.js";
import { requestNamespace } from "./object-placement.js";
import { podStatusOf, withPodCondition } from "./pod-condition.js";
import {
  createEmptyNameError,
  createStoragePreconditionError,
  createTooDeepError,
  resourceVersionPreconditionDetail,
  uidPreconditionDetail,
} from "./store-errors.js";
import type { StoreState } from "./store-state.js";
import { formatTimestamp } from "./timestamps.js";

const podInfo = resolveKind("Pod");
const bindingResource = { group: "", resource: "pods/binding" };

function validateBinding(target: JsonObject | undefined): void {
  const errors: FieldError[] = [];
  const kind = stringField(target, "kind");
  if (kind !== "" && kind !== "Node")
    errors.push(fieldErrors.notSupported("target.kind", kind, ["Node", "<empty>"]));
  if (stringField(target, "name") === "") errors.push(fieldErrors.required("target.name", ""));
  // Upstream returns the bare error list, which the API server reports as a 500 without reason.
  if (errors.length > 0) {
    throw new StatusError({ message: aggregateFieldErrors(errors), reason: StatusReason.Unknown, code: 500 });
  }
}

/** The storage preconditions a request's own uid and resourceVersion set on the pod. */
export function checkPodPreconditions(
  metadata: JsonObject | undefined,
  pod: JsonObject,
  namespace: string,
): void {
  const name = stringField(metadataOf(pod), "name");
  const uid = stringField(metadata, "uid");
  const actualUid = stringField(metadataOf(pod), "uid");
  if (uid !== "" && uid !== actualUid) {
    throw createStoragePreconditionError(podInfo, namespace, name, uidPreconditionDetail(uid, actualUid));
  }
  const resourceVersion = stringField(metadata, "resourceVersion");
  const actualVersion = stringField(metadataOf(pod), "resourceVersion");
  if (resourceVersion !== "" && resourceVersion !== actualVersion) {
    throw createStoragePreconditionError(
      podInfo,
      namespace,
      name,
      resourceVersionPreconditionDetail(resourceVersion, actualVersion),
    );
  }
}

/**
 * `ApiClient.bind` (the `pods/binding` subresource), as upstream's `BindingREST`: the
 * target must be a Node (or kind-less) with a name; the pod must exist, match the
 * binding's uid/resourceVersion preconditions, not be terminating, not be bound and have
 * no scheduling gates. Sets `spec.nodeName`, merges the binding's annotations and sets
 * the `PodScheduled=True` condition. The node is not required to exist (upstream does not check).
 *
 * @throws StatusError Conflict `Operation cannot be fulfilled on pods/binding "p": pod p
 *   is already assigned to node "n"` (and the terminating and gated variants), NotFound, 500
 *   for an invalid target.
 */
export function bindPod(state: StoreState, binding: unknown): void {
  if (!isJsonObject(binding)) throw createBadRequestError("the binding must be a JSON object");
  if (exceedsMaxDepth(binding)) throw createTooDeepError();
  const metadata = objectField(binding, "metadata");
  const target = objectField(binding, "target");
  validateBinding(target);
  const name = stringField(metadata, "name");
  if (name === "") throw createEmptyNameError();
  const namespace = requestNamespace(podInfo, stringField(metadata, "namespace"));
  admitNamespacedWrite(state, podInfo, namespace, name, "create");
  const key = objectKey(podInfo, namespace, name);
  const pod = state.get(podInfo, key);
  if (pod === undefined) throw createNotFoundError(podInfo.groupResource, name);
  checkPodPreconditions(metadata, pod, namespace);
  const podMetadata = metadataOf(pod) ?? {};
  const spec = objectField(pod, "spec") ?? {};
  if (stringField(podMetadata, "deletionTimestamp") !== "") {
    throw createConflictError(
      bindingResource,
      name,
      `pod ${name} is being deleted, cannot be assigned to a host`,
    );
  }
  const assigned = stringField(spec, "nodeName");
  if (assigned !== "") {
    throw createConflictError(
      bindingResource,
      name,
      `pod ${name} is already assigned to node ${goQuote(assigned)}`,
    );
  }
  if (Array.isArray(spec.schedulingGates) && spec.schedulingGates.length > 0) {
    throw createConflictError(bindingResource, name, `pod ${name} has non-empty .spec.schedulingGates`);
  }
  const annotations = {
    ...stringMapField(podMetadata, "annotations"),
    ...stringMapField(metadata, "annotations"),
  };
  const boundMetadata: JsonObject = { ...podMetadata, annotations };
  if (Object.keys(annotations).length === 0) delete boundMetadata.annotations;
  const now = formatTimestamp(state.clock.now());
  const bound: JsonObject = {
    ...pod,
    metadata: boundMetadata,
    spec: { ...spec, nodeName: stringField(target, "name") },
    status: withPodCondition(podStatusOf(pod), { type: "PodScheduled", status: "True" }, now),
  };
  state.commitPut(podInfo, key, bound, pod);
}
