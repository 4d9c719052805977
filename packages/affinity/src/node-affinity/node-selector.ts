import { type FieldError, fieldPath, type Node, type NodeSelector, type StatusError } from "@kubesim/core";
import {
  isEmptyNodeSelectorTerm,
  matchesNodeSelectorTerm,
  type ParsedNodeSelectorTerm,
  parseNodeSelectorTerm,
} from "./node-selector-term.js";
import { labelsOfNode, nameOfNode } from "./node-view.js";
import { createNodeAffinityParseError } from "./parse-error.js";

/** Options of the node affinity parsers: where the parsed object sits, for the field paths of its errors. */
export interface NodeAffinityParseOptions {
  /** Path of the parsed object, e.g. `spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`; default none. */
  readonly path?: string;
}

/**
 * A parsed node selector (upstream's `NodeSelector`), built by {@link createNodeSelector}.
 *
 * Its `matches` never throws and allocates nothing, so it can run against every node.
 *
 * @example
 * const zoneANode = { metadata: { name: "node-1", labels: { zone: "a", disk: "ssd" } } };
 * const zoneBNode = { metadata: { name: "node-2", labels: { zone: "b" } } };
 * const matcher = createNodeSelector({
 *   nodeSelectorTerms: [{ matchExpressions: [{ key: "disk", operator: "Exists" }] }],
 * });
 * [zoneANode, zoneBNode].filter((node) => matcher.matches(node)).map((node) => node.metadata?.name)
 * // => ["node-1"]
 * matcher.matches(undefined) // => false
 */
export interface NodeSelectorMatcher {
  /**
   * True when the node matches at least one term (terms are ORed; empty terms match
   * nothing). A missing node matches nothing. Never throws, allocates nothing.
   */
  matches(node: Node | null | undefined): boolean;
}

/** The outcome of matching a node against a lazily-parsed node selector or a `RequiredNodeAffinity`. */
export interface NodeSelectorMatchResult {
  /** True when some valid term matched. */
  readonly matches: boolean;
  /** The parse errors of the invalid terms, present only when nothing matched and some term was invalid. */
  readonly error?: StatusError;
}

/**
 * A leniently parsed node selector (upstream's `LazyErrorNodeSelector`), built by {@link createLazyNodeSelector}.
 *
 * Its invalid terms never match, and their parse errors are reported by `match` only when
 * no valid term matched. Neither method throws.
 *
 * @example
 * const zoneANode = { metadata: { name: "node-1", labels: { zone: "a", disk: "ssd" } } };
 * const selector = createLazyNodeSelector({
 *   nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "Near", values: ["a"] }] }],
 * });
 * selector.matches(zoneANode) // => false
 * const result = selector.match(zoneANode);
 * result.matches // => false
 * result.error?.errors.map((error) => error.field) // => ["nodeSelectorTerms[0].matchExpressions[0].operator"]
 */
export interface LazyNodeSelectorMatcher extends NodeSelectorMatcher {
  /** Matches the node and reports the parse errors when nothing matched. Allocates nothing. */
  match(node: Node | null | undefined): NodeSelectorMatchResult;
}

const matched: NodeSelectorMatchResult = Object.freeze({ matches: true });
const notMatched: NodeSelectorMatchResult = Object.freeze({ matches: false });

function parseTerms(nodeSelector: NodeSelector | null | undefined, path: string): ParsedNodeSelectorTerm[] {
  const termsPath = fieldPath(path, "nodeSelectorTerms");
  const parsed: ParsedNodeSelectorTerm[] = [];
  (nodeSelector?.nodeSelectorTerms ?? []).forEach((term, index) => {
    // An empty term selects nothing; upstream drops it before parsing.
    if (isEmptyNodeSelectorTerm(term)) return;
    parsed.push(parseNodeSelectorTerm(term, fieldPath(termsPath, index)));
  });
  return parsed;
}

function matchesAnyTerm(terms: readonly ParsedNodeSelectorTerm[], node: Node): boolean {
  const labels = labelsOfNode(node);
  const nodeName = nameOfNode(node);
  for (let index = 0; index < terms.length; index++) {
    if (matchesNodeSelectorTerm(terms[index] as ParsedNodeSelectorTerm, labels, nodeName)) return true;
  }
  return false;
}

/**
 * Parses a node selector leniently (upstream's `NewLazyErrorNodeSelector`).
 *
 * Never throws: invalid terms never match, and their errors (one 400 BadRequest
 * StatusError, as {@link createNodeSelector} would throw) come back from `match` when no
 * valid term matched. A missing selector has no terms and matches nothing.
 *
 * @example
 * const zoneANode = { metadata: { name: "node-1", labels: { zone: "a", disk: "ssd" } } };
 * const zoneBNode = { metadata: { name: "node-2", labels: { zone: "b" } } };
 * const selector = createLazyNodeSelector({
 *   nodeSelectorTerms: [
 *     { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] },
 *     { matchFields: [{ key: "metadata.name", operator: "In", values: [] }] },
 *   ],
 * });
 * selector.matches(zoneANode) // => true
 * selector.match(zoneANode) // => { matches: true }
 * selector.match(zoneBNode).error?.message
 * // => "nodeSelectorTerms[1].matchFields[0].values: Invalid value: []string{}: must have one element"
 */
export function createLazyNodeSelector(
  nodeSelector: NodeSelector | null | undefined,
  options: NodeAffinityParseOptions = {},
): LazyNodeSelectorMatcher {
  const terms = parseTerms(nodeSelector, options.path ?? "");
  const errors: FieldError[] = terms.flatMap((term) => term.errors);
  const notMatchedResult: NodeSelectorMatchResult =
    errors.length === 0
      ? notMatched
      : Object.freeze({ matches: false, error: createNodeAffinityParseError(errors) });
  return {
    matches: (node) => node !== null && node !== undefined && matchesAnyTerm(terms, node),
    match: (node) =>
      node === null || node === undefined
        ? notMatched
        : matchesAnyTerm(terms, node)
          ? matched
          : notMatchedResult,
  };
}

/**
 * Parses and validates a node selector (upstream's `NewNodeSelector`).
 *
 * Terms are ORed; within a term `matchExpressions` and `matchFields` are all ANDed; a term
 * with neither matches nothing. `matchFields` only knows `metadata.name` (In/NotIn, one
 * value each); a node without a name ignores `matchFields`, as upstream.
 *
 * @throws StatusError (400 BadRequest) whose `errors` hold the field errors of every term,
 *   with paths such as `nodeSelectorTerms[0].matchFields[0].values` (prefixed by
 *   `options.path`), and whose message is upstream's aggregated error text.
 * @example
 * const selector = createNodeSelector({
 *   nodeSelectorTerms: [
 *     { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] },
 *     { matchFields: [{ key: "metadata.name", operator: "In", values: ["node-2"] }] },
 *   ],
 * });
 * selector.matches({ metadata: { name: "node-1", labels: { zone: "a", disk: "ssd" } } }) // => true
 * selector.matches({ metadata: { name: "node-2", labels: { zone: "b" } } }) // => true
 * selector.matches({ metadata: { name: "node-3", labels: { zone: "c" } } }) // => false
 * createNodeSelector(
 *   { nodeSelectorTerms: [{ matchExpressions: [{ key: "cpus", operator: "Gt", values: ["many"] }] }] },
 *   { path: "spec.affinity" },
 * )
 * // throws StatusError: "spec.affinity.nodeSelectorTerms[0].matchExpressions[0].values[0]: Invalid value: \"many\": for 'Gt', 'Lt' operators, the value must be an integer"
 */
export function createNodeSelector(
  nodeSelector: NodeSelector,
  options: NodeAffinityParseOptions = {},
): NodeSelectorMatcher {
  const terms = parseTerms(nodeSelector, options.path ?? "");
  const errors = terms.flatMap((term) => term.errors);
  if (errors.length > 0) throw createNodeAffinityParseError(errors);
  return { matches: (node) => node !== null && node !== undefined && matchesAnyTerm(terms, node) };
}
