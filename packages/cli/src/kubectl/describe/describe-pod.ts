/** `describe pod`: kubectl's Pod describer. */
import { podQosClass } from "@kubesim/core";

import { podFieldRefResolver, writeContainers, writeResources } from "./describe-containers.js";
import { searchEvents, writeEvents } from "./describe-events.js";
import { mapValue, writeAnnotations, writeLabels, writeTolerations } from "./describe-fields.js";
import { writeTopologySpreadConstraints } from "./describe-pod-template.js";
import { ageSince, formatTimestamp } from "./describe-time.js";
import { writeVolumes } from "./describe-volumes.js";
import { tabbedString } from "./describe-writer.js";
import { controllerOf, type Describer } from "./describer.js";
import { podLevelResources } from "./pod-resources.js";

/** The annotation a mirror pod carries: the static pod's uid, which the kubelet's events name. */
const mirrorPodAnnotation = "kubernetes.io/config.mirror";

/**
 * Describes a pod: identity, node, start time, labels, annotations, status, IPs, its
 * controller, containers (with their statuses), conditions, volumes, QoS class,
 * scheduling constraints and its events (searched without a kind, and for a mirror pod
 * under the static pod's uid).
 */
export const describePod: Describer = async (context, namespace, name, settings) => {
  const pod = await context.client.get("Pod", name, { namespace });
  const metadata = pod.metadata ?? {};
  const spec = pod.spec;
  const status = pod.status;
  const annotations = metadata.annotations;
  const isMirror = annotations !== undefined && Object.hasOwn(annotations, mirrorPodAnnotation);
  const events = settings.showEvents
    ? await searchEvents(context.client, {
        namespace: metadata.namespace ?? "",
        name: metadata.name ?? "",
        kind: "",
        uid: isMirror ? mapValue(annotations, mirrorPodAnnotation) : (metadata.uid ?? ""),
      })
    : undefined;
  const now = context.clock.now();
  const resolveFieldRef = podFieldRefResolver(pod);
  return tabbedString((writer) => {
    writer.write(0, `Name:\t${metadata.name ?? ""}\n`);
    writer.write(0, `Namespace:\t${metadata.namespace ?? ""}\n`);
    if (typeof spec?.priority === "number") writer.write(0, `Priority:\t${Math.trunc(spec.priority)}\n`);
    if ((spec?.priorityClassName ?? "") !== "")
      writer.write(0, `Priority Class Name:\t${spec?.priorityClassName}\n`);
    if ((spec?.runtimeClassName ?? "") !== "")
      writer.write(0, `Runtime Class Name:\t${spec?.runtimeClassName}\n`);
    if ((spec?.serviceAccountName ?? "") !== "")
      writer.write(0, `Service Account:\t${spec?.serviceAccountName}\n`);
    const nodeName = spec?.nodeName ?? "";
    writer.write(0, nodeName === "" ? "Node:\t<none>\n" : `Node:\t${nodeName}/${status?.hostIP ?? ""}\n`);
    if (status?.startTime !== undefined && status.startTime !== null) {
      writer.write(0, `Start Time:\t${formatTimestamp(status.startTime)}\n`);
    }
    writeLabels(writer, "Labels", metadata.labels);
    writeAnnotations(writer, "Annotations", annotations);
    const phase = status?.phase ?? "";
    if (
      metadata.deletionTimestamp !== undefined &&
      metadata.deletionTimestamp !== null &&
      phase !== "Failed" &&
      phase !== "Succeeded"
    ) {
      writer.write(0, `Status:\tTerminating (lasts ${ageSince(metadata.deletionTimestamp, now)})\n`);
      writer.write(
        0,
        `Termination Grace Period:\t${Math.trunc(metadata.deletionGracePeriodSeconds ?? 0)}s\n`,
      );
    } else {
      writer.write(0, `Status:\t${phase}\n`);
    }
    if ((status?.reason ?? "") !== "") writer.write(0, `Reason:\t${status?.reason}\n`);
    if ((status?.message ?? "") !== "") writer.write(0, `Message:\t${status?.message}\n`);
    const seccompProfile = spec?.securityContext?.seccompProfile;
    if (seccompProfile !== undefined && seccompProfile !== null) {
      writer.write(0, `SeccompProfile:\t${seccompProfile.type}\n`);
      if (seccompProfile.type === "Localhost")
        writer.write(0, `LocalhostProfile:\t${seccompProfile.localhostProfile ?? ""}\n`);
    }
    writer.write(0, `IP:\t${status?.podIP ?? ""}\n`);
    const podIPs = status?.podIPs ?? [];
    if (podIPs.length === 0) {
      writer.write(0, "IPs:\t<none>\n");
    } else {
      writer.write(0, "IPs:\n");
      for (const address of podIPs) writer.write(1, `IP:\t${address.ip ?? ""}\n`);
    }
    const controller = controllerOf(pod);
    if (controller !== undefined) writer.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
    if ((status?.nominatedNodeName ?? "") !== "")
      writer.write(0, `NominatedNodeName:\t${status?.nominatedNodeName}\n`);
    const podResources = podLevelResources(pod);
    if (podResources !== undefined) {
      writer.write(0, "Resources:\n");
      writeResources(writer, podResources, 1);
    }
    const initContainers = spec?.initContainers ?? [];
    if (initContainers.length > 0) {
      writeContainers(
        writer,
        "Init Containers",
        initContainers,
        status?.initContainerStatuses ?? [],
        resolveFieldRef,
        "",
      );
    }
    writeContainers(
      writer,
      "Containers",
      spec?.containers ?? [],
      status?.containerStatuses ?? [],
      resolveFieldRef,
      "",
    );
    const ephemeralContainers = spec?.ephemeralContainers ?? [];
    if (ephemeralContainers.length > 0) {
      writeContainers(
        writer,
        "Ephemeral Containers",
        ephemeralContainers,
        status?.ephemeralContainerStatuses ?? [],
        resolveFieldRef,
        "",
      );
    }
    const conditions = status?.conditions ?? [];
    const readinessGates = spec?.readinessGates ?? [];
    if (readinessGates.length > 0) {
      writer.write(0, "Readiness Gates:\n  Type\tStatus\n");
      for (const gate of readinessGates) {
        const condition = conditions.find((candidate) => candidate.type === gate.conditionType);
        writer.write(
          1,
          `${gate.conditionType} \t${condition === undefined ? "<none>" : condition.status} \n`,
        );
      }
    }
    if (conditions.length > 0) {
      writer.write(0, "Conditions:\n  Type\tStatus\n");
      for (const condition of conditions) writer.write(1, `${condition.type} \t${condition.status} \n`);
    }
    writeVolumes(writer, spec?.volumes, "");
    writer.write(0, `QoS Class:\t${podQosClass(pod)}\n`);
    writeLabels(writer, "Node-Selectors", spec?.nodeSelector);
    writeTolerations(writer, "Tolerations", spec?.tolerations);
    writeTopologySpreadConstraints(writer, spec?.topologySpreadConstraints, "");
    if (events !== undefined) writeEvents(writer, events, now);
  });
};
