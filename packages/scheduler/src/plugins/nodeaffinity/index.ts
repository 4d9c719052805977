export {
  createNodeAffinity,
  type NodeAffinityPlugin,
  nodeAffinityDefinition,
  nodeAffinityReasonConflict,
  nodeAffinityReasonEnforced,
  nodeAffinityReasonPod,
} from "./node-affinity.js";
export { type NodeAffinityArgs, validateNodeAffinityArgs } from "./node-affinity-args.js";
