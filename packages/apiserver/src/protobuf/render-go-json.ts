import type { ProtobufFieldValues } from "./decode-protobuf-fields.js";
import {
  isProtobufScalar,
  isProtobufSpecial,
  type ProtobufField,
  type ProtobufMessage,
  protobufMessages,
} from "./protobuf-schema.js";
import { ProtobufDecodeError } from "./protobuf-wire.js";

/** `time.Time{}` is year 1, January 1st, 00:00:00 UTC: this many seconds before the Unix epoch. */
const goZeroTimeSeconds = -62135596800;
const nanosecondsPerSecond = 1_000_000_000;
const utf8 = new TextDecoder("utf-8");

/**
 * A `metav1.Time` (RFC 3339, whole seconds) or `metav1.MicroTime` (six fraction digits)
 * as Go writes it: the zero time is `null`. Go's `time.Unix` normalizes out-of-range nanos.
 */
export function goTimeJson(seconds: number, nanos: number, micro: boolean): string | null {
  let second = seconds;
  let nano = nanos;
  if (nano < 0 || nano >= nanosecondsPerSecond) {
    const carry = Math.trunc(nano / nanosecondsPerSecond);
    second += carry;
    nano -= carry * nanosecondsPerSecond;
    if (nano < 0) {
      nano += nanosecondsPerSecond;
      second--;
    }
  }
  if (second === goZeroTimeSeconds && nano === 0) return null;
  const date = new Date(second * 1000);
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 0 || year > 9999) {
    throw new ProtobufDecodeError("Time.MarshalJSON: year outside of range [0,9999]");
  }
  const whole = date.toISOString().slice(0, 19);
  if (!micro) return `${whole}Z`;
  return `${whole}.${String(Math.floor(nano / 1000)).padStart(6, "0")}Z`;
}

/** Embedded JSON (`RawExtension`, `FieldsV1`): Go writes the bytes as they are; nil is `null`. */
function embeddedJson(type: string, raw: unknown): unknown {
  if (!(raw instanceof Uint8Array)) return null;
  try {
    // JSON.parse makes `__proto__` an own property: untrusted keys cannot reach prototypes.
    return JSON.parse(utf8.decode(raw));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ProtobufDecodeError(`json: error calling MarshalJSON for type ${type}: ${detail}`);
  }
}

/** The JSON of a hand-marshalled message (`values` absent: its Go zero value). */
function specialJson(type: string, values: ProtobufFieldValues | null | undefined): unknown {
  switch (type) {
    case "Time":
    case "MicroTime":
      if (values === null || values === undefined) return null;
      return goTimeJson(
        (values.get(1) as number | undefined) ?? 0,
        (values.get(2) as number | undefined) ?? 0,
        type === "MicroTime",
      );
    case "Quantity":
      // Passed through as sent: the store parses and canonicalizes quantities as for JSON.
      return (values?.get(1) as string | undefined) ?? "0";
    case "IntOrString": {
      const kind = (values?.get(1) as number | undefined) ?? 0;
      if (kind === 0) return (values?.get(2) as number | undefined) ?? 0;
      if (kind === 1) return (values?.get(3) as string | undefined) ?? "";
      throw new ProtobufDecodeError("impossible IntOrString.Type");
    }
    case "RawExtension":
      return embeddedJson("*runtime.RawExtension", values?.get(1));
    default:
      return embeddedJson("*v1.FieldsV1", values?.get(1));
  }
}

function isZeroScalar(value: unknown): boolean {
  return value === "" || value === 0 || value === false;
}

function scalarJson(value: unknown): unknown {
  return value instanceof Uint8Array ? Buffer.from(value).toString("base64") : value;
}

/** The JSON of one value of `type` (`undefined`: its Go zero value, as a missing map value is). */
function valueJson(type: string, value: unknown): unknown {
  if (isProtobufScalar(type)) {
    if (value !== undefined) return scalarJson(value);
    return type === "string" ? "" : type === "bool" ? false : type === "bytes" ? null : 0;
  }
  if (isProtobufSpecial(type)) return specialJson(type, value as ProtobufFieldValues | null | undefined);
  return renderGoJson(messageOf(type), value as ProtobufFieldValues | undefined);
}

function messageOf(type: string): ProtobufMessage {
  const message = protobufMessages().get(type);
  if (message === undefined) throw new Error(`protobuf message ${type} is not in the table`);
  return message;
}

/** Sets an own property even for an untrusted key such as `__proto__`. */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function renderField(object: Record<string, unknown>, field: ProtobufField, value: unknown): void {
  const { jsonName, type } = field;
  if (field.inline) {
    Object.assign(object, renderGoJson(messageOf(type), value as ProtobufFieldValues | undefined));
    return;
  }
  if (field.map) {
    const entries = value as Map<string, unknown> | undefined;
    // gogo makes the map on its first entry: an empty one is Go's nil map.
    if (entries === undefined || entries.size === 0) {
      if (!field.omitEmpty) object[jsonName] = null;
      return;
    }
    const rendered: Record<string, unknown> = {};
    for (const key of [...entries.keys()].sort()) setOwn(rendered, key, valueJson(type, entries.get(key)));
    object[jsonName] = rendered;
    return;
  }
  if (field.repeated) {
    const items = value as unknown[] | undefined;
    if (items === undefined || items.length === 0) {
      if (!field.omitEmpty) object[jsonName] = null;
      return;
    }
    object[jsonName] = items.map((item) => valueJson(type, item));
    return;
  }
  if (value === undefined && (field.pointer || type === "bytes")) {
    // A nil pointer or a nil []byte.
    if (!field.omitEmpty) object[jsonName] = null;
    return;
  }
  if (isProtobufScalar(type) && !field.pointer && field.omitEmpty) {
    const zero =
      value === undefined || isZeroScalar(value) || (value instanceof Uint8Array && value.length === 0);
    if (zero) return;
  }
  // Structs are never left out by omitempty: a missing one is its zero value.
  object[jsonName] = valueJson(type, value);
}

/**
 * Renders decoded fields as Go's encoding/json writes the Go struct they decode into:
 * fields in declaration order, `omitempty` zero values and nil pointers left out, nil
 * slices, maps and pointers without `omitempty` as `null`, structs always present, map
 * keys sorted, bytes in base64, inline structs merged into the parent.
 */
export function renderGoJson(
  message: ProtobufMessage,
  values: ProtobufFieldValues | undefined,
): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const field of message.fields) renderField(object, field, values?.get(field.number));
  return object;
}
