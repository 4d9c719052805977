import type { Pod, Random } from "@kubesim/core";
import { CycleState } from "../framework/cycle-state.js";
import { Code, type CodeName, codeName, createStatus, isSuccess, type Status } from "../framework/status.js";
import type { NodeInfo, NodeInfoLister } from "../framework/types.js";
import { noNodesAvailableMessage } from "./fit-error.js";
import type { FrameworkRuntime } from "./framework-runtime.js";
import { prioritizeNodes } from "./schedule-algorithm.js";
import { selectHost } from "./select-host.js";

/** A status as an explanation shows it. */
export interface ExplainedStatus {
  /** The upstream code name (`Success`, `Unschedulable`, `UnschedulableAndUnresolvable`, `Error`, …). */
  readonly code: CodeName;
  /** The plugin that produced the status (absent on success and for framework-made statuses). */
  readonly plugin?: string;
  readonly reasons: readonly string[];
}

/** One plugin's score for a node. */
export interface ExplainedScore {
  readonly raw: number;
  readonly normalized: number;
  readonly weighted: number;
}

/** Why one node was or was not chosen. */
export interface ExplainedNode {
  readonly name: string;
  readonly filter: ExplainedStatus;
  /** For feasible nodes: each score plugin's raw, normalized and weighted score. */
  readonly scores?: Readonly<Record<string, ExplainedScore>>;
  /** For feasible nodes: the weighted sum. */
  readonly totalScore?: number;
}

/** The result of `scheduler.explain(pod)`. */
export interface Explanation {
  /** Every node of the snapshot, in snapshot order. */
  readonly nodes: readonly ExplainedNode[];
  /** The node the scheduler would pick among all feasible nodes. */
  readonly selected?: string;
  /** The PreFilter outcome when it rejected the pod or failed. */
  readonly preFilter?: ExplainedStatus;
  /** A failure that stopped the evaluation (an Error status, or no nodes at all). */
  readonly error?: string;
}

const success: ExplainedStatus = Object.freeze({
  code: "Success",
  reasons: Object.freeze([]) as readonly string[],
});

function explainStatus(status: Status | undefined): ExplainedStatus {
  if (isSuccess(status)) return success;
  const failed = status as Status;
  return {
    code: codeName(failed.code),
    ...(failed.plugin === undefined ? {} : { plugin: failed.plugin }),
    reasons: [...failed.reasons],
  };
}

/** Options of {@link explainPod}. */
export interface ExplainPodOptions {
  readonly framework: FrameworkRuntime;
  readonly pod: Pod;
  readonly snapshot: NodeInfoLister;
  /** The random source for tie-breaking (pass a fork so explaining does not disturb scheduling). */
  readonly random: Random;
}

/**
 * Evaluates a pod against every node of the snapshot — no sampling, no binding — and
 * reports each node's filter result (code, plugin, reasons) and, for feasible nodes,
 * every score plugin's raw, normalized and weighted score, plus the node `selectHost`
 * would pick. PreFilter, Filter (with nominated pods) and scoring run exactly as in a
 * scheduling cycle.
 */
export function explainPod(options: ExplainPodOptions): Explanation {
  const { framework, pod, snapshot } = options;
  const allNodes = snapshot.list();
  if (allNodes.length === 0) return { nodes: [], error: noNodesAvailableMessage };
  const state = new CycleState();
  const preFilter = framework.runPreFilterPlugins(state, pod, allNodes);
  if (!isSuccess(preFilter.status)) {
    const status = preFilter.status as Status;
    const explained = explainStatus(status);
    const nodes = allNodes.map((nodeInfo) => ({ name: nodeInfo.name, filter: explained }));
    if (status.code === Code.Error) return { nodes, preFilter: explained, error: status.reasons.join(", ") };
    return { nodes, preFilter: explained };
  }
  const absent =
    preFilter.nodeNames === undefined
      ? undefined
      : explainStatus(
          createStatus(
            Code.UnschedulableAndUnresolvable,
            `node(s) didn't satisfy plugin(s) [${[...preFilter.pluginsWithNodes].sort().join(" ")}]`,
          ),
        );
  const filters: ExplainedStatus[] = [];
  const feasible: NodeInfo[] = [];
  let error: string | undefined;
  for (const nodeInfo of allNodes) {
    if (absent !== undefined && !preFilter.nodeNames?.has(nodeInfo.name)) {
      filters.push(absent);
      continue;
    }
    const status = framework.runFilterPluginsWithNominatedPods(state, pod, nodeInfo);
    if (isSuccess(status)) feasible.push(nodeInfo);
    else if (status?.code === Code.Error) error ??= status.reasons.join(", ");
    filters.push(explainStatus(status));
  }
  const scoresByNode = new Map<string, { scores: Record<string, ExplainedScore>; totalScore: number }>();
  let selected: string | undefined;
  if (feasible.length > 0 && error === undefined) {
    const { scores, status } = prioritizeNodes(framework, state, pod, feasible);
    if (status !== undefined) {
      error = status.reasons.join(", ");
    } else {
      for (const nodeScores of scores) {
        const entries = nodeScores.scores.map(
          (score) =>
            [
              score.plugin,
              { raw: score.raw, normalized: score.normalized, weighted: score.weighted },
            ] as const,
        );
        // fromEntries defines own properties, so a plugin named "__proto__" cannot reach the prototype.
        scoresByNode.set(nodeScores.name, {
          scores: Object.fromEntries(entries),
          totalScore: nodeScores.totalScore,
        });
      }
      selected = selectHost(scores, options.random);
    }
  }
  const nodes = allNodes.map((nodeInfo, index): ExplainedNode => {
    const scored = scoresByNode.get(nodeInfo.name);
    const filter = filters[index] as ExplainedStatus;
    return scored === undefined
      ? { name: nodeInfo.name, filter }
      : { name: nodeInfo.name, filter, scores: scored.scores, totalScore: scored.totalScore };
  });
  return {
    nodes,
    ...(selected === undefined ? {} : { selected }),
    ...(error === undefined ? {} : { error }),
  };
}
