import { childSchema, type FieldSchema } from "./field-schema.js";
import { copyJson, isEmptyValue, isRecord, type JsonRecord, own, setOwn } from "./json-values.js";
import { FieldSchemaError, isKeyedList, itemSchema, listItemElement } from "./list-items.js";

/**
 * Merges an applied configuration into the live object (structured-merge-diff's `Merge`
 * with "keep the right-hand side"): maps and structs merge field by field, keyed lists
 * item by item (the applied order wins for applied items, live-only items keep their
 * place), and every leaf (scalar, atomic value, empty map or list) takes the applied value
 * when there is one. Returns a new value (undefined when both are absent).
 *
 * @throws FieldSchemaError for list items that cannot be keyed or are applied twice.
 */
export function mergeValues(live: unknown, applied: unknown, schema: FieldSchema): unknown {
  if (live === undefined && applied === undefined) return undefined;
  if (schema.type === "atomic") return leaf(live, applied);
  if (isKeyedList(schema)) {
    const liveList = live === undefined || live === null || Array.isArray(live);
    const appliedList = applied === undefined || applied === null || Array.isArray(applied);
    if (!liveList || !appliedList || (isEmptyValue(live) && isEmptyValue(applied)))
      return leaf(live, applied);
    return mergeItems(schema, Array.isArray(live) ? live : [], Array.isArray(applied) ? applied : []);
  }
  const liveMap = live === undefined || live === null || isRecord(live);
  const appliedMap = applied === undefined || applied === null || isRecord(applied);
  if (!liveMap || !appliedMap || (isEmptyValue(live) && isEmptyValue(applied))) return leaf(live, applied);
  const liveRecord: JsonRecord = isRecord(live) ? live : {};
  const appliedRecord: JsonRecord = isRecord(applied) ? applied : {};
  const result: JsonRecord = {};
  for (const key of Object.keys(liveRecord)) {
    const merged = mergeValues(liveRecord[key], own(appliedRecord, key), childSchema(schema, key));
    if (merged !== undefined) setOwn(result, key, merged);
  }
  for (const key of Object.keys(appliedRecord)) {
    if (Object.hasOwn(liveRecord, key)) continue;
    const merged = mergeValues(undefined, appliedRecord[key], childSchema(schema, key));
    if (merged !== undefined) setOwn(result, key, merged);
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

function leaf(live: unknown, applied: unknown): unknown {
  return copyJson(applied !== undefined ? applied : live);
}

interface IndexedItems {
  readonly elements: string[];
  readonly values: Map<string, unknown>;
}

function indexItems(schema: FieldSchema, list: readonly unknown[], allowDuplicates: boolean): IndexedItems {
  const elements: string[] = [];
  const values = new Map<string, unknown>();
  for (const item of list) {
    const element = listItemElement(schema, item);
    if (values.has(element)) {
      if (!allowDuplicates) throw new FieldSchemaError(`duplicate entries for key ${element}`);
      values.set(element, null);
    } else {
      values.set(element, item);
    }
    elements.push(element);
  }
  return { elements, values };
}

function mergeItems(schema: FieldSchema, live: readonly unknown[], applied: readonly unknown[]): unknown {
  const items = itemSchema(schema);
  const right = indexItems(schema, applied, false);
  const left = indexItems(schema, live, true);
  const shared = right.elements.filter((element) => left.values.has(element));
  let nextShared = shared.shift();
  const mergedRight = new Set<string>();
  const out: unknown[] = [];
  const push = (value: unknown) => {
    if (value !== undefined) out.push(value);
  };
  let leftIndex = 0;
  let rightIndex = 0;
  while (leftIndex < left.elements.length || rightIndex < right.elements.length) {
    if (leftIndex < left.elements.length && rightIndex < right.elements.length) {
      const element = left.elements[leftIndex] as string;
      if (element === right.elements[rightIndex]) {
        mergedRight.add(element);
        push(mergeValues(left.values.get(element), right.values.get(element), items));
        leftIndex++;
        rightIndex++;
        nextShared = shared.shift();
        continue;
      }
      if (right.values.has(element) && nextShared !== undefined && nextShared !== element) {
        leftIndex++;
        continue;
      }
    }
    if (leftIndex < left.elements.length) {
      const element = left.elements[leftIndex] as string;
      if (!right.values.has(element)) {
        push(mergeValues(live[leftIndex], undefined, items));
        leftIndex++;
        continue;
      }
      if (mergedRight.has(element)) leftIndex++;
    }
    if (rightIndex < right.elements.length) {
      const element = right.elements[rightIndex] as string;
      mergedRight.add(element);
      push(mergeValues(left.values.get(element), right.values.get(element), items));
      rightIndex++;
      if (nextShared === element) nextShared = shared.shift();
    }
  }
  return out.length > 0 ? out : undefined;
}
