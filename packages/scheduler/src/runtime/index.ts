export {
  type ExplainedNode,
  type ExplainedScore,
  type ExplainedStatus,
  type ExplainPodOptions,
  type Explanation,
  explainPod,
} from "./explain.js";
export {
  addPluginStatus,
  createDiagnosis,
  type Diagnosis,
  eventNoteLengthLimit,
  FitError,
  fitErrorMessage,
  noNodesAvailableMessage,
  truncateEventMessage,
} from "./fit-error.js";
export {
  type SchedulerEventInput,
  type SchedulerEventType,
  type SchedulerFrameworkHandle,
  type SchedulerHandleExtension,
  type SchedulerServices,
  schedulerExtensionOf,
  type WaitingPod,
} from "./framework-handle.js";
export {
  createFrameworkRuntime,
  type FilterRunner,
  type FrameworkRuntime,
  type FrameworkRuntimeOptions,
  type NodePluginScores,
  type PluginScore,
  type PostFilterOutcome,
  type PreFilterOutcome,
} from "./framework-runtime.js";
export { goDurationString } from "./go-duration.js";
export {
  type FrameworkProfile,
  hasPluginMethod,
  type InstantiatedPlugins,
  instantiatePlugins,
  type NamedPlugin,
  type ProfilePluginEntry,
} from "./instantiate-plugins.js";
export { isNodeStatusMap, NodeStatusMap } from "./node-status-map.js";
export {
  minFeasibleNodesPercentageToFind,
  minFeasibleNodesToFind,
  numFeasibleNodesToFind,
} from "./num-feasible-nodes.js";
export { createPluginDefinitionMap, resolvePluginArgs } from "./plugin-set.js";
export {
  metaMicroTime,
  metaTime,
  type PodConditionChange,
  setPodCondition,
  updatePodStatus,
} from "./pod-status-update.js";
export {
  type AlgorithmState,
  prioritizeNodes,
  type ScheduleOutcome,
  type SchedulePodOptions,
  schedulePod,
} from "./schedule-algorithm.js";
export { type NodeTotalScore, selectHost, selectHostIndex } from "./select-host.js";
export { maxPermitTimeoutMs } from "./waiting-pods.js";
