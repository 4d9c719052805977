import { childSchema, type FieldSchema } from "./field-schema.js";
import { FieldSet } from "./field-set.js";
import { isRecord } from "./json-values.js";
import { isKeyedList, itemSchema, listItemElement } from "./list-items.js";
import { fieldElement } from "./path-element.js";

/**
 * The fields a value sets (structured-merge-diff's `ToFieldSet`): every scalar, atomic
 * value and keyed list item, plus every map entry that is `null`, empty, or a map key
 * rather than a struct field. Items that appear twice in a keyed list are owned as one
 * path and not descended into.
 *
 * @throws FieldSchemaError for list items that cannot be keyed.
 */
export function toFieldSet(value: unknown, schema: FieldSchema): FieldSet {
  const set = new FieldSet();
  walk(set, [], schema, value);
  return set;
}

function walk(set: FieldSet, path: string[], schema: FieldSchema, value: unknown): void {
  if (value === undefined) return;
  if (schema.type === "atomic") {
    set.insert(path);
    return;
  }
  if (isKeyedList(schema)) {
    if (Array.isArray(value)) walkItems(set, path, schema, value);
    return;
  }
  if (Array.isArray(value) || !isRecord(value)) {
    // Scalars, and lists without a list type (atomic).
    if (value !== null) set.insert(path);
    return;
  }
  for (const key of Object.keys(value)) {
    const child = value[key];
    const childPath = [...path, fieldElement(key)];
    walk(set, childPath, childSchema(schema, key), child);
    if (child === null || (isRecord(child) && Object.keys(child).length === 0) || schema.type === "map") {
      set.insert(childPath);
    }
  }
}

function walkItems(set: FieldSet, path: string[], schema: FieldSchema, items: readonly unknown[]): void {
  const elements = items.map((item) => listItemElement(schema, item));
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const element of elements) {
    if (seen.has(element)) duplicates.add(element);
    seen.add(element);
  }
  for (const element of duplicates) set.insert([...path, element]);
  const items2 = itemSchema(schema);
  elements.forEach((element, index) => {
    if (duplicates.has(element)) return;
    const itemPath = [...path, element];
    walk(set, itemPath, items2, items[index]);
    set.insert(itemPath);
  });
}
