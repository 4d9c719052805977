export {
  podTopologySpreadConstraintsNotMatchReason,
  podTopologySpreadNodeLabelNotMatchReason,
  podTopologySpreadPreFilterStateKey,
} from "./filtering.js";
export {
  createPodTopologySpread,
  podTopologySpreadDefinition,
  podTopologySpreadName,
  podTopologySpreadSystemDefaultConstraints,
} from "./pod-topology-spread.js";
export {
  defaultPodTopologySpreadArgs,
  type PodTopologySpreadArgs,
  PodTopologySpreadDefaulting,
  type ResolvedPodTopologySpreadArgs,
  validatePodTopologySpreadArgs,
} from "./pod-topology-spread-args.js";
export { podTopologySpreadPreScoreStateKey } from "./scoring.js";
