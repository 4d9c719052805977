import { createBadRequestError } from "@kubesim/core";
import { goJsonKind } from "./go-text.js";
import { cloneJson, getOwn, isJsonObject, type JsonObject, type JsonValue, setOwn } from "./json-value.js";

/**
 * Applies a JSON merge patch (RFC 7386, `application/merge-patch+json`) and returns the
 * patched document. Neither input is changed and the result shares no references with them.
 *
 * Objects merge recursively, a `null` member deletes the key, and any other value (arrays
 * included) replaces what was there. As upstream's json-patch library does, `null` members
 * of objects inside a newly set value are dropped too.
 *
 * The API server only takes an object as a merge patch: it answers `null` with
 * `400 Invalid JSON Patch` and an array or scalar with a 400 decoding error, so this does too.
 * A non-object `original` is treated as `{}`.
 *
 * @throws StatusError (BadRequest) for a patch that is not a JSON object.
 *
 * @example
 * applyMergePatch(node, { metadata: { labels: { disktype: "ssd" } } });
 */
export function applyMergePatch(original: unknown, patch: unknown): unknown {
  if (patch === null) throw createBadRequestError("Invalid JSON Patch");
  const patchValue = cloneJson(patch);
  if (!isJsonObject(patchValue)) {
    throw createBadRequestError(
      `error decoding patch: json: cannot unmarshal ${goJsonKind(patchValue)} into Go value of type map[string]interface {}`,
    );
  }
  const target = cloneJson(original);
  return mergeObject(isJsonObject(target) ? target : {}, patchValue);
}

function mergeObject(target: JsonObject, patch: JsonObject): JsonObject {
  for (const key of Object.keys(patch)) {
    const value = patch[key] ?? null;
    if (value === null) {
      delete target[key];
      continue;
    }
    const current = getOwn(target, key);
    if (isJsonObject(current) && isJsonObject(value)) {
      setOwn(target, key, mergeObject(current, value));
    } else {
      setOwn(target, key, withoutNullMembers(value));
    }
  }
  return target;
}

function withoutNullMembers(value: JsonValue): JsonValue {
  if (Array.isArray(value)) {
    for (const item of value) withoutNullMembers(item);
  } else if (isJsonObject(value)) {
    for (const key of Object.keys(value)) {
      const member = value[key] ?? null;
      if (member === null) delete value[key];
      else withoutNullMembers(member);
    }
  }
  return value;
}
