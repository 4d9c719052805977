import { freezeInPlace } from "./clone-object.js";
import type { JsonObject } from "./json-object.js";

/**
 * The object handed to every caller that asked for shared objects (`sharedObjects` in
 * list and watch options): the store's own object, deeply frozen. The store commits
 * every object frozen and never modifies a committed one (see `StoreState.commitPut`), so
 * sharing it costs no copy at all; a new version is a new object that may share frozen,
 * unchanged parts with the one it replaces.
 */
export function sharedCopyOf(object: JsonObject): JsonObject {
  return freezeInPlace(object);
}
