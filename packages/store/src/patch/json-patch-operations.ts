import {
  addMember,
  findParent,
  getMember,
  type JsonContainer,
  JsonPatchOperationError,
  removeMember,
  setMember,
} from "./json-patch-document.js";
import { cloneJson, isJsonObject, type JsonObject, type JsonValue, jsonEqual } from "./json-value.js";

/*
 * The six JSON patch operations, with the failure texts of the json-patch library the API
 * server uses (they become the `cause` of its generic 422).
 */

function fail(message: string): never {
  throw new JsonPatchOperationError(message);
}

function stringMember(operation: JsonObject, name: "op" | "path" | "from"): string | undefined {
  const value = Object.hasOwn(operation, name) ? operation[name] : undefined;
  return typeof value === "string" ? value : undefined;
}

/** Runs `action`, turning its failure into the message `describe` builds from the reason. */
function attempt<T>(action: () => T, describe: (reason: string) => string): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof JsonPatchOperationError) fail(describe(error.message));
    throw error;
  }
}

/** Applies one operation to `root` (mutating it) and returns the possibly replaced root. */
export function applyOperation(root: JsonContainer, operation: JsonObject): JsonContainer {
  const kind = stringMember(operation, "op") ?? "unknown";
  const value = Object.hasOwn(operation, "value") ? (operation.value ?? null) : undefined;
  const path = stringMember(operation, "path");
  const missingPath = "operation missing path field: missing value";
  switch (kind) {
    case "add": {
      if (path === undefined) fail("add operation failed to decode path: missing value");
      const target =
        findParent(root, path) ??
        fail(`add operation does not apply: doc is missing path: "${path}": missing value`);
      attempt(
        () => addMember(target.container, target.key, value ?? null),
        (reason) => `error in add for path: '${path}': ${reason}`,
      );
      return root;
    }
    case "remove": {
      if (path === undefined) fail("remove operation failed to decode path: missing value");
      const target =
        findParent(root, path) ??
        fail(`remove operation does not apply: doc is missing path: "${path}": missing value`);
      attempt(
        () => removeMember(target.container, target.key),
        (reason) => `error in remove for path: '${path}': ${reason}`,
      );
      return root;
    }
    case "replace": {
      if (path === undefined) fail(`replace operation failed to decode path: ${missingPath}`);
      // The library replaces the whole document only with an object or array, and silently
      // ignores any other value.
      if (path === "") return Array.isArray(value) || isJsonObject(value) ? value : root;
      const target =
        findParent(root, path) ??
        fail(`replace operation does not apply: doc is missing path: ${path}: missing value`);
      attempt(
        () => getMember(target.container, target.key),
        () => `replace operation does not apply: doc is missing key: ${path}: missing value`,
      );
      // Upstream's message really says "remove" here.
      attempt(
        () => setMember(target.container, target.key, value ?? null),
        (reason) => `error in remove for path: '${path}': ${reason}`,
      );
      return root;
    }
    case "move":
      return moveOrCopy(root, operation, "move");
    case "copy":
      return moveOrCopy(root, operation, "copy");
    case "test": {
      if (path === undefined) fail(`test operation failed to decode path: ${missingPath}`);
      if (path === "") {
        if (value === undefined || !jsonEqual(root, value)) fail("testing value  failed: test failed");
        return root;
      }
      const target =
        findParent(root, path) ??
        fail(`test operation does not apply: is missing path: ${path}: missing value`);
      const actual = attempt(
        () => getMember(target.container, target.key),
        (reason) => `error in test for path: '${path}': ${reason}`,
      );
      const passed =
        actual === undefined || actual === null
          ? value === null
          : value !== undefined && jsonEqual(actual, value);
      if (!passed) fail(`testing value ${path} failed: test failed`);
      return root;
    }
    default:
      return fail(`Unexpected kind: ${kind}`);
  }
}

function moveOrCopy(root: JsonContainer, operation: JsonObject, kind: "move" | "copy"): JsonContainer {
  const from = stringMember(operation, "from");
  if (from === undefined)
    fail(`${kind} operation failed to decode from: operation, missing from field: missing value`);
  const source =
    findParent(root, from) ??
    fail(`${kind} operation does not apply: doc is missing from path: ${from}: missing value`);
  let value: JsonValue | undefined;
  if (kind === "move") {
    value = attempt(
      () => {
        const moved = getMember(source.container, source.key);
        removeMember(source.container, source.key);
        return moved;
      },
      (reason) => `error in move for path: '${source.key}': ${reason}`,
    );
  } else {
    const copied = attempt(
      () => getMember(source.container, source.key),
      (reason) => `error in copy for from: '${from}': ${reason}`,
    );
    value = cloneJson(copied ?? null);
  }
  const path = stringMember(operation, "path");
  if (path === undefined) {
    fail(
      kind === "move"
        ? "move operation failed to decode path: operation missing path field: missing value"
        : "copy operation failed to decode path: missing value",
    );
  }
  const target =
    findParent(root, path) ??
    fail(`${kind} operation does not apply: doc is missing destination path: ${path}: missing value`);
  const prefix =
    kind === "move" ? `error in move for path: '${path}'` : "error while adding value during copy";
  attempt(
    () => addMember(target.container, target.key, value ?? null),
    (reason) => `${prefix}: ${reason}`,
  );
  return root;
}
