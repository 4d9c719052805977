export * from "./fields/index.js";
export * from "./labels/index.js";
export * from "./node-affinity/index.js";
export * from "./taints/index.js";
