import { type FieldError, fieldErrors, fieldPath } from "../errors/index.js";

/**
 * Stands for a field whose JSON type was wrong. The type error is already reported, so
 * rules that need the field's value skip it instead of piling more errors on top.
 */
export const wrongType: unique symbol = Symbol.for("kubesim.validation.wrongType");

/** The type of {@link wrongType}. */
export type WrongType = typeof wrongType;

/** What a reader returns: the value, `undefined` when absent or `null`, or {@link wrongType}. */
export type ReadResult<T> = T | undefined | WrongType;

/**
 * The JSON type names used in type errors, as the API server's OpenAPI validation names
 * them, plus `integer or string` for int-or-string fields.
 */
export type JsonTypeName =
  | "string"
  | "integer"
  | "number"
  | "boolean"
  | "array"
  | "object"
  | "integer or string";

function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Builds the error for a value of the wrong JSON type. Built-in kinds have no upstream
 * field error for this (the Go decoder rejects the whole request), so the wording follows
 * the API server's OpenAPI schema validation: `spec.x: Invalid value: "string": spec.x in
 * body must be of type integer: "string"`.
 */
export function jsonTypeError(path: string, value: unknown, expected: JsonTypeName): FieldError {
  const actual = jsonTypeOf(value);
  return fieldErrors.typeInvalid(path, actual, `${path} in body must be of type ${expected}: "${actual}"`);
}

/**
 * Reads the fields of one untrusted JSON object. Every accessor checks the JSON type,
 * reports a type error at the field's path (once) and treats `null` as absent, as the Go
 * decoder does. Own properties only: `__proto__`, `constructor` and friends are plain keys.
 */
export class FieldReader {
  private constructor(
    private readonly fields: Readonly<Record<string, unknown>> | undefined,
    /** The path of the object itself, e.g. `spec.template`. */
    readonly path: string,
    private readonly errors: FieldError[] | undefined,
  ) {}

  /**
   * Wraps `value`. `undefined`/`null` give an empty reader whose {@link present} is
   * false; a non-object is reported and gives {@link wrongType}. Pass `errors` as
   * `undefined` to read without reporting.
   */
  static of(value: unknown, path: string, errors: FieldError[] | undefined): FieldReader | WrongType {
    if (value === undefined || value === null) return new FieldReader(undefined, path, errors);
    if (!isPlainRecord(value)) {
      errors?.push(jsonTypeError(path, value, "object"));
      return wrongType;
    }
    return new FieldReader(value, path, errors);
  }

  /** An empty reader, for a field that is absent. */
  static absent(path: string, errors: FieldError[] | undefined): FieldReader {
    return new FieldReader(undefined, path, errors);
  }

  /** True when the object was given (even `{}`); false when absent or `null`. */
  get present(): boolean {
    return this.fields !== undefined;
  }

  /** The raw value of a field (own properties only), `undefined` when absent. */
  raw(key: string): unknown {
    const fields = this.fields;
    if (fields === undefined || !Object.hasOwn(fields, key)) return undefined;
    return fields[key];
  }

  /** True when the field is present and not `null`. */
  has(key: string): boolean {
    const value = this.raw(key);
    return value !== undefined && value !== null;
  }

  /** The path of a field, e.g. `spec.template` + `spec` → `spec.template.spec`. */
  childPath(key: string): string {
    return fieldPath(this.path, key);
  }

  /** A string field. */
  string(key: string): ReadResult<string> {
    const value = this.raw(key);
    // The path is only built for an error.
    if (typeof value === "string") return value;
    return readString(value, value === undefined ? "" : this.childPath(key), this.errors);
  }

  /** An integer field (JSON numbers without a fraction). */
  integer(key: string): ReadResult<number> {
    const value = this.raw(key);
    if (typeof value === "number" && Number.isInteger(value)) return value;
    return readInteger(value, value === undefined ? "" : this.childPath(key), this.errors);
  }

  /** A boolean field. */
  boolean(key: string): ReadResult<boolean> {
    const value = this.raw(key);
    if (typeof value === "boolean") return value;
    return readBoolean(value, value === undefined ? "" : this.childPath(key), this.errors);
  }

  /** A nested object; absent gives an empty reader (Go's zero-value struct). */
  object(key: string): FieldReader | WrongType {
    return FieldReader.of(this.raw(key), this.childPath(key), this.errors);
  }

  /**
   * A list of objects. Each element is a reader (a `null` element is an empty object, as
   * Go decodes it) or {@link wrongType} when the element is not an object.
   */
  objects(key: string): ReadResult<ReadonlyArray<FieldReader | WrongType>> {
    return readObjects(this.raw(key), this.childPath(key), this.errors);
  }

  /** A list of strings; `null` elements read as `""`. Any other element spoils the list. */
  strings(key: string): ReadResult<readonly string[]> {
    return readStrings(this.raw(key), this.childPath(key), this.errors);
  }

  /**
   * A `map[string]string` such as labels: a null-prototype record, `undefined` when absent.
   * `null` values read as `""`; any other non-string value spoils the map.
   */
  stringMap(key: string): ReadResult<Readonly<Record<string, string>>> {
    return readStringMap(this.raw(key), this.childPath(key), this.errors);
  }

  /**
   * A map whose values are checked by the caller (e.g. resource lists): the own keys and
   * raw values, `undefined` when absent.
   */
  entries(key: string): ReadResult<ReadonlyArray<readonly [string, unknown]>> {
    return readEntries(this.raw(key), this.childPath(key), this.errors);
  }
}

/** Reads a string that sits at `path`; see {@link FieldReader.string}. */
export function readString(
  value: unknown,
  path: string,
  errors: FieldError[] | undefined,
): ReadResult<string> {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  errors?.push(jsonTypeError(path, value, "string"));
  return wrongType;
}

/** Reads an integer that sits at `path`; see {@link FieldReader.integer}. */
export function readInteger(
  value: unknown,
  path: string,
  errors: FieldError[] | undefined,
): ReadResult<number> {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number" && Number.isInteger(value)) return value;
  errors?.push(jsonTypeError(path, value, "integer"));
  return wrongType;
}

/** Reads a boolean that sits at `path`; see {@link FieldReader.boolean}. */
export function readBoolean(
  value: unknown,
  path: string,
  errors: FieldError[] | undefined,
): ReadResult<boolean> {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "boolean") return value;
  errors?.push(jsonTypeError(path, value, "boolean"));
  return wrongType;
}

/** Reads a list of objects that sits at `path`; see {@link FieldReader.objects}. */
export function readObjects(
  value: unknown,
  path: string,
  errors: FieldError[] | undefined,
): ReadResult<ReadonlyArray<FieldReader | WrongType>> {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    errors?.push(jsonTypeError(path, value, "array"));
    return wrongType;
  }
  return value.map((element, index) => FieldReader.of(element, fieldPath(path, index), errors));
}

/** Reads a list of strings that sits at `path`; see {@link FieldReader.strings}. */
export function readStrings(
  value: unknown,
  path: string,
  errors: FieldError[] | undefined,
): ReadResult<readonly string[]> {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    errors?.push(jsonTypeError(path, value, "array"));
    return wrongType;
  }
  const result: string[] = [];
  let spoiled = false;
  value.forEach((element, index) => {
    if (element === null || element === undefined) result.push("");
    else if (typeof element === "string") result.push(element);
    else {
      errors?.push(jsonTypeError(fieldPath(path, index), element, "string"));
      spoiled = true;
    }
  });
  return spoiled ? wrongType : result;
}

/** Reads a string map that sits at `path`; see {@link FieldReader.stringMap}. */
export function readStringMap(
  value: unknown,
  path: string,
  errors: FieldError[] | undefined,
): ReadResult<Readonly<Record<string, string>>> {
  if (value === undefined || value === null) return undefined;
  if (!isPlainRecord(value)) {
    errors?.push(jsonTypeError(path, value, "object"));
    return wrongType;
  }
  const result: Record<string, string> = Object.create(null);
  let spoiled = false;
  for (const key of Object.keys(value)) {
    const entry = value[key];
    if (entry === null || entry === undefined) result[key] = "";
    else if (typeof entry === "string") result[key] = entry;
    else {
      errors?.push(jsonTypeError(fieldPath(path, [key]), entry, "string"));
      spoiled = true;
    }
  }
  return spoiled ? wrongType : result;
}

/** Reads the own entries of a map that sits at `path`; see {@link FieldReader.entries}. */
export function readEntries(
  value: unknown,
  path: string,
  errors: FieldError[] | undefined,
): ReadResult<ReadonlyArray<readonly [string, unknown]>> {
  if (value === undefined || value === null) return undefined;
  if (!isPlainRecord(value)) {
    errors?.push(jsonTypeError(path, value, "object"));
    return wrongType;
  }
  return Object.keys(value).map((key) => [key, value[key]] as const);
}

/** The entries of a map sorted by key, standing in for Go's random map order with a stable one. */
export function sortedEntries<T>(
  entries: ReadonlyArray<readonly [string, T]>,
): ReadonlyArray<readonly [string, T]> {
  for (let index = 1; index < entries.length; index++) {
    if ((entries[index - 1] as readonly [string, T])[0] > (entries[index] as readonly [string, T])[0]) {
      return [...entries].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    }
  }
  // Already in order (maps are usually written sorted): no copy needed.
  return entries;
}

/** Keys of a string map in Go's deterministic order (sorted), for stable error order. */
export function sortedKeys(map: Readonly<Record<string, string>> | undefined): string[] {
  if (map === undefined) return [];
  const keys = Object.keys(map);
  for (let index = 1; index < keys.length; index++) {
    if ((keys[index - 1] as string) > (keys[index] as string)) return keys.sort();
  }
  return keys;
}

/** Number of bytes of `text` in UTF-8, which is what Go's `len()` counts. */
export function utf8Length(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length += 4;
        index++;
      } else length += 3;
    } else length += 3;
  }
  return length;
}
