export {
  createDaemonSetController,
  type DaemonSetController,
  type DaemonSetControllerOptions,
  defaultBurstReplicas,
  defaultDaemonSetWorkers,
} from "./create-daemon-set-controller.js";
export { DaemonSetEventReason, daemonSetControllerComponent } from "./daemon-set-event-recorder.js";
export {
  computeDaemonSetStatus,
  type DaemonSetStatusCounts,
  type DaemonSetStatusInput,
} from "./daemon-set-status.js";
