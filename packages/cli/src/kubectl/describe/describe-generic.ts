/**
 * kubectl's generic describer, used for kinds without a describer of their own (Event,
 * ControllerRevision, Lease): every field of the object, with labels made from the field names.
 */
import { compareGoStrings, type KubeObject } from "@kubesim/core";
import { searchEvents, writeEvents } from "./describe-events.js";
import { sortedKeys, writeAnnotations, writeLabels } from "./describe-fields.js";
import { type PrefixWriter, tabbedString } from "./describe-writer.js";
import type { DescribeContext, Describer, DescriberSettings } from "./describer.js";

const skippedFields = [
  ".metadata.managedFields",
  ".metadata.name",
  ".metadata.namespace",
  ".metadata.labels",
  ".metadata.annotations",
];
const commonAcronyms = new Set(["API", "URL", "UID", "OSB", "GUID"]);
const nonLabelCharacter = /[^\p{L}-]/u;
const lowerCase = /^\p{Ll}/u;
const upperCase = /^\p{Lu}/u;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function characterClass(character: string): number {
  if (/\p{Ll}/u.test(character)) return 1;
  if (/\p{Lu}/u.test(character)) return 2;
  if (/\p{Nd}/u.test(character)) return 3;
  return 4;
}

/** `github.com/fatih/camelcase`'s Split: runs of one character class, `PDFLoader` → `PDF`, `Loader`. */
export function splitCamelCase(text: string): string[] {
  const runs: string[][] = [];
  let lastClass = 0;
  for (const character of text) {
    const currentClass = characterClass(character);
    const last = runs[runs.length - 1];
    if (currentClass === lastClass && last !== undefined) last.push(character);
    else runs.push([character]);
    lastClass = currentClass;
  }
  for (let index = 0; index < runs.length - 1; index++) {
    const current = runs[index] ?? [];
    const next = runs[index + 1] ?? [];
    if (upperCase.test(current[0] ?? "") && lowerCase.test(next[0] ?? "")) {
      const moved = current.pop();
      if (moved !== undefined) next.unshift(moved);
    }
  }
  return runs.filter((run) => run.length > 0).map((run) => run.join(""));
}

/** The label kubectl makes from a field name: `apiVersion` → `API Version`; names with other characters stay as they are. */
export function smartLabel(field: string): string {
  if (nonLabelCharacter.test(field)) return field;
  return splitCamelCase(field)
    .filter((part) => part !== "_")
    .map((part) =>
      commonAcronyms.has(part.toUpperCase())
        ? part.toUpperCase()
        : part.charAt(0).toUpperCase() + part.slice(1),
    )
    .join(" ");
}

/** Go's `strconv.FormatFloat(value, 'g', -1, 64)`, which `%v` uses for a float64. */
function goFloatText(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
  const [mantissa = "0", exponentText = "0"] = value.toExponential().split("e");
  const exponent = Number(exponentText);
  // Shortest 'g' formatting switches to an exponent outside [-4, 6).
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? "-" : "+";
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  return String(value);
}

/** Go's `%v` of a decoded JSON value (maps as `map[k:v]` with sorted keys, slices as `[a b]`). */
export function goValueText(value: unknown): string {
  if (value === null || value === undefined) return "<nil>";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number")
    return Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? value.toFixed(0) : goFloatText(value);
  if (Array.isArray(value)) return `[${value.map(goValueText).join(" ")}]`;
  if (isPlainObject(value))
    return `map[${sortedKeys(value)
      .map((key) => `${key}:${goValueText(value[key])}`)
      .join(" ")}]`;
  return String(value);
}

/** Every field under `content`, sorted, nested maps and lists indented (upstream `printUnstructuredContent`). */
function writeContent(
  writer: PrefixWriter,
  level: number,
  content: Record<string, unknown>,
  skipPrefix: string,
): void {
  for (const field of Object.keys(content).sort(compareGoStrings)) {
    const value = content[field];
    const skipExpression = `${skipPrefix}.${field}`;
    if (skippedFields.includes(skipExpression)) continue;
    if (isPlainObject(value)) {
      writer.write(level, `${smartLabel(field)}:\n`);
      writeContent(writer, level + 1, value, skipExpression);
    } else if (Array.isArray(value)) {
      writer.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (isPlainObject(child)) writeContent(writer, level + 1, child, skipExpression);
        else writer.write(level + 1, `${goValueText(child)}\n`);
      }
    } else {
      writer.write(level, `${smartLabel(field)}:\t${goValueText(value)}\n`);
    }
  }
}

/** Describes any object from its fields, then its events (upstream `genericDescriber`). */
export function genericDescriber(kind: string): Describer {
  return async (context: DescribeContext, namespace: string, name: string, settings: DescriberSettings) => {
    const object: KubeObject = await context.client.get(kind, name, namespace === "" ? {} : { namespace });
    const metadata = object.metadata ?? {};
    const events = settings.showEvents
      ? await searchEvents(context.client, {
          namespace: metadata.namespace ?? "",
          name: metadata.name ?? "",
          kind: object.kind ?? kind,
          uid: metadata.uid ?? "",
        })
      : undefined;
    return tabbedString((writer) => {
      writer.write(0, `Name:\t${metadata.name ?? ""}\n`);
      writer.write(0, `Namespace:\t${metadata.namespace ?? ""}\n`);
      writeLabels(writer, "Labels", metadata.labels);
      writeAnnotations(writer, "Annotations", metadata.annotations);
      writeContent(writer, 0, object as Record<string, unknown>, "");
      if (events !== undefined) writeEvents(writer, events, context.clock.now());
    });
  };
}
