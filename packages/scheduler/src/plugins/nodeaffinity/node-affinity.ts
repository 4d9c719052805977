import {
  createNodeSelector,
  createPreferredSchedulingTerms,
  type NodeSelectorMatcher,
  nodeNamesFromAffinityPins,
  type PreferredSchedulingTermsScorer,
  type RequiredNodeAffinity,
  requiredNodeAffinity,
} from "@kubesim/affinity";
import { KubesimError, type NodeAffinity, type Pod } from "@kubesim/core";
import type { CycleState } from "../../framework/cycle-state.js";
import type {
  ClusterEvent,
  EnqueueExtensions,
  FilterPlugin,
  NodeScore,
  PreFilterPlugin,
  PreFilterResult,
  PreScorePlugin,
  ScoreExtensions,
  ScorePlugin,
} from "../../framework/plugin.js";
import type { PluginDefinition } from "../../framework/plugin-definition.js";
import { sameJson } from "../../framework/same-json.js";
import {
  errorStatus,
  type Status,
  skipStatus,
  unschedulableAndUnresolvable,
} from "../../framework/status.js";
import type { Features, NodeInfo } from "../../framework/types.js";
import { clusterEvents } from "../helper/cluster-events.js";
import { defaultNormalizeScore, maxNodeScore } from "../helper/default-normalize-score.js";
import { type NodeAffinityArgs, validateNodeAffinityArgs } from "./node-affinity-args.js";

const name = "NodeAffinity";
const preFilterStateKey = `PreFilter${name}`;
const preScoreStateKey = `PreScore${name}`;

/** NodeAffinity's Filter reason when the pod's nodeSelector or required node affinity does not match. */
export const nodeAffinityReasonPod = "node(s) didn't match Pod's node affinity/selector";

/** NodeAffinity's Filter reason when the profile's `addedAffinity` does not match. */
export const nodeAffinityReasonEnforced = "node(s) didn't match scheduler-enforced node affinity";

/** NodeAffinity's PreFilter reason when the pod's `metadata.name` pins select no node at all. */
export const nodeAffinityReasonConflict = "pod affinity terms conflict";

const podMismatchStatus = Object.freeze(unschedulableAndUnresolvable(nodeAffinityReasonPod));
const enforcedMismatchStatus = Object.freeze(unschedulableAndUnresolvable(nodeAffinityReasonEnforced));

interface PreScoreState {
  readonly preferred: PreferredSchedulingTermsScorer | undefined;
}

/** The plugin built by {@link createNodeAffinity}. */
export type NodeAffinityPlugin = PreFilterPlugin &
  FilterPlugin &
  PreScorePlugin &
  ScorePlugin &
  EnqueueExtensions;

function requiredTerms(pod: Pod) {
  return pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
}

/** A JSON copy of `value`, or `undefined` when it does not serialize. */
function jsonCopy(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * {@link requiredNodeAffinity}, reusing the last answer for a pod whose nodeSelector and
 * required terms (all it reads) serialize the same: the pods of one workload usually share
 * them, and parsing the terms is most of PreFilter. The key is our own JSON copy, kept only
 * when the pod's values are plain JSON (sameJson with the copy), so a hit means same input.
 */
function createRequiredNodeAffinityReader(): (pod: Pod) => RequiredNodeAffinity {
  let last:
    | { readonly nodeSelector: unknown; readonly required: unknown; readonly affinity: RequiredNodeAffinity }
    | undefined;
  return (pod) => {
    const nodeSelector = pod.spec?.nodeSelector ?? null;
    const required = requiredTerms(pod) ?? null;
    if (
      last !== undefined &&
      sameJson(nodeSelector, last.nodeSelector) &&
      sameJson(required, last.required)
    ) {
      return last.affinity;
    }
    const affinity = requiredNodeAffinity(pod);
    const nodeSelectorCopy = jsonCopy(nodeSelector);
    const requiredCopy = jsonCopy(required);
    last =
      sameJson(nodeSelector, nodeSelectorCopy) && sameJson(required, requiredCopy)
        ? { nodeSelector: nodeSelectorCopy, required: requiredCopy, affinity }
        : undefined;
    return affinity;
  };
}

// Throws the affinity parser's StatusError when a preferred term does not parse.
function podPreferredNodeAffinity(pod: Pod): PreferredSchedulingTermsScorer | undefined {
  const terms = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
  return terms === undefined || terms === null ? undefined : createPreferredSchedulingTerms(terms);
}

function parseAddedAffinity(added: NodeAffinity | null | undefined): {
  selector: NodeSelectorMatcher | undefined;
  preferred: PreferredSchedulingTermsScorer | undefined;
} {
  let selector: NodeSelectorMatcher | undefined;
  let preferred: PreferredSchedulingTermsScorer | undefined;
  const required = added?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required !== undefined && required !== null) {
    try {
      selector = createNodeSelector(required);
    } catch (error) {
      throw new KubesimError(
        `parsing addedAffinity.requiredDuringSchedulingIgnoredDuringExecution: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
  const terms = added?.preferredDuringSchedulingIgnoredDuringExecution;
  if (Array.isArray(terms) && terms.length > 0) {
    try {
      preferred = createPreferredSchedulingTerms(terms);
    } catch (error) {
      throw new KubesimError(
        `parsing addedAffinity.preferredDuringSchedulingIgnoredDuringExecution: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
  return { selector, preferred };
}

/**
 * Builds the NodeAffinity plugin (weight 2 in the default profile).
 *
 * - PreFilter returns Skip when the pod has no required node affinity, the args add none
 *   and `spec.nodeSelector` is absent (an empty `{}` nodeSelector does not skip). Otherwise
 *   it parses the pod's required affinity once for Filter and, when every required term
 *   pins `metadata.name` with `In`, narrows the nodes to those names (the union over
 *   terms of each term's intersection); pins that select nothing give
 *   UnschedulableAndUnresolvable `pod affinity terms conflict`.
 * - Filter: `addedAffinity` first (`node(s) didn't match scheduler-enforced node
 *   affinity`), then nodeSelector AND required affinity (`node(s) didn't match Pod's node
 *   affinity/selector`), both UnschedulableAndUnresolvable; invalid terms never match.
 *   Works without PreFilter state (recomputes).
 * - PreScore parses the preferred terms (an invalid one is an Error status); with none
 *   from the pod (`preferredDuringScheduling…` absent) nor from the args it returns Skip.
 * - Score sums the weights of the matching preferred terms (pod and added); normalized
 *   with the default, not reversed.
 *
 * @throws KubesimError when the args' `addedAffinity` does not parse (validate args first).
 */
export function createNodeAffinity(args: unknown, features: Features): NodeAffinityPlugin {
  const added = parseAddedAffinity((args as NodeAffinityArgs | undefined)?.addedAffinity);
  const requiredNodeAffinityOf = createRequiredNodeAffinityReader();
  const events: readonly ClusterEvent[] = features.enableSchedulingQueueHint
    ? clusterEvents("Node", "Add", "UpdateNodeLabel")
    : clusterEvents("Node", "Add", "UpdateNodeLabel", "UpdateNodeTaint");
  const scoreExtensions: ScoreExtensions = {
    normalizeScore: (_state, _pod, scores: NodeScore[]) => defaultNormalizeScore(maxNodeScore, false, scores),
  };

  return {
    name,
    preFilter(state: CycleState, pod: Pod): { result?: PreFilterResult; status?: Status } {
      const required = requiredTerms(pod);
      const noNodeAffinity = required === undefined || required === null;
      const nodeSelector = pod.spec?.nodeSelector;
      if (
        noNodeAffinity &&
        added.selector === undefined &&
        (nodeSelector === undefined || nodeSelector === null)
      ) {
        return { status: skipStatus };
      }
      state.write(preFilterStateKey, requiredNodeAffinityOf(pod));
      if (noNodeAffinity) return {};
      const nodeNames = nodeNamesFromAffinityPins(pod);
      if (nodeNames === undefined) return {};
      if (nodeNames.size === 0) return { status: unschedulableAndUnresolvable(nodeAffinityReasonConflict) };
      return { result: { nodeNames } };
    },
    filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | undefined {
      const node = nodeInfo.node;
      if (added.selector !== undefined && !added.selector.matches(node)) return enforcedMismatchStatus;
      // Recomputed when PreFilter did not run (e.g. disabled in the profile).
      const affinity = state.read<RequiredNodeAffinity>(preFilterStateKey) ?? requiredNodeAffinityOf(pod);
      return affinity.matches(node) ? undefined : podMismatchStatus;
    },
    preScore(state: CycleState, pod: Pod): Status | undefined {
      let preferred: PreferredSchedulingTermsScorer | undefined;
      try {
        preferred = podPreferredNodeAffinity(pod);
      } catch (error) {
        return errorStatus(error);
      }
      if (preferred === undefined && added.preferred === undefined) return skipStatus;
      const preScoreState: PreScoreState = { preferred };
      state.write(preScoreStateKey, preScoreState);
      return undefined;
    },
    score(state: CycleState, pod: Pod, nodeInfo: NodeInfo) {
      const node = nodeInfo.node;
      let count = added.preferred === undefined ? 0 : added.preferred.score(node);
      const preScoreState = state.read<PreScoreState>(preScoreStateKey);
      let preferred = preScoreState?.preferred;
      if (preScoreState === undefined) {
        // Recomputed when PreScore did not run.
        try {
          preferred = podPreferredNodeAffinity(pod);
        } catch (error) {
          return { score: 0, status: errorStatus(error) };
        }
      }
      if (preferred !== undefined) count += preferred.score(node);
      return { score: count };
    },
    scoreExtensions: () => scoreExtensions,
    eventsToRegister: () => events,
  } satisfies NodeAffinityPlugin;
}

/**
 * The in-tree NodeAffinity plugin (upstream `nodeaffinity.NodeAffinity`), with
 * {@link NodeAffinityArgs} validated as upstream (no defaults).
 */
export const nodeAffinityDefinition: PluginDefinition = {
  name,
  factory: (args, _handle, features) => createNodeAffinity(args, features),
  validateArgs: validateNodeAffinityArgs,
};
