import type { ApiClient, Clock, ControllerRevision, DaemonSet, Node, Pod } from "@kubesim/core";
import type { DaemonPodPlacementResult } from "../placement/index.js";
import type { DaemonPodScheduling } from "../pod-template/index.js";
import type { ControllerExpectations } from "./controller-expectations.js";
import type { DaemonPodIndex } from "./daemon-pod-index.js";
import type { DaemonSetEventReason, DaemonSetEventRecorder, EventType } from "./daemon-set-event-recorder.js";
import type { DaemonSetModel } from "./daemon-set-model.js";
import type { FailedPodsBackoff } from "./failed-pods-backoff.js";
import type { ObjectCache } from "./object-cache.js";

/** The informer caches of a running controller. */
export interface ControllerCaches {
  readonly daemonSets: ObjectCache<DaemonSet>;
  readonly nodes: ObjectCache<Node>;
  readonly pods: ObjectCache<Pod>;
  readonly revisions: ObjectCache<ControllerRevision>;
  /** The pod cache's index by controller and node, maintained by the cache's observer. */
  readonly podIndex: DaemonPodIndex;
  /** The running model of the DaemonSet `key` (created on first use). */
  model(key: string): DaemonSetModel;
  /** Forgets the model of a DaemonSet that is gone. */
  dropModel(key: string): void;
}

/** What every pass shares: the client, the clock and the controller's bookkeeping. */
export interface ControllerRuntime {
  readonly client: ApiClient;
  readonly clock: Clock;
  readonly scheduling: DaemonPodScheduling;
  readonly burstReplicas: number;
  readonly expectations: ControllerExpectations;
  readonly failedPodsBackoff: FailedPodsBackoff;
  readonly events: DaemonSetEventRecorder;
  /** Requeues a key after a delay on the clock; does nothing while the controller is not running. */
  enqueueAfter(key: string, delayMs: number): void;
  /** The informer caches while the controller runs; `undefined` makes a pass read through the client. */
  caches(): ControllerCaches | undefined;
}

/**
 * One reconciliation pass of one DaemonSet: what it read at the start and the working
 * copy of its namespace's pods and revisions, which its own writes update as they return.
 */
export interface SyncPass {
  readonly runtime: ControllerRuntime;
  /** `namespace/name`. */
  readonly key: string;
  readonly daemonSet: DaemonSet;
  readonly namespace: string;
  /** Every node as the pass started, sorted by name (built on first read when the pass has a model). */
  readonly nodes: readonly Node[];
  /** The placement answer for every node in {@link SyncPass.nodes}, by node name (idem). */
  readonly placements: ReadonlyMap<string, DaemonPodPlacementResult>;
  /**
   * The DaemonSet's running model while the controller runs: its steps read the model
   * instead of claiming and grouping every pod, whenever the claim would change nothing.
   */
  readonly model?: DaemonSetModel;
  /** The pods of the namespace (the informer cache itself when running). */
  readonly pods: ObjectCache<Pod>;
  /** The ControllerRevisions of the namespace (the informer cache itself when running). */
  readonly revisions: ObjectCache<ControllerRevision>;
  /** True when {@link SyncPass.pods} is the shared informer cache (removals leave tombstones). */
  readonly cached: boolean;
  /** Records an event on the DaemonSet; the pass waits for every such write before it returns. */
  recordEvent(type: EventType, reason: DaemonSetEventReason, message: string): void;
  /** Upstream's `RecheckDeletionTimestamp`, run at most once per pass: rejects when adoption is not allowed. */
  canAdopt(): Promise<void>;
}
