import { goQuote } from "@kubesim/core";
import { getOwn, isJsonObject, type JsonObject, type JsonValue, setOwn } from "./json-value.js";

/*
 * The document model of JSON patch: containers addressed by JSON pointers (RFC 6901). It
 * follows upstream's json-patch library (evanphx/json-patch v4, which the API server uses),
 * including its leniencies: negative array indexes count from the end, a missing object
 * member reads as null, and a pointer without a leading "/" addresses the root.
 */

/** A failed operation; the text mirrors the json-patch library's. */
export class JsonPatchOperationError extends Error {
  override name = "JsonPatchOperationError";
}

/** An object or array that a pointer's parent resolves to. */
export type JsonContainer = JsonObject | JsonValue[];

/** The parent container of a pointer and the decoded last token. */
export interface PointerTarget {
  readonly container: JsonContainer;
  readonly key: string;
}

const escapedToken = /~[01]/g;

function decodeToken(token: string): string {
  return token.includes("~") ? token.replace(escapedToken, (match) => (match === "~1" ? "/" : "~")) : token;
}

/** The parent of `pointer` in `root`, or `undefined` when some ancestor is missing. */
export function findParent(root: JsonContainer, pointer: string): PointerTarget | undefined {
  const tokens = pointer.split("/");
  if (tokens.length < 2) return undefined;
  let container: JsonContainer = root;
  for (let index = 1; index < tokens.length - 1; index++) {
    let next: JsonValue | undefined;
    try {
      next = getMember(container, decodeToken(tokens[index] ?? ""));
    } catch {
      return undefined;
    }
    if (!Array.isArray(next) && !isJsonObject(next)) return undefined;
    container = next;
  }
  return { container, key: decodeToken(tokens[tokens.length - 1] ?? "") };
}

function parseIndex(key: string): number {
  if (!/^[+-]?[0-9]+$/.test(key)) {
    throw new JsonPatchOperationError(`strconv.Atoi: parsing ${goQuote(key)}: invalid syntax`);
  }
  return Number(key);
}

function invalidIndex(index: number): JsonPatchOperationError {
  return new JsonPatchOperationError(`Unable to access invalid index: ${index}: invalid index referenced`);
}

/** The member at `key`; `undefined` for a missing object member, an error for a bad index. */
export function getMember(container: JsonContainer, key: string): JsonValue | undefined {
  if (!Array.isArray(container)) return getOwn(container, key);
  let index = parseIndex(key);
  if (index < 0) {
    if (index < -container.length) throw invalidIndex(index);
    index += container.length;
  }
  if (index >= container.length) throw invalidIndex(index);
  return container[index];
}

/** Adds `value` at `key`: sets an object member, or inserts into an array (`-` appends). */
export function addMember(container: JsonContainer, key: string, value: JsonValue): void {
  if (!Array.isArray(container)) {
    setOwn(container, key, value);
    return;
  }
  if (key === "-") {
    container.push(value);
    return;
  }
  let index: number;
  try {
    index = parseIndex(key);
  } catch (error) {
    throw new JsonPatchOperationError(
      `value was not a proper array index: '${key}': ${(error as Error).message}`,
    );
  }
  const size = container.length + 1;
  if (index >= size) throw invalidIndex(index);
  if (index < 0) {
    if (index < -size) throw invalidIndex(index);
    index += size;
  }
  container.splice(index, 0, value);
}

/** Replaces the existing member at `key` (the caller has read it first). */
export function setMember(container: JsonContainer, key: string, value: JsonValue): void {
  if (!Array.isArray(container)) {
    setOwn(container, key, value);
    return;
  }
  let index = parseIndex(key);
  if (index < 0) {
    if (index < -container.length) throw invalidIndex(index);
    index += container.length;
  }
  container[index] = value;
}

/** Removes the member at `key`; an error when it does not exist. */
export function removeMember(container: JsonContainer, key: string): void {
  if (!Array.isArray(container)) {
    if (!Object.hasOwn(container, key)) {
      throw new JsonPatchOperationError(`Unable to remove nonexistent key: ${key}: missing value`);
    }
    delete container[key];
    return;
  }
  let index = parseIndex(key);
  if (index >= container.length) throw invalidIndex(index);
  if (index < 0) {
    if (index < -container.length) throw invalidIndex(index);
    index += container.length;
  }
  container.splice(index, 1);
}
