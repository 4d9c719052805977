import type { Pod } from "@kubesim/core";
import { Code, isRejected, type Status } from "../framework/status.js";
import { NodeStatusMap } from "./node-status-map.js";

/** Why a pod fits no node: the per-node statuses and what PreFilter/PostFilter said. */
export interface Diagnosis {
  readonly nodeToStatus: NodeStatusMap;
  /** Plugins that rejected the pod somewhere (the queue requeues it on their events). */
  readonly unschedulablePlugins: Set<string>;
  /** Plugins that answered Pending. */
  readonly pendingPlugins: Set<string>;
  /** The PreFilter rejection message; when set, per-node reasons are not listed. */
  preFilterMessage: string;
  /** What PostFilter (preemption) said, appended verbatim. */
  postFilterMessage: string;
}

/** An empty {@link Diagnosis}. */
export function createDiagnosis(): Diagnosis {
  return {
    nodeToStatus: new NodeStatusMap(),
    unschedulablePlugins: new Set(),
    pendingPlugins: new Set(),
    preFilterMessage: "",
    postFilterMessage: "",
  };
}

/**
 * Records the plugin of a status in the diagnosis, as upstream's `AddPluginStatus`:
 * rejecting plugins go to `unschedulablePlugins`, Pending ones to `pendingPlugins`.
 */
export function addPluginStatus(diagnosis: Diagnosis, status: Status): void {
  const plugin = status.plugin;
  if (plugin === undefined || plugin === "") return;
  if (isRejected(status)) diagnosis.unschedulablePlugins.add(plugin);
  if (status.code === Code.Pending) diagnosis.pendingPlugins.add(plugin);
}

/** The message of a cycle that found no node: `0/<n> nodes are available: …`. */
export function fitErrorMessage(numAllNodes: number, diagnosis: Diagnosis): string {
  let message = `0/${numAllNodes} nodes are available:`;
  if (diagnosis.preFilterMessage !== "") {
    // Every node carries the PreFilter status; listing them would repeat the message.
    message += ` ${diagnosis.preFilterMessage}.`;
  } else {
    const histogram = new Map<string, number>();
    const statuses = diagnosis.nodeToStatus;
    for (const status of statuses.values()) {
      for (const reason of status.reasons) histogram.set(reason, (histogram.get(reason) ?? 0) + 1);
    }
    const absentCount = numAllNodes - statuses.size;
    if (absentCount > 0) {
      for (const reason of statuses.absentNodesStatus.reasons) {
        histogram.set(reason, (histogram.get(reason) ?? 0) + absentCount);
      }
    }
    const entries: string[] = [];
    for (const [reason, count] of histogram) entries.push(`${count} ${reason}`);
    // A plain string sort, as upstream: "10 …" sorts before "2 …".
    entries.sort(compareStrings);
    if (entries.length > 0) message += ` ${entries.join(", ")}.`;
  }
  if (diagnosis.postFilterMessage !== "") message += ` ${diagnosis.postFilterMessage}`;
  return message;
}

/** Byte-wise (code unit) string order, as Go's `sort.Strings`; never locale-aware. */
function compareStrings(left: string, right: string): number {
  if (left < right) return -1;
  return left > right ? 1 : 0;
}

/**
 * No node fits the pod (upstream's `FitError`). The message is computed on read, because
 * PostFilter adds its part after the error is created.
 */
export class FitError extends Error {
  readonly pod: Pod;
  readonly numAllNodes: number;
  readonly diagnosis: Diagnosis;

  constructor(pod: Pod, numAllNodes: number, diagnosis: Diagnosis) {
    super("");
    this.name = "FitError";
    this.pod = pod;
    this.numAllNodes = numAllNodes;
    this.diagnosis = diagnosis;
    Object.defineProperty(this, "message", {
      get: () => fitErrorMessage(this.numAllNodes, this.diagnosis),
      enumerable: false,
      configurable: true,
    });
  }
}

/** The error a cycle reports when the cluster has no node at all. */
export const noNodesAvailableMessage = "no nodes available to schedule pods";

/** Upstream's `NoteLengthLimit`: events carry at most this many characters of message. */
export const eventNoteLengthLimit = 1024;

/**
 * Cuts an event message to {@link eventNoteLengthLimit} characters ending in ` ...`,
 * as the scheduler does for FailedScheduling events (the pod condition keeps the full text).
 */
export function truncateEventMessage(message: string): string {
  if (message.length <= eventNoteLengthLimit) return message;
  const suffix = " ...";
  return message.slice(0, eventNoteLengthLimit - suffix.length) + suffix;
}
