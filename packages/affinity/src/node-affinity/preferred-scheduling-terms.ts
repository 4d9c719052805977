import { type FieldError, fieldPath, type Node, type PreferredSchedulingTerm } from "@kubesim/core";
import type { NodeAffinityParseOptions } from "./node-selector.js";
import {
  isEmptyNodeSelectorTerm,
  matchesNodeSelectorTerm,
  type ParsedNodeSelectorTerm,
  parseNodeSelectorTerm,
} from "./node-selector-term.js";
import { labelsOfNode, nameOfNode } from "./node-view.js";
import { createNodeAffinityParseError } from "./parse-error.js";

/** Parsed preferred scheduling terms (upstream's `PreferredSchedulingTerms`). */
export interface PreferredSchedulingTermsScorer {
  /** The sum of the weights of the terms the node matches; 0 for a missing node. Never throws. */
  score(node: Node | null | undefined): number;
}

interface WeightedTerm {
  readonly term: ParsedNodeSelectorTerm;
  readonly weight: number;
}

/**
 * Parses preferred scheduling terms (upstream's `NewPreferredSchedulingTerms`). Terms with
 * weight 0 or an empty preference are skipped before parsing, so their errors are never
 * reported. Each term's path is its index, with no `preference` segment (as upstream):
 * `[1].matchExpressions[0].key`.
 *
 * @throws StatusError (400 BadRequest) holding the field errors of every remaining term
 *   that does not parse.
 */
export function createPreferredSchedulingTerms(
  terms: readonly PreferredSchedulingTerm[],
  options: NodeAffinityParseOptions = {},
): PreferredSchedulingTermsScorer {
  const path = options.path ?? "";
  const weighted: WeightedTerm[] = [];
  const errors: FieldError[] = [];
  terms.forEach((term, index) => {
    const weight = term?.weight ?? 0;
    if (weight === 0 || isEmptyNodeSelectorTerm(term?.preference)) return;
    const parsed = parseNodeSelectorTerm(term.preference, fieldPath(path, index));
    if (parsed.errors.length > 0) errors.push(...parsed.errors);
    else weighted.push({ term: parsed, weight });
  });
  if (errors.length > 0) throw createNodeAffinityParseError(errors);
  return {
    score: (node) => {
      if (node === null || node === undefined) return 0;
      const labels = labelsOfNode(node);
      const nodeName = nameOfNode(node);
      let score = 0;
      for (let index = 0; index < weighted.length; index++) {
        const { term, weight } = weighted[index] as WeightedTerm;
        if (matchesNodeSelectorTerm(term, labels, nodeName)) score += weight;
      }
      return score;
    },
  };
}
