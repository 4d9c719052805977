import { goQuote } from "@kubesim/core";
import {
  type FieldSelector,
  type FieldSelectorRequirement,
  fieldSelectorFromRequirements,
} from "./field-selector.js";
import { createFieldSelectorError } from "./field-selector-error.js";
import { parseFieldSelector } from "./parse-field-selector.js";

const metadataLabels = ["metadata.name", "metadata.namespace"] as const;

/** The labels each core/v1 kind's field label conversion accepts (pkg/apis/core/v1/conversion.go). */
const labelsByKind: ReadonlyMap<string, readonly string[]> = new Map([
  [
    "Pod",
    [
      ...metadataLabels,
      "spec.nodeName",
      "spec.restartPolicy",
      "spec.schedulerName",
      "spec.serviceAccountName",
      "spec.hostNetwork",
      "status.phase",
      "status.podIP",
      "status.podIPs",
      "status.nominatedNodeName",
    ],
  ],
  ["Node", ["metadata.name", "spec.unschedulable"]],
  ["ReplicationController", [...metadataLabels, "status.replicas"]],
  [
    "Event",
    [
      "involvedObject.kind",
      "involvedObject.namespace",
      "involvedObject.name",
      "involvedObject.uid",
      "involvedObject.apiVersion",
      "involvedObject.resourceVersion",
      "involvedObject.fieldPath",
      "reason",
      "reportingComponent",
      "source",
      "type",
      ...metadataLabels,
    ],
  ],
  ["Namespace", ["status.phase", "metadata.name"]],
  ["Secret", ["type", ...metadataLabels]],
  ["Service", [...metadataLabels, "spec.clusterIP", "spec.type"]],
]);

const labelSetsByKind: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  [...labelsByKind].map(([kind, labels]) => [kind, new Set(labels)]),
);

/**
 * The field labels the API server accepts in a field selector for `kind`.
 *
 * Kinds without their own conversion (DaemonSet, ControllerRevision and every other
 * apps/v1 kind, or an unknown kind) accept only `metadata.name` and `metadata.namespace`.
 * Never throws; the returned list is shared, do not mutate it.
 *
 * @example
 * supportedFieldLabels("Node") // => ["metadata.name", "spec.unschedulable"]
 * supportedFieldLabels("DaemonSet") // => ["metadata.name", "metadata.namespace"]
 */
export function supportedFieldLabels(kind: string): readonly string[] {
  return labelsByKind.get(kind) ?? metadataLabels;
}

/** The converted label, or upstream's error message. */
function convertLabel(kind: string, label: string): { readonly label: string } | { readonly error: string } {
  const labels = labelSetsByKind.get(kind);
  if (labels === undefined) {
    if (label === "metadata.name" || label === "metadata.namespace") return { label };
    return {
      error: `${goQuote(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`,
    };
  }
  if (labels.has(label)) return { label };
  // Old v1 clients sent spec.host for a pod's node.
  if (kind === "Pod" && label === "spec.host") return { label: "spec.nodeName" };
  return { error: `field label not supported: ${label}` };
}

/**
 * Checks a field selector against the labels the API server supports for `kind`.
 *
 * Does what the list and watch handlers do and returns the converted selector: a Pod's
 * legacy `spec.host` becomes `spec.nodeName` and terms keep their order; when nothing is
 * renamed the (parsed) selector itself is returned. A string is parsed first with
 * {@link parseFieldSelector}, whose errors it throws.
 *
 * @throws StatusError (400 BadRequest) with upstream's message for the first unsupported
 *   term: `field label not supported: <label>` for kinds with their own conversion (Pod,
 *   Node, Namespace, Event, Service, Secret, ReplicationController), and
 *   `"<label>" is not a known field selector: only "metadata.name", "metadata.namespace"`
 *   for the others (DaemonSet, ControllerRevision, ...). See {@link createFieldSelectorError}.
 * @example
 * checkFieldSelectorSupported("Pod", "spec.host=node-1").toString() // => "spec.nodeName=node-1"
 * checkFieldSelectorSupported("Node", "spec.nodeName=node-1")
 * // throws StatusError: "field label not supported: spec.nodeName"
 * checkFieldSelectorSupported("DaemonSet", "spec.nodeName=node-1")
 * // throws StatusError: '"spec.nodeName" is not a known field selector: only "metadata.name", "metadata.namespace"'
 */
export function checkFieldSelectorSupported(kind: string, selector: FieldSelector | string): FieldSelector {
  const parsed = typeof selector === "string" ? parseFieldSelector(selector) : selector;
  const converted: FieldSelectorRequirement[] = [];
  let renamed = false;
  for (const requirement of parsed.requirements()) {
    const result = convertLabel(kind, requirement.field);
    if ("error" in result) {
      throw createFieldSelectorError(
        typeof selector === "string" ? selector : parsed.toString(),
        result.error,
      );
    }
    renamed ||= result.label !== requirement.field;
    converted.push({ ...requirement, field: result.label });
  }
  return renamed ? fieldSelectorFromRequirements(converted) : parsed;
}
