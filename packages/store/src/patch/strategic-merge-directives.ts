import { createBadRequestError } from "@kubesim/core";
import { goPrint } from "./go-text.js";
import { getOwn, isJsonObject, type JsonObject, type JsonValue, setOwn } from "./json-value.js";
import { createPatchFailedError } from "./patch-errors.js";
import { directiveMarker, expectMap, noMergeKeyError } from "./strategic-merge-order.js";

/*
 * The `$`-directives of strategic merge patch other than `$patch` on lists:
 * `$retainKeys`, `$setElementOrder/<list>` (its validation), `$deleteFromPrimitiveList/<list>`,
 * and the clean-up of directives from values that are taken over from the patch.
 */

export const retainKeysDirective = "$retainKeys";
export const setElementOrderPrefix = "$setElementOrder";
export const deleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList";

const badFormatMessages = {
  [setElementOrderPrefix]: "invalid patch format of setElementOrder list",
  [deleteFromPrimitiveListPrefix]: "invalid patch format of primitive list",
} as const;

/** Upstream's 400 for a malformed `$setElementOrder` directive. */
export function badSetElementOrderError() {
  return createBadRequestError(badFormatMessages[setElementOrderPrefix]);
}

/** The list name after `<prefix>/`, or a 400 when the key is not of that form. */
export function extractDirectiveKey(key: string, prefix: keyof typeof badFormatMessages): string {
  const separator = key.indexOf("/");
  if (separator < 0 || key.slice(0, separator) !== prefix)
    throw createBadRequestError(badFormatMessages[prefix]);
  return key.slice(separator + 1);
}

/**
 * Drops maps carrying `$patch` (as members or list elements) from a value taken from the
 * patch. Returns `undefined` when the value itself is such a map. Mutates `value`.
 */
export function removeDirectives(value: JsonValue): JsonValue | undefined {
  if (Array.isArray(value)) {
    const kept: JsonValue[] = [];
    for (const item of value) {
      const cleaned = removeDirectives(item);
      if (cleaned !== undefined) kept.push(cleaned);
    }
    return kept;
  }
  if (!isJsonObject(value)) return value;
  if (Object.hasOwn(value, directiveMarker)) return undefined;
  for (const key of Object.keys(value)) {
    const cleaned = removeDirectives(value[key] ?? null);
    if (cleaned === undefined) delete value[key];
    else setOwn(value, key, cleaned);
  }
  return value;
}

/** Deletes `null` members of maps anywhere inside `value` (null list elements stay). Mutates. */
export function discardNullMembers(value: JsonValue): void {
  if (Array.isArray(value)) {
    for (const item of value) discardNullMembers(item);
  } else if (isJsonObject(value)) {
    for (const key of Object.keys(value)) {
      const member = value[key] ?? null;
      if (member === null) delete value[key];
      else discardNullMembers(member);
    }
  }
}

/**
 * Applies a `$retainKeys` directive: every key of `original` not in the list is cleared, and
 * every non-null key of the patch must be in it. Removes the directive from `patch`.
 */
export function applyRetainKeys(original: JsonObject, patch: JsonObject): void {
  if (!Object.hasOwn(patch, retainKeysDirective)) return;
  const retainKeys = patch[retainKeysDirective];
  delete patch[retainKeysDirective];
  if (!Array.isArray(retainKeys)) throw createBadRequestError("invalid patch format of retainKeys");
  const retained = new Set(retainKeys);
  for (const key of Object.keys(patch)) {
    if (
      patch[key] === null ||
      key.startsWith(deleteFromPrimitiveListPrefix) ||
      key.startsWith(setElementOrderPrefix)
    ) {
      continue;
    }
    if (!retained.has(key)) throw createBadRequestError("invalid patch format of retainKeys");
  }
  for (const key of Object.keys(original)) {
    if (!retained.has(key)) delete original[key];
  }
}

/**
 * Checks that the patch list's items appear in the `$setElementOrder` list in the same
 * relative order (deletions and other directive items aside), as upstream requires.
 */
export function validateSetElementOrder(
  patchList: readonly JsonValue[],
  orderList: readonly JsonValue[],
  mergeKey: string,
): void {
  if (orderList.length === 0 || patchList.length === 0) return;
  const items =
    mergeKey === ""
      ? patchList
      : patchList.filter((item) => getOwn(expectMap(item), directiveMarker) !== "delete");
  let patchIndex = 0;
  let orderIndex = 0;
  while (patchIndex < items.length && orderIndex < orderList.length) {
    const item = items[patchIndex] ?? null;
    if (isJsonObject(item) && Object.hasOwn(item, directiveMarker)) {
      patchIndex++;
      continue;
    }
    if (mergeKeyValueEqual(item, orderList[orderIndex] ?? null, mergeKey)) patchIndex++;
    orderIndex++;
  }
  if (patchIndex < items.length && orderIndex >= orderList.length) {
    throw createPatchFailedError(
      `The order in patch list:\n${goPrint([...patchList])}\n doesn't match ${setElementOrderPrefix} list:\n${goPrint([...orderList])}\n`,
    );
  }
}

function mergeKeyValueEqual(left: JsonValue, right: JsonValue, mergeKey: string): boolean {
  if (mergeKey === "") return left === right;
  const leftMap = expectMap(left);
  const rightMap = expectMap(right);
  if (!Object.hasOwn(leftMap, mergeKey)) throw noMergeKeyError(leftMap, mergeKey);
  if (!Object.hasOwn(rightMap, mergeKey)) throw noMergeKeyError(rightMap, mergeKey);
  return leftMap[mergeKey] === rightMap[mergeKey];
}
