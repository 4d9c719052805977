import {
  type ProtobufField,
  type ProtobufMessage,
  protobufMessage,
  protobufMessages,
} from "./protobuf-schema.js";
import { ProtobufDecodeError, WireCursor, WireType } from "./protobuf-wire.js";

/**
 * A decoded message before it is rendered as JSON: field number → value. A scalar is a
 * `string`, `number`, `boolean` or `Uint8Array` (bytes); a nested message is another
 * `ProtobufFieldValues`; a repeated field an array; a map a `Map` by key. A `Time` or
 * `MicroTime` whose bytes were empty is `null` (Go's zero time).
 */
export type ProtobufFieldValues = Map<number, unknown>;

/**
 * The hand-marshalled messages and the envelope, with the Go field names gogo's errors
 * use. `Timestamp` is what `Time` and `MicroTime` travel as.
 */
const builtInMessages: ReadonlyMap<string, ProtobufMessage> = new Map(
  [
    protobufMessage("Timestamp", "1:seconds:int64: 2:nanos:int32:"),
    protobufMessage("Quantity", "1:string:string::String_"),
    protobufMessage("IntOrString", "1:type:int64: 2:intVal:int32: 3:strVal:string:"),
    protobufMessage("RawExtension", "1:raw:bytes:"),
    protobufMessage("FieldsV1", "1:Raw:bytes:"),
    protobufMessage("TypeMeta", "1:apiVersion:string::APIVersion 2:kind:string:"),
    protobufMessage(
      "Unknown",
      "1:typeMeta:TypeMeta::TypeMeta 2:raw:bytes: 3:contentEncoding:string: 4:contentType:string:",
    ),
  ].map((message) => [message.name, message]),
);

/** The message a field type names: a built-in (`Time` → `Timestamp`) or one of the table. */
export function protobufMessageNamed(name: string): ProtobufMessage {
  const builtIn = builtInMessages.get(name === "Time" || name === "MicroTime" ? "Timestamp" : name);
  const message = builtIn ?? protobufMessages().get(name);
  // The generator only writes types it resolved, so this is a broken table, not bad input.
  if (message === undefined) throw new Error(`protobuf message ${name} is not in the table`);
  return message;
}

const utf8 = new TextDecoder("utf-8");

/** Go's `string(bytes)` then JSON: invalid UTF-8 becomes U+FFFD. */
function readString(cursor: WireCursor): string {
  const end = cursor.readLengthEnd();
  const text = utf8.decode(cursor.buffer.subarray(cursor.position, end));
  cursor.position = end;
  return text;
}

function readBytes(cursor: WireCursor): Uint8Array {
  const end = cursor.readLengthEnd();
  const bytes = cursor.buffer.subarray(cursor.position, end);
  cursor.position = end;
  return bytes;
}

function isVarintType(type: string): boolean {
  return type === "int32" || type === "int64" || type === "bool";
}

/** The last varint read, as a value of `type` (Go's conversions: truncating, two's complement). */
function varintValue(cursor: WireCursor, type: string): number | boolean {
  if (type === "bool") return cursor.low !== 0 || cursor.high !== 0;
  return type === "int32" ? cursor.int32() : cursor.int64();
}

function wrongWireType(wireType: number, field: ProtobufField): ProtobufDecodeError {
  return new ProtobufDecodeError(`proto: wrong wireType = ${wireType} for field ${field.goName}`);
}

/**
 * Decodes a nested message from the cursor's next length-delimited bytes. `Time` and
 * `MicroTime` start afresh each time (Go's `Time.Unmarshal` replaces); other messages merge
 * into `into`, as gogo's generated code does when a field comes twice.
 */
function readMessage(
  cursor: WireCursor,
  type: string,
  into: ProtobufFieldValues | undefined,
  depth: number,
): ProtobufFieldValues | null {
  const end = cursor.readLengthEnd();
  const start = cursor.position;
  cursor.position = end;
  const isTime = type === "Time" || type === "MicroTime";
  if (isTime && end === start) return null;
  const values = (isTime ? undefined : into) ?? new Map<number, unknown>();
  decodeFieldsInto(new WireCursor(cursor.buffer, start, end), protobufMessageNamed(type), values, depth + 1);
  return values;
}

/** A map entry `{key = 1, value = 2}`; gogo reads the two without checking wire types. */
function readMapEntry(
  cursor: WireCursor,
  field: ProtobufField,
  entries: Map<string, unknown>,
  depth: number,
): void {
  const end = cursor.readLengthEnd();
  const entry = new WireCursor(cursor.buffer, cursor.position, end);
  cursor.position = end;
  let key = "";
  let value: unknown;
  while (entry.hasMore()) {
    const tagStart = entry.position;
    entry.readVarint();
    const fieldNumber = (entry.low >>> 3) | (entry.high << 29) | 0;
    if (fieldNumber === 1) key = readString(entry);
    else if (fieldNumber === 2) {
      if (isVarintType(field.type)) {
        entry.readVarint();
        value = varintValue(entry, field.type);
      } else if (field.type === "string") value = readString(entry);
      else if (field.type === "bytes") value = readBytes(entry);
      else value = readMessage(entry, field.type, undefined, depth);
    } else entry.skipField(tagStart);
  }
  entries.set(key, value);
}

/** Nesting deeper than any Kubernetes type goes (the table has no recursive message). */
const maxDepth = 100;

/**
 * Decodes the fields of one message from the cursor's range into `values`, as the
 * gogo-generated `Unmarshal` of that message does: unknown field numbers are skipped,
 * a known field with the wrong wire type, a truncated varint or a length past the end is
 * a {@link ProtobufDecodeError} with upstream's text.
 */
export function decodeFieldsInto(
  cursor: WireCursor,
  message: ProtobufMessage,
  values: ProtobufFieldValues,
  depth = 0,
): void {
  if (depth > maxDepth) throw new ProtobufDecodeError(`proto: ${message.name}: nesting too deep`);
  while (cursor.hasMore()) {
    const tagStart = cursor.position;
    cursor.readVarint();
    const fieldNumber = (cursor.low >>> 3) | (cursor.high << 29) | 0;
    const wireType = cursor.low & 7;
    if (wireType === WireType.endGroup) {
      throw new ProtobufDecodeError(`proto: ${message.name}: wiretype end group for non-group`);
    }
    if (fieldNumber <= 0) {
      throw new ProtobufDecodeError(
        `proto: ${message.name}: illegal tag ${fieldNumber} (wire type ${cursor.uint64Text()})`,
      );
    }
    const field = message.byNumber.get(fieldNumber);
    if (field === undefined) {
      cursor.skipField(tagStart);
      continue;
    }
    decodeField(cursor, field, wireType, values, depth);
  }
}

function decodeField(
  cursor: WireCursor,
  field: ProtobufField,
  wireType: number,
  values: ProtobufFieldValues,
  depth: number,
): void {
  const { number, type } = field;
  if (field.map) {
    if (wireType !== WireType.lengthDelimited) throw wrongWireType(wireType, field);
    let entries = values.get(number) as Map<string, unknown> | undefined;
    if (entries === undefined) {
      entries = new Map();
      values.set(number, entries);
    }
    readMapEntry(cursor, field, entries, depth);
    return;
  }
  if (isVarintType(type)) {
    if (wireType === WireType.varint) {
      cursor.readVarint();
      const value = varintValue(cursor, type);
      if (field.repeated) appendTo(values, number, [value]);
      else values.set(number, value);
      return;
    }
    if (field.repeated && wireType === WireType.lengthDelimited) {
      // Packed: one length, then varints back to back.
      const end = cursor.readLengthEnd();
      const packed = new WireCursor(cursor.buffer, cursor.position, end);
      cursor.position = end;
      const items: Array<number | boolean> = [];
      while (packed.hasMore()) {
        packed.readVarint();
        items.push(varintValue(packed, type));
      }
      appendTo(values, number, items);
      return;
    }
    throw wrongWireType(wireType, field);
  }
  if (wireType !== WireType.lengthDelimited) throw wrongWireType(wireType, field);
  let value: unknown;
  if (type === "string") value = readString(cursor);
  else if (type === "bytes") value = readBytes(cursor);
  else if (field.repeated) value = readMessage(cursor, type, undefined, depth);
  else {
    const previous = values.get(number) as ProtobufFieldValues | null | undefined;
    value = readMessage(cursor, type, previous ?? undefined, depth);
  }
  if (field.repeated) appendTo(values, number, [value]);
  else values.set(number, value);
}

function appendTo(values: ProtobufFieldValues, number: number, items: readonly unknown[]): void {
  let list = values.get(number) as unknown[] | undefined;
  if (list === undefined) {
    list = [];
    values.set(number, list);
  }
  // A loop, not push(...items): a packed field may hold millions of items.
  for (const item of items) list.push(item);
}
