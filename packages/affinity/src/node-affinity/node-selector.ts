import { type FieldError, fieldPath, type Node, type NodeSelector, type StatusError } from "@kubesim/core";
import {
  isEmptyNodeSelectorTerm,
  matchesNodeSelectorTerm,
  type ParsedNodeSelectorTerm,
  parseNodeSelectorTerm,
} from "./node-selector-term.js";
import { labelsOfNode, nameOfNode } from "./node-view.js";
import { createNodeAffinityParseError } from "./parse-error.js";

/** Where the parsed object sits, for the field paths of its errors. */
export interface NodeAffinityParseOptions {
  /** Path of the parsed object, e.g. `spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`; default none. */
  readonly path?: string;
}

/** A parsed node selector that never fails to match (upstream's `NodeSelector`). */
export interface NodeSelectorMatcher {
  /**
   * True when the node matches at least one term (terms are ORed; empty terms match
   * nothing). A missing node matches nothing. Never throws, allocates nothing.
   */
  matches(node: Node | null | undefined): boolean;
}

/** The outcome of matching a node against a lazily-parsed node selector. */
export interface NodeSelectorMatchResult {
  /** True when some valid term matched. */
  readonly matches: boolean;
  /** The parse errors of the invalid terms, present only when nothing matched and some term was invalid. */
  readonly error?: StatusError;
}

/**
 * A node selector whose invalid terms are skipped and whose parse errors are reported only
 * when no valid term matched (upstream's `LazyErrorNodeSelector`).
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
 * Parses a node selector leniently (upstream's `NewLazyErrorNodeSelector`): never throws;
 * invalid terms never match, and their errors come back from `match` when no valid term
 * matched. A missing selector has no terms and matches nothing.
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
 * Parses and validates a node selector (upstream's `NewNodeSelector`). Terms are ORed;
 * within a term `matchExpressions` and `matchFields` are all ANDed; a term with neither
 * matches nothing.
 *
 * @throws StatusError (400 BadRequest) whose `errors` hold the field errors of every term,
 *   with paths such as `nodeSelectorTerms[0].matchFields[0].values`, and whose message is
 *   upstream's aggregated error text.
 * @example
 * const selector = createNodeSelector({
 *   nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] }],
 * });
 * selector.matches(node);
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
