import { compareValues } from "./compare-values.js";
import type { FieldSchema } from "./field-schema.js";
import type { FieldSet } from "./field-set.js";
import { goJson } from "./go-json.js";
import { copyJson, isRecord, type JsonRecord, own } from "./json-values.js";
import { FieldSchemaError } from "./list-items.js";
import { toFieldSet } from "./to-field-set.js";

/** The annotation client-side `kubectl apply` keeps its configuration in. */
export const lastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

/** What {@link allowedLastAppliedConflicts} needs of the apply. */
interface LastAppliedRequest {
  readonly group: string;
  readonly version: string;
}

/**
 * Upstream's `lastAppliedManager`: the fields a `kubectl` apply may take over without a
 * conflict, because client-side apply set them (they are in the live object's
 * last-applied annotation) and nobody has changed them since. Undefined when there is no
 * usable annotation.
 */
export function allowedLastAppliedConflicts(
  live: JsonRecord,
  request: LastAppliedRequest,
  schema: FieldSchema,
): FieldSet | undefined {
  const metadata = own(live, "metadata");
  const annotations = isRecord(metadata) ? own(metadata, "annotations") : undefined;
  const text = isRecord(annotations) ? own(annotations, lastAppliedAnnotation) : undefined;
  if (typeof text !== "string" || text === "") return undefined;
  let lastApplied: unknown;
  try {
    lastApplied = JSON.parse(text);
  } catch {
    return undefined;
  }
  const expected = request.group === "" ? request.version : `${request.group}/${request.version}`;
  if (!isRecord(lastApplied) || own(lastApplied, "apiVersion") !== expected) return undefined;
  try {
    const comparison = compareValues(lastApplied, live, schema);
    return toFieldSet(lastApplied, schema)
      .difference(comparison.modified)
      .difference(comparison.added)
      .difference(comparison.removed);
  } catch (error) {
    if (error instanceof FieldSchemaError) return undefined;
    throw error;
  }
}

/**
 * The last-applied annotation upstream writes for a server-side apply by `kubectl`: the
 * configuration without that annotation, as Go's JSON plus a newline.
 */
export function buildLastApplied(configuration: JsonRecord): string {
  const copy = copyJson(configuration);
  const metadata = own(copy, "metadata");
  if (isRecord(metadata)) {
    const annotations = own(metadata, "annotations");
    if (isRecord(annotations)) delete annotations[lastAppliedAnnotation];
  }
  return `${goJson(copy)}\n`;
}
