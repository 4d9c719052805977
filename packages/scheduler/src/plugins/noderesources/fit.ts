import { aggregateFieldErrors, KubesimError, type Pod } from "@kubesim/core";
import type { CycleState } from "../../framework/cycle-state.js";
import type {
  ClusterEvent,
  EnqueueExtensions,
  FilterPlugin,
  PreFilterPlugin,
  PreScorePlugin,
  ScorePlugin,
} from "../../framework/plugin.js";
import type { PluginDefinition } from "../../framework/plugin-definition.js";
import { computePodRequests, hasRestartableInitContainer, podInfoOf } from "../../framework/pod-requests.js";
import { isExtendedResourceName, isZeroRequest } from "../../framework/resource.js";
import { Code, type Status, unschedulableAndUnresolvable } from "../../framework/status.js";
import type { Features, NodeInfo, Resource } from "../../framework/types.js";
import { clusterEvents } from "../helper/cluster-events.js";
import {
  defaultNodeResourcesFitArgs,
  defaultNodeResourcesFitArgsV1,
  type NodeResourcesFitArgs,
  type ScoringStrategy,
  ScoringStrategyType,
  validateNodeResourcesFitArgs,
} from "./args.js";
import { leastAllocatedScorer } from "./least-allocated.js";
import { mostAllocatedScorer } from "./most-allocated.js";
import { requestedToCapacityRatioScorer } from "./requested-to-capacity-ratio.js";
import {
  ResourceAllocationScorer,
  type ResourceScorer,
  type WeightedResource,
} from "./resource-allocation.js";

const name = "NodeResourcesFit";
const preFilterStateKey = `PreFilter${name}`;
const preScoreStateKey = `PreScore${name}`;

/** Filter reason when the node already holds as many pods as it allows. */
export const nodeResourcesFitReasonTooManyPods = "Too many pods";

/** PreFilter reason (UnschedulableAndUnresolvable) for sidecars while SidecarContainers is off. */
export const nodeResourcesFitReasonSidecarsDisabled =
  "Pod has a restartable init container and the SidecarContainers feature is disabled";

/** The Filter reason for a resource the node lacks: `Insufficient cpu`, `Insufficient example.com/foo`. */
export function insufficientResourceReason(resourceName: string): string {
  return `Insufficient ${resourceName}`;
}

const insufficientCpu = insufficientResourceReason("cpu");
const insufficientMemory = insufficientResourceReason("memory");
const insufficientEphemeralStorage = insufficientResourceReason("ephemeral-storage");

/** A resource that does not fit a node, with the amounts upstream's `InsufficientResource` reports. */
export interface InsufficientResource {
  readonly resourceName: string;
  readonly reason: string;
  readonly requested: number;
  readonly used: number;
  readonly capacity: number;
}

/** What PreFilter computes once per pod. */
interface PreFilterState {
  readonly request: Resource;
  readonly zeroRequest: boolean;
  /** Non-zero scalar requests to check, sorted by name, ignored resources left out. */
  readonly scalars: readonly (readonly [string, number])[];
}

interface PreScoreState {
  readonly podRequests: readonly number[];
}

/** The NodeResourcesFit plugin's extension points. */
export type NodeResourcesFitPlugin = PreFilterPlugin &
  FilterPlugin &
  PreScorePlugin &
  ScorePlugin &
  EnqueueExtensions;

function isIgnored(
  resourceName: string,
  ignoredResources: ReadonlySet<string>,
  ignoredGroups: ReadonlySet<string>,
) {
  if (!isExtendedResourceName(resourceName)) return false;
  if (ignoredResources.has(resourceName)) return true;
  if (ignoredGroups.size === 0) return false;
  const slash = resourceName.indexOf("/");
  return ignoredGroups.has(slash < 0 ? resourceName : resourceName.slice(0, slash));
}

function buildPreFilterState(
  request: Resource,
  ignoredResources: ReadonlySet<string>,
  ignoredGroups: ReadonlySet<string>,
): PreFilterState {
  const scalars: [string, number][] = [];
  for (const [resourceName, amount] of request.scalarResources) {
    if (amount !== 0 && !isIgnored(resourceName, ignoredResources, ignoredGroups))
      scalars.push([resourceName, amount]);
  }
  // Upstream walks a Go map (random order); sorting by name makes the reasons deterministic.
  scalars.sort((left, right) => (left[0] < right[0] ? -1 : left[0] > right[0] ? 1 : 0));
  return { request, zeroRequest: isZeroRequest(request), scalars };
}

function appendEntry(
  list: InsufficientResource[] | undefined,
  entry: InsufficientResource,
): InsufficientResource[] {
  if (list === undefined) return [entry];
  list.push(entry);
  return list;
}

/**
 * Every resource of the node that cannot hold the pod, in upstream's order: pods, cpu,
 * memory, ephemeral-storage, then scalar resources (sorted by name). Exactly filling a node
 * fits. Returns `undefined` without allocating anything when everything fits (the hot path).
 */
function insufficientResources(
  state: PreFilterState,
  nodeInfo: NodeInfo,
): InsufficientResource[] | undefined {
  let result: InsufficientResource[] | undefined;
  const allocatable = nodeInfo.allocatable;
  const requested = nodeInfo.requested;
  const podCount = nodeInfo.pods.length;
  if (podCount + 1 > allocatable.allowedPodNumber) {
    result = appendEntry(result, {
      resourceName: "pods",
      reason: nodeResourcesFitReasonTooManyPods,
      requested: 1,
      used: podCount,
      capacity: allocatable.allowedPodNumber,
    });
  }
  if (state.zeroRequest) return result;
  const request = state.request;
  if (request.milliCpu > 0 && request.milliCpu > allocatable.milliCpu - requested.milliCpu) {
    result = appendEntry(result, {
      resourceName: "cpu",
      reason: insufficientCpu,
      requested: request.milliCpu,
      used: requested.milliCpu,
      capacity: allocatable.milliCpu,
    });
  }
  if (request.memory > 0 && request.memory > allocatable.memory - requested.memory) {
    result = appendEntry(result, {
      resourceName: "memory",
      reason: insufficientMemory,
      requested: request.memory,
      used: requested.memory,
      capacity: allocatable.memory,
    });
  }
  if (
    request.ephemeralStorage > 0 &&
    request.ephemeralStorage > allocatable.ephemeralStorage - requested.ephemeralStorage
  ) {
    result = appendEntry(result, {
      resourceName: "ephemeral-storage",
      reason: insufficientEphemeralStorage,
      requested: request.ephemeralStorage,
      used: requested.ephemeralStorage,
      capacity: allocatable.ephemeralStorage,
    });
  }
  const scalars = state.scalars;
  for (let index = 0; index < scalars.length; index += 1) {
    const entry = scalars[index] as readonly [string, number];
    const resourceName = entry[0];
    const amount = entry[1];
    const capacity = allocatable.scalarResources.get(resourceName) ?? 0;
    const used = requested.scalarResources.get(resourceName) ?? 0;
    if (amount > capacity - used) {
      result = appendEntry(result, {
        resourceName,
        reason: insufficientResourceReason(resourceName),
        requested: amount,
        used,
        capacity,
      });
    }
  }
  return result;
}

// Bits of {@link insufficientMask}, in the order the reasons are listed.
const lacksPods = 1;
const lacksCpu = 2;
const lacksMemory = 4;
const lacksEphemeralStorage = 8;
const lacksScalar = 16;
const builtInReasons: readonly [number, string][] = [
  [lacksPods, nodeResourcesFitReasonTooManyPods],
  [lacksCpu, insufficientCpu],
  [lacksMemory, insufficientMemory],
  [lacksEphemeralStorage, insufficientEphemeralStorage],
];

/**
 * What {@link insufficientResources} finds, as bits (0: the pod fits), without building
 * anything: Filter's hot path. `lacksScalar` stands for any scalar resource.
 */
function insufficientMask(state: PreFilterState, nodeInfo: NodeInfo): number {
  const allocatable = nodeInfo.allocatable;
  const requested = nodeInfo.requested;
  let mask = nodeInfo.pods.length + 1 > allocatable.allowedPodNumber ? lacksPods : 0;
  if (state.zeroRequest) return mask;
  const request = state.request;
  if (request.milliCpu > 0 && request.milliCpu > allocatable.milliCpu - requested.milliCpu) mask |= lacksCpu;
  if (request.memory > 0 && request.memory > allocatable.memory - requested.memory) mask |= lacksMemory;
  if (
    request.ephemeralStorage > 0 &&
    request.ephemeralStorage > allocatable.ephemeralStorage - requested.ephemeralStorage
  ) {
    mask |= lacksEphemeralStorage;
  }
  const scalars = state.scalars;
  for (let index = 0; index < scalars.length; index += 1) {
    const entry = scalars[index] as readonly [string, number];
    const capacity = allocatable.scalarResources.get(entry[0]) ?? 0;
    const used = requested.scalarResources.get(entry[0]) ?? 0;
    if (entry[1] > capacity - used) return mask | lacksScalar;
  }
  return mask;
}

/**
 * Upstream's `noderesources.Fits`: every resource of the node that cannot hold the pod
 * (empty when it fits), with the plugin's ignored resources and groups applied.
 */
export function fitsRequest(
  pod: Pod,
  nodeInfo: NodeInfo,
  options: {
    readonly ignoredResources?: Iterable<string>;
    readonly ignoredResourceGroups?: Iterable<string>;
  } = {},
): InsufficientResource[] {
  const state = buildPreFilterState(
    computePodRequests(pod),
    new Set(options.ignoredResources ?? []),
    new Set(options.ignoredResourceGroups ?? []),
  );
  return insufficientResources(state, nodeInfo) ?? [];
}

/** How many distinct rejection statuses are kept (reasons name resources, which manifests choose). */
const rejectionStatusLimit = 64;

/**
 * The Filter's rejection statuses, one frozen status per list of reasons: a full cluster
 * rejects a pod on hundreds of nodes for the same reasons (preemption asks again per
 * candidate), and a shared frozen status is tagged with the plugin name only once.
 */
class RejectionStatuses {
  private readonly byReasons = new Map<string, Status>();
  /** By {@link insufficientMask} when no scalar resource is short. */
  private readonly byMask: (Status | undefined)[] = [];

  builtInStatus(mask: number): Status {
    let status = this.byMask[mask];
    if (status === undefined) {
      const reasons = builtInReasons.filter(([bit]) => (mask & bit) !== 0).map(([, reason]) => reason);
      status = Object.freeze({ code: Code.Unschedulable, reasons: Object.freeze(reasons) });
      this.byMask[mask] = status;
    }
    return status;
  }

  statusFor(insufficient: readonly InsufficientResource[]): Status {
    const reasons = insufficient.map((entry) => entry.reason);
    const key = JSON.stringify(reasons);
    let status = this.byReasons.get(key);
    if (status === undefined) {
      if (this.byReasons.size >= rejectionStatusLimit) this.byReasons.clear();
      status = Object.freeze({ code: Code.Unschedulable, reasons: Object.freeze(reasons) });
      this.byReasons.set(key, status);
    }
    return status;
  }
}

function resourcesOf(strategy: ScoringStrategy): readonly WeightedResource[] | undefined {
  if (strategy.resources === null || strategy.resources === undefined) return undefined;
  return strategy.resources.map((resource) => ({ name: resource.name, weight: resource.weight ?? 0 }));
}

function strategyScorer(strategy: ScoringStrategy, resources: readonly WeightedResource[]): ResourceScorer {
  switch (strategy.type) {
    case ScoringStrategyType.LeastAllocated:
      return leastAllocatedScorer(resources);
    case ScoringStrategyType.MostAllocated:
      return mostAllocatedScorer(resources);
    case ScoringStrategyType.RequestedToCapacityRatio: {
      const shape = strategy.requestedToCapacityRatio?.shape;
      if (shape === undefined || shape === null || shape.length === 0) {
        throw new KubesimError(
          "scoring strategy RequestedToCapacityRatio needs scoringStrategy.requestedToCapacityRatio.shape",
        );
      }
      return requestedToCapacityRatioScorer(resources, shape);
    }
    default:
      throw new KubesimError(`scoring strategy ${String(strategy.type)} is not supported`);
  }
}

/**
 * The NodeResourcesFit plugin (upstream `noderesources.Fit`, v1.32).
 *
 * - PreFilter: with SidecarContainers disabled a pod with a restartable init container is
 *   UnschedulableAndUnresolvable (`Pod has a restartable init container and the
 *   SidecarContainers feature is disabled`); otherwise the pod's requests (component-helpers
 *   `PodRequests`) are stored.
 * - Filter (Unschedulable, every failing resource in order): `Too many pods`,
 *   `Insufficient cpu`, `Insufficient memory`, `Insufficient ephemeral-storage`, then
 *   `Insufficient <scalar>` by name; extended resources in `ignoredResources` or whose group
 *   is in `ignoredResourceGroups` are not checked. Without PreFilter state it is an Error.
 * - PreScore/Score: the configured strategy (LeastAllocated, MostAllocated,
 *   RequestedToCapacityRatio) over `scoringStrategy.resources`, cpu/memory counting
 *   100m/200Mi for containers that set none; `resources not found` Error when the list is
 *   null. Score recomputes the pod's requests when PreScore did not run.
 *
 * @throws KubesimError when the args are invalid (as upstream `NewFit`): validation errors,
 *   no scoring strategy, or RequestedToCapacityRatio without a shape.
 */
export function createNodeResourcesFit(args: unknown, features: Features): NodeResourcesFitPlugin {
  const errors = validateNodeResourcesFitArgs(args);
  if (errors.length > 0) throw new KubesimError(aggregateFieldErrors(errors));
  const fitArgs = (args ?? {}) as NodeResourcesFitArgs;
  const strategy = fitArgs.scoringStrategy;
  if (strategy === undefined || strategy === null) throw new KubesimError("scoring strategy not specified");
  const resources = resourcesOf(strategy);
  const scorer = new ResourceAllocationScorer(resources, strategyScorer(strategy, resources ?? []), false);
  const ignoredResources: ReadonlySet<string> = new Set(fitArgs.ignoredResources ?? []);
  const ignoredGroups: ReadonlySet<string> = new Set(fitArgs.ignoredResourceGroups ?? []);
  const sidecarsDisabledStatus = unschedulableAndUnresolvable(nodeResourcesFitReasonSidecarsDisabled);
  const missingStateStatus: Status = {
    code: Code.Error,
    reasons: [`error reading "${preFilterStateKey}" from cycleState: not found`],
    error: new Error(`error reading "${preFilterStateKey}" from cycleState: not found`),
  };
  const rejections = new RejectionStatuses();
  const podEvents = features.enableInPlacePodVerticalScaling
    ? clusterEvents("Pod", "Delete", "UpdatePodScaleDown")
    : clusterEvents("Pod", "Delete");
  const nodeEvents = features.enableSchedulingQueueHint
    ? clusterEvents("Node", "Add", "UpdateNodeAllocatable")
    : clusterEvents("Node", "Add", "UpdateNodeAllocatable", "UpdateNodeTaint", "UpdateNodeLabel");
  const events: readonly ClusterEvent[] = [...podEvents, ...nodeEvents];

  return {
    name,
    preFilter(state: CycleState, pod: Pod) {
      if (!features.enableSidecarContainers && hasRestartableInitContainer(pod)) {
        return { status: sidecarsDisabledStatus };
      }
      state.write(
        preFilterStateKey,
        buildPreFilterState(podInfoOf(pod).requests, ignoredResources, ignoredGroups),
      );
      return {};
    },
    preFilterExtensions: () => undefined,
    filter(state: CycleState, _pod: Pod, nodeInfo: NodeInfo): Status | undefined {
      const preFilterState = state.read<PreFilterState>(preFilterStateKey);
      if (preFilterState === undefined) return missingStateStatus;
      const mask = insufficientMask(preFilterState, nodeInfo);
      if (mask === 0) return undefined;
      if ((mask & lacksScalar) === 0) return rejections.builtInStatus(mask);
      return rejections.statusFor(insufficientResources(preFilterState, nodeInfo) ?? []);
    },
    preScore(state: CycleState, pod: Pod): Status | undefined {
      const preScoreState: PreScoreState = { podRequests: scorer.podRequests(pod) };
      state.write(preScoreStateKey, preScoreState);
      return undefined;
    },
    score(state: CycleState, pod: Pod, nodeInfo: NodeInfo) {
      // Recomputed when PreScore did not run.
      const podRequests = state.read<PreScoreState>(preScoreStateKey)?.podRequests ?? scorer.podRequests(pod);
      return scorer.score(nodeInfo, podRequests);
    },
    scoreExtensions: () => undefined,
    eventsToRegister: () => events,
  } satisfies NodeResourcesFitPlugin;
}

/**
 * The in-tree NodeResourcesFit plugin with its args defaulted (LeastAllocated over cpu and
 * memory) and validated as upstream.
 */
export const nodeResourcesFitDefinition: PluginDefinition = {
  name,
  factory: (args, _handle, features) => createNodeResourcesFit(args, features),
  defaultArgs: defaultNodeResourcesFitArgs,
  versionedDefaultArgs: defaultNodeResourcesFitArgsV1,
  validateArgs: validateNodeResourcesFitArgs,
};
