export { type CanonicalJsonOptions, canonicalJson } from "./canonical-json.js";
export { daemonSetControllerReference } from "./controller-reference.js";
export { controllerRevisionHashLabel, podTemplateGenerationLabel } from "./daemon-pod-labels.js";
export { hashPodTemplate, safeEncodeString } from "./hash-pod-template.js";
export {
  createDaemonPodTemplate,
  type DaemonPodScheduling,
  type NewDaemonSetPodOptions,
  newDaemonSetPod,
  replaceDaemonSetPodNodeNameNodeAffinity,
} from "./new-daemon-set-pod.js";
export { canonicalGoInt64, daemonSetTemplateGeneration } from "./template-generation.js";
