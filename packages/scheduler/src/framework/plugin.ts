import type { Pod } from "@kubesim/core";
import type { CycleState } from "./cycle-state.js";
import type { Status } from "./status.js";
import type { Features, Handle, NodeInfo, PodInfo } from "./types.js";

/** Every plugin has a stable upstream name, e.g. `"TaintToleration"`. */
export interface Plugin {
  readonly name: string;
}

/** A pod waiting in the scheduling queue. */
export interface QueuedPodInfo {
  readonly pod: Pod;
  /** When the pod was (re)added to the queue, epoch ms. */
  readonly timestamp: number;
  /** How many scheduling attempts the pod has had. */
  readonly attempts: number;
  /** When the pod first entered the queue, epoch ms. */
  readonly initialAttemptTimestamp: number;
}

/** Decides whether a pod may enter the active queue at all (e.g. scheduling gates). */
export interface PreEnqueuePlugin extends Plugin {
  preEnqueue(pod: Pod): Status | undefined;
}

/** Orders the active queue. */
export interface QueueSortPlugin extends Plugin {
  less(first: QueuedPodInfo, second: QueuedPodInfo): boolean;
}

/**
 * Narrows the nodes to evaluate: `undefined` means "all nodes", a set means "only these".
 */
export interface PreFilterResult {
  readonly nodeNames: ReadonlySet<string> | undefined;
}

/** Incremental updates of PreFilter state when the framework adds or removes pods in what-if runs. */
export interface PreFilterExtensions {
  addPod(
    state: CycleState,
    podToSchedule: Pod,
    podInfoToAdd: PodInfo,
    nodeInfo: NodeInfo,
  ): Status | undefined;
  removePod(
    state: CycleState,
    podToSchedule: Pod,
    podInfoToRemove: PodInfo,
    nodeInfo: NodeInfo,
  ): Status | undefined;
}

/** Runs once per cycle before filtering; may compute state and narrow the nodes. */
export interface PreFilterPlugin extends Plugin {
  preFilter(
    state: CycleState,
    pod: Pod,
    nodes: readonly NodeInfo[],
  ): { readonly result?: PreFilterResult; readonly status?: Status };
  preFilterExtensions?(): PreFilterExtensions | undefined;
}

/** Decides whether the pod can run on one node. Must be synchronous and allocation-light. */
export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | undefined;
}

/** Node name → the status that rejected the pod there. */
export type NodeToStatus = ReadonlyMap<string, Status>;

/** What a PostFilter plugin (preemption) decides. */
export interface PostFilterResult {
  readonly nominatedNodeName?: string;
}

/** Runs when no node fits, e.g. to preempt lower-priority pods. */
export interface PostFilterPlugin extends Plugin {
  postFilter(
    state: CycleState,
    pod: Pod,
    filteredNodeStatuses: NodeToStatus,
  ): Promise<{ readonly result?: PostFilterResult; readonly status?: Status }>;
}

/** Runs once per cycle before scoring, over the feasible nodes. */
export interface PreScorePlugin extends Plugin {
  preScore(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): Status | undefined;
}

/** A node's score from one plugin. */
export interface NodeScore {
  readonly name: string;
  score: number;
}

/** Rescales a plugin's raw scores (in place) to [0, 100]. */
export interface ScoreExtensions {
  normalizeScore(state: CycleState, pod: Pod, scores: NodeScore[]): Status | undefined;
}

/** Ranks feasible nodes; higher is better. */
export interface ScorePlugin extends Plugin {
  score(
    state: CycleState,
    pod: Pod,
    nodeInfo: NodeInfo,
  ): { readonly score: number; readonly status?: Status };
  scoreExtensions?(): ScoreExtensions | undefined;
}

/** Claims resources for the pod on the chosen node (and releases them on failure). */
export interface ReservePlugin extends Plugin {
  reserve(state: CycleState, pod: Pod, nodeName: string): Status | undefined;
  unreserve(state: CycleState, pod: Pod, nodeName: string): void;
}

/** Approves, denies or delays binding. */
export interface PermitPlugin extends Plugin {
  permit(
    state: CycleState,
    pod: Pod,
    nodeName: string,
  ): { readonly status?: Status; readonly timeoutMs?: number };
}

/** Runs before binding (e.g. to provision volumes). */
export interface PreBindPlugin extends Plugin {
  preBind(state: CycleState, pod: Pod, nodeName: string): Promise<Status | undefined>;
}

/** Binds the pod to the node; `Skip` passes to the next bind plugin. */
export interface BindPlugin extends Plugin {
  bind(state: CycleState, pod: Pod, nodeName: string): Promise<Status | undefined>;
}

/** Informational hook after a successful bind. */
export interface PostBindPlugin extends Plugin {
  postBind(state: CycleState, pod: Pod, nodeName: string): void;
}

/** The kinds of cluster change the queue reacts to. */
export type ClusterEventResource = "Pod" | "Node" | "AssignedPod" | "UnscheduledPod" | "Service" | "*";

/** What changed about a resource. */
export type ClusterEventAction =
  | "Add"
  | "Delete"
  | "Update"
  | "UpdateNodeLabel"
  | "UpdateNodeTaint"
  | "UpdateNodeAllocatable"
  | "UpdateNodeCondition"
  | "UpdateNodeAnnotation"
  | "UpdatePodLabel"
  | "UpdatePodScaleDown"
  | "UpdatePodTolerations"
  | "UpdatePodSchedulingGatesEliminated"
  | "All";

/** A cluster event that may make a pod rejected by a plugin schedulable again. */
export interface ClusterEvent {
  readonly resource: ClusterEventResource;
  readonly action: ClusterEventAction;
}

/** Tells the queue which events may make pods rejected by this plugin schedulable. */
export interface EnqueueExtensions extends Plugin {
  eventsToRegister(): readonly ClusterEvent[];
}

/** Builds a plugin from its (already defaulted and validated) args. */
export type PluginFactory = (args: unknown, handle: Handle, features: Features) => Plugin;
