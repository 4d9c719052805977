export * from "./controller/index.js";
export * from "./history/index.js";
export * from "./placement/index.js";
export * from "./pod-template/index.js";
export * from "./rolling/index.js";
