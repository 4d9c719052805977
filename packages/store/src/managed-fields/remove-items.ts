import { childSchema, type FieldSchema } from "./field-schema.js";
import type { FieldSet } from "./field-set.js";
import { isRecord, type JsonRecord, setOwn } from "./json-values.js";
import { isKeyedList, itemSchema, listItemElement } from "./list-items.js";
import { fieldElement } from "./path-element.js";

/**
 * Removes the members of `set` from a value, each with everything under it
 * (structured-merge-diff's `RemoveItems`). A map or list left empty becomes `null`, as
 * upstream's walker leaves it. Returns a new value; the input is not changed.
 */
export function removeItems(value: unknown, set: FieldSet, schema: FieldSchema): unknown {
  if (set.isEmpty() || schema.type === "atomic") return value;
  if (isKeyedList(schema)) {
    if (!Array.isArray(value) || value.length === 0) return value;
    const items = itemSchema(schema);
    const kept: unknown[] = [];
    for (const item of value) {
      const element = listItemElement(schema, item);
      if (set.members.has(element)) continue;
      const below = set.child(element);
      kept.push(below === undefined ? item : removeItems(item, below, items));
    }
    return kept.length > 0 ? kept : null;
  }
  if (!isRecord(value) || Object.keys(value).length === 0) return value;
  const result: JsonRecord = {};
  for (const key of Object.keys(value)) {
    const element = fieldElement(key);
    if (set.members.has(element)) continue;
    const below = set.child(element);
    setOwn(
      result,
      key,
      below === undefined ? value[key] : removeItems(value[key], below, childSchema(schema, key)),
    );
  }
  return Object.keys(result).length > 0 ? result : null;
}

/**
 * structured-merge-diff's `EnsureNamedFieldsAreMembers`: every struct field that leads to
 * a path of the set becomes a member itself, so removing it removes the whole struct.
 */
export function ensureNamedFieldsAreMembers(set: FieldSet, schema: FieldSchema): FieldSet {
  const result = set.copy();
  addNamedMembers(result, schema);
  return result;
}

function addNamedMembers(set: FieldSet, schema: FieldSchema): void {
  for (const [element, child] of set.children) {
    let below: FieldSchema;
    if (element.startsWith("f:")) {
      if (schema.type === "struct") set.members.add(element);
      below = childSchema(schema, element.slice(2));
    } else {
      below = itemSchema(schema);
    }
    addNamedMembers(child, below);
  }
}
