export { nodeSchedulingPropertiesChange, podSchedulingPropertiesChange } from "./cluster-event-changes.js";
export { type CreateSchedulerOptions, createScheduler, type Scheduler } from "./create-scheduler.js";
export {
  buildSchedulerEvent,
  createEventRecorder,
  type EventRecorder,
  type EventRecorderOptions,
  eventSeriesWindowMs,
  podReference,
} from "./event-recorder.js";
export { Informer, type InformerHandlers, type InformerOptions } from "./informer.js";
export { preCheckForNode } from "./node-pre-check.js";
export { NodeTree, zoneKeyOf } from "./node-tree.js";
export { cachePodKey, SchedulerCache } from "./scheduler-cache.js";
