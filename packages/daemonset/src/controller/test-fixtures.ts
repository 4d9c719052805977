/**
 * Builders and client wrappers for the controller's tests (not exported from the package).
 * The store itself is created in each test file: `@kubesim/store` is a test-only dependency.
 */
import type {
  ApiClient,
  ControllerRevision,
  DaemonSet,
  DaemonSetUpdateStrategy,
  Event,
  KubeObject,
  Node,
  Pod,
  PodSpec,
  Taint,
  Toleration,
} from "@kubesim/core";
import { getTargetNodeName } from "../placement/index.js";
import { hashPodTemplate } from "../pod-template/index.js";

/** Every test clock starts here. */
export const testStartMs = Date.parse("2026-01-01T00:00:00Z");

/** Options of {@link newDaemonSet}. */
export interface DaemonSetFixtureOptions {
  readonly namespace?: string;
  readonly nodeSelector?: Record<string, string>;
  readonly tolerations?: Toleration[];
  readonly updateStrategy?: DaemonSetUpdateStrategy;
  readonly minReadySeconds?: number;
  readonly revisionHistoryLimit?: number;
  readonly image?: string;
  readonly podSpec?: Partial<PodSpec>;
}

/** A DaemonSet `name` selecting `app: <name>`, one container, as upstream's test `newDaemonSet`. */
export function newDaemonSet(name: string, options: DaemonSetFixtureOptions = {}): DaemonSet {
  const spec: PodSpec = {
    containers: [{ name: "main", image: options.image ?? "registry.k8s.io/pause:3.9" }],
    ...(options.nodeSelector === undefined ? {} : { nodeSelector: options.nodeSelector }),
    ...(options.tolerations === undefined ? {} : { tolerations: options.tolerations }),
    ...options.podSpec,
  };
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name, namespace: options.namespace ?? "default" },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec },
      ...(options.updateStrategy === undefined ? {} : { updateStrategy: options.updateStrategy }),
      ...(options.minReadySeconds === undefined ? {} : { minReadySeconds: options.minReadySeconds }),
      ...(options.revisionHistoryLimit === undefined
        ? {}
        : { revisionHistoryLimit: options.revisionHistoryLimit }),
    },
  };
}

/** Options of {@link addNode}. */
export interface NodeFixtureOptions {
  readonly labels?: Record<string, string>;
  readonly taints?: Taint[];
  readonly unschedulable?: boolean;
}

/**
 * Creates a Node and then sets its taints to exactly `options.taints` (the store's
 * admission adds `node.kubernetes.io/not-ready:NoSchedule` to every new node, as the
 * TaintNodesByCondition plugin does; a Ready node has lost it).
 */
export async function addNode(
  client: ApiClient,
  name: string,
  options: NodeFixtureOptions = {},
): Promise<Node> {
  const created = await client.create<Node>({
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, ...(options.labels === undefined ? {} : { labels: options.labels }) },
  });
  const spec = { ...created.spec, taints: options.taints ?? [] };
  if (options.unschedulable !== undefined) spec.unschedulable = options.unschedulable;
  return client.update<Node>({ ...created, spec });
}

/** Adds nodes `node-<first>` … `node-<first + count - 1>`. */
export async function addNodes(
  client: ApiClient,
  first: number,
  count: number,
  options: NodeFixtureOptions = {},
): Promise<void> {
  for (let index = first; index < first + count; index++) await addNode(client, `node-${index}`, options);
}

/** The pods of a namespace, by name. */
export async function listPods(client: ApiClient, namespace = "default"): Promise<Pod[]> {
  return (await client.list("Pod", { namespace })).items;
}

/** `<reason>: <message>` of every Event in the namespace, oldest first. */
export async function eventLines(client: ApiClient, namespace = "default"): Promise<string[]> {
  const events: Event[] = (await client.list("Event", { namespace })).items;
  return events
    .sort((left, right) => (left.metadata?.name ?? "").localeCompare(right.metadata?.name ?? ""))
    .map((event) => `${event.type} ${event.reason}: ${event.message}`);
}

/** The stored DaemonSet. */
export function readDaemonSet(client: ApiClient, name: string, namespace = "default"): Promise<DaemonSet> {
  return client.get("DaemonSet", name, { namespace });
}

/** The ControllerRevisions of the namespace. */
export async function listRevisions(client: ApiClient, namespace = "default"): Promise<ControllerRevision[]> {
  return (await client.list("ControllerRevision", { namespace })).items;
}

/** The node each pod belongs to (`getTargetNodeName`), sorted. */
export function podNodes(pods: readonly Pod[]): string[] {
  return pods.map((pod) => getTargetNodeName(pod)).sort();
}

/** Sets a pod's phase through the status subresource. */
export async function setPodPhase(client: ApiClient, pod: Pod, phase: string): Promise<Pod> {
  const current = await client.get("Pod", pod.metadata?.name ?? "", {
    namespace: pod.metadata?.namespace ?? "",
  });
  return client.updateStatus<Pod>({ ...current, status: { ...current.status, phase } });
}

/** Marks every pod of the namespace Running and Ready since `sinceIso`. */
export async function markPodsReady(
  client: ApiClient,
  sinceIso: string,
  namespace = "default",
): Promise<void> {
  for (const pod of await listPods(client, namespace)) {
    if (pod.metadata?.deletionTimestamp) continue;
    await client.updateStatus<Pod>({
      ...pod,
      status: {
        ...pod.status,
        phase: "Running",
        conditions: [{ type: "Ready", status: "True", lastTransitionTime: sinceIso }],
      },
    });
  }
}

/**
 * Test double of the scheduler for DaemonSet pods: binds every unbound pod to the node
 * its affinity pin names (`getTargetNodeName`), when that node exists.
 */
export async function bindPinnedPods(client: ApiClient, namespace = "default"): Promise<number> {
  const nodes = new Set((await client.list("Node")).items.map((node) => node.metadata?.name ?? ""));
  let bound = 0;
  for (const pod of await listPods(client, namespace)) {
    if (pod.spec?.nodeName || pod.metadata?.deletionTimestamp) continue;
    const target = getTargetNodeName(pod);
    if (!nodes.has(target)) continue;
    await client.bind({
      apiVersion: "v1",
      kind: "Binding",
      metadata: { name: pod.metadata?.name ?? "", namespace },
      target: { apiVersion: "v1", kind: "Node", name: target },
    });
    bound++;
  }
  return bound;
}

/**
 * Test double of pod GC: force-deletes every pod bound to a node that no longer exists
 * (the real one waits 40 s and marks the pod Failed first).
 */
export async function collectOrphanedPods(client: ApiClient): Promise<string[]> {
  const nodes = new Set((await client.list("Node")).items.map((node) => node.metadata?.name ?? ""));
  const deleted: string[] = [];
  for (const pod of (await client.list("Pod")).items) {
    const nodeName = pod.spec?.nodeName ?? "";
    if (nodeName === "" || nodes.has(nodeName)) continue;
    await client.delete("Pod", pod.metadata?.name ?? "", {
      namespace: pod.metadata?.namespace ?? "",
      gracePeriodSeconds: 0,
    });
    deleted.push(pod.metadata?.name ?? "");
  }
  return deleted;
}

/** What a {@link RecordingClient} saw. */
export interface RecordedCalls {
  /** Target node of every pod create attempted (successful or not). */
  readonly creates: string[];
  /** Name of every pod delete attempted. */
  readonly deletes: string[];
  /** Number of `updateStatus` calls on DaemonSets. */
  statusWrites: number;
}

/** An {@link ApiClient} that records pod creates and deletes and can fail them. */
export interface RecordingClient extends ApiClient {
  readonly calls: RecordedCalls;
  /** Clears the recorded calls. */
  reset(): void;
}

/** Options of {@link createRecordingClient}. */
export interface RecordingClientOptions {
  /** Called before each pod create with the number of pod creates so far: a returned error is thrown. */
  readonly failPodCreate?: (attempt: number, pod: Pod) => Error | undefined;
}

/** Wraps a client, recording pod creates/deletes and optionally injecting create failures. */
export function createRecordingClient(
  inner: ApiClient,
  options: RecordingClientOptions = {},
): RecordingClient {
  const calls: RecordedCalls = { creates: [], deletes: [], statusWrites: 0 };
  let podCreates = 0;
  return {
    calls,
    reset() {
      calls.creates.length = 0;
      calls.deletes.length = 0;
      calls.statusWrites = 0;
    },
    get: (kind, name, getOptions) => inner.get(kind, name, getOptions),
    list: (kind, listOptions) => inner.list(kind, listOptions),
    async create<T extends KubeObject>(object: T): Promise<T> {
      if (object.kind === "Pod") {
        const pod = object as Pod;
        calls.creates.push(getTargetNodeName(pod));
        const failure = options.failPodCreate?.(podCreates++, pod);
        if (failure !== undefined) throw failure;
      }
      return inner.create(object);
    },
    update: (object) => inner.update(object),
    updateStatus<T extends KubeObject>(object: T): Promise<T> {
      if (object.kind === "DaemonSet") calls.statusWrites++;
      return inner.updateStatus(object);
    },
    patch: (kind, name, patch, patchOptions) => inner.patch(kind, name, patch, patchOptions),
    delete(kind, name, deleteOptions) {
      if (kind === "Pod") calls.deletes.push(name);
      return inner.delete(kind, name, deleteOptions);
    },
    watch: (kind, watchOptions) => inner.watch(kind, watchOptions),
    bind: (binding) => inner.bind(binding),
    evict: (eviction) => inner.evict(eviction),
  };
}

/** Options of {@link addDaemonPods}. */
export interface DaemonPodFixtureOptions {
  /** Pod labels; default the DaemonSet's template labels. The current hash label is always added. */
  readonly labels?: Record<string, string>;
  /** A phase written through the status subresource after creation. */
  readonly phase?: string;
  /** Give the pods no controller reference. */
  readonly orphan?: boolean;
}

/**
 * Creates `count` pods bound to `nodeName` that belong to the stored DaemonSet (as
 * upstream's test `addPods`): template spec, the current `controller-revision-hash`, a
 * controller reference unless `orphan`.
 */
export async function addDaemonPods(
  client: ApiClient,
  daemonSet: DaemonSet,
  nodeName: string,
  count: number,
  options: DaemonPodFixtureOptions = {},
): Promise<Pod[]> {
  const template = daemonSet.spec?.template ?? {};
  const labels = {
    ...(options.labels ?? template.metadata?.labels ?? {}),
    "controller-revision-hash": hashPodTemplate(template, daemonSet.status?.collisionCount),
  };
  const pods: Pod[] = [];
  for (let index = 0; index < count; index++) {
    let pod = await client.create<Pod>({
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        generateName: `${nodeName}-`,
        namespace: daemonSet.metadata?.namespace ?? "default",
        labels,
        ...(options.orphan === true
          ? {}
          : {
              ownerReferences: [
                {
                  apiVersion: "apps/v1",
                  kind: "DaemonSet",
                  name: daemonSet.metadata?.name ?? "",
                  uid: daemonSet.metadata?.uid ?? "",
                  controller: true,
                  blockOwnerDeletion: true,
                },
              ],
            }),
      },
      spec: { ...(template.spec as PodSpec), nodeName },
    });
    if (options.phase !== undefined) pod = await setPodPhase(client, pod, options.phase);
    pods.push(pod);
  }
  return pods;
}

/** Test double of the kubelet's confirmation of graceful deletion: removes every terminating pod. */
export async function finishTerminatingPods(client: ApiClient, namespace = "default"): Promise<number> {
  let removed = 0;
  for (const pod of await listPods(client, namespace)) {
    if (!pod.metadata?.deletionTimestamp) continue;
    await client.delete("Pod", pod.metadata.name ?? "", { namespace, gracePeriodSeconds: 0 });
    removed++;
  }
  return removed;
}

/** The status fields the controller owns, for exact comparisons. */
export function statusOf(daemonSet: DaemonSet): Record<string, number> {
  const status = daemonSet.status;
  return {
    desiredNumberScheduled: status?.desiredNumberScheduled ?? 0,
    currentNumberScheduled: status?.currentNumberScheduled ?? 0,
    numberMisscheduled: status?.numberMisscheduled ?? 0,
    numberReady: status?.numberReady ?? 0,
    updatedNumberScheduled: status?.updatedNumberScheduled ?? 0,
    numberAvailable: status?.numberAvailable ?? 0,
    numberUnavailable: status?.numberUnavailable ?? 0,
    observedGeneration: status?.observedGeneration ?? 0,
    ...(status?.collisionCount === undefined ? {} : { collisionCount: status.collisionCount }),
  };
}

/** `statusOf` for `desired` nodes of which `current` have a pod, nothing ready, all updated. */
export function freshStatus(desired: number, current = desired, misscheduled = 0): Record<string, number> {
  return {
    desiredNumberScheduled: desired,
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    numberReady: 0,
    updatedNumberScheduled: current,
    numberAvailable: 0,
    numberUnavailable: desired,
    observedGeneration: 1,
  };
}
