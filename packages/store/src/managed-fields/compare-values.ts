import { childSchema, type FieldSchema } from "./field-schema.js";
import { FieldSet } from "./field-set.js";
import { isEmptyValue, isRecord, jsonValuesEqual, own } from "./json-values.js";
import { isKeyedList, itemSchema, listItemElement } from "./list-items.js";
import { fieldElement } from "./path-element.js";

/** What changed between two values, as field sets (structured-merge-diff's `Comparison`). */
export interface Comparison {
  readonly added: FieldSet;
  readonly modified: FieldSet;
  readonly removed: FieldSet;
}

/**
 * Compares `before` with `after` (structured-merge-diff's `Compare`): a leaf (scalar,
 * atomic value, or a map or list empty on both sides) that appears, disappears or changes
 * is added, removed or modified; a map, struct or list item that appears or disappears is
 * added or removed itself as well as everything under it.
 *
 * @throws FieldSchemaError for list items that cannot be keyed.
 */
export function compareValues(before: unknown, after: unknown, schema: FieldSchema): Comparison {
  const comparison: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  compareNode(comparison, [], schema, before, after);
  return comparison;
}

function compareLeaf(comparison: Comparison, path: string[], before: unknown, after: unknown): void {
  if (before === undefined) comparison.added.insert(path);
  else if (after === undefined) comparison.removed.insert(path);
  else if (!jsonValuesEqual(before, after)) comparison.modified.insert(path);
}

function isListLike(value: unknown): boolean {
  return value === undefined || value === null || Array.isArray(value);
}

function isMapLike(value: unknown): boolean {
  return value === undefined || value === null || isRecord(value);
}

function compareNode(
  comparison: Comparison,
  path: string[],
  schema: FieldSchema,
  before: unknown,
  after: unknown,
): void {
  if (before === undefined && after === undefined) return;
  let leaf = false;
  if (schema.type === "atomic") {
    leaf = true;
  } else if (isKeyedList(schema)) {
    if (!isListLike(before) || !isListLike(after) || (isEmptyValue(before) && isEmptyValue(after)))
      leaf = true;
    else compareItems(comparison, path, schema, before, after);
  } else if (Array.isArray(before) || Array.isArray(after) || !isMapLike(before) || !isMapLike(after)) {
    leaf = true;
  } else if (isEmptyValue(before) && isEmptyValue(after)) {
    leaf = true;
  } else {
    const beforeMap = isRecord(before) ? before : {};
    const afterMap = isRecord(after) ? after : {};
    for (const key of Object.keys(beforeMap)) {
      compareNode(
        comparison,
        [...path, fieldElement(key)],
        childSchema(schema, key),
        beforeMap[key],
        own(afterMap, key),
      );
    }
    for (const key of Object.keys(afterMap)) {
      if (Object.hasOwn(beforeMap, key)) continue;
      compareNode(
        comparison,
        [...path, fieldElement(key)],
        childSchema(schema, key),
        undefined,
        afterMap[key],
      );
    }
  }
  if (leaf) {
    compareLeaf(comparison, path, before, after);
    return;
  }
  if (before === undefined) comparison.added.insert(path);
  else if (after === undefined) comparison.removed.insert(path);
}

function indexItems(schema: FieldSchema, list: unknown): Map<string, unknown[]> {
  const index = new Map<string, unknown[]>();
  if (!Array.isArray(list)) return index;
  for (const item of list) {
    const element = listItemElement(schema, item);
    const existing = index.get(element);
    if (existing === undefined) index.set(element, [item]);
    else existing.push(item);
  }
  return index;
}

function compareItems(
  comparison: Comparison,
  path: string[],
  schema: FieldSchema,
  before: unknown,
  after: unknown,
): void {
  const beforeItems = indexItems(schema, before);
  const afterItems = indexItems(schema, after);
  const items = itemSchema(schema);
  const elements = [
    ...beforeItems.keys(),
    ...[...afterItems.keys()].filter((element) => !beforeItems.has(element)),
  ];
  for (const element of elements) {
    const beforeList = beforeItems.get(element) ?? [];
    const afterList = afterItems.get(element) ?? [];
    const itemPath = [...path, element];
    if (beforeList.length <= 1 && afterList.length <= 1) {
      compareNode(comparison, itemPath, items, beforeList[0], afterList[0]);
    } else if (beforeList.length >= 2 && afterList.length >= 2) {
      if (!jsonValuesEqual(beforeList, afterList)) comparison.modified.insert(itemPath);
    } else if (beforeList.length >= 2) {
      if (afterList.length > 0) compareNode(comparison, itemPath, items, undefined, afterList[0]);
      comparison.removed.insert(itemPath);
    } else {
      if (beforeList.length > 0) compareNode(comparison, itemPath, items, beforeList[0], undefined);
      comparison.added.insert(itemPath);
    }
  }
}
