import type { FieldSchema } from "./field-schema.js";
import { isRecord, own } from "./json-values.js";
import { keyElement, valueElement } from "./path-element.js";

/** A value that does not fit its schema (structured-merge-diff's validation error). */
export class FieldSchemaError extends Error {}

/**
 * The path element of one item of an associative list (`k:{…}` by its key fields, key
 * defaults filled in) or of a set (`v:<json>`), with structured-merge-diff's errors.
 *
 * @throws FieldSchemaError for items that cannot be keyed.
 */
export function listItemElement(schema: FieldSchema, item: unknown): string {
  if (schema.type === "setList") {
    if (item === null || item === undefined) {
      throw new FieldSchemaError("associative list without keys has an element that's an explicit null");
    }
    if (Array.isArray(item))
      throw new FieldSchemaError("not supported: associative list with lists as elements");
    if (isRecord(item))
      throw new FieldSchemaError("associative list without keys has an element that's a map type");
    return valueElement(item);
  }
  if (schema.type !== "associativeList")
    throw new FieldSchemaError("invalid indexing of non-associative list");
  if (item === null || item === undefined) {
    throw new FieldSchemaError("associative list with keys may not have a null element");
  }
  if (!isRecord(item)) throw new FieldSchemaError("associative list with keys may not have non-map elements");
  const fields: (readonly [string, unknown])[] = [];
  for (const key of schema.keys) {
    const value = own(item, key);
    if (value !== undefined) {
      fields.push([key, value]);
    } else if (schema.keyDefaults.has(key)) {
      fields.push([key, schema.keyDefaults.get(key)]);
    } else {
      throw new FieldSchemaError(
        `associative list with keys has an element that omits key field "${key}" (and doesn't have default value)`,
      );
    }
  }
  return keyElement(fields);
}

/** Whether a schema node is a list whose items are keyed (map or set), not atomic. */
export function isKeyedList(schema: FieldSchema): boolean {
  return schema.type === "associativeList" || schema.type === "setList";
}

/** The schema of a keyed list's items. */
export function itemSchema(schema: FieldSchema): FieldSchema {
  return schema.type === "associativeList" ? schema.items : { type: "atomic" };
}
