export { podBackoffDurationMs } from "./backoff.js";
export {
  clusterEventMatches,
  isPodScaleDownEvent,
  isWildCardClusterEvent,
  schedulingQueueEvents,
} from "./cluster-event.js";
export { isPodUpdated } from "./is-pod-updated.js";
export { KeyedHeap } from "./keyed-heap.js";
export { PodNominator } from "./pod-nominator.js";
export type { SchedulingQueuePodInfo } from "./queued-pod-entry.js";
export {
  backoffFlushPeriodMs,
  createSchedulingQueue,
  defaultPodInitialBackoffMs,
  defaultPodMaxBackoffMs,
  defaultPodMaxInUnschedulablePodsDurationMs,
  type PendingPods,
  type SchedulingQueue,
  type SchedulingQueueName,
  type SchedulingQueueOptions,
  unschedulableFlushPeriodMs,
} from "./scheduling-queue.js";
