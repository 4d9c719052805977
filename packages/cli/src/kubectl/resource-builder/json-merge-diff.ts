import { isJsonObject, type JsonObject, jsonEqual, setOwn } from "./json-values.js";

/**
 * An RFC 7386 JSON merge patch turning `original` into `modified`, as kubectl's
 * `jsonpatch.CreateMergePatch` builds it for `label` and `annotate`: changed and added
 * keys carry the new value, removed keys `null`, nested objects are diffed.
 */
export function createMergePatch(original: JsonObject, modified: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const key of Object.keys(modified)) {
    const modifiedValue = modified[key];
    if (modifiedValue === undefined) continue;
    if (!Object.hasOwn(original, key)) {
      setOwn(patch, key, modifiedValue);
      continue;
    }
    const originalValue = original[key];
    if (isJsonObject(originalValue) && isJsonObject(modifiedValue)) {
      const nested = createMergePatch(originalValue, modifiedValue);
      if (Object.keys(nested).length > 0) setOwn(patch, key, nested);
    } else if (!jsonEqual(originalValue, modifiedValue)) {
      setOwn(patch, key, modifiedValue);
    }
  }
  for (const key of Object.keys(original)) {
    if (original[key] !== undefined && (!Object.hasOwn(modified, key) || modified[key] === undefined)) {
      setOwn(patch, key, null);
    }
  }
  return patch;
}
