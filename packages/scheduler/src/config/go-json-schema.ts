import { fieldPath } from "@kubesim/core";
import { GoDurationError, parseGoDurationNanoseconds } from "./go-duration.js";

/**
 * The Go type of a configuration field, enough to decode JSON the way Go's
 * `encoding/json` does (with Kubernetes' strict mode) and to word its errors alike.
 */
export type GoType =
  | { readonly kind: "string" | "bool" | "int32" | "int64" | "float32" | "duration" | "bytes" | "raw" }
  | {
      readonly kind: "struct";
      /** The qualified Go type, e.g. `v1.Plugins`. */
      readonly goName: string;
      /** The bare struct name errors cite, e.g. `Plugins`. */
      readonly structName: string;
      readonly fields: Readonly<Record<string, GoType>>;
    }
  | { readonly kind: "slice"; readonly goName: string; readonly element: GoType };

/** A JSON value Go could not decode into its field; the message is Go's. */
export class GoDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GoDecodeError";
  }
}

interface DecodeContext {
  /** Unknown fields found so far, as `unknown field "profiles[0].foo"` messages. */
  readonly unknownFields: string[];
}

interface Position {
  /** The field path with indexes, for unknown-field messages (`profiles[0].plugins`). */
  readonly path: string;
  /** JSON field names from the root, for type errors (`profiles.plugins`). */
  readonly fieldStack: readonly string[];
  /** The innermost struct being decoded, for type errors. */
  readonly structName: string | undefined;
}

/** How Go names the kind of a JSON value in decode errors (`string`, `number`, `bool`, `array`, `object`). */
export function goJsonKind(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "string") return "string";
  return "object";
}

function goTypeName(type: GoType): string {
  switch (type.kind) {
    case "struct":
    case "slice":
      return type.goName;
    case "duration":
      // metav1.Duration unmarshals through a string.
      return "string";
    case "bytes":
      return "[]uint8";
    case "raw":
      return "runtime.RawExtension";
    default:
      return type.kind;
  }
}

function typeError(valueKind: string, type: GoType, at: Position): GoDecodeError {
  const target = goTypeName(type);
  if (at.structName === undefined || at.fieldStack.length === 0) {
    return new GoDecodeError(`json: cannot unmarshal ${valueKind} into Go value of type ${target}`);
  }
  return new GoDecodeError(
    `json: cannot unmarshal ${valueKind} into Go struct field ${at.structName}.${at.fieldStack.join(".")} of type ${target}`,
  );
}

function integerInRange(value: number, bits: 32 | 64): boolean {
  if (!Number.isInteger(value)) return false;
  return bits === 32 ? value >= -(2 ** 31) && value < 2 ** 31 : Number.isSafeInteger(value);
}

/**
 * Decodes `value` as Go would decode it into `type`: `null` leaves the zero value
 * (`undefined` here), a wrong JSON type throws {@link GoDecodeError} with Go's message,
 * and unknown object fields are collected (Kubernetes' strict decoding) instead of
 * failing at once. Structs decode to null-prototype-free plain objects holding only the
 * fields present; durations decode to nanoseconds (`bigint`); `raw` keeps the JSON as is.
 */
export function decodeGoValue(value: unknown, type: GoType, at: Position, context: DecodeContext): unknown {
  if (value === null || value === undefined) return undefined;
  switch (type.kind) {
    case "raw":
      return value;
    case "string":
    case "bytes":
      if (typeof value !== "string") throw typeError(goJsonKind(value), type, at);
      return value;
    case "bool":
      if (typeof value !== "boolean") throw typeError(goJsonKind(value), type, at);
      return value;
    case "int32":
    case "int64":
      if (typeof value !== "number") throw typeError(goJsonKind(value), type, at);
      if (!integerInRange(value, type.kind === "int32" ? 32 : 64))
        throw typeError(`number ${value}`, type, at);
      return value;
    case "float32":
      if (typeof value !== "number") throw typeError(goJsonKind(value), type, at);
      return value;
    case "duration":
      if (typeof value !== "string") throw typeError(goJsonKind(value), type, at);
      try {
        return parseGoDurationNanoseconds(value);
      } catch (error) {
        if (error instanceof GoDurationError) throw new GoDecodeError(error.message);
        throw error;
      }
    case "slice": {
      if (!Array.isArray(value)) throw typeError(goJsonKind(value), type, at);
      return value.map((item, index) =>
        decodeGoValue(item, type.element, { ...at, path: fieldPath(at.path, index) }, context),
      );
    }
    case "struct": {
      if (typeof value !== "object" || Array.isArray(value)) throw typeError(goJsonKind(value), type, at);
      const source = value as Record<string, unknown>;
      const decoded: Record<string, unknown> = {};
      for (const key of Object.keys(source)) {
        const childPath = at.path === "" ? key : `${at.path}.${key}`;
        if (!Object.hasOwn(type.fields, key)) {
          context.unknownFields.push(`unknown field ${JSON.stringify(childPath)}`);
          continue;
        }
        const fieldType = type.fields[key] as GoType;
        const child = decodeGoValue(
          source[key],
          fieldType,
          { path: childPath, fieldStack: [...at.fieldStack, key], structName: type.structName },
          context,
        );
        if (child !== undefined) decoded[key] = child;
      }
      return decoded;
    }
  }
}

/** Where decoding of a top-level document starts. */
export const rootPosition: Position = Object.freeze({ path: "", fieldStack: [], structName: undefined });
