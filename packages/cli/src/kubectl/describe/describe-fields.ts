/**
 * The multi-line fields kubectl's describers share: labels, annotations, taints and
 * tolerations, one entry per line under an aligned title.
 */
import { compareGoStrings, type Taint, type Toleration } from "@kubesim/core";
import { goSorted } from "../get/index.js";
import type { PrefixWriter } from "./describe-writer.js";

/** kubectl never shows the client-side apply bookkeeping annotation. */
const lastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";
/** Longer `key: value` annotations are cut and printed on their own lines. */
const maxAnnotationLength = 140;
const utf8 = new TextEncoder();

/** The own keys of a string map, in Go string order; none for a missing map. */
export function sortedKeys(map: Readonly<Record<string, unknown>> | null | undefined): string[] {
  if (map === null || map === undefined || typeof map !== "object") return [];
  return Object.keys(map).sort(compareGoStrings);
}

/** A map's value as text: a string as is, anything else as empty. */
export function mapValue(map: Readonly<Record<string, unknown>> | null | undefined, key: string): string {
  if (map === null || map === undefined || !Object.hasOwn(map, key)) return "";
  const value = map[key];
  return typeof value === "string" ? value : "";
}

/** Go's `len(s)`: the length in UTF-8 bytes. */
export function byteLength(text: string): number {
  return utf8.encode(text).length;
}

/** Go's `s[:n]` on a string: the first `n` UTF-8 bytes. */
function byteSlice(text: string, length: number): string {
  return new TextDecoder().decode(utf8.encode(text).subarray(0, length));
}

/**
 * `Title:\tk=v` lines, keys sorted, continuation lines indented to align (upstream
 * `printLabelsMultilineWithIndent`); `<none>` for an empty map.
 */
export function writeLabels(
  writer: PrefixWriter,
  title: string,
  labels: Readonly<Record<string, string>> | null | undefined,
  initialIndent = "",
  innerIndent = "\t",
): void {
  writer.write(0, `${initialIndent}${title}:${innerIndent}`);
  const keys = sortedKeys(labels);
  if (keys.length === 0) {
    writer.writeLine("<none>");
    return;
  }
  for (const [index, key] of keys.entries()) {
    if (index !== 0) {
      writer.write(0, initialIndent);
      writer.write(0, innerIndent);
    }
    writer.write(0, `${key}=${mapValue(labels, key)}\n`);
  }
}

/**
 * `Title:\tkey: value` lines without the last-applied annotation; a long or multi-line
 * value goes on its own lines, each cut to 138 bytes plus `...` (upstream
 * `printAnnotationsMultiline`).
 */
export function writeAnnotations(
  writer: PrefixWriter,
  title: string,
  annotations: Readonly<Record<string, string>> | null | undefined,
): void {
  writer.write(0, `${title}:\t`);
  const keys = sortedKeys(annotations).filter((key) => key !== lastAppliedAnnotation);
  if (keys.length === 0) {
    writer.writeLine("<none>");
    return;
  }
  const indent = "\t";
  for (const [index, key] of keys.entries()) {
    if (index !== 0) writer.write(0, indent);
    const raw = mapValue(annotations, key);
    const value = raw.endsWith("\n") ? raw.slice(0, -1) : raw;
    if (byteLength(value) + byteLength(key) + 2 > maxAnnotationLength || value.includes("\n")) {
      writer.write(0, `${key}:\n`);
      for (const line of value.split("\n")) {
        const shortened =
          byteLength(line) > maxAnnotationLength - 2
            ? `${byteSlice(line, maxAnnotationLength - 2)}...`
            : line;
        writer.write(0, `${indent}  ${shortened}\n`);
      }
    } else {
      writer.write(0, `${key}: ${value}\n`);
    }
  }
}

/** Upstream `Taint.ToString()`: `key=value:Effect`, `key:Effect`, `key=value:` or `key`. */
export function taintText(taint: Taint): string {
  const value = taint.value ?? "";
  const effect = taint.effect ?? "";
  if (effect === "") return value === "" ? taint.key : `${taint.key}=${value}:`;
  return value === "" ? `${taint.key}:${effect}` : `${taint.key}=${value}:${effect}`;
}

/** `Taints:\t…` one taint per line, sorted by effect then key (upstream `printTaintsMultilineWithIndent`). */
export function writeTaints(
  writer: PrefixWriter,
  title: string,
  taints: readonly Taint[] | null | undefined,
): void {
  writer.write(0, `${title}:\t`);
  if (taints === null || taints === undefined || taints.length === 0) {
    writer.writeLine("<none>");
    return;
  }
  const sortKey = (taint: Taint): string => `${taint.effect ?? ""},${taint.key}`;
  const sorted = goSorted(taints, (left, right) => compareGoStrings(sortKey(left), sortKey(right)) < 0);
  for (const [index, taint] of sorted.entries()) {
    if (index !== 0) {
      writer.write(0, "");
      writer.write(0, "\t");
    }
    writer.write(0, `${taintText(taint)}\n`);
  }
}

/** One toleration as describe prints it: `key=value:Effect op=Exists for 300s`. */
export function tolerationText(toleration: Toleration): string {
  const key = toleration.key ?? "";
  const value = toleration.value ?? "";
  const effect = toleration.effect ?? "";
  let text = key;
  if (value !== "") text += `=${value}`;
  if (effect !== "") text += `:${effect}`;
  // `operator: Exists` without a value tolerates every value (or everything, without a key).
  if (toleration.operator === "Exists" && value === "") {
    text += key !== "" || effect !== "" ? " op=Exists" : "op=Exists";
  }
  if (typeof toleration.tolerationSeconds === "number")
    text += ` for ${Math.trunc(toleration.tolerationSeconds)}s`;
  return text;
}

/** `Tolerations:\t…` one toleration per line, sorted by key (upstream `printTolerationsMultilineWithIndent`). */
export function writeTolerations(
  writer: PrefixWriter,
  title: string,
  tolerations: readonly Toleration[] | null | undefined,
): void {
  writer.write(0, `${title}:\t`);
  if (tolerations === null || tolerations === undefined || tolerations.length === 0) {
    writer.writeLine("<none>");
    return;
  }
  const sorted = goSorted(
    tolerations,
    (left, right) => compareGoStrings(left.key ?? "", right.key ?? "") < 0,
  );
  for (const [index, toleration] of sorted.entries()) {
    if (index !== 0) {
      writer.write(0, "");
      writer.write(0, "\t");
    }
    writer.write(0, `${tolerationText(toleration)}\n`);
  }
}

/** kubectl's `printBool`: `True` or `False`. */
export function boolText(value: boolean): string {
  return value ? "True" : "False";
}

/** Upstream `stringOrNone`: `<none>` for the empty string. */
export function stringOrNone(text: string): string {
  return text === "" ? "<none>" : text;
}
