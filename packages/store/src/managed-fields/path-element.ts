import { goQuote } from "@kubesim/core";
import { compareGoStrings, goJson } from "./go-json.js";

/*
 * Path elements of a field set, as structured-merge-diff spells them in `fieldsV1`:
 * `f:<name>` (a field), `k:{…}` (an associative-list item by its keys), `v:<json>` (a set
 * item) and `i:<n>` (a list index). The text form is canonical (keys sorted, Go's JSON),
 * so the store keys field sets by it and parses it only to sort or print.
 */

/** One parsed path element. */
export type PathElement =
  | { readonly kind: "field"; readonly name: string }
  | { readonly kind: "key"; readonly fields: readonly (readonly [string, unknown])[] }
  | { readonly kind: "value"; readonly value: unknown }
  | { readonly kind: "index"; readonly index: number };

/** A `fieldsV1` that does not parse as a field set. */
export class FieldsV1Error extends Error {}

/** `f:<name>`. */
export function fieldElement(name: string): string {
  return `f:${name}`;
}

/** `k:{…}` for an associative-list item with these key fields. */
export function keyElement(fields: readonly (readonly [string, unknown])[]): string {
  const record: Record<string, unknown> = Object.create(null);
  for (const [name, value] of fields) record[name] = value;
  return `k:${goJson(record)}`;
}

/** `v:<json>` for an item of a set-type list. */
export function valueElement(value: unknown): string {
  return `v:${goJson(value)}`;
}

/** The field name of an `f:` element, or undefined for any other element. */
export function fieldNameOf(text: string): string | undefined {
  return text.startsWith("f:") ? text.slice(2) : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new FieldsV1Error(`invalid JSON in path element ${text}`);
  }
}

const indexPattern = /^-?\d+$/;

/** Parses a path element's text. @throws FieldsV1Error when it is not one. */
export function parsePathElement(text: string): PathElement {
  const colon = text.indexOf(":");
  if (colon < 0) throw new FieldsV1Error(`missing colon: ${text}`);
  const prefix = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  switch (prefix) {
    case "f":
      return { kind: "field", name: rest };
    case "v":
      return { kind: "value", value: parseJson(rest) };
    case "i":
      if (!indexPattern.test(rest)) throw new FieldsV1Error(`invalid index: ${text}`);
      return { kind: "index", index: Number(rest) };
    case "k": {
      const parsed = parseJson(rest);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        throw new FieldsV1Error(`invalid key: ${text}`);
      }
      const record = parsed as Record<string, unknown>;
      const names = Object.keys(record).sort(compareGoStrings);
      return { kind: "key", fields: names.map((name) => [name, record[name]] as const) };
    }
    default:
      throw new FieldsV1Error(`unknown path element prefix: ${text}`);
  }
}

/** structured-merge-diff's total order of values: numbers, strings, booleans, lists, maps, null. */
function valueRank(value: unknown): number {
  if (typeof value === "number") return 0;
  if (typeof value === "string") return 1;
  if (typeof value === "boolean") return 2;
  if (Array.isArray(value)) return 3;
  if (typeof value === "object" && value !== null) return 4;
  return 5;
}

function compareValues(left: unknown, right: unknown): number {
  const rank = valueRank(left) - valueRank(right);
  if (rank !== 0) return rank < 0 ? -1 : 1;
  if (typeof left === "number" && typeof right === "number")
    return left === right ? 0 : left < right ? -1 : 1;
  if (typeof left === "string" && typeof right === "string") return compareGoStrings(left, right);
  if (typeof left === "boolean") return left === right ? 0 : left ? 1 : -1;
  return compareGoStrings(goJson(left), goJson(right));
}

const kindRank = { field: 0, key: 1, value: 2, index: 3 } as const;

function compareParsed(left: PathElement, right: PathElement): number {
  if (left.kind !== right.kind) return kindRank[left.kind] < kindRank[right.kind] ? -1 : 1;
  switch (left.kind) {
    case "field":
      return compareGoStrings(left.name, (right as typeof left).name);
    case "value":
      return compareValues(left.value, (right as typeof left).value);
    case "index":
      return left.index - (right as typeof left).index;
    default: {
      const rightFields = (right as typeof left).fields;
      for (let index = 0; ; index++) {
        const leftField = left.fields[index];
        const rightField = rightFields[index];
        if (leftField === undefined) return rightField === undefined ? 0 : -1;
        if (rightField === undefined) return 1;
        const byName = compareGoStrings(leftField[0], rightField[0]);
        if (byName !== 0) return byName;
        const byValue = compareValues(leftField[1], rightField[1]);
        if (byValue !== 0) return byValue;
      }
    }
  }
}

/** Orders path element texts as structured-merge-diff orders path elements. */
export function comparePathElements(left: string, right: string): number {
  if (left === right) return 0;
  // Two fields (the common case) order by name without parsing.
  if (left.startsWith("f:") && right.startsWith("f:")) return compareGoStrings(left, right);
  return compareParsed(parsePathElement(left), parsePathElement(right));
}

/** Go's `value.ToString`: strings quoted, numbers and booleans plain. */
function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return goQuote(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(describeValue).join(",")}]`;
  const record = value as Record<string, unknown>;
  return Object.keys(record)
    .map((key) => `${key}=${describeValue(record[key])}`)
    .join("");
}

/** A path element as structured-merge-diff prints it in paths: `.name`, `[name="x"]`, `[="v"]`, `[0]`. */
export function describePathElement(text: string): string {
  const element = parsePathElement(text);
  switch (element.kind) {
    case "field":
      return `.${element.name}`;
    case "key":
      return `[${element.fields.map(([name, value]) => `${name}=${describeValue(value)}`).join(",")}]`;
    case "value":
      return `[=${describeValue(element.value)}]`;
    default:
      return `[${element.index}]`;
  }
}

/** A whole path as structured-merge-diff prints it, e.g. `.spec.containers[name="nginx"].image`. */
export function describePath(path: readonly string[]): string {
  return path.map(describePathElement).join("");
}
