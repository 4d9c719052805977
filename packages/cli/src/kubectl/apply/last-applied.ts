import type { KubeObject } from "@kubesim/core";
import {
  cloneJson,
  getOwn,
  goCompactJson,
  isJsonObject,
  type JsonObject,
} from "../resource-builder/index.js";

/** The annotation client-side apply keeps the applied configuration in. */
export const lastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

function annotationsOf(object: JsonObject): Record<string, string> {
  const metadata = isJsonObject(object.metadata) ? object.metadata : {};
  object.metadata = metadata;
  const annotations = isJsonObject(metadata.annotations) ? metadata.annotations : {};
  metadata.annotations = annotations;
  return annotations as Record<string, string>;
}

/**
 * kubectl's `GetModifiedConfiguration`: the object as compact JSON (Go key order, final
 * newline) without the last-applied annotation (its `annotations` map kept, even empty).
 * With `annotate`, that text is stored in the annotation and the object is serialized
 * again, so the result carries its own configuration.
 */
export function modifiedConfiguration(
  object: KubeObject,
  annotate: boolean,
): { text: string; object: JsonObject } {
  const copy = cloneJson(object) as unknown as JsonObject;
  const annotations = annotationsOf(copy);
  delete annotations[lastAppliedAnnotation];
  const withoutAnnotation = `${goCompactJson(copy)}\n`;
  if (!annotate) return { text: withoutAnnotation, object: copy };
  Object.defineProperty(annotations, lastAppliedAnnotation, {
    value: withoutAnnotation,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return { text: `${goCompactJson(copy)}\n`, object: copy };
}

/**
 * kubectl's `CreateApplyAnnotation` for a create: the object with the annotation set to its
 * own configuration, and `null` members pruned (what an apply of the same manifest would
 * keep).
 */
export function withApplyAnnotation(object: KubeObject): KubeObject {
  const configuration = modifiedConfiguration(object, false);
  const annotated = configuration.object;
  Object.defineProperty(annotationsOf(annotated), lastAppliedAnnotation, {
    value: configuration.text,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return annotated as KubeObject;
}

/** kubectl's `pruneNullsFromMap`: drops `null` members of maps, in nested maps and lists too. */
export function pruneNulls(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) pruneNulls(item);
    return;
  }
  if (!isJsonObject(value)) return;
  for (const key of Object.keys(value)) {
    if (value[key] === null) delete value[key];
    else pruneNulls(value[key]);
  }
}

/** The last applied configuration recorded on a live object, or `undefined`. */
export function lastAppliedConfiguration(object: KubeObject): string | undefined {
  const annotations = getOwn(object.metadata, "annotations");
  const value = getOwn(annotations, lastAppliedAnnotation);
  return typeof value === "string" ? value : undefined;
}
