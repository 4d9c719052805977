export { createKubelet, type Kubelet, type KubeletOptions } from "./create-kubelet.js";
export {
  buildNodeStatus,
  defaultNodeCapacity,
  nodeIndexFromName,
  nodeInternalIp,
  nodePodCidr,
  simulatedKubeletVersion,
} from "./node-status.js";
export { buildCreatingPodStatus, buildRunningPodStatus, normalizeImageReference } from "./pod-status.js";
export {
  buildMirrorPod,
  configHashAnnotation,
  configMirrorAnnotation,
  configSeenAnnotation,
  configSourceAnnotation,
  isMirrorPod,
  type StaticPodEntry,
  staticPodEntry,
} from "./static-pods.js";
