import { cloneFrozenObject } from "./clone-object.js";
import type { JsonObject } from "./json-object.js";

/**
 * The deeply frozen copy of each store-owned object that some caller asked to share, by
 * the object it copies. A committed object is never modified afterwards (see
 * `StoreState.commitPut`), so its copy never goes stale; the entry goes when the object
 * is collected.
 */
const sharedCopies = new WeakMap<JsonObject, JsonObject>();

/**
 * One deeply frozen copy of a store-owned object, made on first request and handed to
 * every caller that asked for shared objects (`sharedObjects` in list and watch options)
 * until the object is replaced: one copy per committed write instead of one per watcher.
 * The store's own object is never frozen, so the store stays free to build on it.
 */
export function sharedCopyOf(object: JsonObject): JsonObject {
  let shared = sharedCopies.get(object);
  if (shared === undefined) {
    shared = cloneFrozenObject(object);
    sharedCopies.set(object, shared);
  }
  return shared;
}
