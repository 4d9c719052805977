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

/** Merges two sorted key lists (string order, as `Array.prototype.sort`) into a new one. */
function mergeSorted(left: readonly string[], right: readonly string[]): readonly string[] {
  if (right.length === 0) return left;
  const merged: string[] = new Array(left.length + right.length);
  let leftIndex = 0;
  let rightIndex = 0;
  let index = 0;
  while (leftIndex < left.length && rightIndex < right.length) {
    const leftKey = left[leftIndex] as string;
    const rightKey = right[rightIndex] as string;
    if (rightKey < leftKey) {
      merged[index++] = rightKey;
      rightIndex++;
    } else {
      merged[index++] = leftKey;
      leftIndex++;
    }
  }
  while (leftIndex < left.length) merged[index++] = left[leftIndex++] as string;
  while (rightIndex < right.length) merged[index++] = right[rightIndex++] as string;
  return merged;
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
  /** The keys in etcd order as of the last {@link KindTable.sortedKeys} (it may hold removed keys). */
  #sortedKeys: readonly string[] | undefined;
  /** Keys added since `#sortedKeys` was built (not in it). */
  readonly #addedKeys = new Set<string>();
  /** Keys in `#sortedKeys` removed since it was built. */
  readonly #removedKeys = new Set<string>();

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
    if (previous === undefined && this.#sortedKeys !== undefined && !this.#removedKeys.delete(key)) {
      this.#addedKeys.add(key);
    }
    this.#objects.set(key, object);
    this.#reindex(key, previous, object);
  }

  /** Removes the object under `key`. */
  remove(key: string): void {
    const previous = this.#objects.get(key);
    if (previous === undefined) return;
    this.#objects.delete(key);
    if (this.#sortedKeys !== undefined && !this.#addedKeys.delete(key)) this.#removedKeys.add(key);
    this.#reindex(key, previous, undefined);
  }

  /**
   * Every key, sorted as etcd orders them. The order is built once and then brought up to
   * date from the keys added and removed since (the few added ones sorted and merged in),
   * so listing a kind while it grows does not sort all of it again after every create.
   */
  sortedKeys(): readonly string[] {
    let sorted = this.#sortedKeys;
    if (sorted === undefined) {
      sorted = [...this.#objects.keys()].sort();
    } else if (this.#addedKeys.size > 0 || this.#removedKeys.size > 0) {
      const removed = this.#removedKeys;
      const kept = removed.size === 0 ? sorted : sorted.filter((key) => !removed.has(key));
      sorted = mergeSorted(kept, [...this.#addedKeys].sort());
      this.#addedKeys.clear();
      removed.clear();
    }
    this.#sortedKeys = sorted;
    return sorted;
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
