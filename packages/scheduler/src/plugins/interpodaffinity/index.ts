export {
  interPodAffinityPreFilterStateKey,
  interPodAffinityRulesNotMatchReason,
  interPodAntiAffinityRulesNotMatchReason,
  interPodExistingAntiAffinityRulesNotMatchReason,
} from "./filtering.js";
export {
  createInterPodAffinity,
  interPodAffinityDefinition,
  interPodAffinityName,
} from "./inter-pod-affinity.js";
export {
  defaultHardPodAffinityWeight,
  defaultInterPodAffinityArgs,
  type InterPodAffinityArgs,
  type ResolvedInterPodAffinityArgs,
  validateInterPodAffinityArgs,
} from "./inter-pod-affinity-args.js";
export { interPodAffinityPreScoreStateKey } from "./scoring.js";
