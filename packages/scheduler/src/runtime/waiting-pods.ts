import type { Clock, Pod, TimerHandle } from "@kubesim/core";
import { Code, type Status } from "../framework/status.js";
import type { WaitingPod } from "./framework-handle.js";
import { goDurationString } from "./go-duration.js";

/** The longest a Permit plugin may make a pod wait (upstream `maxTimeout`, 15 minutes). */
export const maxPermitTimeoutMs = 15 * 60 * 1000;

/** A {@link WaitingPod} plus the promise the binding cycle awaits. */
export interface TrackedWaitingPod extends WaitingPod {
  /** Settles once with `undefined` (allowed) or the rejection status. */
  readonly outcome: Promise<Status | undefined>;
}

/**
 * Creates a waiting pod: one timer per waiting plugin on the injected clock; a timer that
 * fires rejects the pod with `rejected due to timeout after waiting <d> at plugin <p>`.
 */
export function createWaitingPod(
  pod: Pod,
  pluginWaitTimesMs: ReadonlyMap<string, number>,
  clock: Clock,
): TrackedWaitingPod {
  const timers = new Map<string, TimerHandle>();
  let settled = false;
  let settle: (status: Status | undefined) => void = () => {};
  const outcome = new Promise<Status | undefined>((resolve) => {
    settle = resolve;
  });
  const finish = (status: Status | undefined): void => {
    if (settled) return;
    settled = true;
    settle(status);
  };
  const waitingPod: TrackedWaitingPod = {
    pod,
    outcome,
    pendingPlugins: () => [...timers.keys()],
    allow(pluginName: string): void {
      const timer = timers.get(pluginName);
      if (timer !== undefined) {
        clock.clearTimer(timer);
        timers.delete(pluginName);
      }
      if (timers.size === 0) finish(undefined);
    },
    reject(pluginName: string, message: string): void {
      for (const timer of timers.values()) clock.clearTimer(timer);
      finish({ code: Code.Unschedulable, reasons: [message], plugin: pluginName });
    },
  };
  for (const [pluginName, waitTimeMs] of pluginWaitTimesMs) {
    timers.set(
      pluginName,
      clock.setTimer(() => {
        waitingPod.reject(
          pluginName,
          `rejected due to timeout after waiting ${goDurationString(waitTimeMs)} at plugin ${pluginName}`,
        );
      }, waitTimeMs),
    );
  }
  return waitingPod;
}
