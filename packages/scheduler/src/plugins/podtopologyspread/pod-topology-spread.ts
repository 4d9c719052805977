import type { Pod, TopologySpreadConstraint } from "@kubesim/core";
import {
  type ClusterEvent,
  type CycleState,
  type EnqueueExtensions,
  errorStatus,
  type Features,
  type FilterPlugin,
  type Handle,
  type NodeInfo,
  type NodeScore,
  type PluginDefinition,
  type PluginFactory,
  type PodInfo,
  type PreFilterExtensions,
  type PreFilterPlugin,
  type PreFilterResult,
  type PreScorePlugin,
  type ScoreExtensions,
  type ScorePlugin,
  type Status,
  skipStatus,
} from "../../framework/index.js";
import { defaultSelector } from "./default-selector.js";
import {
  computeSpreadPreFilterState,
  filterSpreadNode,
  podTopologySpreadPreFilterStateKey,
  SpreadPreFilterState,
  updateSpreadState,
} from "./filtering.js";
import {
  defaultPodTopologySpreadArgs,
  PodTopologySpreadDefaulting,
  resolvePodTopologySpreadArgs,
  validatePodTopologySpreadArgs,
} from "./pod-topology-spread-args.js";
import {
  computeSpreadPreScoreState,
  normalizeSpreadScores,
  podTopologySpreadPreScoreStateKey,
  SpreadPreScoreState,
  scoreSpreadNode,
} from "./scoring.js";
import {
  hostnameLabel,
  parseSpreadConstraints,
  type SpreadConstraint,
  type UnsatisfiableAction,
} from "./spread-constraint.js";
import { SpreadCountCache } from "./spread-count-cache.js";

/** The plugin's upstream name. */
export const podTopologySpreadName = "PodTopologySpread";

/** The constraints of System defaulting, used for pods without constraints that a Service or controller selects. */
export const podTopologySpreadSystemDefaultConstraints: readonly TopologySpreadConstraint[] = Object.freeze([
  Object.freeze({ topologyKey: hostnameLabel, whenUnsatisfiable: "ScheduleAnyway", maxSkew: 3 }),
  Object.freeze({
    topologyKey: "topology.kubernetes.io/zone",
    whenUnsatisfiable: "ScheduleAnyway",
    maxSkew: 5,
  }),
]);

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An Error status whose reason is `message`, keeping the cause. */
function wrappedError(message: string, cause?: unknown): Status {
  return errorStatus(new Error(message, cause === undefined ? undefined : { cause }));
}

/**
 * Spreads pods matching a selector evenly over topology domains (upstream's
 * PodTopologySpread): Filter enforces `DoNotSchedule` constraints, Score prefers the
 * least-loaded domains for `ScheduleAnyway` ones. Pods without constraints get the
 * cluster defaults, selected through the Services and controllers that select them.
 */
class PodTopologySpread
  implements PreFilterPlugin, PreFilterExtensions, FilterPlugin, PreScorePlugin, ScorePlugin, ScoreExtensions
{
  readonly name = podTopologySpreadName;
  /** PreFilter's per-node counts, kept between cycles (see {@link SpreadCountCache}). */
  private readonly countCache = new SpreadCountCache();

  constructor(
    private readonly handle: Handle,
    private readonly features: Features,
    private readonly defaultConstraints: readonly TopologySpreadConstraint[],
    private readonly systemDefaulted: boolean,
  ) {}

  /** The pod's own constraints with this action, or the default ones when the pod has none. */
  private constraintsFor(pod: Pod, action: UnsatisfiableAction): SpreadConstraint[] {
    const own = pod.spec?.topologySpreadConstraints;
    const podLabels = pod.metadata?.labels;
    const kind = action === "DoNotSchedule" ? "hard" : "soft";
    if (Array.isArray(own) && own.length > 0) {
      try {
        return parseSpreadConstraints(own, podLabels, action, this.features);
      } catch (error) {
        throw new Error(`obtaining pod's ${kind} topology spread constraints: ${messageOf(error)}`, {
          cause: error,
        });
      }
    }
    try {
      const constraints = parseSpreadConstraints(this.defaultConstraints, podLabels, action, this.features);
      if (constraints.length === 0) return constraints;
      const selector = defaultSelector(pod, this.handle.listers);
      if (selector.isEmpty()) return [];
      return constraints.map((constraint) => ({ ...constraint, selector }));
    } catch (error) {
      throw new Error(`setting default ${kind} topology spread constraints: ${messageOf(error)}`, {
        cause: error,
      });
    }
  }

  preFilter(
    state: CycleState,
    pod: Pod,
    nodes: readonly NodeInfo[],
  ): { readonly result?: PreFilterResult; readonly status?: Status } {
    let constraints: SpreadConstraint[];
    try {
      constraints = this.constraintsFor(pod, "DoNotSchedule");
    } catch (error) {
      return { status: wrappedError(`get constraints from pod: ${messageOf(error)}`, error) };
    }
    if (constraints.length === 0) return { status: skipStatus };
    state.write(
      podTopologySpreadPreFilterStateKey,
      computeSpreadPreFilterState(pod, constraints, nodes, this.features, this.countCache),
    );
    return {};
  }

  preFilterExtensions(): PreFilterExtensions {
    return this;
  }

  addPod(
    state: CycleState,
    podToSchedule: Pod,
    podInfoToAdd: PodInfo,
    nodeInfo: NodeInfo,
  ): Status | undefined {
    return this.updateWithPod(state, podToSchedule, podInfoToAdd, nodeInfo, 1);
  }

  removePod(
    state: CycleState,
    podToSchedule: Pod,
    podInfoToRemove: PodInfo,
    nodeInfo: NodeInfo,
  ): Status | undefined {
    return this.updateWithPod(state, podToSchedule, podInfoToRemove, nodeInfo, -1);
  }

  private updateWithPod(
    state: CycleState,
    podToSchedule: Pod,
    podInfo: PodInfo,
    nodeInfo: NodeInfo,
    delta: number,
  ): Status | undefined {
    const preFilterState = readPreFilterState(state);
    if (!(preFilterState instanceof SpreadPreFilterState)) return preFilterState;
    updateSpreadState(preFilterState, podInfo.pod, podToSchedule, nodeInfo.node, delta, this.features);
    return undefined;
  }

  filter(state: CycleState, _pod: Pod, nodeInfo: NodeInfo): Status | undefined {
    const preFilterState = readPreFilterState(state);
    if (!(preFilterState instanceof SpreadPreFilterState)) return preFilterState;
    return filterSpreadNode(preFilterState, nodeInfo);
  }

  preScore(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): Status | undefined {
    const allNodes = this.handle.snapshotSharedLister().list();
    if (allNodes.length === 0) return skipStatus;
    // Only non-system defaults and the pod's own constraints require every topology key, so
    // that nodes without a zone label still get hostname spreading.
    const own = pod.spec?.topologySpreadConstraints;
    const hasOwnConstraints = Array.isArray(own) && own.length > 0;
    const requireAllTopologies = hasOwnConstraints || !this.systemDefaulted;
    let constraints: SpreadConstraint[];
    try {
      constraints = this.constraintsFor(pod, "ScheduleAnyway");
    } catch (error) {
      return wrappedError(`calculating preScoreState: ${messageOf(error)}`, error);
    }
    if (constraints.length === 0) return skipStatus;
    state.write(
      podTopologySpreadPreScoreStateKey,
      computeSpreadPreScoreState(pod, constraints, nodes, allNodes, requireAllTopologies, this.features),
    );
    return undefined;
  }

  score(
    state: CycleState,
    pod: Pod,
    nodeInfo: NodeInfo,
  ): { readonly score: number; readonly status?: Status } {
    const preScoreState = readPreScoreState(state);
    if (!(preScoreState instanceof SpreadPreScoreState)) return { score: 0, status: preScoreState };
    return { score: scoreSpreadNode(preScoreState, pod, nodeInfo) };
  }

  scoreExtensions(): ScoreExtensions {
    return this;
  }

  normalizeScore(state: CycleState, _pod: Pod, scores: NodeScore[]): Status | undefined {
    const preScoreState = readPreScoreState(state);
    if (!(preScoreState instanceof SpreadPreScoreState)) return preScoreState;
    normalizeSpreadScores(preScoreState, scores);
    return undefined;
  }

  eventsToRegister(): readonly ClusterEvent[] {
    const podActions = this.features.enableSchedulingQueueHint
      ? (["Add", "UpdatePodLabel", "UpdatePodScaleDown", "Delete"] as const)
      : (["Add", "UpdatePodLabel", "Delete"] as const);
    return [
      ...podActions.map((action): ClusterEvent => ({ resource: "Pod", action })),
      { resource: "Node", action: "Add" },
      { resource: "Node", action: "Delete" },
      { resource: "Node", action: "UpdateNodeLabel" },
      { resource: "Node", action: "UpdateNodeTaint" },
    ];
  }
}

function readPreFilterState(state: CycleState): SpreadPreFilterState | Status {
  const value = state.read<unknown>(podTopologySpreadPreFilterStateKey);
  if (value instanceof SpreadPreFilterState) return value;
  if (value === undefined)
    return wrappedError(`reading "${podTopologySpreadPreFilterStateKey}" from cycleState: not found`);
  return wrappedError(`${String(value)} convert to podtopologyspread.preFilterState error`);
}

function readPreScoreState(state: CycleState): SpreadPreScoreState | Status {
  const value = state.read<unknown>(podTopologySpreadPreScoreStateKey);
  if (value instanceof SpreadPreScoreState) return value;
  if (value === undefined) {
    return wrappedError(`error reading "${podTopologySpreadPreScoreStateKey}" from cycleState: not found`);
  }
  return wrappedError(`${String(value)} convert to podtopologyspread.preScoreState error`);
}

/**
 * Builds PodTopologySpread from its args (defaulted and validated again here, as upstream's
 * `New` does; invalid args throw a KubesimError).
 */
export const createPodTopologySpread = ((args: unknown, handle: Handle, features: Features) => {
  const resolved = resolvePodTopologySpreadArgs(args);
  const systemDefaulted = resolved.defaultingType === PodTopologySpreadDefaulting.System;
  const defaults = systemDefaulted ? podTopologySpreadSystemDefaultConstraints : resolved.defaultConstraints;
  return new PodTopologySpread(handle, features, defaults, systemDefaulted) satisfies PreFilterPlugin &
    PreFilterExtensions &
    FilterPlugin &
    PreScorePlugin &
    ScorePlugin &
    ScoreExtensions &
    EnqueueExtensions;
}) satisfies PluginFactory;

/** The in-tree registration of PodTopologySpread: factory plus args defaulting and validation. */
export const podTopologySpreadDefinition: PluginDefinition = Object.freeze({
  name: podTopologySpreadName,
  factory: createPodTopologySpread,
  defaultArgs: defaultPodTopologySpreadArgs,
  validateArgs: validatePodTopologySpreadArgs,
});
