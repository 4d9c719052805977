/**
 * What `kubectl get -o json|yaml|name` prints: one object as is, several wrapped in a
 * `List`, managed fields dropped unless asked for, reduced to plain JSON data.
 */
import { KubesimError } from "../errors/index.js";
import { compareGoStrings } from "./go-strings.js";
import { asRecord, field } from "./object-fields.js";

/** Options shared by the object printers. */
export interface ObjectOutputOptions {
  /** `--show-managed-fields`: keep `metadata.managedFields` (kubectl drops them by default). */
  readonly showManagedFields?: boolean | undefined;
}

/** A JSON value after {@link toOutputDocument}: no `undefined`, no functions, no cycles. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The printable document, and facts the printers use to pick a fast path. */
export interface OutputDocument {
  readonly value: JsonValue;
  /**
   * True when some object has a key like `"7"`: JavaScript enumerates such keys first
   * whatever their insertion order, so key order cannot be left to `JSON.stringify`.
   */
  readonly hasIndexLikeKeys: boolean;
}

/**
 * The document kubectl prints for `input`: the object itself, or for an array (the answer
 * to a list request, even with one item) `{apiVersion: v1, kind: List, items, metadata:
 * {resourceVersion: ""}}`, as kubectl builds it. The result is plain JSON data (as
 * `JSON.stringify` sees the input), with lone surrogates replaced by U+FFFD and, when
 * `sortKeys` is set, object keys inserted in Go's sorted order.
 *
 * @throws KubesimError when the input is not an object or cannot be represented as JSON.
 */
export function toOutputDocument(
  input: object | readonly object[],
  options: ObjectOutputOptions = {},
  sortKeys = false,
): OutputDocument {
  const prepare = (object: unknown): unknown =>
    options.showManagedFields === true ? object : withoutManagedFields(object);
  const document = Array.isArray(input)
    ? { apiVersion: "v1", items: input.map(prepare), kind: "List", metadata: { resourceVersion: "" } }
    : prepare(input);
  if (asRecord(document) === undefined) {
    throw new KubesimError("Only objects and lists of objects can be printed.");
  }
  const state: NormalizeState = { ancestors: new Set(), sortKeys, hasIndexLikeKeys: false };
  const value = normalize(document, "", state) ?? null;
  return { value, hasIndexLikeKeys: state.hasIndexLikeKeys };
}

interface NormalizeState {
  readonly ancestors: Set<object>;
  readonly sortKeys: boolean;
  hasIndexLikeKeys: boolean;
}

const indexLikeKey = /^(?:0|[1-9]\d{0,9})$/;

/** `JSON.stringify` semantics: `undefined` means "omit", `toJSON` is honoured. */
function normalize(input: unknown, key: string, state: NormalizeState): JsonValue | undefined {
  let value = input;
  if (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON === "function"
  ) {
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  switch (typeof value) {
    case "string":
      return toWellFormed(value);
    case "number":
      return Number.isFinite(value) ? value : null;
    case "boolean":
      return value;
    case "object":
      break;
    case "bigint":
      throw notJson();
    default:
      return undefined;
  }
  if (value === null) return null;
  if (state.ancestors.has(value)) throw notJson();
  state.ancestors.add(value);
  try {
    if (Array.isArray(value))
      return value.map((item, index) => normalize(item, String(index), state) ?? null);
    const record = value as Readonly<Record<string, unknown>>;
    const keys = Object.keys(record);
    if (state.sortKeys) keys.sort(compareGoStrings);
    const result: { [key: string]: JsonValue } = {};
    for (const entryKey of keys) {
      const entry = normalize(record[entryKey], entryKey, state);
      if (entry === undefined) continue;
      if (entryKey === "__proto__") {
        Object.defineProperty(result, entryKey, {
          value: entry,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        result[entryKey] = entry;
      }
      if (indexLikeKey.test(entryKey) && Number(entryKey) < 2 ** 32 - 1) state.hasIndexLikeKeys = true;
    }
    return result;
  } finally {
    state.ancestors.delete(value);
  }
}

function notJson(): KubesimError {
  return new KubesimError("The object cannot be printed: it is not representable as JSON.");
}

function withoutManagedFields(object: unknown): unknown {
  const record = asRecord(object);
  const metadata = asRecord(field(record, "metadata"));
  if (record === undefined || metadata === undefined || !Object.hasOwn(metadata, "managedFields"))
    return object;
  const { managedFields: _dropped, ...rest } = metadata;
  return { ...record, metadata: rest };
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const surrogate = /[\ud800-\udfff]/;

/** Replaces lone surrogates by U+FFFD, as decoding them into Go strings does. */
export function toWellFormed(text: string): string {
  return surrogate.test(text) ? text.replace(loneSurrogate, "\ufffd") : text;
}
