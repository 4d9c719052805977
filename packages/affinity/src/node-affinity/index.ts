export { nodeNamesFromAffinityPins } from "./affinity-node-names.js";
export { matchNodeSelectorTerms } from "./match-node-selector-terms.js";
export {
  createLazyNodeSelector,
  createNodeSelector,
  type LazyNodeSelectorMatcher,
  type NodeAffinityParseOptions,
  type NodeSelectorMatcher,
  type NodeSelectorMatchResult,
} from "./node-selector.js";
export {
  createPreferredSchedulingTerms,
  type PreferredSchedulingTermsScorer,
} from "./preferred-scheduling-terms.js";
export { type RequiredNodeAffinity, requiredNodeAffinity } from "./required-node-affinity.js";
