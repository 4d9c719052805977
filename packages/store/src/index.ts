export * from "./memory-store/index.js";
export * from "./patch/index.js";
