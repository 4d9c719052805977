export { cordonNodes, runCordon, runUncordon } from "./cordon.js";
export { registerCordonCommand, registerUncordonCommand } from "./cordon-command.js";
export { type DrainOptions, runDrain } from "./drain.js";
export { registerDrainCommand } from "./drain-command.js";
export { type PodDeleteList, type PodFilterOptions, podsForDeletion } from "./pods-for-deletion.js";
export { type NodeSelection, type SelectedNode, selectNodes } from "./select-nodes.js";
