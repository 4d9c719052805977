import { createBadRequestError } from "@kubesim/core";
import { goJsonKind } from "./go-text.js";
import { type JsonContainer, JsonPatchOperationError } from "./json-patch-document.js";
import { applyOperation } from "./json-patch-operations.js";
import { cloneJson, isJsonObject, type JsonObject, type JsonValue } from "./json-value.js";
import {
  createPatchRejectedError,
  createTooManyOperationsError,
  maxJsonPatchOperations,
} from "./patch-errors.js";

const stringFields = ["op", "path", "from"] as const;

/**
 * Applies a JSON patch (RFC 6902, `application/json-patch+json`): `add`, `remove`, `replace`,
 * `move`, `copy` and `test`, with JSON pointers (`~0`, `~1`, `-` for the end of an array).
 * Neither input is changed; the result shares no references with them, and a failing
 * operation leaves nothing half-applied.
 *
 * Semantics are those of the json-patch library the API server uses, including its
 * leniencies: `replace` of a missing object member adds it, `copy` from a missing member
 * copies `null`, negative array indexes count from the end.
 *
 * @throws StatusError 400 (BadRequest) when `operations` is not an array of operation objects
 *   or an `op`/`path`/`from` is not a string; 413 above 10,000 operations; 422 (Invalid,
 *   `the server rejected our request due to an error in our request`) when an operation
 *   cannot be applied or a `test` fails, with the library's reason as `cause`.
 *
 * @example
 * applyJsonPatch(ds, [{ op: "replace", path: "/metadata/labels/app", value: "web" }]);
 */
export function applyJsonPatch(original: unknown, operations: unknown): unknown {
  const decoded = decodeOperations(cloneJson(operations));
  const document = cloneJson(original);
  if (!Array.isArray(document) && !isJsonObject(document)) {
    throw createPatchRejectedError(
      `json: cannot unmarshal ${goJsonKind(document)} into Go value of type jsonpatch.partialDoc`,
    );
  }
  let root: JsonContainer = document;
  try {
    for (const operation of decoded) root = applyOperation(root, operation ?? {});
  } catch (error) {
    if (error instanceof JsonPatchOperationError) throw createPatchRejectedError(error.message);
    throw error;
  }
  return root;
}

function decodeOperations(operations: JsonValue): (JsonObject | null)[] {
  if (operations === null) return [];
  if (!Array.isArray(operations)) throw decodeError("Go value of type []handlers.jsonPatchOp", operations);
  const decoded: (JsonObject | null)[] = [];
  for (const operation of operations) {
    if (operation !== null && !isJsonObject(operation)) {
      throw decodeError("Go value of type handlers.jsonPatchOp", operation);
    }
    for (const field of operation === null ? [] : Object.keys(operation)) {
      const value = operation?.[field] ?? null;
      if (
        (stringFields as readonly string[]).includes(field) &&
        value !== null &&
        typeof value !== "string"
      ) {
        throw decodeError(`Go struct field jsonPatchOp.${field} of type string`, value);
      }
    }
    decoded.push(operation);
  }
  if (decoded.length > maxJsonPatchOperations) throw createTooManyOperationsError(decoded.length);
  return decoded;
}

function decodeError(target: string, value: JsonValue) {
  return createBadRequestError(
    `error decoding patch: json: cannot unmarshal ${goJsonKind(value)} into ${target}`,
  );
}
