export { validateControllerRevision } from "./controller-revision.js";
export { validateDaemonSet, validateDaemonSetUpdate } from "./daemonset.js";
export { validateDaemonSetStatusUpdate } from "./daemonset-status.js";
export { type JsonTypeName, jsonTypeError } from "./field-reader.js";
export { goPointerPlaceholder } from "./go-values.js";
export { validateLabelSelector } from "./label-selector.js";
export { totalAnnotationSizeLimit, validateAnnotations, validateLabels } from "./labels.js";
export { validateLease } from "./lease.js";
export {
  inclusiveRangeError,
  isDns1035Label,
  isDns1123Label,
  isDns1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
  maxLengthError,
  type NameValidator,
  nameIsDns1035Label,
  nameIsDnsLabel,
  nameIsDnsSubdomain,
} from "./name-predicates.js";
export { validateNamespace } from "./namespace.js";
export { validateNode, validateNodeUpdate } from "./node.js";
export { validateNodeAffinity, validateNodeSelector } from "./node-affinity.js";
export { type ValidateObjectMetaOptions, validateObjectMeta } from "./object-meta.js";
export { fieldImmutableMessage, validateObjectMetaUpdate } from "./object-meta-update.js";
export { validatePod } from "./pod.js";
export { type ValidatePodSpecOptions, validatePodSpec } from "./pod-spec.js";
export { validatePodTemplateSpec } from "./pod-template.js";
export { updatablePodSpecFields, validatePodUpdate } from "./pod-update.js";
export { validateTaints } from "./taints.js";
export { taintEffects, validateTolerations } from "./tolerations.js";
export { assertValidObject, type ValidateObjectOptions, validateObject } from "./validate-object.js";
