export {
  defaultNodeResourcesBalancedAllocationArgs,
  defaultNodeResourcesBalancedAllocationArgsV1,
  defaultNodeResourcesFitArgs,
  defaultNodeResourcesFitArgsV1,
  defaultScoringResources,
  type NodeResourcesBalancedAllocationArgs,
  type NodeResourcesFitArgs,
  type RequestedToCapacityRatioParam,
  type ResourceSpec,
  type ScoringStrategy,
  ScoringStrategyType,
  type UtilizationShapePoint,
  validateNodeResourcesBalancedAllocationArgs,
  validateNodeResourcesFitArgs,
} from "./args.js";
export {
  createNodeResourcesBalancedAllocation,
  type NodeResourcesBalancedAllocationPlugin,
  nodeResourcesBalancedAllocationDefinition,
} from "./balanced-allocation.js";
export {
  createNodeResourcesFit,
  fitsRequest,
  type InsufficientResource,
  insufficientResourceReason,
  type NodeResourcesFitPlugin,
  nodeResourcesFitDefinition,
  nodeResourcesFitReasonSidecarsDisabled,
  nodeResourcesFitReasonTooManyPods,
} from "./fit.js";
export { resourcesNotFoundReason } from "./resource-allocation.js";
