/** A JSON object: a plain record of unknown values. */
export type JsonObject = Record<string, unknown>;

/** True for a non-null, non-array object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An own property of an object, never an inherited one such as `constructor`. */
export function ownField(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** An own string property, or `""` when absent or of another type (Go's zero string). */
export function stringField(object: JsonObject | undefined, key: string): string {
  if (object === undefined) return "";
  const value = ownField(object, key);
  return typeof value === "string" ? value : "";
}

/** An own object property, or `undefined` when absent or of another type. */
export function objectField(object: JsonObject | undefined, key: string): JsonObject | undefined {
  if (object === undefined) return undefined;
  const value = ownField(object, key);
  return isJsonObject(value) ? value : undefined;
}

/** Sets a property as plain data, so that a `__proto__` key never reaches the prototype. */
export function setField(object: JsonObject, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    object[key] = value;
  }
}

/** The object's `metadata`, created empty when absent (callers have checked its type). */
export function ensureMetadata(object: JsonObject): JsonObject {
  const metadata = objectField(object, "metadata");
  if (metadata !== undefined) return metadata;
  const created: JsonObject = {};
  object.metadata = created;
  return created;
}

/** The object's `metadata`, or `undefined`. */
export function metadataOf(object: JsonObject): JsonObject | undefined {
  return objectField(object, "metadata");
}

/** The string entries of a map field such as `metadata.labels` (others are skipped). */
export function stringMapField(
  object: JsonObject | undefined,
  key: string,
): Record<string, string> | undefined {
  const map = objectField(object, key);
  if (map === undefined) return undefined;
  for (const entry of Object.keys(map)) {
    if (typeof map[entry] !== "string") {
      const strings: Record<string, string> = Object.create(null);
      for (const name of Object.keys(map)) {
        const value = map[name];
        if (typeof value === "string") strings[name] = value;
      }
      return strings;
    }
  }
  return map as Record<string, string>;
}

/** The string items of a list field such as `metadata.finalizers`. */
export function stringListField(object: JsonObject | undefined, key: string): string[] {
  if (object === undefined) return [];
  const value = ownField(object, key);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
