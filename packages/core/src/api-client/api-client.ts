import type { ControllerRevision, DaemonSet, Deployment, ReplicaSet } from "kubernetes-types/apps/v1";
import type { Lease } from "kubernetes-types/coordination/v1";
import type { Binding, Event, Namespace, Node, Pod, Service } from "kubernetes-types/core/v1";
import type { Preconditions } from "kubernetes-types/meta/v1";
import type { Eviction } from "kubernetes-types/policy/v1";
import type { KubeObject } from "../types/index.js";

/** The object type of each kind kubesim serves, by the `kind` string objects carry. */
export interface KindMap {
  Namespace: Namespace;
  Node: Node;
  Pod: Pod;
  Event: Event;
  Service: Service;
  DaemonSet: DaemonSet;
  ControllerRevision: ControllerRevision;
  Deployment: Deployment;
  ReplicaSet: ReplicaSet;
  Lease: Lease;
}

/** A kind name kubesim knows (`"Pod"`, `"DaemonSet"`, ...). */
export type KnownKind = keyof KindMap;

/** The object type for a kind: the typed object for known kinds, {@link KubeObject} otherwise. */
export type ObjectOfKind<K extends string> = K extends KnownKind ? KindMap[K] : KubeObject;

/** Options of {@link ApiClient.get}. */
export interface GetOptions {
  /** Required for namespaced kinds; ignored for cluster-scoped ones. */
  readonly namespace?: string;
}

/** Options of {@link ApiClient.list}. */
export interface ListOptions {
  /** Only this namespace; all namespaces when omitted. */
  readonly namespace?: string;
  /** A label selector in kubectl's syntax, e.g. `app=nginx,tier notin (db)`. */
  readonly labelSelector?: string;
  /** A field selector, e.g. `spec.nodeName=node-1,metadata.namespace!=kube-system`. */
  readonly fieldSelector?: string;
  /**
   * A hint: the server may hand out immutable shared objects (deeply frozen, possibly the
   * same object to several callers) instead of copies; the caller promises not to mutate
   * them, as with client-go's informer caches. Servers that don't support it return copies.
   */
  readonly sharedObjects?: boolean;
}

/** The result of {@link ApiClient.list}. */
export interface ListResult<T> {
  readonly items: T[];
  /** The store revision the list was read at: pass it to `watch` to get every later change. */
  readonly resourceVersion: string;
}

/** Options of {@link ApiClient.create}, {@link ApiClient.update} and {@link ApiClient.updateStatus}. */
export interface WriteOptions {
  /**
   * Who makes the write: the manager recorded in `metadata.managedFields` (kube-apiserver's
   * `fieldManager` query parameter). Writes without one are not recorded there.
   */
  readonly fieldManager?: string;
  /**
   * Server-side dry run (kube-apiserver's `dryRun=All`): run every check and return the
   * result without storing it.
   */
  readonly dryRun?: boolean;
}

/** The patch formats kubesim accepts, as kubectl names them. */
export type PatchType = "merge" | "json" | "strategic" | "apply";

/** Options of {@link ApiClient.patch}. */
export interface PatchOptions {
  readonly namespace?: string;
  /** `merge` (RFC 7386), `json` (RFC 6902), `strategic` (Kubernetes strategic merge) or `apply` (server-side apply). */
  readonly type: PatchType;
  /** The field manager recorded in managedFields; required by `apply`. */
  readonly fieldManager?: string;
  /** Server-side apply only: take ownership of conflicting fields. */
  readonly force?: boolean;
  /**
   * Server-side dry run (kube-apiserver's `dryRun=All`): run every check and return the
   * result without storing it.
   */
  readonly dryRun?: boolean;
}

/** How dependents are deleted along with their owner. */
export type PropagationPolicy = "Background" | "Foreground" | "Orphan";

/** Options of {@link ApiClient.delete}. */
export interface DeleteOptions {
  readonly namespace?: string;
  readonly propagationPolicy?: PropagationPolicy;
  /** Delete only if the object still has this uid and/or resourceVersion (else `Conflict`). */
  readonly preconditions?: Preconditions;
  /** 0 deletes at once; omitted uses the object's own grace period. */
  readonly gracePeriodSeconds?: number;
  /**
   * Server-side dry run (kube-apiserver's `dryRun: ["All"]`): run every check and return the
   * result without storing it (the object as it would be, e.g. with `deletionTimestamp` set).
   */
  readonly dryRun?: boolean;
}

/** Options of {@link ApiClient.watch}. */
export interface WatchOptions extends ListOptions {
  /**
   * Start after this revision (every change after it is delivered, in order). Omitted:
   * start with `ADDED` events for what exists now, then changes. `"0"`: any recent state
   * (treated as "now"). A revision the store has compacted fails with 410 `Expired`.
   */
  readonly resourceVersion?: string;
  /** Ask for periodic `BOOKMARK` events carrying the current revision. */
  readonly allowWatchBookmarks?: boolean;
}

/** The kinds of change a watch reports. */
export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK";

/** One change seen by a watch. For `BOOKMARK`, `object` carries only `metadata.resourceVersion`. */
export interface WatchEvent<T> {
  readonly type: WatchEventType;
  readonly object: T;
}

/**
 * An open watch: iterate it with `for await`; {@link Watch.close} ends the iteration.
 * Events come in commit order, each change exactly once.
 */
export interface Watch<T> extends AsyncIterable<WatchEvent<T>> {
  /** Stops the watch; a pending `next()` resolves as done. Safe to call twice. */
  close(): void;
}

/**
 * How every kubesim component talks to cluster state — the role client-go plays for
 * Kubernetes controllers. The memory store implements it in-process, and an HTTP client
 * implements it against any Kubernetes API server, so the scheduler and the controllers
 * run unchanged against either.
 *
 * Objects are addressed by the kind name they carry (`"Pod"`, `"DaemonSet"`). Every
 * method returns a promise and rejects with a `StatusError` (`NotFound`,
 * `AlreadyExists`, `Conflict`, `Invalid`, `BadRequest`, `Gone`, ...), never with
 * anything else for bad input.
 */
export interface ApiClient {
  /** Reads one object. Rejects with `NotFound` when it does not exist. */
  get<K extends string>(kind: K, name: string, options?: GetOptions): Promise<ObjectOfKind<K>>;

  /** Lists objects of a kind, optionally filtered by namespace, labels and fields. */
  list<K extends string>(kind: K, options?: ListOptions): Promise<ListResult<ObjectOfKind<K>>>;

  /**
   * Creates an object (defaulted and validated as the API server does; `generateName`
   * honoured). Resolves with the stored object, including uid and resourceVersion.
   */
  create<T extends KubeObject>(object: T, options?: WriteOptions): Promise<T>;

  /**
   * Replaces an object's spec and metadata (status is ignored). When
   * `metadata.resourceVersion` is set it must be current, otherwise `Conflict`.
   */
  update<T extends KubeObject>(object: T, options?: WriteOptions): Promise<T>;

  /** Replaces only the status (the `status` subresource); same precondition as `update`. */
  updateStatus<T extends KubeObject>(object: T, options?: WriteOptions): Promise<T>;

  /** Patches an object; see {@link PatchType} for the formats. */
  patch<K extends string>(
    kind: K,
    name: string,
    patch: unknown,
    options: PatchOptions,
  ): Promise<ObjectOfKind<K>>;

  /**
   * Deletes an object. Resolves with the object as it was deleted, or as it now stands
   * when deletion is pending (finalizers, graceful pod termination).
   */
  delete<K extends string>(kind: K, name: string, options?: DeleteOptions): Promise<ObjectOfKind<K>>;

  /** Watches a kind for changes; see {@link WatchOptions} for where it starts. */
  watch<K extends string>(kind: K, options?: WatchOptions): Promise<Watch<ObjectOfKind<K>>>;

  /** Binds a pod to a node (the `pods/binding` subresource), as the scheduler does. */
  bind(binding: Binding): Promise<void>;

  /** Evicts a pod (the `pods/eviction` subresource), as `kubectl drain` does. */
  evict(eviction: Eviction): Promise<void>;
}
