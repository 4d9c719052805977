import type { Container, ContainerStatus, Pod, PodCondition, PodStatus } from "@kubesim/core";
import { copyOwnFields, type WritableFields } from "./copy-own-fields.js";
import { kubeletHash, kubeletTimestamp } from "./kubelet-hash.js";

/**
 * The image reference the container runtime reports: the fully qualified form
 * (`nginx:1.25` → `docker.io/library/nginx:1.25`, `:latest` when untagged).
 */
export function normalizeImageReference(image: string): string {
  const slash = image.indexOf("/");
  const firstSegment = slash === -1 ? "" : image.slice(0, slash);
  const hasDomain =
    firstSegment !== "" &&
    (firstSegment.includes(".") || firstSegment.includes(":") || firstSegment === "localhost");
  let reference = hasDomain ? image : slash === -1 ? `docker.io/library/${image}` : `docker.io/${image}`;
  const lastSlash = reference.lastIndexOf("/");
  const lastPart = reference.slice(lastSlash + 1);
  if (!lastPart.includes(":") && !lastPart.includes("@")) reference = `${reference}:latest`;
  return reference;
}

// Plain assignments (same key order as the literal would give): this runs on every pod
// status write, where conditional spreads cost microseconds.
function condition(
  type: string,
  status: "True" | "False",
  transitionTime: string,
  reason?: string,
  message?: string,
): PodCondition {
  const result: WritableFields<PodCondition> = { type, status, lastTransitionTime: transitionTime };
  if (reason !== undefined) result.reason = reason;
  if (message !== undefined) result.message = message;
  return result;
}

interface ReportedImage {
  readonly image: string;
  readonly imageID: string;
}

// Image reference -> what the runtime reports for it; images repeat across pods. Bounded:
// manifests are untrusted, so it is emptied when full rather than growing without limit.
const reportedImages = new Map<string, ReportedImage>();
const reportedImagesLimit = 1024;

function reportedImage(reference: string): ReportedImage {
  let reported = reportedImages.get(reference);
  if (reported === undefined) {
    const image = normalizeImageReference(reference);
    reported = { image, imageID: `${repositoryOf(image)}@sha256:${kubeletHash(`image:${image}`, 64)}` };
    if (reportedImages.size >= reportedImagesLimit) reportedImages.clear();
    reportedImages.set(reference, reported);
  }
  return reported;
}

function containers(pod: Pod): Container[] {
  return pod.spec?.containers ?? [];
}

/**
 * The status the kubelet posts when it first sees a pod: Pending, every container
 * waiting in `ContainerCreating`, hostIP and startTime set, the sandbox not ready yet.
 */
export function buildCreatingPodStatus(pod: Pod, hostIp: string, nowMs: number): PodStatus {
  const now = kubeletTimestamp(nowMs);
  const names = containers(pod).map((container) => container.name);
  const notReadyMessage = `containers with unready status: [${names.join(" ")}]`;
  const containerStatuses: ContainerStatus[] = containers(pod).map((container) => ({
    name: container.name,
    image: container.image ?? "",
    imageID: "",
    ready: false,
    restartCount: 0,
    started: false,
    state: { waiting: { reason: "ContainerCreating" } },
  }));
  // What `{ ...pod.status, phase, conditions, ... }` gives, built field by field (see copyOwnFields).
  const result = copyOwnFields(pod.status);
  result.phase = "Pending";
  result.conditions = [
    condition("PodReadyToStartContainers", "False", now),
    condition("Initialized", "True", now),
    condition("Ready", "False", now, "ContainersNotReady", notReadyMessage),
    condition("ContainersReady", "False", now, "ContainersNotReady", notReadyMessage),
    condition("PodScheduled", "True", scheduledTime(pod, now)),
  ];
  result.hostIP = hostIp;
  result.hostIPs = [{ ip: hostIp }];
  result.startTime = pod.status?.startTime ?? now;
  result.containerStatuses = containerStatuses;
  return result;
}

function repositoryOf(reference: string): string {
  const lastSlash = reference.lastIndexOf("/");
  const at = reference.indexOf("@", lastSlash);
  if (at !== -1) return reference.slice(0, at);
  const colon = reference.indexOf(":", lastSlash);
  return colon === -1 ? reference : reference.slice(0, colon);
}

function scheduledTime(pod: Pod, fallback: string): string {
  for (const existing of pod.status?.conditions ?? []) {
    if (
      existing.type === "PodScheduled" &&
      existing.status === "True" &&
      existing.lastTransitionTime !== undefined
    ) {
      return existing.lastTransitionTime;
    }
  }
  return fallback;
}

/**
 * The status once the containers run: phase Running, podIP, every container running and
 * ready (init containers terminated with `Completed`), all five conditions True.
 */
export function buildRunningPodStatus(pod: Pod, hostIp: string, podIp: string, nowMs: number): PodStatus {
  const now = kubeletTimestamp(nowMs);
  const uid = pod.metadata?.uid ?? "";
  const status = (container: Container, init: boolean): ContainerStatus => {
    const { image, imageID } = reportedImage(container.image ?? "");
    return {
      name: container.name,
      image,
      imageID,
      containerID: `containerd://${kubeletHash(`container:${uid}/${container.name}`, 64)}`,
      ready: !init,
      restartCount: 0,
      started: !init,
      state: init
        ? { terminated: { exitCode: 0, reason: "Completed", startedAt: now, finishedAt: now } }
        : { running: { startedAt: now } },
    };
  };
  const initContainers = pod.spec?.initContainers ?? [];
  // What `{ ...pod.status, phase, conditions, ... }` gives, built field by field (see copyOwnFields).
  const startTime = pod.status?.startTime ?? now;
  const result = copyOwnFields(pod.status);
  result.phase = "Running";
  result.conditions = [
    condition("PodReadyToStartContainers", "True", now),
    condition("Initialized", "True", now),
    condition("Ready", "True", now),
    condition("ContainersReady", "True", now),
    condition("PodScheduled", "True", scheduledTime(pod, now)),
  ];
  result.hostIP = hostIp;
  result.hostIPs = [{ ip: hostIp }];
  result.podIP = podIp;
  result.podIPs = [{ ip: podIp }];
  result.startTime = startTime;
  if (initContainers.length > 0) {
    result.initContainerStatuses = initContainers.map((container) => status(container, true));
  }
  result.containerStatuses = containers(pod).map((container) => status(container, false));
  return result;
}
