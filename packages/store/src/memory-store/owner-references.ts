import { type JsonObject, ownField } from "./json-object.js";
import { jsonEqual } from "./object-equality.js";

/**
 * Drops exact duplicate owner references (same uid and same content), as the API server
 * does before storing an object; the first of each is kept.
 */
export function dedupOwnerReferences(metadata: JsonObject): void {
  const references = ownField(metadata, "ownerReferences");
  if (!Array.isArray(references) || references.length < 2) return;
  const kept: unknown[] = [];
  for (const reference of references) {
    if (!kept.some((existing) => jsonEqual(existing, reference))) kept.push(reference);
  }
  if (kept.length !== references.length) metadata.ownerReferences = kept;
}
