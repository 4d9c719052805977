/** `kubectl get -o json`: Go's `json.MarshalIndent(object, "", "    ")` plus a newline. */
import { compareGoStrings } from "./go-strings.js";
import {
  type JsonValue,
  type ObjectOutputOptions,
  toOutputDocument,
  toWellFormed,
} from "./output-document.js";

const htmlCharacters = /[<>&\u2028\u2029]/g;
const goEscapes: Readonly<Record<string, string>> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

const anyHtmlCharacter = /[<>&\u2028\u2029]/;

/**
 * JSON text (as `JSON.stringify` writes it) with the characters Go's encoder also escapes —
 * `<`, `>`, `&`, U+2028, U+2029 — escaped as Go writes them. Those characters only occur
 * inside string literals, so the whole text can be rewritten.
 */
export function escapeJsonLikeGo(json: string): string {
  return anyHtmlCharacter.test(json)
    ? json.replace(htmlCharacters, (character) => goEscapes[character] ?? character)
    : json;
}

/**
 * Renders an object, or a list of objects wrapped in a `List`, as `kubectl get -o json`
 * prints it: keys sorted, four-space indentation, Go's HTML-safe string escaping.
 *
 * @throws KubesimError when the input cannot be represented as JSON.
 */
export function renderJson(input: object | readonly object[], options: ObjectOutputOptions = {}): string {
  const document = toOutputDocument(input, options, true);
  // JSON.stringify lays out exactly like Go's MarshalIndent; the characters Go escapes
  // more (<, >, &, U+2028, U+2029) only ever occur inside string literals.
  if (!document.hasIndexLikeKeys) return `${escapeJsonLikeGo(JSON.stringify(document.value, null, 4))}\n`;
  return `${writeValue(document.value, "")}\n`;
}

/** A JSON string literal as Go's encoder writes it (`<`, `>`, `&`, U+2028, U+2029 escaped). */
export function goJsonString(text: string): string {
  return escapeJsonLikeGo(JSON.stringify(toWellFormed(text)));
}

/** The slow path, for objects whose key order JavaScript would change. */
function writeValue(value: JsonValue, indent: string): string {
  if (value === null || typeof value !== "object") {
    return typeof value === "string" ? goJsonString(value) : JSON.stringify(value);
  }
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${inner}${value.map((item) => writeValue(item, inner)).join(`,\n${inner}`)}\n${indent}]`;
  }
  const keys = Object.keys(value).sort(compareGoStrings);
  if (keys.length === 0) return "{}";
  const entries = keys.map((key) => `${goJsonString(key)}: ${writeValue(value[key] ?? null, inner)}`);
  return `{\n${inner}${entries.join(`,\n${inner}`)}\n${indent}}`;
}
