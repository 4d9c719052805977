export {
  createDaemonPodPlacement,
  type DaemonPodPlacement,
  type DaemonPodPlacementResult,
  nodeShouldRunDaemonPod,
} from "./node-should-run-daemon-pod.js";
export { getTargetNodeName } from "./target-node-name.js";
