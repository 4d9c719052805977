import { type FieldError, fieldPath, type NodeSelectorTerm } from "@kubesim/core";
import type { Requirement } from "../labels/index.js";
import { parseMatchExpressions } from "./match-expressions.js";
import { matchesNodeFields, type NodeFieldRequirement, parseMatchFields } from "./match-fields.js";
import type { NodeLabels } from "./node-view.js";

/**
 * One parsed node selector term. A term that failed to parse keeps its errors and never
 * matches; otherwise its label requirements and its field requirements are ANDed.
 */
export interface ParsedNodeSelectorTerm {
  /** Label requirements from `matchExpressions`; undefined when the term has none. */
  readonly labelRequirements: readonly Requirement[] | undefined;
  /** Field requirements from `matchFields`; undefined when the term has none. */
  readonly fieldRequirements: readonly NodeFieldRequirement[] | undefined;
  /** Parse errors, `matchExpressions` ones first; empty when the term parsed. */
  readonly errors: readonly FieldError[];
}

/**
 * True for a term with neither `matchExpressions` nor `matchFields` (or a missing one):
 * upstream drops such terms, so they match nothing and report nothing.
 */
export function isEmptyNodeSelectorTerm(term: NodeSelectorTerm | null | undefined): boolean {
  return (term?.matchExpressions?.length ?? 0) === 0 && (term?.matchFields?.length ?? 0) === 0;
}

/**
 * Parses one term (upstream's `newNodeSelectorTerm`), collecting the errors of both
 * requirement lists.
 *
 * @param path - the term's path, e.g. `nodeSelectorTerms[2]` or `[1]` for a preferred term.
 */
export function parseNodeSelectorTerm(term: NodeSelectorTerm, path: string): ParsedNodeSelectorTerm {
  const errors: FieldError[] = [];
  let labelRequirements: readonly Requirement[] | undefined;
  let fieldRequirements: readonly NodeFieldRequirement[] | undefined;
  const matchExpressions = term.matchExpressions ?? [];
  if (matchExpressions.length > 0) {
    const parsed = parseMatchExpressions(matchExpressions, fieldPath(path, "matchExpressions"));
    if (parsed.errors) errors.push(...parsed.errors);
    else labelRequirements = parsed.requirements;
  }
  const matchFields = term.matchFields ?? [];
  if (matchFields.length > 0) {
    const parsed = parseMatchFields(matchFields, fieldPath(path, "matchFields"));
    if (parsed.errors) errors.push(...parsed.errors);
    else fieldRequirements = parsed.requirements;
  }
  return { labelRequirements, fieldRequirements, errors };
}

/**
 * True when a node matches a parsed term: false for a term with parse errors; every label
 * requirement must match the labels; every field requirement must match the name, unless
 * the node has no name (then the fields are ignored, as upstream).
 */
export function matchesNodeSelectorTerm(
  term: ParsedNodeSelectorTerm,
  labels: NodeLabels,
  nodeName: string,
): boolean {
  if (term.errors.length > 0) return false;
  const { labelRequirements, fieldRequirements } = term;
  if (labelRequirements !== undefined) {
    for (let index = 0; index < labelRequirements.length; index++) {
      if (!(labelRequirements[index] as Requirement).matches(labels)) return false;
    }
  }
  if (fieldRequirements !== undefined && nodeName !== "" && !matchesNodeFields(fieldRequirements, nodeName)) {
    return false;
  }
  return true;
}
