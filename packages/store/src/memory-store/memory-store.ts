import type {
  ApiClient,
  Binding,
  DeleteOptions,
  Eviction,
  GetOptions,
  KubeObject,
  ListOptions,
  ListResult,
  Namespace,
  ObjectOfKind,
  PatchOptions,
  Watch,
  WatchOptions,
  WriteOptions,
} from "@kubesim/core";
import { createNotFoundError } from "@kubesim/core";
import { checkFieldManagerName } from "../managed-fields/index.js";
import { bindPod } from "./bind-pod.js";
import { cloneObject } from "./clone-object.js";
import { createDecoded } from "./create-object.js";
import { decodeObject } from "./decode-object.js";
import { deleteObject } from "./delete-object.js";
import { checkDeleteOptions } from "./delete-options.js";
import { evictPod } from "./evict-pod.js";
import { fieldManagerOf } from "./field-manager-scope.js";
import { finalizeNamespace } from "./finalize-namespace.js";
import type { JsonObject } from "./json-object.js";
import { objectKey, resolveKind } from "./kind-info.js";
import { requestNamespace } from "./object-placement.js";
import { compileQuery, selectKeys } from "./object-query.js";
import { type PatchOutcome, patchObject } from "./patch-object.js";
import { sharedCopyOf } from "./shared-object.js";
import { createEmptyNameError } from "./store-errors.js";
import { type StoreSnapshot, takeSnapshot } from "./store-snapshot.js";
import type { StoreState } from "./store-state.js";
import { updateObject } from "./update-object.js";
import { updateObjectStatus } from "./update-status.js";

function copyOut<T>(object: unknown): T {
  return cloneObject(object) as T;
}

/** The write's field manager, validated as upstream validates Create/UpdateOptions. */
function writeManager(optionsKind: string, options: WriteOptions | undefined): string | undefined {
  const manager = fieldManagerOf(options);
  if (manager !== undefined) checkFieldManagerName(optionsKind, manager);
  return manager;
}

function shareOut<T>(object: JsonObject): T {
  return sharedCopyOf(object) as T;
}

/**
 * The in-memory object store: kube-apiserver and etcd in one process, behind the
 * `ApiClient` interface. Create it with `createMemoryStore`.
 *
 * Every method does all of its work synchronously when called (the returned promise only
 * carries the outcome), so the order in which calls are made is the order in which their
 * changes are committed and reach watches. Objects handed out are copies the caller owns,
 * except for lists and watches asked for `sharedObjects`: those get deeply frozen
 * copies shared between such callers (one per committed object, not one per caller).
 */
export class MemoryStore implements ApiClient {
  readonly #state: StoreState;

  /** @internal use `createMemoryStore`. */
  constructor(state: StoreState) {
    this.#state = state;
  }

  /** The store's current resourceVersion (the revision of its last change). */
  get resourceVersion(): string {
    return String(this.#state.revision);
  }

  /** Reads one object (a namespaced kind without namespace reads from `default`). */
  async get<K extends string>(kind: K, name: string, options?: GetOptions): Promise<ObjectOfKind<K>> {
    const info = resolveKind(kind);
    if (typeof name !== "string" || name === "") throw createEmptyNameError();
    const object = this.#state.get(info, objectKey(info, requestNamespace(info, options?.namespace), name));
    if (object === undefined) throw createNotFoundError(info.groupResource, name);
    return copyOut(object);
  }

  /** Lists objects in etcd key order (namespace/name), using an index where one fits. */
  async list<K extends string>(kind: K, options?: ListOptions): Promise<ListResult<ObjectOfKind<K>>> {
    const info = resolveKind(kind);
    const query = compileQuery(info, options);
    const table = this.#state.table(info);
    const keys = selectKeys(table, query);
    const items =
      options?.sharedObjects === true
        ? keys.map((key) => shareOut<ObjectOfKind<K>>(table.get(key) as JsonObject))
        : keys.map((key) => copyOut<ObjectOfKind<K>>(table.get(key)));
    return { items, resourceVersion: String(this.#state.revision) };
  }

  /**
   * Creates an object; see `ApiClient.create`. With `fieldManager` the fields it sets are
   * recorded in `metadata.managedFields` (an Update entry); without, nothing is recorded.
   * With `dryRun` every check runs (AlreadyExists included) and the object comes back as it
   * would be stored (uid, creationTimestamp, generated name) but without a resourceVersion,
   * as upstream answers; nothing is stored and later uids and names are unaffected.
   */
  async create<T extends KubeObject>(object: T, options?: WriteOptions): Promise<T> {
    const fieldManager = writeManager("CreateOptions", options);
    const create = () =>
      createDecoded(this.#state, decodeObject(object, "create"), {
        ignoreResourceVersion: false,
        fieldManager,
      });
    return copyOut(options?.dryRun === true ? this.#state.runDry(create) : create());
  }

  /** Replaces an object's spec and metadata; see `ApiClient.update` (and `create` on `fieldManager`). */
  async update<T extends KubeObject>(object: T, options?: WriteOptions): Promise<T> {
    const fieldManager = writeManager("UpdateOptions", options);
    const state = this.#state;
    return copyOut(
      options?.dryRun === true
        ? state.runDry(() => updateObject(state, object, fieldManager))
        : updateObject(state, object, fieldManager),
    );
  }

  /** Replaces only the status; see `ApiClient.updateStatus` (a manager's entry gets subresource `status`). */
  async updateStatus<T extends KubeObject>(object: T, options?: WriteOptions): Promise<T> {
    const fieldManager = writeManager("UpdateOptions", options);
    const state = this.#state;
    return copyOut(
      options?.dryRun === true
        ? state.runDry(() => updateObjectStatus(state, object, fieldManager))
        : updateObjectStatus(state, object, fieldManager),
    );
  }

  /**
   * Patches an object (merge, JSON, strategic, server-side apply with field ownership). A
   * dry run answers the object as stored the patch would leave it (managedFields included),
   * with the current resourceVersion.
   */
  async patch<K extends string>(
    kind: K,
    name: string,
    patch: unknown,
    options: PatchOptions,
  ): Promise<ObjectOfKind<K>> {
    return copyOut(this.#patch(kind, name, patch, options).object);
  }

  /**
   * {@link MemoryStore.patch}, also reporting whether a server-side apply created the
   * object (the API server answers 201 then, 200 otherwise).
   */
  async patchWithOutcome(
    kind: string,
    name: string,
    patch: unknown,
    options: PatchOptions,
  ): Promise<PatchOutcome> {
    const outcome = this.#patch(kind, name, patch, options);
    return { object: copyOut(outcome.object), created: outcome.created };
  }

  #patch(kind: string, name: string, patch: unknown, options: PatchOptions): PatchOutcome {
    const state = this.#state;
    return options?.dryRun === true
      ? state.runDry(() => patchObject(state, kind, name, patch, options))
      : patchObject(state, kind, name, patch, options);
  }

  /**
   * Deletes an object; see `ApiClient.delete`. A dry run answers the object as the delete
   * would leave it (a pending deletion with `deletionTimestamp` set) and removes nothing.
   */
  async delete<K extends string>(kind: K, name: string, options?: DeleteOptions): Promise<ObjectOfKind<K>> {
    const info = resolveKind(kind);
    const checked = checkDeleteOptions(options);
    const state = this.#state;
    return copyOut(
      checked.dryRun
        ? state.runDry(() => deleteObject(state, info, name, options?.namespace, checked))
        : deleteObject(state, info, name, options?.namespace, checked),
    );
  }

  /** Opens a watch; see `ApiClient.watch` (history per kind, 410 once it is gone). */
  async watch<K extends string>(kind: K, options?: WatchOptions): Promise<Watch<ObjectOfKind<K>>> {
    const info = resolveKind(kind);
    const query = compileQuery(info, options);
    const resourceVersion = typeof options?.resourceVersion === "string" ? options.resourceVersion : "";
    return this.#state.openWatch<ObjectOfKind<K>>(query, {
      resourceVersion,
      allowWatchBookmarks: options?.allowWatchBookmarks === true,
      sharedObjects: options?.sharedObjects === true,
    });
  }

  /** Binds a pod to a node (`pods/binding`). */
  async bind(binding: Binding): Promise<void> {
    bindPod(this.#state, binding);
  }

  /** Evicts a pod (`pods/eviction`); without PodDisruptionBudgets it is always allowed. */
  async evict(eviction: Eviction): Promise<void> {
    evictPod(this.#state, eviction);
  }

  /**
   * The `namespaces/finalize` subresource: replaces a Namespace's `spec.finalizers`. A
   * terminating namespace left without finalizers is deleted. (Not part of `ApiClient`:
   * the namespace controller of the cluster package uses it.)
   */
  async finalizeNamespace(namespace: Namespace): Promise<Namespace> {
    return copyOut(finalizeNamespace(this.#state, namespace));
  }

  /** A JSON-serialisable copy of everything the store holds (see `StoreSnapshot`). */
  snapshot(): StoreSnapshot {
    return takeSnapshot(this.#state);
  }
}
