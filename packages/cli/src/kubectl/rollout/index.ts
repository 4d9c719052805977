export { podTemplateText } from "./pod-template-text.js";
export { registerRolloutCommand } from "./rollout-command.js";
export { historyText, type RolloutHistoryOptions, runRolloutHistory } from "./rollout-history.js";
export {
  changeCauseAnnotation,
  daemonSetHistory,
  deploymentHistory,
  type HistoryEntry,
  revisionTemplate,
} from "./rollout-history-source.js";
export { type RolloutRestartOptions, restartedAtAnnotation, runRolloutRestart } from "./rollout-restart.js";
export { type RolloutStatusOptions, runRolloutStatus } from "./rollout-status.js";
export {
  daemonSetStatus,
  deploymentStatus,
  type RolloutStatus,
  type StatusViewer,
} from "./rollout-status-viewer.js";
export { type RolloutTarget, type RolloutTargets, visitRolloutTargets } from "./rollout-targets.js";
export { type RolloutUndoOptions, runRolloutUndo } from "./rollout-undo.js";
