export { createNodeName, nodeNameDefinition, nodeNameReason } from "./node-name.js";
