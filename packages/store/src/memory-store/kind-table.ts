import { type JsonObject, metadataOf, objectField, stringField, stringMapField } from "./json-object.js";

type KeyIndex = Map<string, Set<string>>;

function addToIndex(index: KeyIndex, value: string, key: string): void {
  const keys = index.get(value);
  if (keys === undefined) index.set(value, new Set([key]));
  else keys.add(key);
}

function removeFromIndex(index: KeyIndex, value: string, key: string): void {
  const keys = index.get(value);
  if (keys === undefined) return;
  keys.delete(key);
  if (keys.size === 0) index.delete(value);
}

const emptyLabels: Readonly<Record<string, string>> = Object.freeze({});
const emptySet: ReadonlySet<string> = new Set();

function labelsOf(object: JsonObject | undefined): Readonly<Record<string, string>> {
  return (object === undefined ? undefined : stringMapField(metadataOf(object), "labels")) ?? emptyLabels;
}

/**
 * The objects of one kind, keyed `namespace/name` (or `name`), with the secondary
 * indexes that keep selective lists fast at 30,000 pods: by namespace, by label
 * `key=value`, and for pods by `spec.nodeName` (unbound pods under `""`). The table
 * holds the store's own objects; callers copy before handing them out.
 */
export class KindTable {
  readonly #objects = new Map<string, JsonObject>();
  readonly #byNamespace: KeyIndex = new Map();
  readonly #byLabel = new Map<string, KeyIndex>();
  readonly #byNodeName: KeyIndex | undefined;
  #sortedKeys: string[] | undefined;

  /** @param indexNodeName - index `spec.nodeName` (pods). */
  constructor(indexNodeName: boolean) {
    this.#byNodeName = indexNodeName ? new Map() : undefined;
  }

  /** How many objects the table holds. */
  get size(): number {
    return this.#objects.size;
  }

  /** The stored object under `key`. */
  get(key: string): JsonObject | undefined {
    return this.#objects.get(key);
  }

  /** Stores `object` under `key`, replacing (and re-indexing) any previous one. */
  put(key: string, object: JsonObject): void {
    const previous = this.#objects.get(key);
    if (previous === undefined) this.#sortedKeys = undefined;
    this.#objects.set(key, object);
    this.#reindex(key, previous, object);
  }

  /** Removes the object under `key`. */
  remove(key: string): void {
    const previous = this.#objects.get(key);
    if (previous === undefined) return;
    this.#objects.delete(key);
    this.#sortedKeys = undefined;
    this.#reindex(key, previous, undefined);
  }

  /** Every key, sorted as etcd orders them (cached until a key is added or removed). */
  sortedKeys(): readonly string[] {
    if (this.#sortedKeys === undefined) this.#sortedKeys = [...this.#objects.keys()].sort();
    return this.#sortedKeys;
  }

  /** Keys of the objects in a namespace. */
  keysInNamespace(namespace: string): ReadonlySet<string> | undefined {
    return this.#byNamespace.get(namespace);
  }

  /** Keys of the objects labelled `label=value`. */
  keysWithLabel(label: string, value: string): ReadonlySet<string> | undefined {
    return this.#byLabel.get(label)?.get(value);
  }

  /** Keys of the pods whose `spec.nodeName` is `nodeName` (`""`: unbound), or `undefined` when not indexed. */
  keysOnNode(nodeName: string): ReadonlySet<string> | undefined {
    if (this.#byNodeName === undefined) return undefined;
    return this.#byNodeName.get(nodeName) ?? emptySet;
  }

  /** Whether `spec.nodeName` is indexed. */
  get indexesNodeName(): boolean {
    return this.#byNodeName !== undefined;
  }

  /** Every stored object, in insertion order. */
  values(): IterableIterator<JsonObject> {
    return this.#objects.values();
  }

  #reindex(key: string, previous: JsonObject | undefined, next: JsonObject | undefined): void {
    const oldNamespace = previous === undefined ? undefined : stringField(metadataOf(previous), "namespace");
    const newNamespace = next === undefined ? undefined : stringField(metadataOf(next), "namespace");
    if (oldNamespace !== newNamespace) {
      if (oldNamespace !== undefined) removeFromIndex(this.#byNamespace, oldNamespace, key);
      if (newNamespace !== undefined) addToIndex(this.#byNamespace, newNamespace, key);
    }
    this.#reindexLabels(key, labelsOf(previous), labelsOf(next), previous !== undefined, next !== undefined);
    if (this.#byNodeName !== undefined) {
      const oldNode =
        previous === undefined ? undefined : stringField(objectField(previous, "spec"), "nodeName");
      const newNode = next === undefined ? undefined : stringField(objectField(next, "spec"), "nodeName");
      if (oldNode !== newNode) {
        if (oldNode !== undefined) removeFromIndex(this.#byNodeName, oldNode, key);
        if (newNode !== undefined) addToIndex(this.#byNodeName, newNode, key);
      }
    }
  }

  #reindexLabels(
    key: string,
    oldLabels: Readonly<Record<string, string>>,
    newLabels: Readonly<Record<string, string>>,
    hadOld: boolean,
    hasNew: boolean,
  ): void {
    if (oldLabels === newLabels && hadOld && hasNew) return;
    if (hadOld) {
      for (const label of Object.keys(oldLabels)) {
        const value = oldLabels[label] as string;
        if (hasNew && Object.hasOwn(newLabels, label) && newLabels[label] === value) continue;
        const index = this.#byLabel.get(label);
        if (index === undefined) continue;
        removeFromIndex(index, value, key);
        if (index.size === 0) this.#byLabel.delete(label);
      }
    }
    if (hasNew) {
      for (const label of Object.keys(newLabels)) {
        const value = newLabels[label] as string;
        if (hadOld && Object.hasOwn(oldLabels, label) && oldLabels[label] === value) continue;
        let index = this.#byLabel.get(label);
        if (index === undefined) {
          index = new Map();
          this.#byLabel.set(label, index);
        }
        addToIndex(index, value, key);
      }
    }
  }
}
