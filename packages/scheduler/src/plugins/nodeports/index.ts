export { hostPortConflicts } from "./host-port-conflict.js";
export { createNodePorts, type NodePortsPlugin, nodePortsDefinition, nodePortsReason } from "./node-ports.js";
