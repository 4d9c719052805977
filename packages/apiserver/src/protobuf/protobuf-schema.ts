import { generatedProtobufMessages, generatedProtobufRoots } from "./generated-protobuf-schema.js";

/** What a field holds: a proto scalar, one of the hand-marshalled messages, or a table message. */
export type ProtobufScalarType = "string" | "bool" | "int32" | "int64" | "bytes";

/** Messages whose Go types write their own JSON (a string, a number, embedded JSON). */
export type ProtobufSpecialType =
  | "Time"
  | "MicroTime"
  | "FieldsV1"
  | "Quantity"
  | "IntOrString"
  | "RawExtension";

/** One field of a message, as the decoder needs it. */
export interface ProtobufField {
  readonly number: number;
  /** The JSON name; empty for an inline (embedded) struct. */
  readonly jsonName: string;
  /** The Go field name, which upstream's decoding errors show. */
  readonly goName: string;
  /** A scalar, a special type, or the name of another message of the table. */
  readonly type: string;
  readonly repeated: boolean;
  /** A map with string keys and `type` values. */
  readonly map: boolean;
  /** Go's `omitempty`. */
  readonly omitEmpty: boolean;
  /** The Go field is a pointer (absent → nil → `null` or left out). */
  readonly pointer: boolean;
  /** An embedded struct whose fields join the parent's JSON object. */
  readonly inline: boolean;
}

/** A message: its name (for errors), its fields in Go declaration order, and by number. */
export interface ProtobufMessage {
  readonly name: string;
  readonly fields: readonly ProtobufField[];
  readonly byNumber: ReadonlyMap<number, ProtobufField>;
}

const scalarTypes: ReadonlySet<string> = new Set(["string", "bool", "int32", "int64", "bytes"]);
const specialTypes: ReadonlySet<string> = new Set([
  "Time",
  "MicroTime",
  "FieldsV1",
  "Quantity",
  "IntOrString",
  "RawExtension",
]);

/** True for `string`, `bool`, `int32`, `int64`, `bytes`. */
export function isProtobufScalar(type: string): type is ProtobufScalarType {
  return scalarTypes.has(type);
}

/** True for the hand-marshalled messages (`Time`, `Quantity`, `IntOrString`, …). */
export function isProtobufSpecial(type: string): type is ProtobufSpecialType {
  return specialTypes.has(type);
}

function capitalize(name: string): string {
  return name === "" ? name : `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

function parseField(entry: string): ProtobufField {
  const [number = "", jsonName = "", type = "", flags = "", goName] = entry.split(":");
  return {
    number: Number(number),
    jsonName,
    goName: goName ?? capitalize(jsonName),
    type,
    repeated: flags.includes("r"),
    map: flags.includes("m"),
    omitEmpty: flags.includes("o"),
    pointer: flags.includes("p"),
    inline: flags.includes("i"),
  };
}

/** Builds a message from `number:jsonName:type:flags[:GoName]` entries (the generated table's format). */
export function protobufMessage(name: string, entries: string): ProtobufMessage {
  const fields = entries.split(" ").map(parseField);
  return { name, fields, byNumber: new Map(fields.map((field) => [field.number, field])) };
}

let messages: ReadonlyMap<string, ProtobufMessage> | undefined;

/** The message table, parsed on first use. */
export function protobufMessages(): ReadonlyMap<string, ProtobufMessage> {
  if (messages === undefined) {
    messages = new Map(
      Object.entries(generatedProtobufMessages).map(([name, entries]) => [
        name,
        protobufMessage(name, entries),
      ]),
    );
  }
  return messages;
}

/**
 * The message of a request body of `apiVersion` and `kind` (DeleteOptions in any
 * group-version), or `undefined` when the kind is not decodable.
 */
export function protobufRootMessage(apiVersion: string, kind: string): ProtobufMessage | undefined {
  const exact = `${apiVersion}/${kind}`;
  const anyVersion = `*/${kind}`;
  const name = Object.hasOwn(generatedProtobufRoots, exact)
    ? generatedProtobufRoots[exact]
    : Object.hasOwn(generatedProtobufRoots, anyVersion)
      ? generatedProtobufRoots[anyVersion]
      : undefined;
  return name === undefined ? undefined : protobufMessages().get(name);
}
