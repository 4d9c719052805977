import { goQuote, StatusError, StatusReason } from "@kubesim/core";
import type { ManagerEntry } from "./managed-entries.js";
import { describePath } from "./path-element.js";

/** One field an apply would take from another manager. */
export interface FieldConflict {
  /** The other manager's identifier (for grouping and ordering, as upstream). */
  readonly identifier: string;
  readonly entry: ManagerEntry;
  readonly path: readonly string[];
}

/** Upstream's `printManager`: `"name"`, the subresource, and ` using <apiVersion>` for Update managers. */
function describeManager(entry: ManagerEntry): string {
  let text = goQuote(entry.manager);
  if (entry.subresource !== "") text += ` with subresource ${goQuote(entry.subresource)}`;
  if (entry.operation === "Update") text += ` using ${entry.apiVersion}`;
  return text;
}

function compareText(left: string, right: string): number {
  return left === right ? 0 : left < right ? -1 : 1;
}

/**
 * The 409 an apply gets when it would change fields other managers own, exactly as
 * upstream words it: `Apply failed with 1 conflict: conflict with "m" using apps/v1: .path`,
 * or for several `Apply failed with N conflicts: conflicts with "m" using v:\n- .path…`
 * (managers in identifier order), one `FieldManagerConflict` cause per field.
 */
export function createApplyConflictError(conflicts: readonly FieldConflict[]): StatusError {
  const ordered = [...conflicts].sort((left, right) => compareText(left.identifier, right.identifier));
  const causes = ordered.map((conflict) => ({
    reason: "FieldManagerConflict",
    message: `conflict with ${describeManager(conflict.entry)}`,
    field: describePath(conflict.path),
  }));
  let message: string;
  const [only] = ordered;
  if (ordered.length === 1 && only !== undefined) {
    message = `Apply failed with 1 conflict: conflict with ${describeManager(only.entry)}: ${describePath(only.path)}`;
  } else {
    const lines: string[] = [];
    let previous: string | undefined;
    for (const conflict of ordered) {
      if (conflict.identifier !== previous) lines.push(`conflicts with ${describeManager(conflict.entry)}:`);
      previous = conflict.identifier;
      lines.push(`- ${describePath(conflict.path)}`);
    }
    message = `Apply failed with ${ordered.length} conflicts: ${lines.join("\n")}`;
  }
  return new StatusError({ message, reason: StatusReason.Conflict, code: 409, details: { causes } });
}
