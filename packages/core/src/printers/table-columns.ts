/**
 * Column definitions per kind, as kube-apiserver's printers declare them
 * (`pkg/printers/internalversion/printers.go`, Kubernetes v1.32).
 */
import { KubesimError } from "../errors/index.js";
import { columnDescriptions as describe } from "./column-descriptions.js";
import type { TableColumnDefinition } from "./table-types.js";

/** The kinds `printTable` can print. */
export type PrintableKind =
  | "DaemonSet"
  | "Pod"
  | "Node"
  | "Namespace"
  | "ControllerRevision"
  | "Event"
  | "Service"
  | "Deployment"
  | "ReplicaSet"
  | "Lease";

function column(
  name: string,
  type: string,
  description: string,
  options: { readonly priority?: number; readonly format?: string } = {},
): TableColumnDefinition {
  return Object.freeze({
    name,
    type,
    format: options.format ?? "",
    description,
    priority: options.priority ?? 0,
  });
}

const wide = { priority: 1 } as const;
const nameColumn = column("Name", "string", describe.objectMetaName, { format: "name" });
const ageColumn = column("Age", "string", describe.objectMetaCreationTimestamp);
const containersColumn = column("Containers", "string", describe.containerNames, wide);
const imagesColumn = column("Images", "string", describe.containerImages, wide);

/** Every kind's column definitions, in column order, wide-only columns with priority 1. */
export const tableColumns: Readonly<Record<PrintableKind, readonly TableColumnDefinition[]>> = Object.freeze({
  DaemonSet: Object.freeze([
    nameColumn,
    column("Desired", "integer", describe.daemonSetDesired),
    column("Current", "integer", describe.daemonSetCurrent),
    column("Ready", "integer", describe.daemonSetReady),
    column("Up-to-date", "integer", describe.daemonSetUpToDate),
    column("Available", "integer", describe.daemonSetAvailable),
    column("Node Selector", "string", describe.podSpecNodeSelector),
    ageColumn,
    containersColumn,
    imagesColumn,
    column("Selector", "string", describe.daemonSetSelector, wide),
  ]),
  Pod: Object.freeze([
    nameColumn,
    column("Ready", "string", describe.podReady),
    column("Status", "string", describe.podStatus),
    column("Restarts", "string", describe.podRestarts),
    ageColumn,
    column("IP", "string", describe.podIP, wide),
    column("Node", "string", describe.podNodeName, wide),
    column("Nominated Node", "string", describe.podNominatedNodeName, wide),
    column("Readiness Gates", "string", describe.podReadinessGates, wide),
  ]),
  Node: Object.freeze([
    nameColumn,
    column("Status", "string", describe.nodeStatus),
    column("Roles", "string", describe.nodeRoles),
    ageColumn,
    column("Version", "string", describe.nodeKubeletVersion),
    column("Internal-IP", "string", describe.nodeAddresses, wide),
    column("External-IP", "string", describe.nodeAddresses, wide),
    column("OS-Image", "string", describe.nodeOSImage, wide),
    column("Kernel-Version", "string", describe.nodeKernelVersion, wide),
    column("Container-Runtime", "string", describe.nodeContainerRuntime, wide),
  ]),
  Namespace: Object.freeze([nameColumn, column("Status", "string", describe.namespaceStatus), ageColumn]),
  ControllerRevision: Object.freeze([
    nameColumn,
    column("Controller", "string", describe.controllerRevisionController),
    // Upstream declares the type "string" although the cell is an integer.
    column("Revision", "string", describe.controllerRevisionRevision),
    ageColumn,
  ]),
  Event: Object.freeze([
    column("Last Seen", "string", describe.eventLastSeen),
    column("Type", "string", describe.eventType),
    column("Reason", "string", describe.eventReason),
    column("Object", "string", describe.eventObject),
    column("Subobject", "string", describe.eventSubobject, wide),
    column("Source", "string", describe.eventSource, wide),
    column("Message", "string", describe.eventMessage),
    column("First Seen", "string", describe.eventFirstSeen, wide),
    column("Count", "string", describe.eventCount, wide),
    column("Name", "string", describe.objectMetaName, { priority: 1, format: "name" }),
  ]),
  Service: Object.freeze([
    nameColumn,
    column("Type", "string", describe.serviceType),
    column("Cluster-IP", "string", describe.serviceClusterIP),
    column("External-IP", "string", describe.serviceExternalIPs),
    column("Port(s)", "string", describe.servicePorts),
    ageColumn,
    column("Selector", "string", describe.serviceSelector, wide),
  ]),
  Deployment: Object.freeze([
    nameColumn,
    column("Ready", "string", describe.deploymentReady),
    column("Up-to-date", "string", describe.deploymentUpToDate),
    column("Available", "string", describe.deploymentAvailable),
    ageColumn,
    containersColumn,
    imagesColumn,
    column("Selector", "string", describe.deploymentSelector, wide),
  ]),
  ReplicaSet: Object.freeze([
    nameColumn,
    column("Desired", "integer", describe.replicaSetDesired),
    column("Current", "integer", describe.replicaSetCurrent),
    column("Ready", "integer", describe.replicaSetReady),
    ageColumn,
    containersColumn,
    imagesColumn,
    column("Selector", "string", describe.replicaSetSelector, wide),
  ]),
  Lease: Object.freeze([nameColumn, column("Holder", "string", describe.leaseHolder), ageColumn]),
});

const printableKinds = new Set<string>(Object.keys(tableColumns));

/** True when `printTable` has a printer for `kind`. */
export function isPrintableKind(kind: string): kind is PrintableKind {
  return printableKinds.has(kind);
}

/**
 * The column definitions of `kind` (every column, wide-only ones with priority 1).
 *
 * @throws KubesimError when `kind` has no table printer.
 */
export function columnsFor(kind: string): readonly TableColumnDefinition[] {
  if (!isPrintableKind(kind)) throw unknownKindError(kind);
  return tableColumns[kind];
}

/** The error for a kind without a table printer, listing the kinds that have one. */
export function unknownKindError(kind: string): KubesimError {
  return new KubesimError(
    `No table printer for kind "${kind}"; printable kinds: ${[...printableKinds].join(", ")}.`,
  );
}
