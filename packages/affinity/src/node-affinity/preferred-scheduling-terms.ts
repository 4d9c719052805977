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

/**
 * Parsed preferred scheduling terms (upstream's `PreferredSchedulingTerms`), built by {@link createPreferredSchedulingTerms}.
 *
 * `score` never throws and allocates nothing; it is the raw sum of weights, before the
 * scheduler's NodeAffinity plugin normalizes scores across nodes.
 *
 * @example
 * const scorer = createPreferredSchedulingTerms([
 *   { weight: 3, preference: { matchFields: [{ key: "metadata.name", operator: "NotIn", values: ["node-1"] }] } },
 * ]);
 * scorer.score({ metadata: { name: "node-1", labels: { zone: "a", disk: "ssd" } } }) // => 0
 * scorer.score({ metadata: { name: "node-2", labels: { zone: "b" } } }) // => 3
 * scorer.score(undefined) // => 0
 */
export interface PreferredSchedulingTermsScorer {
  /** The sum of the weights of the terms the node matches; 0 for a missing node. Never throws. */
  score(node: Node | null | undefined): number;
}

interface WeightedTerm {
  readonly term: ParsedNodeSelectorTerm;
  readonly weight: number;
}

/**
 * Parses preferred scheduling terms (upstream's `NewPreferredSchedulingTerms`).
 *
 * Terms with weight 0 or an empty preference are skipped before parsing, so their errors
 * are never reported. Each term's path is its index, with no `preference` segment (as
 * upstream): `[1].matchExpressions[0].key`, prefixed by `options.path`.
 *
 * @throws StatusError (400 BadRequest) holding the field errors of every remaining term
 *   that does not parse; its message is upstream's aggregated error text.
 * @example
 * const scorer = createPreferredSchedulingTerms([
 *   { weight: 10, preference: { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] } },
 *   { weight: 5, preference: { matchExpressions: [{ key: "disk", operator: "In", values: ["ssd"] }] } },
 * ]);
 * scorer.score({ metadata: { name: "node-1", labels: { zone: "a", disk: "ssd" } } }) // => 15
 * scorer.score({ metadata: { name: "node-2", labels: { zone: "b" } } }) // => 0
 * createPreferredSchedulingTerms([
 *   { weight: 1, preference: { matchExpressions: [{ key: "zone", operator: "In" }] } },
 * ])
 * // throws StatusError: "[0].matchExpressions[0].values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty"
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
