import { type JsonObject, ownField } from "./json-object.js";

function isRecord(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Whether two JSON values would serialise to the same stored bytes: key order does not
 * matter, and an absent property equals an explicit `null` (Go decodes both as nil).
 * The store commits nothing when an update leaves the object equal by this measure.
 */
export function jsonEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (left === null || left === undefined) return right === null || right === undefined;
  if (typeof left !== "object" || typeof right !== "object" || right === null) return false;
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return false;
    for (let index = 0; index < left.length; index++) {
      if (!jsonEqual(left[index], right[index])) return false;
    }
    return true;
  }
  if (Array.isArray(right)) return false;
  const leftRecord = left as JsonObject;
  const rightRecord = right as JsonObject;
  for (const key of Object.keys(leftRecord)) {
    if (!jsonEqual(leftRecord[key], Object.hasOwn(rightRecord, key) ? rightRecord[key] : undefined)) {
      return false;
    }
  }
  for (const key of Object.keys(rightRecord)) {
    if (!Object.hasOwn(leftRecord, key) && !jsonEqual(undefined, rightRecord[key])) return false;
  }
  return true;
}

/**
 * The fields of each kind that are a `RawExtension` (any JSON, stored as the bytes sent):
 * upstream keeps their nulls and key order, where a typed field reads `null` as unset.
 */
const rawExtensionFields: ReadonlyMap<string, readonly string[]> = new Map([
  ["ControllerRevision", ["data"]],
]);

/**
 * Whether an update of a `kind` object leaves the stored bytes unchanged: {@link jsonEqual}
 * on the typed fields, and the same JSON text (nulls and key order included) for the
 * kind's `RawExtension` fields (ControllerRevision `data`), which upstream stores verbatim.
 */
export function storedObjectEqual(kind: string, left: JsonObject, right: JsonObject): boolean {
  if (!jsonEqual(left, right)) return false;
  for (const field of rawExtensionFields.get(kind) ?? []) {
    if (JSON.stringify(ownField(left, field)) !== JSON.stringify(ownField(right, field))) return false;
  }
  return true;
}

function isZero(value: unknown): boolean {
  if (value === undefined || value === null || value === "" || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) {
    for (const key of Object.keys(value)) if (!isZero(value[key])) return false;
    return true;
  }
  return false;
}

/**
 * Upstream's `apiequality.Semantic.DeepEqual` on decoded objects, approximated on JSON:
 * a field absent, `null` or holding its Go zero value (`""`, `0`, `false`, an empty list
 * or map) counts as unset. Used to decide whether a spec or template changed.
 */
export function semanticallyEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  const leftZero = isZero(left);
  const rightZero = isZero(right);
  if (leftZero || rightZero) return leftZero && rightZero;
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return false;
    for (let index = 0; index < left.length; index++) {
      if (!semanticallyEqual(left[index], right[index])) return false;
    }
    return true;
  }
  if (!isRecord(left) || !isRecord(right)) return false;
  for (const key of Object.keys(left)) {
    if (!semanticallyEqual(left[key], Object.hasOwn(right, key) ? right[key] : undefined)) return false;
  }
  for (const key of Object.keys(right)) {
    if (!Object.hasOwn(left, key) && !isZero(right[key])) return false;
  }
  return true;
}
