/** The cells of a pod row (`kubectl get pods`, all columns including the wide ones). */
import type { Pod } from "kubernetes-types/core/v1";
import { asArray, path, stringAt } from "./object-fields.js";
import { formatPodRestarts, summarizePod } from "./pod-summary.js";
import type { TableRowCondition } from "./table-types.js";
import { translateTimestampSince } from "./timestamp.js";

const succeededConditions: readonly TableRowCondition[] = Object.freeze([
  Object.freeze({
    type: "Completed",
    status: "True",
    reason: "Succeeded",
    message: "The pod has completed successfully.",
  } as const),
]);
const failedConditions: readonly TableRowCondition[] = Object.freeze([
  Object.freeze({ type: "Completed", status: "True", reason: "Failed", message: "The pod failed." } as const),
]);

/** NAME, READY, STATUS, RESTARTS, AGE, IP, NODE, NOMINATED NODE, READINESS GATES. */
export function podCells(pod: Pod, now: Date): unknown[] {
  const summary = summarizePod(pod);
  return [
    stringAt(pod, "metadata", "name"),
    `${summary.readyContainers}/${summary.totalContainers}`,
    summary.status,
    formatPodRestarts(summary, now),
    translateTimestampSince(path(pod, "metadata", "creationTimestamp"), now),
    podIP(pod) || "<none>",
    stringAt(pod, "spec", "nodeName") || "<none>",
    stringAt(pod, "status", "nominatedNodeName") || "<none>",
    readinessGates(pod),
  ];
}

/** The row conditions upstream attaches: `Completed` for Succeeded and Failed pods. */
export function podRowConditions(pod: Pod): TableRowCondition[] | undefined {
  switch (stringAt(pod, "status", "phase")) {
    case "Succeeded":
      return [...succeededConditions];
    case "Failed":
      return [...failedConditions];
    default:
      return undefined;
  }
}

function podIP(pod: Pod): string {
  // The API server's conversion makes status.podIP authoritative and fills podIPs from it.
  return stringAt(pod, "status", "podIP") || stringAt(asArray(path(pod, "status", "podIPs"))[0], "ip");
}

function readinessGates(pod: Pod): string {
  const gates = asArray(path(pod, "spec", "readinessGates"));
  if (gates.length === 0) return "<none>";
  const conditions = asArray(path(pod, "status", "conditions"));
  let trueConditions = 0;
  for (const gate of gates) {
    const type = stringAt(gate, "conditionType");
    const condition = conditions.find((candidate) => stringAt(candidate, "type") === type);
    if (condition !== undefined && stringAt(condition, "status") === "True") trueConditions++;
  }
  return `${trueConditions}/${gates.length}`;
}
