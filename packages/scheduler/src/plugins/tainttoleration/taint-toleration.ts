import {
  doNotScheduleTaintFilter,
  findUntoleratedTaint,
  tolerationsTolerateTaint,
  untoleratedTaintReason,
} from "@kubesim/affinity";
import type { Pod, Toleration } from "@kubesim/core";
import type { CycleState } from "../../framework/cycle-state.js";
import type {
  ClusterEvent,
  EnqueueExtensions,
  FilterPlugin,
  NodeScore,
  PreScorePlugin,
  ScoreExtensions,
  ScorePlugin,
} from "../../framework/plugin.js";
import type { PluginDefinition } from "../../framework/plugin-definition.js";
import { errorStatus, type Status, unschedulableAndUnresolvable } from "../../framework/status.js";
import type { Features, NodeInfo } from "../../framework/types.js";
import { clusterEvents } from "../helper/cluster-events.js";
import { defaultNormalizeScore, maxNodeScore } from "../helper/default-normalize-score.js";

const name = "TaintToleration";
const preScoreStateKey = `PreScore${name}`;

interface PreScoreState {
  readonly tolerationsPreferNoSchedule: readonly Toleration[];
}

/** The plugin built by {@link createTaintToleration}. */
export type TaintTolerationPlugin = FilterPlugin & PreScorePlugin & ScorePlugin & EnqueueExtensions;

// An empty effect tolerates every effect, PreferNoSchedule included.
function tolerationsPreferNoSchedule(pod: Pod): Toleration[] {
  const tolerations = pod.spec?.tolerations;
  if (!Array.isArray(tolerations)) return [];
  return tolerations.filter((toleration) => !toleration?.effect || toleration.effect === "PreferNoSchedule");
}

/**
 * Builds the TaintToleration plugin (weight 3 in the default profile).
 *
 * - Filter: the first `NoSchedule`/`NoExecute` node taint, in node order, that no pod
 *   toleration tolerates rejects the node with UnschedulableAndUnresolvable
 *   `node(s) had untolerated taint {<key>: <value>}`.
 * - PreScore keeps the tolerations whose effect is empty or `PreferNoSchedule`; Score
 *   counts the node's `PreferNoSchedule` taints they do not tolerate (it needs PreScore:
 *   without its state Score returns an Error status, as upstream).
 * - NormalizeScore: default normalization, reversed (fewer untolerated taints is better).
 */
export function createTaintToleration(features: Features): TaintTolerationPlugin {
  const events: readonly ClusterEvent[] = features.enableSchedulingQueueHint
    ? [...clusterEvents("Node", "Add", "UpdateNodeTaint"), ...clusterEvents("Pod", "UpdatePodTolerations")]
    : [
        ...clusterEvents("Node", "Add", "UpdateNodeTaint", "UpdateNodeLabel"),
        ...clusterEvents("Pod", "Update"),
      ];
  const scoreExtensions: ScoreExtensions = {
    normalizeScore: (_state, _pod, scores: NodeScore[]) => defaultNormalizeScore(maxNodeScore, true, scores),
  };
  return {
    name,
    filter(_state, pod: Pod, nodeInfo: NodeInfo): Status | undefined {
      const taint = findUntoleratedTaint(
        nodeInfo.node?.spec?.taints,
        pod.spec?.tolerations,
        doNotScheduleTaintFilter,
      );
      return taint === undefined ? undefined : unschedulableAndUnresolvable(untoleratedTaintReason(taint));
    },
    preScore(state: CycleState, pod: Pod): Status | undefined {
      const preScoreState: PreScoreState = { tolerationsPreferNoSchedule: tolerationsPreferNoSchedule(pod) };
      state.write(preScoreStateKey, preScoreState);
      return undefined;
    },
    score(state: CycleState, _pod: Pod, nodeInfo: NodeInfo) {
      const preScoreState = state.read<PreScoreState>(preScoreStateKey);
      if (preScoreState === undefined) {
        return {
          score: 0,
          status: errorStatus(new Error(`failed to read "${preScoreStateKey}" from cycleState: not found`)),
        };
      }
      const taints = nodeInfo.node?.spec?.taints;
      if (!Array.isArray(taints)) return { score: 0 };
      let count = 0;
      for (const taint of taints) {
        if (taint?.effect !== "PreferNoSchedule") continue;
        if (!tolerationsTolerateTaint(preScoreState.tolerationsPreferNoSchedule, taint)) count++;
      }
      return { score: count };
    },
    scoreExtensions: () => scoreExtensions,
    eventsToRegister: () => events,
  } satisfies TaintTolerationPlugin;
}

/** The in-tree TaintToleration plugin (upstream `tainttoleration.TaintToleration`). Takes no args. */
export const taintTolerationDefinition: PluginDefinition = {
  name,
  factory: (_args, _handle, features) => createTaintToleration(features),
};
