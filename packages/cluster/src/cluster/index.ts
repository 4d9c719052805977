export { type AppliedObject, applyObjects, mergeApplied } from "./apply-objects.js";
export {
  type ControlLoop,
  type ControllerManagerOptions,
  createControllerManagerLoops,
} from "./controller-manager.js";
export {
  type AddNodeOptions,
  type Cluster,
  type ClusterOptions,
  createCluster,
  type KubeletSettings,
  type PodReference,
} from "./create-cluster.js";
export {
  controlPlaneNodeName,
  controlPlaneRoleLabel,
  keepalivedNodeLabel,
  kubeadmAddOns,
  kubeadmStaticPods,
} from "./kubeadm-objects.js";
export { parseClusterDuration } from "./parse-duration.js";
