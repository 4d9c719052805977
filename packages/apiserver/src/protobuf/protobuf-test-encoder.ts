/**
 * Test fixtures: a tiny protobuf encoder to build request bodies by hand.
 * (Only tests import this file; it is not part of the package's API.)
 */

/** Bytes of a field, or of several concatenated. */
export type Encoded = Uint8Array;

/** A varint of any 64-bit value; negative numbers in two's complement (10 bytes), as Go writes int32/int64. */
export function varint(value: number | bigint): Encoded {
  let rest = BigInt.asUintN(64, BigInt(value));
  const bytes: number[] = [];
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    bytes.push(rest === 0n ? low : low | 0x80);
  } while (rest !== 0n);
  return Uint8Array.from(bytes);
}

/** Concatenates encoded parts. */
export function concat(...parts: readonly Encoded[]): Encoded {
  return Uint8Array.from(Buffer.concat(parts));
}

/** A field tag: number and wire type. */
export function tag(number: number, wireType: number): Encoded {
  return varint((BigInt(number) << 3n) | BigInt(wireType));
}

/** A varint field (int32, int64, bool). */
export function int(number: number, value: number | bigint | boolean): Encoded {
  return concat(tag(number, 0), varint(typeof value === "boolean" ? (value ? 1 : 0) : value));
}

/** A length-delimited field holding raw bytes. */
export function bytes(number: number, value: Uint8Array): Encoded {
  return concat(tag(number, 2), varint(value.length), value);
}

/** A string field. */
export function string(number: number, value: string): Encoded {
  return bytes(number, Buffer.from(value, "utf8"));
}

/** An embedded message field made of the given fields. */
export function message(number: number, ...fields: readonly Encoded[]): Encoded {
  return bytes(number, concat(...fields));
}

/** One map entry `{key = 1, value = 2}` of a map field; `value` is the already encoded value field. */
export function mapEntry(number: number, key: string, value?: Encoded): Encoded {
  return message(number, string(1, key), ...(value === undefined ? [] : [value]));
}

/** One `map<string, string>` entry. */
export function stringEntry(number: number, key: string, value: string): Encoded {
  return mapEntry(number, key, string(2, value));
}

/** A `metav1.Time` / `MicroTime` field: `{seconds = 1, nanos = 2}`, empty for Go's zero time. */
export function time(number: number, seconds?: number, nanos?: number): Encoded {
  const fields = [];
  if (seconds !== undefined) fields.push(int(1, seconds));
  if (nanos !== undefined) fields.push(int(2, nanos));
  return message(number, ...fields);
}

/** A `resource.Quantity` field. */
export function quantity(number: number, value: string): Encoded {
  return message(number, string(1, value));
}

/** An `intstr.IntOrString` field holding a number. */
export function intOrNumber(number: number, value: number): Encoded {
  return message(number, int(1, 0), int(2, value), string(3, ""));
}

/** An `intstr.IntOrString` field holding a string. */
export function intOrText(number: number, value: string): Encoded {
  return message(number, int(1, 1), int(2, 0), string(3, value));
}

/** `k8s\0` + `runtime.Unknown{typeMeta{apiVersion, kind}, raw}`, as client-go writes a body. */
export function kubernetesBody(
  apiVersion: string,
  kind: string,
  ...objectFields: readonly Encoded[]
): Encoded {
  return concat(
    Uint8Array.from([0x6b, 0x38, 0x73, 0x00]),
    message(1, string(1, apiVersion), string(2, kind)),
    bytes(2, concat(...objectFields)),
    string(3, ""),
    string(4, ""),
  );
}

/** Hex text → bytes (fixtures captured from the real kubectl). */
export function fromHex(hex: string): Encoded {
  return Uint8Array.from(Buffer.from(hex, "hex"));
}
