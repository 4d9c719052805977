export * from "./cluster/index.js";
export * from "./garbage-collector/index.js";
export * from "./kubelet/index.js";
export * from "./node-lifecycle/index.js";
export * from "./pod-gc/index.js";
export * from "./static-pod-manifests/index.js";
