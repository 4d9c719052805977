import type { ObjectMeta, Pod, PodSpec, PodStatus } from "@kubesim/core";
import { configMirrorAnnotation } from "./static-pods.js";

/**
 * The part of a pod the kubelet keeps between events: identity, deletion, grace period,
 * host networking, phase, hostIP and the mirror annotation. Keeping this instead of the
 * whole pod saves a full object copy per pod (the watch hands out copies).
 */
export interface KubeletPodView {
  readonly metadata: ObjectMeta;
  readonly spec: Pick<PodSpec, "terminationGracePeriodSeconds" | "hostNetwork">;
  readonly status: Pick<PodStatus, "phase" | "hostIP">;
}

const noFields = Object.freeze({});

type Writable<T> = { -readonly [Key in keyof T]: T[Key] };

// Plain assignments, not conditional spreads: this runs on every pod event a kubelet sees.
function keptMetadata(metadata: ObjectMeta | undefined): ObjectMeta {
  if (metadata === undefined) return noFields;
  const kept: Writable<ObjectMeta> = {};
  if (metadata.name !== undefined) kept.name = metadata.name;
  if (metadata.namespace !== undefined) kept.namespace = metadata.namespace;
  if (metadata.uid !== undefined) kept.uid = metadata.uid;
  if (metadata.deletionTimestamp !== undefined) kept.deletionTimestamp = metadata.deletionTimestamp;
  if (metadata.deletionGracePeriodSeconds !== undefined) {
    kept.deletionGracePeriodSeconds = metadata.deletionGracePeriodSeconds;
  }
  const annotations = metadata.annotations;
  if (annotations !== undefined && Object.hasOwn(annotations, configMirrorAnnotation)) {
    kept.annotations = { [configMirrorAnnotation]: annotations[configMirrorAnnotation] ?? "" };
  }
  return kept;
}

/** The {@link KubeletPodView} of `pod`; absent fields stay absent. */
export function kubeletPodView(pod: Pod): KubeletPodView {
  const spec = pod.spec;
  const status = pod.status;
  let keptSpec: Writable<KubeletPodView["spec"]> = noFields;
  if (spec?.terminationGracePeriodSeconds !== undefined || spec?.hostNetwork !== undefined) {
    keptSpec = {};
    if (spec.terminationGracePeriodSeconds !== undefined) {
      keptSpec.terminationGracePeriodSeconds = spec.terminationGracePeriodSeconds;
    }
    if (spec.hostNetwork !== undefined) keptSpec.hostNetwork = spec.hostNetwork;
  }
  let keptStatus: Writable<KubeletPodView["status"]> = noFields;
  if (status?.phase !== undefined || status?.hostIP !== undefined) {
    keptStatus = {};
    if (status.phase !== undefined) keptStatus.phase = status.phase;
    if (status.hostIP !== undefined) keptStatus.hostIP = status.hostIP;
  }
  return { metadata: keptMetadata(pod.metadata), spec: keptSpec, status: keptStatus };
}
