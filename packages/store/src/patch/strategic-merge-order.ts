import { badArgTypeMessage, goPrint, goTypeName } from "./go-text.js";
import { getOwn, isJsonObject, type JsonObject, type JsonValue } from "./json-value.js";
import { createPatchFailedError, createPatchRejectedError } from "./patch-errors.js";

/*
 * List bookkeeping of strategic merge patch: element types, merge-key lookups, and the
 * ordering rules (upstream's normalizeElementOrder): patch items keep the patch's (or the
 * `$setElementOrder` list's) order, server-only items keep the live object's order, and the
 * two are interleaved by the live order where both are known.
 */

/** The directive key inside a map: `$patch`. */
export const directiveMarker = "$patch";

/** Upstream's ErrNoMergeKey text. */
export function noMergeKeyError(map: JsonObject, mergeKey: string) {
  return createPatchFailedError(`map: ${goPrint(map)} does not contain declared merge key: ${mergeKey}`);
}

/** Asserts a list element is a map, with upstream's ErrBadArgType text otherwise. */
export function expectMap(value: JsonValue | undefined): JsonObject {
  if (!isJsonObject(value)) throw createPatchFailedError(badArgTypeMessage("map", value));
  return value;
}

/**
 * Whether the elements of the lists are maps. All elements must share one type, as upstream
 * requires; lists of lists are rejected with 422.
 */
export function elementsAreMaps(...lists: readonly JsonValue[][]): boolean {
  let typeName: string | undefined;
  for (const list of lists) {
    for (const item of list) {
      const itemType = item === null ? "nil" : goTypeName(item);
      if (typeName === undefined) {
        if (Array.isArray(item)) throw createPatchRejectedError("lists of lists are not supported");
        typeName = itemType;
      } else if (typeName !== itemType) {
        throw createPatchFailedError(
          `list element types are not identical: ${goPrint(lists.map((list) => [...list]))}`,
        );
      }
    }
  }
  if (typeName === undefined) throw createPatchFailedError("no elements in any of the given slices");
  return typeName === "map[string]interface {}";
}

/**
 * A finder for the first map in `list` whose `mergeKey` equals a value. Like upstream's
 * findMapInSliceBasedOnKeyValue, a non-map element fails every search that does not
 * match before it.
 */
export function createMergeKeyFinder(
  list: readonly JsonValue[],
  mergeKey: string,
): (value: JsonValue) => number {
  const positions = new Map<JsonValue, number>();
  let firstNonMap = -1;
  for (const [position, item] of list.entries()) {
    if (!isJsonObject(item)) {
      firstNonMap = position;
      break;
    }
    const value = getOwn(item, mergeKey);
    if (value !== undefined && !positions.has(value)) positions.set(value, position);
  }
  return (value) => {
    const position = positions.get(value);
    if (position !== undefined) return position;
    if (firstNonMap >= 0) throw createPatchFailedError(`value for key ${firstNonMap} is not a map`);
    return -1;
  };
}

function orderValue(item: JsonValue, mergeKey: string, areMaps: boolean): JsonValue {
  if (!areMaps) return item;
  return isJsonObject(item) ? (getOwn(item, mergeKey) ?? null) : null;
}

function createOrderIndex(order: readonly JsonValue[], mergeKey: string, areMaps: boolean) {
  const positions = new Map<JsonValue, number>();
  for (const [position, item] of order.entries()) {
    const value = orderValue(item, mergeKey, areMaps);
    if (!positions.has(value)) positions.set(value, position);
  }
  return (item: JsonValue) => positions.get(orderValue(item, mergeKey, areMaps)) ?? -1;
}

/** Splits `list` into the elements present in `partitionBy` and the rest, keeping order. */
export function partitionByPresence(
  list: readonly JsonValue[],
  partitionBy: readonly JsonValue[],
  mergeKey: string,
): { present: JsonValue[]; absent: JsonValue[] } {
  const present: JsonValue[] = [];
  const absent: JsonValue[] = [];
  if (mergeKey === "") {
    const members = new Set(partitionBy);
    for (const item of list) (members.has(item) ? present : absent).push(item);
    return { present, absent };
  }
  const find = createMergeKeyFinder(partitionBy, mergeKey);
  for (const item of list) {
    const map = expectMap(item);
    const value = getOwn(map, mergeKey);
    if (value === undefined) throw noMergeKeyError(map, mergeKey);
    (find(value) >= 0 ? present : absent).push(item);
  }
  return { present, absent };
}

function sortByOrder(toSort: JsonValue[], order: readonly JsonValue[], mergeKey: string, areMaps: boolean) {
  let items = toSort;
  const deletions: JsonValue[] = [];
  if (areMaps) {
    for (const list of [toSort, order]) {
      for (const item of list) {
        const map = expectMap(item);
        if (!Object.hasOwn(map, mergeKey)) throw noMergeKeyError(map, mergeKey);
      }
    }
    items = toSort.filter((item) => {
      const isDeletion = getOwn(item as JsonObject, directiveMarker) === "delete";
      if (isDeletion) deletions.push(item);
      return !isDeletion;
    });
  }
  const indexOf = createOrderIndex(order, mergeKey, areMaps);
  const ranked = items.map((item) => ({ item, rank: indexOf(item) }));
  ranked.sort((left, right) => (left.rank >= 0 && right.rank >= 0 ? left.rank - right.rank : 0));
  return [...ranked.map(({ item }) => item), ...deletions];
}

/**
 * Orders a merged list: `patchItems` by `patchOrder`, `serverOnly` by `serverOrder`, then
 * interleaves them, a server-only item going first when the live order puts it before the
 * next patch item.
 */
export function normalizeElementOrder(
  patchItems: JsonValue[],
  serverOnly: JsonValue[],
  patchOrder: readonly JsonValue[],
  serverOrder: readonly JsonValue[],
  mergeKey: string,
  areMaps: boolean,
): JsonValue[] {
  const right = sortByOrder(patchItems, patchOrder, mergeKey, areMaps);
  const left = sortByOrder(serverOnly, serverOrder, mergeKey, areMaps);
  const indexOf = createOrderIndex(serverOrder, mergeKey, areMaps);
  const merged: JsonValue[] = [];
  let leftIndex = 0;
  let rightIndex = 0;
  while (leftIndex < left.length || rightIndex < right.length) {
    const leftItem = left[leftIndex];
    const rightItem = right[rightIndex];
    if (rightItem === undefined) {
      merged.push(leftItem ?? null);
      leftIndex++;
    } else if (leftItem === undefined) {
      merged.push(rightItem);
      rightIndex++;
    } else {
      const leftRank = indexOf(leftItem);
      const rightRank = indexOf(rightItem);
      if (leftRank >= 0 && rightRank >= 0 && leftRank < rightRank) {
        merged.push(leftItem);
        leftIndex++;
      } else {
        merged.push(rightItem);
        rightIndex++;
      }
    }
  }
  return merged;
}
