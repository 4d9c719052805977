export {
  createDefaultPreemption,
  type DefaultPreemptionOptions,
  type DryRunResult,
  defaultPreemptionDefinition,
  dryRunPreemption,
  noCandidateNodeForPreemption,
  notEligiblePreemptionPolicyNever,
  notEligibleTerminatingPod,
  podEligibleToPreemptOthers,
  preemptionByScheduler,
  preemptionMessagePrefix,
  preemptionNotHelpfulReason,
} from "./default-preemption.js";
export {
  calculateNumCandidates,
  type DefaultPreemptionArgs,
  defaultDefaultPreemptionArgs,
  defaultMinCandidateNodesAbsolute,
  defaultMinCandidateNodesPercentage,
  validateDefaultPreemptionArgs,
} from "./default-preemption-args.js";
export { type PreemptionCandidate, pickOneNodeForPreemption } from "./pick-node.js";
export {
  earliestStartTimeOfHighestPriority,
  moreImportantPod,
  podStartTime,
  sortByImportance,
} from "./pod-importance.js";
export { noPreemptionVictimsReason, selectVictimsOnNode, type VictimSelection } from "./select-victims.js";
