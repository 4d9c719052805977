/** Reads an own property of an untrusted value, or `undefined`. */
function child(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && Object.hasOwn(value, key)
    ? (value as Readonly<Record<string, unknown>>)[key]
    : undefined;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** Go's `strconv.FormatBool` of a field that defaults to false. */
function flag(value: unknown): string {
  return value === true ? "true" : "false";
}

function integer(value: unknown): string {
  return typeof value === "number" && Number.isFinite(value) ? String(Math.trunc(value)) : "0";
}

type FieldSetBuilder = (object: unknown) => Record<string, string>;

function namespacedMeta(object: unknown): Record<string, string> {
  const metadata = child(object, "metadata");
  return {
    "metadata.name": text(child(metadata, "name")),
    "metadata.namespace": text(child(metadata, "namespace")),
  };
}

function clusterMeta(object: unknown): Record<string, string> {
  return { "metadata.name": text(child(child(object, "metadata"), "name")) };
}

function podFields(object: unknown): Record<string, string> {
  const spec = child(object, "spec");
  const status = child(object, "status");
  // The API server stores status.podIP as podIPs[0], with podIP winning when both are set.
  let podIP = text(child(status, "podIP"));
  if (podIP === "") {
    const podIPs = child(status, "podIPs");
    podIP = Array.isArray(podIPs) ? text(child(podIPs[0], "ip")) : "";
  }
  // status.podIPs is an accepted label but not a selectable field (an upstream TODO), so
  // it always reads as "".
  return {
    ...namespacedMeta(object),
    "spec.nodeName": text(child(spec, "nodeName")),
    "spec.restartPolicy": text(child(spec, "restartPolicy")),
    "spec.schedulerName": text(child(spec, "schedulerName")),
    "spec.serviceAccountName": text(child(spec, "serviceAccountName")),
    "spec.hostNetwork": flag(child(spec, "hostNetwork")),
    "status.phase": text(child(status, "phase")),
    "status.podIP": podIP,
    "status.nominatedNodeName": text(child(status, "nominatedNodeName")),
  };
}

function nodeFields(object: unknown): Record<string, string> {
  return {
    ...clusterMeta(object),
    "spec.unschedulable": flag(child(child(object, "spec"), "unschedulable")),
  };
}

function namespaceFields(object: unknown): Record<string, string> {
  const name = text(child(child(object, "metadata"), "name"));
  // Upstream keeps the bare "name" field for backward compatibility, though no label reaches it.
  return { "metadata.name": name, "status.phase": text(child(child(object, "status"), "phase")), name };
}

function eventFields(object: unknown): Record<string, string> {
  const involved = child(object, "involvedObject");
  const reportingComponent = text(child(object, "reportingComponent"));
  // events.k8s.io/v1 writers leave source empty; the API server falls back to the reporter.
  const source = text(child(child(object, "source"), "component")) || reportingComponent;
  return {
    ...namespacedMeta(object),
    "involvedObject.kind": text(child(involved, "kind")),
    "involvedObject.namespace": text(child(involved, "namespace")),
    "involvedObject.name": text(child(involved, "name")),
    "involvedObject.uid": text(child(involved, "uid")),
    "involvedObject.apiVersion": text(child(involved, "apiVersion")),
    "involvedObject.resourceVersion": text(child(involved, "resourceVersion")),
    "involvedObject.fieldPath": text(child(involved, "fieldPath")),
    reason: text(child(object, "reason")),
    reportingComponent,
    source,
    type: text(child(object, "type")),
  };
}

function serviceFields(object: unknown): Record<string, string> {
  const spec = child(object, "spec");
  return {
    ...namespacedMeta(object),
    "spec.clusterIP": text(child(spec, "clusterIP")),
    "spec.type": text(child(spec, "type")),
  };
}

function secretFields(object: unknown): Record<string, string> {
  return { ...namespacedMeta(object), type: text(child(object, "type")) };
}

function replicationControllerFields(object: unknown): Record<string, string> {
  return {
    ...namespacedMeta(object),
    "status.replicas": integer(child(child(object, "status"), "replicas")),
  };
}

const builders: ReadonlyMap<string, FieldSetBuilder> = new Map<string, FieldSetBuilder>([
  ["Pod", podFields],
  ["Node", nodeFields],
  ["Namespace", namespaceFields],
  ["Event", eventFields],
  ["Service", serviceFields],
  ["Secret", secretFields],
  ["ReplicationController", replicationControllerFields],
]);

/**
 * Computes the selectable field set of an object of `kind`, ready for {@link FieldSelector.matches}.
 *
 * The fields are those the API server's registry computes (`GetAttrs` /
 * `ToSelectableFields`):
 * - Pod: metadata name and namespace, `spec.nodeName`, `spec.restartPolicy`,
 *   `spec.schedulerName`, `spec.serviceAccountName`, `spec.hostNetwork` (`"true"` or
 *   `"false"`), `status.phase`, `status.podIP`, `status.nominatedNodeName`;
 * - Node: `metadata.name`, `spec.unschedulable` (`"true"`/`"false"`);
 * - Namespace: `metadata.name`, `status.phase` (and upstream's legacy `name`);
 * - Event (core/v1): metadata, `involvedObject.*`, `reason`, `reportingComponent`,
 *   `source` (source.component, else reportingComponent), `type`;
 * - Service: metadata, `spec.clusterIP`, `spec.type`; Secret: metadata, `type`;
 *   ReplicationController: metadata, `status.replicas`;
 * - any other kind (DaemonSet, ControllerRevision, Deployment, ...): `metadata.name` and
 *   `metadata.namespace`.
 *
 * Absent fields read as Go zero values (`""`, `"false"`, `"0"`). The object is untrusted:
 * only own properties are read, wrongly typed fields read as absent, and nothing throws.
 * Returns a new plain object on every call.
 *
 * @example
 * fieldsOf("Node", { metadata: { name: "node-1" }, spec: { unschedulable: true } })
 * // => { "metadata.name": "node-1", "spec.unschedulable": "true" }
 * fieldsOf("DaemonSet", { metadata: { name: "fluentd", namespace: "kube-system" } })
 * // => { "metadata.name": "fluentd", "metadata.namespace": "kube-system" }
 */
export function fieldsOf(kind: string, object: object): Record<string, string> {
  const builder = builders.get(kind) ?? namespacedMeta;
  return builder(object);
}
