/**
 * How the v1.32 API server sees a free-form `runtime.RawExtension` field such as a
 * ControllerRevision's `data`. The server keeps the JSON bytes the client sent and, in the
 * internal type, wraps them in a `*runtime.Unknown`; field errors print that struct with
 * Go's `%#v` (its `String()` method has a pointer receiver, so it is not used), bytes and all.
 * We hold the decoded value, not the bytes, so the bytes are re-encoded the way Go's
 * encoding/json writes them (compact, key order kept, `<`, `>`, `&`, U+2028 and U+2029
 * escaped): exactly what kubectl and Go controllers send.
 *
 * Both walks below use an explicit stack: the value comes from an untrusted manifest and may
 * nest deeper than the call stack allows.
 */
import { GoValue } from "../errors/index.js";

/** The content type the API server gives every decoded `runtime.Unknown` (upstream's conversion). */
const unknownContentType = "application/json";

/** `0x0` … `0xff`: Go's `%#v` prints each byte of a `[]uint8` as hex without padding. */
const goByteTexts: readonly string[] = Array.from({ length: 256 }, (_, byte) => `0x${byte.toString(16)}`);

const utf8 = new TextEncoder();

/** True for what JSON cannot hold and JSON.stringify drops from objects. */
function isUnencodable(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The keys of an object whose values JSON keeps, in the object's order. */
function encodableKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((key) => !isUnencodable(record[key]));
}

/** Go's `\u00XX` escape, lower-case hex as encoding/json writes it. */
function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, "0")}`;
}

function escapeOf(code: number): string | undefined {
  switch (code) {
    case 0x22:
      return '\\"';
    case 0x5c:
      return "\\\\";
    case 0x08:
      return "\\b";
    case 0x0c:
      return "\\f";
    case 0x0a:
      return "\\n";
    case 0x0d:
      return "\\r";
    case 0x09:
      return "\\t";
    case 0x3c:
    case 0x3e:
    case 0x26:
    case 0x2028:
    case 0x2029:
      return unicodeEscape(code);
    default:
      return code < 0x20 ? unicodeEscape(code) : undefined;
  }
}

/** A JSON string as Go's encoding/json (Go 1.22+, HTML escaping on) writes it. */
function goJsonString(text: string): string {
  let out = '"';
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    let replacement = escapeOf(code);
    if (replacement === undefined && code >= 0xd800 && code <= 0xdfff) {
      const next = index + 1 < text.length ? text.charCodeAt(index + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        index++;
        continue;
      }
      // A lone surrogate is not valid UTF-8: Go writes the replacement character.
      replacement = "\\ufffd";
    }
    if (replacement === undefined) continue;
    out += text.slice(start, index) + replacement;
    start = index + 1;
  }
  return `${out}${text.slice(start)}"`;
}

function goJsonScalar(value: unknown): string {
  switch (typeof value) {
    case "string":
      return goJsonString(value);
    case "number":
      // JavaScript and Go agree on the shortest round-trip digits and on when to switch
      // to exponents (below 1e-6, from 1e21 on); JSON has no NaN or Infinity.
      return Number.isFinite(value) ? JSON.stringify(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return value.toString();
    default:
      return "null";
  }
}

/** A literal piece of output, or a value still to encode. */
type EncodeStep = string | { readonly value: unknown };

/**
 * Encodes a decoded JSON value as compact JSON the way Go's encoding/json does: object keys
 * in the object's order, `undefined` members dropped (and `null` in lists), strings escaped
 * as Go escapes them. Never throws, however deep the value.
 *
 * @example
 * goJsonText({ b: "<x>", a: [1, 2.5] }) // => '{"b":"\\u003cx\\u003e","a":[1,2.5]}'
 */
export function goJsonText(value: unknown): string {
  let out = "";
  const steps: EncodeStep[] = [{ value }];
  for (let step = steps.pop(); step !== undefined; step = steps.pop()) {
    if (typeof step === "string") {
      out += step;
      continue;
    }
    const current = step.value;
    if (Array.isArray(current)) {
      out += "[";
      steps.push("]");
      for (let index = current.length - 1; index >= 0; index--) {
        const item: unknown = current[index];
        steps.push({ value: isUnencodable(item) ? null : item });
        if (index > 0) steps.push(",");
      }
    } else if (isRecord(current)) {
      const keys = encodableKeys(current);
      out += "{";
      steps.push("}");
      for (let index = keys.length - 1; index >= 0; index--) {
        const key = keys[index] as string;
        steps.push({ value: current[key] }, `${goJsonString(key)}:`);
        if (index > 0) steps.push(",");
      }
    } else {
      out += goJsonScalar(current);
    }
  }
  return out;
}

/**
 * The bad value upstream prints for a RawExtension field holding `value`: Go's `%#v` of the
 * `runtime.Unknown` that wraps its JSON bytes, e.g.
 * `runtime.Unknown{TypeMeta:runtime.TypeMeta{APIVersion:"", Kind:""}, Raw:[]uint8{0x7b, 0x7d}, ContentEncoding:"", ContentType:"application/json"}`
 * for `{}`. An absent (`undefined` or `null`) value is a nil interface, which upstream
 * prints as the quoted string `"null"`.
 */
export function goRawExtension(value: unknown): GoValue {
  if (value === undefined || value === null) return new GoValue('"null"', null);
  const bytes = utf8.encode(goJsonText(value));
  const texts = new Array<string>(bytes.length);
  for (let index = 0; index < bytes.length; index++)
    texts[index] = goByteTexts[bytes[index] as number] as string;
  return new GoValue(
    `runtime.Unknown{TypeMeta:runtime.TypeMeta{APIVersion:"", Kind:""}, Raw:[]uint8{${texts.join(", ")}}, ContentEncoding:"", ContentType:"${unknownContentType}"}`,
    value,
  );
}

/**
 * True when two decoded RawExtension payloads are the same JSON value: objects with the same
 * members in any order (an `undefined` member counts as absent, `null` does not), lists with
 * equal items in the same order, equal scalars. Upstream compares the stored bytes; we hold
 * decoded values, so two encodings of one JSON value (key order, spacing, escapes, `1.0`
 * and `1`) count as equal here. `undefined` and `null` at the top are both "no payload".
 * Never throws, however deep the values.
 */
export function rawExtensionsEqual(left: unknown, right: unknown): boolean {
  const pending: unknown[] = [left ?? null, right ?? null];
  while (pending.length > 0) {
    const second = pending.pop();
    const first = pending.pop();
    if (first === second) continue;
    if (Array.isArray(first)) {
      if (!Array.isArray(second) || first.length !== second.length) return false;
      for (let index = 0; index < first.length; index++) {
        pending.push(isUnencodable(first[index]) ? null : first[index]);
        pending.push(isUnencodable(second[index]) ? null : second[index]);
      }
      continue;
    }
    if (!isRecord(first) || !isRecord(second)) return false;
    const keys = encodableKeys(first);
    if (keys.length !== encodableKeys(second).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(second, key) || isUnencodable(second[key])) return false;
      pending.push(first[key], second[key]);
    }
  }
  return true;
}
