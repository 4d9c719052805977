export {
  createPodGarbageCollector,
  type PodGarbageCollector,
  type PodGarbageCollectorOptions,
  podGcMessage,
  podGcPeriodMs,
  podGcQuarantineMs,
  podGcReason,
} from "./create-pod-garbage-collector.js";
