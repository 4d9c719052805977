/**
 * The READY, STATUS and RESTARTS cells of a pod, computed in one walk over its container
 * statuses exactly as upstream `printPod` does (init containers, sidecars, the reverse
 * walk over regular containers, then the deletion overrides).
 */
import type { Pod } from "kubernetes-types/core/v1";
import { humanDuration } from "./duration.js";
import { asArray, asRecord, field, integerAt, path, stringAt } from "./object-fields.js";
import { type Instant, isBefore, millisecondsSince, parseTimestamp } from "./timestamp.js";

/** What a pod row shows about its containers. */
export interface PodSummary {
  /** Ready containers (regular ones running and ready, plus started, ready sidecars). */
  readonly readyContainers: number;
  /** Regular containers plus restartable init containers (sidecars). */
  readonly totalContainers: number;
  /** The STATUS cell, e.g. `Running`, `Init:0/1`, `CrashLoopBackOff`, `Terminating`. */
  readonly status: string;
  /** The restart count the RESTARTS cell shows. */
  readonly restarts: number;
  /** When the most recently restarted container last terminated, if known. */
  readonly lastRestart: Instant | undefined;
}

const nodeUnreachablePodReason = "NodeLost";

/** Computes the READY/STATUS/RESTARTS facts of a pod (upstream `printPod`). */
export function summarizePod(pod: Pod): PodSummary {
  const phase = stringAt(pod, "status", "phase");
  let reason = stringAt(pod, "status", "reason") || phase;
  const conditions = asArray(path(pod, "status", "conditions"));
  for (const condition of conditions) {
    if (
      stringAt(condition, "type") === "PodScheduled" &&
      stringAt(condition, "reason") === "SchedulingGated"
    ) {
      reason = "SchedulingGated";
    }
  }

  const initContainers = new Map<string, unknown>();
  let totalContainers = asArray(path(pod, "spec", "containers")).length;
  const initContainerSpecs = asArray(path(pod, "spec", "initContainers"));
  for (const container of initContainerSpecs) {
    initContainers.set(stringAt(container, "name"), container);
    if (isRestartable(container)) totalContainers++;
  }

  let readyContainers = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: Instant | undefined;
  let lastSidecarRestart: Instant | undefined;
  let initializing = false;
  const initStatuses = asArray(path(pod, "status", "initContainerStatuses"));
  for (const [index, status] of initStatuses.entries()) {
    const restartCount = integerAt(status, "restartCount");
    const finishedAt = lastTermination(status);
    restarts += restartCount;
    lastRestart = later(lastRestart, finishedAt);
    const sidecar = isRestartable(initContainers.get(stringAt(status, "name")));
    if (sidecar) {
      sidecarRestarts += restartCount;
      lastSidecarRestart = later(lastSidecarRestart, finishedAt);
    }
    const terminated = asRecord(path(status, "state", "terminated"));
    const waitingReason = stringAt(status, "state", "waiting", "reason");
    if (terminated !== undefined && integerAt(terminated, "exitCode") === 0) continue;
    if (sidecar && field(asRecord(status), "started") === true) {
      if (field(asRecord(status), "ready") === true) readyContainers++;
      continue;
    }
    if (terminated !== undefined) {
      reason = `Init:${terminationReason(terminated)}`;
    } else if (waitingReason !== "" && waitingReason !== "PodInitializing") {
      reason = `Init:${waitingReason}`;
    } else {
      reason = `Init:${index}/${initContainerSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || isInitialized(conditions)) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = asArray(path(pod, "status", "containerStatuses"));
    for (let index = statuses.length - 1; index >= 0; index--) {
      const status = statuses[index];
      restarts += integerAt(status, "restartCount");
      lastRestart = later(lastRestart, lastTermination(status));
      const waitingReason = stringAt(status, "state", "waiting", "reason");
      const terminated = asRecord(path(status, "state", "terminated"));
      if (waitingReason !== "") {
        reason = waitingReason;
      } else if (terminated !== undefined) {
        reason = terminationReason(terminated);
      } else if (
        field(asRecord(status), "ready") === true &&
        asRecord(path(status, "state", "running")) !== undefined
      ) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A pod whose containers exited 0 but one still runs is Running (or NotReady), not Completed.
    if (reason === "Completed" && hasRunning) {
      reason = hasCondition(conditions, "Ready") ? "Running" : "NotReady";
    }
  }

  const deletionTimestamp = path(pod, "metadata", "deletionTimestamp");
  if (deletionTimestamp !== undefined && deletionTimestamp !== null) {
    if (stringAt(pod, "status", "reason") === nodeUnreachablePodReason) {
      reason = "Unknown";
    } else if (phase !== "Succeeded" && phase !== "Failed") {
      reason = "Terminating";
    }
  }

  return { readyContainers, totalContainers, status: reason, restarts, lastRestart };
}

/** The STATUS cell of `kubectl get pods`, e.g. `Running`, `Pending`, `Init:1/2`. */
export function podStatusReason(pod: Pod): string {
  return summarizePod(pod).status;
}

/** The RESTARTS cell: `3`, or `3 (2m14s ago)` when the last termination time is known. */
export function formatPodRestarts(summary: PodSummary, now: Date): string {
  if (summary.restarts === 0 || summary.lastRestart === undefined) return String(summary.restarts);
  return `${summary.restarts} (${humanDuration(millisecondsSince(summary.lastRestart, now))} ago)`;
}

function terminationReason(terminated: Readonly<Record<string, unknown>>): string {
  const reason = stringAt(terminated, "reason");
  if (reason !== "") return reason;
  const signal = integerAt(terminated, "signal");
  return signal !== 0 ? `Signal:${signal}` : `ExitCode:${integerAt(terminated, "exitCode")}`;
}

function isRestartable(container: unknown): boolean {
  return stringAt(container, "restartPolicy") === "Always";
}

function lastTermination(status: unknown): Instant | undefined {
  return parseTimestamp(path(status, "lastState", "terminated", "finishedAt"));
}

function later(current: Instant | undefined, candidate: Instant | undefined): Instant | undefined {
  if (candidate === undefined) return current;
  return current === undefined || isBefore(current, candidate) ? candidate : current;
}

function isInitialized(conditions: readonly unknown[]): boolean {
  // Upstream looks at the first Initialized condition only.
  const initialized = conditions.find((condition) => stringAt(condition, "type") === "Initialized");
  return initialized !== undefined && stringAt(initialized, "status") === "True";
}

function hasCondition(conditions: readonly unknown[], type: string): boolean {
  return conditions.some(
    (condition) => stringAt(condition, "type") === type && stringAt(condition, "status") === "True",
  );
}
