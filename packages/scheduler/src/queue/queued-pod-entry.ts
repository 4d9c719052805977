import type { Pod } from "@kubesim/core";
import type { QueuedPodInfo } from "../framework/plugin.js";
import type { CompiledAffinityTerm } from "./required-affinity-terms.js";

/**
 * A pod in the scheduling queue with the queue's bookkeeping (upstream's
 * `framework.QueuedPodInfo` fields beyond the framework's {@link QueuedPodInfo}).
 */
export interface SchedulingQueuePodInfo extends QueuedPodInfo {
  /**
   * The plugins that rejected the pod in its last attempt, or the PreEnqueue plugin that
   * gates it; cluster events registered by these plugins move the pod back.
   */
  readonly unschedulablePlugins: ReadonlySet<string>;
  /** True while a PreEnqueue plugin rejects the pod: it never backs off and waits unschedulable. */
  readonly gated: boolean;
}

/** The queue's mutable record of one pod; handed out read-only as {@link SchedulingQueuePodInfo}. */
export class QueuedPodEntry implements SchedulingQueuePodInfo {
  pod: Pod;
  timestamp: number;
  attempts = 0;
  initialAttemptTimestamp: number;
  /** Whether {@link initialAttemptTimestamp} was set by a first entry into the active queue. */
  initialAttemptRecorded = false;
  unschedulablePlugins = new Set<string>();
  gated = false;
  private compiledTerms: readonly CompiledAffinityTerm[] | undefined;

  constructor(pod: Pod, now: number) {
    this.pod = pod;
    this.timestamp = now;
    this.initialAttemptTimestamp = now;
  }

  /** Replaces the pod (after an update); cached derived data is dropped. */
  setPod(pod: Pod): void {
    this.pod = pod;
    this.compiledTerms = undefined;
  }

  /** The pod's required affinity terms, compiled on first use. */
  requiredAffinityTerms(
    compile: (pod: Pod) => readonly CompiledAffinityTerm[],
  ): readonly CompiledAffinityTerm[] {
    if (this.compiledTerms === undefined) this.compiledTerms = compile(this.pod);
    return this.compiledTerms;
  }
}
