import type { Pod } from "@kubesim/core";
import {
  type ClusterEvent,
  Code,
  type CycleState,
  createStatus,
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
import { namespaceOf } from "./affinity-term.js";
import {
  computeInterPodAffinityPreFilterState,
  filterInterPodAffinityNode,
  InterPodAffinityPreFilterState,
  interPodAffinityPreFilterStateKey,
} from "./filtering.js";
import {
  defaultInterPodAffinityArgs,
  type ResolvedInterPodAffinityArgs,
  resolveInterPodAffinityArgs,
  validateInterPodAffinityArgs,
} from "./inter-pod-affinity-args.js";
import { mergeNamespaceSelector, namespaceLabelsOf } from "./namespaces.js";
import { podAffinityTermsOf } from "./pod-affinity-terms.js";
import {
  computeInterPodAffinityPreScoreState,
  InterPodAffinityPreScoreState,
  interPodAffinityPreScoreStateKey,
  normalizeInterPodAffinityScores,
  scoreInterPodAffinityNode,
} from "./scoring.js";

/** The plugin's upstream name. */
export const interPodAffinityName = "InterPodAffinity";

function errorWithMessage(message: string): Status {
  return errorStatus(new Error(message));
}

function hasItems(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

/**
 * Places pods relative to other pods (upstream's InterPodAffinity): Filter enforces the
 * incoming pod's required affinity and anti-affinity and existing pods' required
 * anti-affinity; Score sums preferred terms of both sides and existing pods' required
 * affinity (hardPodAffinityWeight) per topology domain.
 */
class InterPodAffinity
  implements PreFilterPlugin, PreFilterExtensions, FilterPlugin, PreScorePlugin, ScorePlugin, ScoreExtensions
{
  readonly name = interPodAffinityName;

  constructor(
    private readonly handle: Handle,
    private readonly features: Features,
    private readonly args: ResolvedInterPodAffinityArgs,
  ) {}

  preFilter(
    state: CycleState,
    pod: Pod,
    nodes: readonly NodeInfo[],
  ): { readonly result?: PreFilterResult; readonly status?: Status } {
    const terms = podAffinityTermsOf(pod);
    if (terms.error !== undefined) {
      return { status: createStatus(Code.UnschedulableAndUnresolvable, `parsing pod: ${terms.error}`) };
    }
    const listers = this.handle.listers;
    const requiredAffinity = terms.requiredAffinity.map((term) => mergeNamespaceSelector(term, listers));
    const requiredAntiAffinity = terms.requiredAntiAffinity.map((term) =>
      mergeNamespaceSelector(term, listers),
    );
    const preFilterState = computeInterPodAffinityPreFilterState(
      pod,
      requiredAffinity,
      requiredAntiAffinity,
      namespaceLabelsOf(listers, namespaceOf(pod)),
      nodes,
      this.handle.snapshotSharedLister().havePodsWithRequiredAntiAffinityList(),
    );
    if (
      preFilterState.existingAntiAffinityCounts.size === 0 &&
      requiredAffinity.length === 0 &&
      requiredAntiAffinity.length === 0
    ) {
      return { status: skipStatus };
    }
    state.write(interPodAffinityPreFilterStateKey, preFilterState);
    return {};
  }

  preFilterExtensions(): PreFilterExtensions {
    return this;
  }

  addPod(
    state: CycleState,
    _podToSchedule: Pod,
    podInfoToAdd: PodInfo,
    nodeInfo: NodeInfo,
  ): Status | undefined {
    const preFilterState = readPreFilterState(state);
    if (!(preFilterState instanceof InterPodAffinityPreFilterState)) return preFilterState;
    preFilterState.updateWithPod(podInfoToAdd.pod, nodeInfo.node, 1);
    return undefined;
  }

  removePod(
    state: CycleState,
    _podToSchedule: Pod,
    podInfoToRemove: PodInfo,
    nodeInfo: NodeInfo,
  ): Status | undefined {
    const preFilterState = readPreFilterState(state);
    if (!(preFilterState instanceof InterPodAffinityPreFilterState)) return preFilterState;
    preFilterState.updateWithPod(podInfoToRemove.pod, nodeInfo.node, -1);
    return undefined;
  }

  filter(state: CycleState, _pod: Pod, nodeInfo: NodeInfo): Status | undefined {
    const preFilterState = readPreFilterState(state);
    if (!(preFilterState instanceof InterPodAffinityPreFilterState)) return preFilterState;
    return filterInterPodAffinityNode(preFilterState, nodeInfo);
  }

  preScore(state: CycleState, pod: Pod, _nodes: readonly NodeInfo[]): Status | undefined {
    const affinity = pod.spec?.affinity;
    const hasPreferredTerms =
      hasItems(affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution) ||
      hasItems(affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution);
    // Optionally skip existing pods' preferences when the incoming pod has none of its own.
    if (this.args.ignorePreferredTermsOfExistingPods && !hasPreferredTerms) return skipStatus;
    const lister = this.handle.snapshotSharedLister();
    // Unless the incoming pod has preferred terms, only nodes hosting pods with affinity matter.
    const nodes = hasPreferredTerms ? lister.list() : lister.havePodsWithAffinityList();
    const terms = podAffinityTermsOf(pod);
    // Normally caught by PreFilter already.
    if (terms.error !== undefined) return errorWithMessage(`failed to parse pod: ${terms.error}`);
    const listers = this.handle.listers;
    const preScoreState = computeInterPodAffinityPreScoreState(
      {
        pod,
        preferredAffinity: terms.preferredAffinity.map((term) => mergeNamespaceSelector(term, listers)),
        preferredAntiAffinity: terms.preferredAntiAffinity.map((term) =>
          mergeNamespaceSelector(term, listers),
        ),
        namespaceLabels: namespaceLabelsOf(listers, namespaceOf(pod)),
        hardPodAffinityWeight: this.args.hardPodAffinityWeight,
      },
      nodes,
      hasPreferredTerms,
    );
    if (preScoreState === undefined) return skipStatus;
    state.write(interPodAffinityPreScoreStateKey, preScoreState);
    return undefined;
  }

  score(
    state: CycleState,
    _pod: Pod,
    nodeInfo: NodeInfo,
  ): { readonly score: number; readonly status?: Status } {
    const preScoreState = readPreScoreState(state);
    if (!(preScoreState instanceof InterPodAffinityPreScoreState)) return { score: 0, status: preScoreState };
    return { score: scoreInterPodAffinityNode(preScoreState, nodeInfo) };
  }

  scoreExtensions(): ScoreExtensions {
    return this;
  }

  normalizeScore(state: CycleState, _pod: Pod, scores: NodeScore[]): Status | undefined {
    const preScoreState = readPreScoreState(state);
    if (!(preScoreState instanceof InterPodAffinityPreScoreState)) return preScoreState;
    normalizeInterPodAffinityScores(preScoreState, scores);
    return undefined;
  }

  eventsToRegister(): readonly ClusterEvent[] {
    const podActions = this.features.enableSchedulingQueueHint
      ? (["Add", "UpdatePodLabel", "UpdatePodScaleDown", "Delete"] as const)
      : (["Add", "UpdatePodLabel", "Delete"] as const);
    return [
      ...podActions.map((action): ClusterEvent => ({ resource: "Pod", action })),
      { resource: "Node", action: "Add" },
      { resource: "Node", action: "UpdateNodeLabel" },
    ];
  }
}

function readPreFilterState(state: CycleState): InterPodAffinityPreFilterState | Status {
  const value = state.read<unknown>(interPodAffinityPreFilterStateKey);
  if (value instanceof InterPodAffinityPreFilterState) return value;
  if (value === undefined) {
    return errorWithMessage(
      `error reading "${interPodAffinityPreFilterStateKey}" from cycleState: not found`,
    );
  }
  return errorWithMessage(`${String(value)}  convert to interpodaffinity.state error`);
}

function readPreScoreState(state: CycleState): InterPodAffinityPreScoreState | Status {
  const value = state.read<unknown>(interPodAffinityPreScoreStateKey);
  if (value instanceof InterPodAffinityPreScoreState) return value;
  if (value === undefined) {
    return errorWithMessage(
      `failed to read "${interPodAffinityPreScoreStateKey}" from cycleState: not found`,
    );
  }
  return errorWithMessage(`${String(value)}  convert to interpodaffinity.preScoreState error`);
}

/**
 * Builds InterPodAffinity from its args (defaulted and validated again here, as upstream's
 * `New` does; invalid args throw a KubesimError).
 */
export const createInterPodAffinity = ((args: unknown, handle: Handle, features: Features) =>
  new InterPodAffinity(handle, features, resolveInterPodAffinityArgs(args)) satisfies PreFilterPlugin &
    PreFilterExtensions &
    FilterPlugin &
    PreScorePlugin &
    ScorePlugin &
    ScoreExtensions &
    EnqueueExtensions) satisfies PluginFactory;

/** The in-tree registration of InterPodAffinity: factory plus args defaulting and validation. */
export const interPodAffinityDefinition: PluginDefinition = Object.freeze({
  name: interPodAffinityName,
  factory: createInterPodAffinity,
  defaultArgs: defaultInterPodAffinityArgs,
  validateArgs: validateInterPodAffinityArgs,
});
