export {
  type KubeconfigEntry,
  type KubeconfigWrite,
  kubeconfigPrecedence,
  writeKubeconfigEntry,
} from "./kubeconfig-file.js";
export {
  defaultSaveIntervalMs,
  defaultServeAddress,
  defaultServePort,
  runServe,
  type ServeControl,
  type ServeFlags,
} from "./run-serve.js";
export { registerServeCommand } from "./serve-command.js";
export {
  readServingRecord,
  removeServingRecord,
  type ServingRecord,
  servedClusterMessage,
  writeServingRecord,
} from "./serving-record.js";
export { listenForStopSignal, type StopSignal } from "./stop-signal.js";
export { syncedClient } from "./synced-client.js";
export {
  driveWithWallClock,
  type WallClockDriver,
  type WallClockDriverOptions,
} from "./wall-clock-driver.js";
