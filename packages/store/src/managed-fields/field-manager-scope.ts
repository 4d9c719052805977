import type { FieldSet } from "./field-set.js";

/** Where a write lands, for ownership: the kind, its apiVersion, the subresource and the time. */
export interface FieldManagerScope {
  readonly kind: string;
  /** `apps/v1`, `v1`, … (the version managers are recorded at). */
  readonly apiVersion: string;
  /** `""` for the main resource, `"status"` for the status subresource. */
  readonly subresource: "" | "status";
  /** Whether the kind has a status subresource (its main resource then ignores status). */
  readonly hasStatus: boolean;
  /** The write's time, RFC 3339 seconds (the store clock). */
  readonly now: string;
}

const statusElement = "f:status";

/**
 * The strategy's reset fields (upstream's `GetResetFields`) taken out of a set: the main
 * resource of a kind with a status subresource does not own status; the status
 * subresource owns nothing but status.
 */
export function withoutResetFields(set: FieldSet, scope: FieldManagerScope): FieldSet {
  if (scope.subresource === "status") {
    const result = set.copy();
    for (const member of [...result.members]) if (member !== statusElement) result.members.delete(member);
    for (const element of [...result.children.keys()])
      if (element !== statusElement) result.children.delete(element);
    return result;
  }
  if (!scope.hasStatus || (!set.members.has(statusElement) && !set.children.has(statusElement))) return set;
  const result = set.copy();
  result.members.delete(statusElement);
  result.children.delete(statusElement);
  return result;
}

const strippedTopLevel = ["f:apiVersion", "f:kind", "f:metadata"];
const strippedMetadata = [
  "f:name",
  "f:namespace",
  "f:creationTimestamp",
  "f:selfLink",
  "f:uid",
  "f:clusterName",
  "f:generation",
  "f:managedFields",
  "f:resourceVersion",
];

/** Upstream's `stripMeta`: nobody owns apiVersion, kind, or the metadata the server sets. */
export function withoutServerMetadata(set: FieldSet): FieldSet {
  const result = set.copy();
  for (const element of strippedTopLevel) result.members.delete(element);
  const metadata = result.children.get("f:metadata");
  if (metadata !== undefined) {
    for (const element of strippedMetadata) {
      metadata.members.delete(element);
      const child = metadata.children.get(element);
      if (child?.isEmpty()) metadata.children.delete(element);
    }
    if (metadata.isEmpty()) result.children.delete("f:metadata");
  }
  return result;
}
