import { addDefaultTolerationSeconds } from "./default-toleration-seconds.js";
import type { ResolvedDefaultingOptions } from "./defaulting-options.js";
import { isEmptyString, type JsonObject } from "./json-fields.js";
import { admitPodPriority } from "./priority-admission.js";

/** What the pod admission plugins need to know besides the spec. */
export interface PodAdmissionContext extends ResolvedDefaultingOptions {
  /** True when the pod carries the `kubernetes.io/config.mirror` annotation. */
  readonly isMirrorPod: boolean;
}

/**
 * The default mutating admission plugins that change a pod's spec, in place, in
 * upstream's order: ServiceAccount, Priority, DefaultTolerationSeconds.
 *
 * @remarks
 * ServiceAccount (create, not for mirror pods) sets `serviceAccountName: default` when
 * it is empty. Unlike upstream it does not check that the account exists, copy its
 * `imagePullSecrets`, or mount the projected API token volume
 * (`kube-api-access-<random>` and a `volumeMounts` entry on every container): kubesim
 * runs no containers. Priority (create) is {@link admitPodPriority};
 * DefaultTolerationSeconds (create and update) is {@link addDefaultTolerationSeconds}.
 */
export function admitPodSpec(spec: JsonObject, context: PodAdmissionContext): void {
  if (context.create) {
    if (!context.isMirrorPod && isEmptyString(spec.serviceAccountName)) spec.serviceAccountName = "default";
    admitPodPriority(spec, context.priorityClasses);
  }
  addDefaultTolerationSeconds(spec);
}
