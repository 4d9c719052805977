import type { ApiClient, Pod, Random } from "@kubesim/core";
import type { CycleState } from "../framework/cycle-state.js";
import type { Status } from "../framework/status.js";
import type { Handle, NodeInfo, PodInfo } from "../framework/types.js";

/** The event types the scheduler records. */
export type SchedulerEventType = "Normal" | "Warning";

/** One event as the scheduler's events-API recorder takes it (`Eventf(regarding, related, type, reason, action, note)`). */
export interface SchedulerEventInput {
  readonly regarding: Pod;
  readonly related?: Pod | undefined;
  readonly type: SchedulerEventType;
  readonly reason: string;
  readonly action: string;
  readonly note: string;
}

/** A pod a Permit plugin asked to wait; plugins allow or reject it by name. */
export interface WaitingPod {
  readonly pod: Pod;
  /** Plugins that still have to allow the pod. */
  pendingPlugins(): string[];
  /** One plugin allows the pod; it is released once every waiting plugin allowed it. */
  allow(pluginName: string): void;
  /** Rejects the pod (status Unschedulable with `message`, tagged with `pluginName`). */
  reject(pluginName: string, message: string): void;
}

/**
 * What the scheduler lends the framework of a profile: the API client, the seeded random
 * source, the nominator and the informer cache. Plugin tests run without it.
 */
export interface SchedulerServices {
  readonly client: ApiClient;
  readonly random: Random;
  /** Pods nominated to a node (upstream's `PodNominator.NominatedPodsForNode`). */
  nominatedPodsForNode(nodeName: string): readonly PodInfo[];
  /**
   * Whether any pod is nominated anywhere; lets a Filter loop skip asking every node.
   * Absent: every node is asked.
   */
  hasNominatedPods?(): boolean;
  /** The newest copy of a pod in the informer cache, or `undefined` when it is gone. */
  getPod(namespace: string, name: string): Pod | undefined;
  /** Records an event through the events API recorder (best effort, never throws). */
  recordEvent(event: SchedulerEventInput): void;
}

/**
 * The handle extension a framework running inside a scheduler gives its plugins: the
 * {@link SchedulerServices} plus the framework's own runners, which DefaultPreemption
 * uses to re-run filters on what-if node states (upstream's `framework.Handle` methods
 * `RunFilterPluginsWithNominatedPods`, `RunPreFilterExtensionAddPod/RemovePod`,
 * `GetWaitingPod`, `ClientSet`, `EventRecorder`).
 */
export interface SchedulerHandleExtension extends SchedulerServices {
  /** The profile's scheduler name. */
  readonly profileName: string;
  runFilterPluginsWithNominatedPods(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | undefined;
  runPreFilterExtensionAddPod(
    state: CycleState,
    podToSchedule: Pod,
    podInfoToAdd: PodInfo,
    nodeInfo: NodeInfo,
  ): Status | undefined;
  runPreFilterExtensionRemovePod(
    state: CycleState,
    podToSchedule: Pod,
    podInfoToRemove: PodInfo,
    nodeInfo: NodeInfo,
  ): Status | undefined;
  /** The pod waiting at Permit with this uid, if any. */
  getWaitingPod(uid: string): WaitingPod | undefined;
}

/**
 * The handle plugin factories receive from the framework runtime. `scheduler` is present
 * when the framework runs inside `createScheduler` and absent in plugin tests
 * (`evaluatePlugin`), so plugins that need it must degrade gracefully.
 */
export interface SchedulerFrameworkHandle extends Handle {
  readonly scheduler?: SchedulerHandleExtension;
}

/** The scheduler extension of a handle, if the plugin runs inside a scheduler. */
export function schedulerExtensionOf(handle: Handle): SchedulerHandleExtension | undefined {
  return (handle as SchedulerFrameworkHandle).scheduler;
}
