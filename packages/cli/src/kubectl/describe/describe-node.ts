/** `describe node`: kubectl's Node describer. */
import {
  compareGoStrings,
  type Event,
  isForbidden,
  type KubeObject,
  type Node,
  nodeRoles,
  type Pod,
  type Quantity,
  StatusError,
} from "@kubesim/core";
import { errorMessage } from "../resource-builder/index.js";
import { searchEvents, writeEvents } from "./describe-events.js";
import { writeAnnotations, writeLabels, writeTaints } from "./describe-fields.js";
import { ageSince, formatTimestamp } from "./describe-time.js";
import { type PrefixWriter, tabbedString } from "./describe-writer.js";
import type { Describer } from "./describer.js";
import { podLimits, podRequests, type ResourceTotals, readResourceList } from "./pod-resources.js";

/** The namespace kubelets renew their node leases in. */
const nodeLeaseNamespace = "kube-node-lease";
const hugePagesPrefix = "hugepages-";
const standardContainerResources = new Set(["cpu", "memory", "ephemeral-storage"]);
/** Go's `int64(x)` of NaN or an out-of-range float on amd64. */
const goInvalidInt64 = "-9223372036854775808";

/** The lease as the describer reads it, or the message of the error reading it. */
type LeaseLookup = { readonly lease: KubeObject } | { readonly error: string };

/** Go's `int64(float64(part) / float64(whole) * 100)`: a truncated percentage. */
function percentage(part: bigint, whole: bigint): string {
  const value = (Number(part) / Number(whole)) * 100;
  if (!Number.isFinite(value) || Math.abs(value) >= 2 ** 63) return goInvalidInt64;
  return String(Math.trunc(value));
}

/** A percentage guarded against a zero whole (kubectl's totals), else 0. */
function guardedPercentage(part: bigint, whole: bigint): string {
  return whole === 0n ? "0" : percentage(part, whole);
}

function quantityString(totals: ResourceTotals, name: string): string {
  return totals.get(name)?.toString() ?? "0";
}

function milli(quantity: Quantity | undefined): bigint {
  return quantity?.milliValue() ?? 0n;
}

function whole(quantity: Quantity | undefined): bigint {
  return quantity?.value() ?? 0n;
}

async function readLease(context: Parameters<Describer>[0], name: string): Promise<LeaseLookup> {
  try {
    return { lease: await context.client.get("Lease", name, { namespace: nodeLeaseNamespace }) };
  } catch (error) {
    // kubectl prints the error as is: for a node whose kubelet keeps no lease (every
    // kubesim node), `leases.coordination.k8s.io "<node>" not found`.
    return { error: StatusError.isInstance(error) ? error.status.message : errorMessage(error) };
  }
}

function writeLease(writer: PrefixWriter, lookup: LeaseLookup): void {
  if ("error" in lookup) {
    writer.write(0, `Lease:\tFailed to get lease: ${lookup.error}\n`);
    return;
  }
  const spec = (lookup.lease as { spec?: Record<string, unknown> }).spec ?? {};
  const text = (value: unknown, format: (value: unknown) => string): string =>
    value === undefined || value === null ? "<unset>" : format(value);
  writer.write(0, "Lease:\n");
  writer.write(1, `HolderIdentity:\t${text(spec.holderIdentity, String)}\n`);
  writer.write(1, `AcquireTime:\t${text(spec.acquireTime, formatTimestamp)}\n`);
  writer.write(1, `RenewTime:\t${text(spec.renewTime, formatTimestamp)}\n`);
}

/** `Non-terminated Pods` and `Allocated resources` (upstream `describeNodeResource`). */
function writeNodeResources(writer: PrefixWriter, pods: readonly Pod[], node: Node, now: number): void {
  writer.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  writer.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  writer.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  const allocatableList = node.status?.allocatable;
  const allocatable = readResourceList(
    allocatableList !== undefined && Object.keys(allocatableList).length > 0
      ? allocatableList
      : node.status?.capacity,
  );
  const allocatableCpu = milli(allocatable.get("cpu"));
  const allocatableMemory = whole(allocatable.get("memory"));
  const totalRequests: ResourceTotals = new Map();
  const totalLimits: ResourceTotals = new Map();
  for (const pod of pods) {
    const requests = podRequests(pod);
    const limits = podLimits(pod);
    for (const [totals, own] of [
      [totalRequests, requests],
      [totalLimits, limits],
    ] as const) {
      for (const [name, quantity] of own) {
        const existing = totals.get(name);
        totals.set(name, existing === undefined ? quantity : existing.add(quantity));
      }
    }
    const cells = [
      `${quantityString(requests, "cpu")} (${percentage(milli(requests.get("cpu")), allocatableCpu)}%)`,
      `${quantityString(limits, "cpu")} (${percentage(milli(limits.get("cpu")), allocatableCpu)}%)`,
      `${quantityString(requests, "memory")} (${percentage(whole(requests.get("memory")), allocatableMemory)}%)`,
      `${quantityString(limits, "memory")} (${percentage(whole(limits.get("memory")), allocatableMemory)}%)`,
    ];
    writer.write(
      1,
      `${pod.metadata?.namespace ?? ""}\t${pod.metadata?.name ?? ""}\t\t${cells.join("\t")}\t${ageSince(pod.metadata?.creationTimestamp, now)}\n`,
    );
  }
  writer.write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  writer.write(1, "Resource\tRequests\tLimits\n");
  writer.write(1, "--------\t--------\t------\n");
  const allocatableStorage = whole(allocatable.get("ephemeral-storage"));
  for (const [name, scale, capacity] of [
    ["cpu", milli, allocatableCpu],
    ["memory", whole, allocatableMemory],
    ["ephemeral-storage", whole, allocatableStorage],
  ] as const) {
    const requests = `${quantityString(totalRequests, name)} (${guardedPercentage(scale(totalRequests.get(name)), capacity)}%)`;
    const limits = `${quantityString(totalLimits, name)} (${guardedPercentage(scale(totalLimits.get(name)), capacity)}%)`;
    writer.write(1, `${name}\t${requests}\t${limits}\n`);
  }
  const names = [...allocatable.keys()].sort(compareGoStrings);
  for (const name of names.filter((candidate) => candidate.startsWith(hugePagesPrefix))) {
    const capacity = whole(allocatable.get(name));
    const requests = `${quantityString(totalRequests, name)} (${guardedPercentage(whole(totalRequests.get(name)), capacity)}%)`;
    const limits = `${quantityString(totalLimits, name)} (${guardedPercentage(whole(totalLimits.get(name)), capacity)}%)`;
    writer.write(1, `${name}\t${requests}\t${limits}\n`);
  }
  const extended = names.filter(
    (name) => !name.startsWith(hugePagesPrefix) && !standardContainerResources.has(name) && name !== "pods",
  );
  for (const name of extended) {
    writer.write(
      1,
      `${name}\t${quantityString(totalRequests, name)}\t${quantityString(totalLimits, name)}\n`,
    );
  }
}

function writeResourceList(
  writer: PrefixWriter,
  title: string,
  list: Readonly<Record<string, unknown>> | undefined,
): void {
  const names = Object.keys(list ?? {}).sort(compareGoStrings);
  if (names.length === 0) return;
  writer.write(0, `${title}:\n`);
  const parsed = readResourceList(list);
  for (const name of names) {
    const raw = list?.[name];
    writer.write(0, `  ${name}:\t${parsed.get(name)?.toString() ?? String(raw)}\n`);
  }
}

/**
 * Describes a node: roles, labels, annotations, taints, its lease, conditions,
 * addresses, capacity and allocatable, system info, pod CIDRs, the non-terminated pods
 * bound to it with their requests and limits, and its events (searched by uid and by
 * name, as kubelets record them).
 */
export const describeNode: Describer = async (context, _namespace, name, settings) => {
  const node = await context.client.get("Node", name);
  let pods: Pod[] | undefined;
  try {
    const listed = await context.client.list("Pod", {
      fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`,
    });
    pods = listed.items;
  } catch (error) {
    if (!isForbidden(error)) throw error;
  }
  let events: Event[] = [];
  if (settings.showEvents) {
    const byUid = await searchEvents(context.client, {
      namespace: "",
      name,
      kind: "Node",
      uid: node.metadata?.uid ?? "",
    });
    const byName = await searchEvents(context.client, { namespace: "", name, kind: "Node", uid: name });
    events = [...byUid, ...byName];
  }
  const lease = await readLease(context, node.metadata?.name ?? name);
  const now = context.clock.now();
  return tabbedString((writer) => {
    const metadata = node.metadata ?? {};
    const spec = node.spec;
    const status = node.status;
    writer.write(0, `Name:\t${metadata.name ?? ""}\n`);
    const roles = nodeRoles(node);
    writer.write(0, `Roles:\t${roles.length > 0 ? roles.join(",") : "<none>"}\n`);
    writeLabels(writer, "Labels", metadata.labels);
    writeAnnotations(writer, "Annotations", metadata.annotations);
    writer.write(0, `CreationTimestamp:\t${formatTimestamp(metadata.creationTimestamp)}\n`);
    writeTaints(writer, "Taints", spec?.taints);
    writer.write(0, `Unschedulable:\t${spec?.unschedulable === true}\n`);
    writeLease(writer, lease);
    const conditions = status?.conditions ?? [];
    if (conditions.length > 0) {
      writer.write(
        0,
        "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n",
      );
      writer.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n");
      for (const condition of conditions) {
        writer.write(
          1,
          `${condition.type} \t${condition.status} \t${formatTimestamp(condition.lastHeartbeatTime)} \t` +
            `${formatTimestamp(condition.lastTransitionTime)} \t${condition.reason ?? ""} \t${condition.message ?? ""}\n`,
        );
      }
    }
    writer.write(0, "Addresses:\n");
    for (const address of status?.addresses ?? []) writer.write(1, `${address.type}:\t${address.address}\n`);
    writeResourceList(writer, "Capacity", status?.capacity);
    writeResourceList(writer, "Allocatable", status?.allocatable);
    const info = status?.nodeInfo;
    writer.write(0, "System Info:\n");
    writer.write(0, `  Machine ID:\t${info?.machineID ?? ""}\n`);
    writer.write(0, `  System UUID:\t${info?.systemUUID ?? ""}\n`);
    writer.write(0, `  Boot ID:\t${info?.bootID ?? ""}\n`);
    writer.write(0, `  Kernel Version:\t${info?.kernelVersion ?? ""}\n`);
    writer.write(0, `  OS Image:\t${info?.osImage ?? ""}\n`);
    writer.write(0, `  Operating System:\t${info?.operatingSystem ?? ""}\n`);
    writer.write(0, `  Architecture:\t${info?.architecture ?? ""}\n`);
    writer.write(0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ""}\n`);
    writer.write(0, `  Kubelet Version:\t${info?.kubeletVersion ?? ""}\n`);
    writer.write(0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ""}\n`);
    if ((spec?.podCIDR ?? "") !== "") writer.write(0, `PodCIDR:\t${spec?.podCIDR}\n`);
    const podCIDRs = spec?.podCIDRs ?? [];
    if (podCIDRs.length > 0) writer.write(0, `PodCIDRs:\t${podCIDRs.join(",")}\n`);
    if ((spec?.providerID ?? "") !== "") writer.write(0, `ProviderID:\t${spec?.providerID}\n`);
    if (pods === undefined) writer.write(0, "Pods:\tnot authorized\n");
    else writeNodeResources(writer, pods, node, now);
    if (settings.showEvents) writeEvents(writer, events, now);
  });
};
