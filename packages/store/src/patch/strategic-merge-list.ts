import { goPrint, goPrintString } from "./go-text.js";
import { getOwn, type JsonObject, type JsonValue } from "./json-value.js";
import { createPatchFailedError } from "./patch-errors.js";
import {
  directiveMarker,
  elementsAreMaps,
  noMergeKeyError,
  normalizeElementOrder,
  partitionByPresence,
} from "./strategic-merge-order.js";
import {
  effectivePatchStrategy,
  type StrategicMergeLookup,
  type StrategicMergeSchema,
} from "./strategic-merge-schema.js";

/** Merges one map element into another (strategic merge of maps, passed in to avoid an import cycle). */
export type MergeMap = (original: JsonObject, patch: JsonObject, schema: StrategicMergeSchema) => JsonObject;

/**
 * Merges a list field: with the `merge` strategy (or for a `$deleteFromPrimitiveList`) by
 * merge key or as a set of primitives; otherwise the patch list replaces the original.
 * May reuse and mutate both lists.
 */
export function mergeListField(
  original: JsonValue[],
  patch: JsonValue[],
  lookup: StrategicMergeLookup,
  isDeleteList: boolean,
  mergeMap: MergeMap,
): JsonValue[] {
  if (effectivePatchStrategy(lookup.patchStrategies) !== "merge" && !isDeleteList) return patch;
  if (original.length === 0 && patch.length === 0) return original;
  const areMaps = elementsAreMaps(original, patch);
  const mergeKey = lookup.patchMergeKey;
  if (!areMaps) {
    if (isDeleteList) {
      const toDelete = new Set(patch);
      return original.filter((item) => !toDelete.has(item));
    }
    const merged = [...new Set([...original, ...patch])];
    const { present, absent } = partitionByPresence(merged, patch, mergeKey);
    return normalizeElementOrder(present, absent, patch, original, mergeKey, false);
  }
  // The schema only knows struct lists without a merge key as atomic; upstream names the
  // element type, a struct, in this message.
  if (mergeKey === "") throw createPatchFailedError("cannot merge lists without merge key for struct");
  const directed = applyListDirectives(original as JsonObject[], patch as JsonObject[], mergeKey);
  const merged = mergeByKey(directed.original, directed.patch, mergeKey, lookup.schema, mergeMap);
  const { present, absent } = partitionByPresence(merged, directed.patch, mergeKey);
  return normalizeElementOrder(present, absent, directed.patch, directed.original, mergeKey, true);
}

/** Handles elements carrying `$patch`: `delete` removes by merge key, `replace` replaces the list. */
function applyListDirectives(original: JsonObject[], patch: JsonObject[], mergeKey: string) {
  let remainingOriginal = original;
  const remainingPatch: JsonObject[] = [];
  let replace = false;
  for (const item of patch) {
    if (!Object.hasOwn(item, directiveMarker)) {
      remainingPatch.push(item);
      continue;
    }
    const directive = item[directiveMarker];
    if (directive === "delete") {
      const value = getOwn(item, mergeKey);
      if (value === undefined) throw noMergeKeyError(item, mergeKey);
      remainingOriginal = remainingOriginal.filter((entry) => getOwn(entry, mergeKey) !== value);
    } else if (directive === "replace") {
      replace = true;
    } else if (directive === "merge") {
      throw createPatchFailedError("merging lists cannot yet be specified in the patch");
    } else {
      throw createPatchFailedError(
        `unknown patch type: ${goPrintString(directive)} in map: ${goPrint(item)}`,
      );
    }
  }
  return replace
    ? { original: remainingPatch, patch: [] }
    : { original: remainingOriginal, patch: remainingPatch };
}

/** Merges each patch element into the original element with the same key, or appends it. */
function mergeByKey(
  original: JsonObject[],
  patch: JsonObject[],
  mergeKey: string,
  schema: StrategicMergeSchema,
  mergeMap: MergeMap,
): JsonObject[] {
  const merged = [...original];
  const positions = new Map<JsonValue, number>();
  for (const [position, item] of merged.entries()) {
    const value = getOwn(item, mergeKey);
    if (value !== undefined && !positions.has(value)) positions.set(value, position);
  }
  for (const item of patch) {
    const value = getOwn(item, mergeKey);
    if (value === undefined) throw noMergeKeyError(item, mergeKey);
    const position = positions.get(value);
    const existing = position === undefined ? undefined : merged[position];
    if (position !== undefined && existing !== undefined) {
      merged[position] = mergeMap(existing, item, schema);
    } else {
      positions.set(value, merged.length);
      merged.push(item);
    }
  }
  return merged;
}
