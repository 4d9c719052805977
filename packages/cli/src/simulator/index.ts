export { registerAdvanceCommand, runAdvance } from "./advance.js";
export { registerClusterCommand } from "./cluster-command.js";
export {
  type ClusterCreateFlags,
  defaultClusterName,
  defaultWorkerNodes,
  maxWorkerNodes,
  runClusterCreate,
} from "./cluster-create.js";
export { runClusterDelete } from "./cluster-delete.js";
export { listClusterNames, runClusterList } from "./cluster-list.js";
export { runClusterUse } from "./cluster-use.js";
export {
  parseExplainTarget,
  registerExplainCommand,
  renderExplanation,
  runExplainPod,
} from "./explain-pod.js";
export { type NodeAddFlags, runNodeAdd } from "./node-add.js";
export { registerNodeCommand } from "./node-command.js";
export { runNodeRemove } from "./node-remove.js";
export { runNodeSetReady } from "./node-set-ready.js";
