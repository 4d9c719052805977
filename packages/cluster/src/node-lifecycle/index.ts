export {
  desiredNoExecuteKey,
  desiredNoScheduleKeys,
  notReadyTaintKey,
  reconcileConditionTaints,
  unreachableTaintKey,
  unschedulableTaintKey,
} from "./condition-taints.js";
export {
  createNodeLifecycleController,
  type NodeLifecycleController,
  type NodeLifecycleControllerOptions,
  taintEvictionMessage,
  taintEvictionReason,
} from "./create-node-lifecycle-controller.js";
export { decideEviction, type EvictionDecision } from "./eviction-decision.js";
export {
  buildTaintEvictionEvent,
  createTaintEvictionEventRecorder,
  type TaintEvictionEventAction,
  type TaintEvictionEventPod,
  type TaintEvictionEventRecorder,
  taintEvictionComponent,
  taintEvictionEventMessage,
  taintManagerEvictionReason,
} from "./taint-eviction-events.js";
