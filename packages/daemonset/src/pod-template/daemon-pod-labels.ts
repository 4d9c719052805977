/** Label on daemon pods and ControllerRevisions: the hash of the template revision they belong to. */
export const controllerRevisionHashLabel = "controller-revision-hash";

/** Label on daemon pods: the DaemonSet's template generation when the pod was created. */
export const podTemplateGenerationLabel = "pod-template-generation";
