import { badArgTypeMessage, goPrint, goPrintString, goTypeName } from "./go-text.js";
import { getOwn, isJsonObject, type JsonObject, type JsonValue, setOwn } from "./json-value.js";
import { createPatchFailedError } from "./patch-errors.js";
import {
  applyRetainKeys,
  deleteFromPrimitiveListPrefix,
  discardNullMembers,
  extractDirectiveKey,
  removeDirectives,
  setElementOrderPrefix,
  validateSetElementOrder,
} from "./strategic-merge-directives.js";
import { mergeListField } from "./strategic-merge-list.js";
import {
  directiveMarker,
  elementsAreMaps,
  normalizeElementOrder,
  partitionByPresence,
} from "./strategic-merge-order.js";
import {
  effectivePatchStrategy,
  lookupStrategicMergeField,
  type StrategicMergeSchema,
} from "./strategic-merge-schema.js";

/**
 * Strategic merge of `patch` into `original` (upstream's mergeMap with the server's options:
 * parallel lists merged, unmatched nulls ignored). Mutates and reuses both maps; callers
 * pass private copies.
 */
export function mergeStrategicMap(
  original: JsonObject,
  patch: JsonObject,
  schema: StrategicMergeSchema,
): JsonObject {
  if (Object.hasOwn(patch, directiveMarker)) {
    const directive = patch[directiveMarker];
    if (directive === "replace") {
      delete patch[directiveMarker];
      return patch;
    }
    if (directive === "delete") return {};
    throw createPatchFailedError(`unknown patch type: ${goPrintString(directive)} in map: ${goPrint(patch)}`);
  }
  applyRetainKeys(original, patch);
  mergeOrderedLists(original, patch, schema);
  for (const patchKey of Object.keys(patch)) {
    const patchValue = patch[patchKey] ?? null;
    let key = patchKey;
    let isDeleteList = false;
    if (patchKey.startsWith(deleteFromPrimitiveListPrefix)) {
      const listKey = extractDirectiveKey(patchKey, deleteFromPrimitiveListPrefix);
      isDeleteList = true;
      if (listKey !== "") key = listKey;
    }
    if (patchValue === null) {
      delete original[key];
      continue;
    }
    const originalValue = getOwn(original, key);
    if (originalValue === undefined || goTypeName(originalValue) !== goTypeName(patchValue)) {
      if (!isDeleteList) takePatchValue(original, key, patchValue);
      continue;
    }
    if (isJsonObject(originalValue)) {
      const lookup = lookupStrategicMergeField(schema, key);
      const replace = effectivePatchStrategy(lookup.patchStrategies) === "replace";
      const patchMap = patchValue as JsonObject;
      setOwn(original, key, replace ? patchMap : mergeStrategicMap(originalValue, patchMap, lookup.schema));
    } else if (Array.isArray(originalValue)) {
      const lookup = lookupStrategicMergeField(schema, key);
      const patchList = patchValue as JsonValue[];
      setOwn(
        original,
        key,
        mergeListField(originalValue, patchList, lookup, isDeleteList, mergeStrategicMap),
      );
    } else {
      setOwn(original, key, patchValue);
    }
  }
  return original;
}

function takePatchValue(original: JsonObject, key: string, patchValue: JsonValue): void {
  discardNullMembers(patchValue);
  const cleaned = removeDirectives(patchValue);
  if (cleaned === undefined) delete original[key];
  else setOwn(original, key, cleaned);
}

function expectList(value: JsonValue | undefined): JsonValue[] | undefined {
  if (value === undefined || Array.isArray(value)) return value;
  throw createPatchFailedError(badArgTypeMessage("slice", value));
}

/**
 * Handles every `$setElementOrder/<list>` directive: merges the list it names, then orders
 * the result by the directive (patch items) and the live list (server-only items).
 */
function mergeOrderedLists(original: JsonObject, patch: JsonObject, schema: StrategicMergeSchema): void {
  for (const directiveKey of Object.keys(patch)) {
    if (!directiveKey.startsWith(setElementOrderPrefix)) continue;
    const order = patch[directiveKey] ?? null;
    delete patch[directiveKey];
    if (!Array.isArray(order)) throw createPatchFailedError(badArgTypeMessage("slice", order));
    const key = extractDirectiveKey(directiveKey, setElementOrderPrefix);
    const originalList = expectList(getOwn(original, key));
    const patchList = expectList(getOwn(patch, key));
    const lookup = lookupStrategicMergeField(schema, key);
    const mergeKey = lookup.patchMergeKey;
    validateSetElementOrder(patchList ?? [], order, mergeKey);
    let merged: JsonValue[];
    if (originalList !== undefined && patchList !== undefined) {
      merged = mergeListField(originalList, patchList, lookup, false, mergeStrategicMap);
    } else if (originalList !== undefined) {
      merged = originalList;
    } else if (patchList !== undefined) {
      merged = (removeDirectives(patchList) as JsonValue[] | undefined) ?? [];
    } else {
      continue;
    }
    const { present, absent } = partitionByPresence(merged, order, mergeKey);
    const areMaps = elementsAreMaps(originalList ?? [], patchList ?? []);
    setOwn(
      original,
      key,
      normalizeElementOrder(present, absent, order, originalList ?? [], mergeKey, areMaps),
    );
    delete patch[key];
  }
}
