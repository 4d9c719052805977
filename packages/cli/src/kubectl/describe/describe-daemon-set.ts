/** `describe daemonset`: kubectl's DaemonSet describer. */
import { formatLabelSelector, formatLabels, KubesimError } from "@kubesim/core";
import { searchEvents, writeEvents } from "./describe-events.js";
import { writeAnnotations, writeLabels } from "./describe-fields.js";
import { writePodTemplate } from "./describe-pod-template.js";
import { tabbedString } from "./describe-writer.js";
import { controllerOf, type Describer } from "./describer.js";

/** Counts of the DaemonSet's own pods (controller reference to its uid) by phase. */
interface PodPhaseCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/**
 * Describes a DaemonSet: selector, node selector, labels, annotations, the status
 * counters, `Pods Status` from its pods (listed by its selector, kept when it controls
 * them), the pod template and its events.
 */
export const describeDaemonSet: Describer = async (context, namespace, name, settings) => {
  const daemonSet = await context.client.get("DaemonSet", name, { namespace });
  const formatted = formatLabelSelector(daemonSet.spec?.selector);
  if (formatted === "<error>") {
    throw new KubesimError(`invalid label selector in daemonset ${namespace}/${name}`);
  }
  // An empty selector (and a missing one) selects every pod of the namespace.
  const selector = formatted === "<none>" ? "" : formatted;
  const uid = daemonSet.metadata?.uid ?? "";
  const pods = await context.client.list("Pod", {
    namespace,
    ...(selector === "" ? {} : { labelSelector: selector }),
  });
  const counts: PodPhaseCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of pods.items) {
    if (controllerOf(pod)?.uid !== uid) continue;
    const phase = pod.status?.phase;
    if (phase === "Running") counts.running++;
    else if (phase === "Pending") counts.waiting++;
    else if (phase === "Succeeded") counts.succeeded++;
    else if (phase === "Failed") counts.failed++;
  }
  const events = settings.showEvents
    ? await searchEvents(context.client, { namespace, name, kind: "DaemonSet", uid })
    : undefined;
  const status = daemonSet.status;
  const count = (value: number | undefined): number => Math.trunc(value ?? 0);
  return tabbedString((writer) => {
    writer.write(0, `Name:\t${daemonSet.metadata?.name ?? ""}\n`);
    writer.write(0, `Selector:\t${selector}\n`);
    writer.write(0, `Node-Selector:\t${formatLabels(daemonSet.spec?.template?.spec?.nodeSelector)}\n`);
    writeLabels(writer, "Labels", daemonSet.metadata?.labels);
    writeAnnotations(writer, "Annotations", daemonSet.metadata?.annotations);
    writer.write(0, `Desired Number of Nodes Scheduled: ${count(status?.desiredNumberScheduled)}\n`);
    writer.write(0, `Current Number of Nodes Scheduled: ${count(status?.currentNumberScheduled)}\n`);
    writer.write(
      0,
      `Number of Nodes Scheduled with Up-to-date Pods: ${count(status?.updatedNumberScheduled)}\n`,
    );
    writer.write(0, `Number of Nodes Scheduled with Available Pods: ${count(status?.numberAvailable)}\n`);
    writer.write(0, `Number of Nodes Misscheduled: ${count(status?.numberMisscheduled)}\n`);
    writer.write(
      0,
      `Pods Status:\t${counts.running} Running / ${counts.waiting} Waiting / ${counts.succeeded} Succeeded / ${counts.failed} Failed\n`,
    );
    writePodTemplate(writer, daemonSet.spec?.template ?? {});
    if (events !== undefined) writeEvents(writer, events, context.clock.now());
  });
};
