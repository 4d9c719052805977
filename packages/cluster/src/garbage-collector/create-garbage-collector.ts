import {
  type ApiClient,
  type Clock,
  isConflict,
  isNotFound,
  type KubeObject,
  type Namespace,
  type OwnerReference,
} from "@kubesim/core";
import { createReconcileLoop } from "../node-lifecycle/reconcile-loop.js";
import { type KindWatches, watchKinds } from "../node-lifecycle/watch-kinds.js";
import { createCollectionWorkTracker } from "./collection-work-tracker.js";
import {
  buildObjectGraph,
  type GraphObject,
  hasFinalizer,
  isBeingDeleted,
  type ObjectGraph,
} from "./object-graph.js";

/** The finalizer a Foreground deletion leaves for the garbage collector. */
export const foregroundDeletionFinalizer = "foregroundDeletion";
/** The finalizer an Orphan deletion leaves for the garbage collector. */
export const orphanFinalizer = "orphan";
/** The namespace finalizer (in `spec.finalizers`) the namespace controller removes. */
export const kubernetesNamespaceFinalizer = "kubernetes";

/**
 * The kinds the collector lists and watches. An owner reference to a kind outside this
 * list is assumed to point at a live object (nothing is known about it).
 */
export const garbageCollectedKinds: readonly string[] = [
  "Namespace",
  "Node",
  "Service",
  "Deployment",
  "ReplicaSet",
  "DaemonSet",
  "ControllerRevision",
  "Pod",
  "Event",
  "Lease",
];
const knownOwnerKinds: ReadonlySet<string> = new Set(garbageCollectedKinds);

/** The `namespaces/finalize` subresource (the memory store's `finalizeNamespace`). */
export type FinalizeNamespace = (namespace: Namespace) => Promise<unknown>;

/** Options of {@link createGarbageCollector}. */
export interface GarbageCollectorOptions {
  readonly client: ApiClient;
  readonly clock: Clock;
  /**
   * Writes a namespace's `spec.finalizers` (namespaces/finalize). Defaults to the client's
   * own `finalizeNamespace` method when it has one (the memory store does); without either,
   * a terminating namespace is emptied but stays.
   */
  readonly finalizeNamespace?: FinalizeNamespace;
  /** Called with errors a pass survives; default ignores them. */
  readonly onError?: (error: unknown) => void;
}

/** The garbage collector and namespace controller, driven like the scheduler. */
export interface GarbageCollector {
  /** Watches the collected kinds and runs a pass on every change that leaves work to do. */
  start(): Promise<void>;
  /** Stops watching; safe twice and without start. */
  stop(): void;
  /** True when no pass is running or wanted. */
  idle(): boolean;
  /**
   * Waits until the requested passes are done; without `start` (no watches), first
   * requests one, so passes run until one changes nothing.
   */
  flush(): Promise<void>;
}

function clientFinalizer(client: ApiClient): FinalizeNamespace | undefined {
  const candidate: unknown = Reflect.get(client, "finalizeNamespace");
  if (typeof candidate !== "function") return undefined;
  return (namespace) => Promise.resolve(candidate.call(client, namespace));
}

function withoutFinalizer(object: KubeObject, finalizer: string): KubeObject {
  const finalizers = (object.metadata?.finalizers ?? []).filter((name) => name !== finalizer);
  const { finalizers: _dropped, ...metadata } = object.metadata ?? {};
  return { ...object, metadata: finalizers.length > 0 ? { ...metadata, finalizers } : metadata };
}

function withoutOwners(object: KubeObject, ownerUids: ReadonlySet<string>): KubeObject {
  const references = (object.metadata?.ownerReferences ?? []).filter(
    (reference) => !ownerUids.has(reference.uid),
  );
  const { ownerReferences: _dropped, ...metadata } = object.metadata ?? {};
  return {
    ...object,
    metadata: references.length > 0 ? { ...metadata, ownerReferences: references } : metadata,
  };
}

/**
 * Creates kube-controller-manager's garbage collector together with the namespace
 * controller's deletion of namespace content:
 * - an object whose owners (of the collected kinds) are all gone is deleted (Background);
 *   references to gone owners are dropped when another owner lives;
 * - an owner being deleted with `foregroundDeletion` has its dependents deleted (those
 *   with another live owner just lose the reference) and loses the finalizer once no
 *   dependent with `blockOwnerDeletion: true` is left;
 * - an owner being deleted with `orphan` has its references stripped from its dependents,
 *   then loses the finalizer;
 * - a Terminating namespace has every object in it deleted, then its `kubernetes`
 *   finalizer removed (namespaces/finalize), which removes it.
 */
export function createGarbageCollector(options: GarbageCollectorOptions): GarbageCollector {
  const { client } = options;
  const onError = options.onError ?? (() => {});
  const finalizeNamespace = options.finalizeNamespace ?? clientFinalizer(client);
  let watches: KindWatches | undefined;
  const workTracker = createCollectionWorkTracker(knownOwnerKinds, [
    orphanFinalizer,
    foregroundDeletionFinalizer,
  ]);

  /** Runs a write; `true` when it happened or must be retried (conflict), `false` when the object is gone. */
  async function write(action: () => Promise<unknown>): Promise<boolean> {
    try {
      await action();
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      if (isConflict(error)) return true;
      onError(error);
      return false;
    }
  }

  function deleteObject(entry: GraphObject, propagationPolicy?: "Background" | "Foreground") {
    const metadata = entry.object.metadata ?? {};
    return write(() =>
      client.delete(entry.kind, metadata.name ?? "", {
        ...(metadata.namespace === undefined ? {} : { namespace: metadata.namespace }),
        ...(metadata.uid === undefined ? {} : { preconditions: { uid: metadata.uid } }),
        ...(propagationPolicy === undefined ? {} : { propagationPolicy }),
      }),
    );
  }

  function ownerIsGone(graph: ObjectGraph, reference: OwnerReference): boolean {
    return knownOwnerKinds.has(reference.kind) && !graph.byUid.has(reference.uid);
  }

  function ownerIsSolid(graph: ObjectGraph, reference: OwnerReference): boolean {
    if (!knownOwnerKinds.has(reference.kind)) return true;
    const owner = graph.byUid.get(reference.uid);
    if (owner === undefined) return false;
    return !(isBeingDeleted(owner.object) && hasFinalizer(owner.object, foregroundDeletionFinalizer));
  }

  async function orphanDependents(graph: ObjectGraph, owner: GraphObject): Promise<boolean> {
    const uid = owner.object.metadata?.uid ?? "";
    const strip = new Set([uid]);
    for (const { dependent } of graph.dependentsOf.get(uid) ?? []) {
      await write(() => client.update(withoutOwners(dependent.object, strip)));
    }
    return write(() => client.update(withoutFinalizer(owner.object, orphanFinalizer)));
  }

  async function deleteDependentsInForeground(graph: ObjectGraph, owner: GraphObject): Promise<boolean> {
    const uid = owner.object.metadata?.uid ?? "";
    const links = graph.dependentsOf.get(uid) ?? [];
    let changed = false;
    let blocking = false;
    for (const { dependent, reference } of links) {
      if (reference.blockOwnerDeletion === true) blocking = true;
      if (isBeingDeleted(dependent.object)) continue;
      const otherOwners = (dependent.object.metadata?.ownerReferences ?? []).filter(
        (other) => other.uid !== uid,
      );
      if (otherOwners.some((other) => ownerIsSolid(graph, other))) {
        if (await write(() => client.update(withoutOwners(dependent.object, new Set([uid]))))) changed = true;
        continue;
      }
      const policy = reference.blockOwnerDeletion === true ? "Foreground" : "Background";
      if (await deleteObject(dependent, policy)) changed = true;
    }
    if (blocking || changed) return changed;
    return write(() => client.update(withoutFinalizer(owner.object, foregroundDeletionFinalizer)));
  }

  async function collectDependent(graph: ObjectGraph, entry: GraphObject): Promise<boolean> {
    const references = entry.object.metadata?.ownerReferences ?? [];
    if (references.length === 0) return false;
    const gone = references.filter((reference) => ownerIsGone(graph, reference));
    if (gone.length === 0) return false;
    if (gone.length === references.length) {
      if (isBeingDeleted(entry.object)) return false;
      return deleteObject(entry, "Background");
    }
    return write(() =>
      client.update(withoutOwners(entry.object, new Set(gone.map((reference) => reference.uid)))),
    );
  }

  async function emptyNamespace(namespace: Namespace, objects: readonly GraphObject[]): Promise<boolean> {
    const name = namespace.metadata?.name ?? "";
    let changed = false;
    let remaining = 0;
    for (const entry of objects) {
      if (entry.object.metadata?.namespace !== name) continue;
      remaining += 1;
      if (isBeingDeleted(entry.object)) continue;
      if (await deleteObject(entry)) changed = true;
    }
    if (remaining > 0 || finalizeNamespace === undefined) return changed;
    const finalizers = namespace.spec?.finalizers ?? [];
    if (!finalizers.includes(kubernetesNamespaceFinalizer)) return changed;
    const rest = finalizers.filter((finalizer) => finalizer !== kubernetesNamespaceFinalizer);
    return write(() => finalizeNamespace({ ...namespace, spec: { ...namespace.spec, finalizers: rest } }));
  }

  async function pass(): Promise<boolean> {
    const objects: GraphObject[] = [];
    for (const kind of garbageCollectedKinds) {
      // Shared (possibly frozen) objects: the graph only reads them; writes send spread copies.
      const { items } = await client.list(kind, { sharedObjects: true });
      for (const object of items as KubeObject[]) objects.push({ kind, object });
    }
    const graph = buildObjectGraph(objects);
    let changed = false;
    for (const entry of objects) {
      if (entry.kind === "Namespace" && isBeingDeleted(entry.object)) {
        if (await emptyNamespace(entry.object as Namespace, objects)) changed = true;
      }
      if (isBeingDeleted(entry.object) && hasFinalizer(entry.object, orphanFinalizer)) {
        if (await orphanDependents(graph, entry)) changed = true;
        continue;
      }
      if (isBeingDeleted(entry.object) && hasFinalizer(entry.object, foregroundDeletionFinalizer)) {
        if (await deleteDependentsInForeground(graph, entry)) changed = true;
      }
      if (await collectDependent(graph, entry)) changed = true;
    }
    return changed;
  }

  const loop = createReconcileLoop(pass, onError);

  return {
    async start() {
      if (watches !== undefined) return;
      watches = await watchKinds(client, garbageCollectedKinds, (kind, event) => {
        if (event.type === "BOOKMARK") return;
        workTracker.observe(kind, event.type, event.object);
        // A pass lists every collected kind: only ask for one when it could act.
        if (workTracker.hasWork()) loop.kick();
      });
      loop.kick();
    },
    stop() {
      watches?.close();
      watches = undefined;
      workTracker.clear();
    },
    idle() {
      return loop.idle();
    },
    async flush() {
      // Started, watch events request passes; a pass lists every collected kind, so
      // flush does not add one per settle round.
      if (watches === undefined) loop.kick();
      await loop.settle();
    },
  };
}
