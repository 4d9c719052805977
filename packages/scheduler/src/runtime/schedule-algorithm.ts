import type { Pod, Random } from "@kubesim/core";
import type { CycleState } from "../framework/cycle-state.js";
import {
  Code,
  createStatus,
  errorStatus,
  isRejected,
  type Status,
  statusMessage,
} from "../framework/status.js";
import type { NodeInfo, NodeInfoLister } from "../framework/types.js";
import {
  addPluginStatus,
  createDiagnosis,
  type Diagnosis,
  FitError,
  noNodesAvailableMessage,
} from "./fit-error.js";
import type { FrameworkRuntime, NodePluginScores } from "./framework-runtime.js";
import { numFeasibleNodesToFind } from "./num-feasible-nodes.js";
import { selectHostIndex } from "./select-host.js";

/** State that outlives one cycle: where the next cycle starts looking (round robin). */
export interface AlgorithmState {
  nextStartNodeIndex: number;
  /** Scratch space for the slots of the feasible nodes, reused from cycle to cycle. */
  slotScratch?: Int32Array;
}

/** What {@link schedulePod} decided. */
export type ScheduleOutcome =
  | {
      readonly kind: "scheduled";
      readonly suggestedHost: string;
      readonly evaluatedNodes: number;
      readonly feasibleNodes: number;
    }
  /** No node fits: run PostFilter, then report the FitError. */
  | { readonly kind: "unfit"; readonly fitError: FitError }
  /**
   * Anything else: an Error status, or `no nodes available to schedule pods`
   * (UnschedulableAndUnresolvable).
   */
  | { readonly kind: "failed"; readonly status: Status };

/** Options of {@link schedulePod}. */
export interface SchedulePodOptions {
  readonly framework: FrameworkRuntime;
  readonly state: CycleState;
  readonly pod: Pod;
  readonly snapshot: NodeInfoLister;
  readonly algorithmState: AlgorithmState;
  readonly random: Random;
  /** The configuration's `percentageOfNodesToScore` (0 = adaptive). */
  readonly globalPercentageOfNodesToScore: number;
}

function errorOf(status: Status): Status {
  return status.code === Code.Error ? status : errorStatus(new Error(statusMessage(status)));
}

/**
 * Filters `nodes` starting at the round-robin index until enough feasible nodes are
 * found (upstream `findNodesThatPassFilters`, run serially). Statuses of rejected nodes
 * go to the diagnosis; an Error status aborts.
 */
function findNodesThatPassFilters(
  options: SchedulePodOptions,
  diagnosis: Diagnosis,
  nodes: readonly NodeInfo[],
  memo?: { readonly id: number; readonly slots: Int32Array },
): { feasible: NodeInfo[]; error?: Status } {
  const { framework, state, pod, algorithmState } = options;
  const numAllNodes = nodes.length;
  let numNodesToFind = numFeasibleNodesToFind(
    framework.percentageOfNodesToScore,
    options.globalPercentageOfNodesToScore,
    numAllNodes,
  );
  // Without scoring any feasible node is as good as another.
  if (!framework.hasScorePlugins()) numNodesToFind = Math.min(numNodesToFind, 1);
  if (numAllNodes === 0) return { feasible: [] };
  // Sized once: the loop never finds more than this many.
  const capacity = Math.min(numNodesToFind, numAllNodes);
  const feasible: NodeInfo[] = new Array(capacity);
  // Holds at least `numAllNodes` entries; the first `found` are the feasible nodes' slots.
  const slots = memo?.slots;
  let found = 0;
  const finish = (error?: Status): { feasible: NodeInfo[]; error?: Status } => {
    feasible.length = found;
    return error === undefined ? { feasible } : { feasible, error };
  };
  const start = algorithmState.nextStartNodeIndex;
  if (!framework.hasFilterPlugins()) {
    for (let index = 0; index < numNodesToFind; index++) {
      const slot = (start + index) % numAllNodes;
      feasible[found] = nodes[slot] as NodeInfo;
      if (slots !== undefined) slots[found] = slot;
      found++;
    }
    return finish();
  }
  // With a memo, `nodes` is the list it was begun on: a node's slot is its index there.
  const runFilters = framework.filterRunner(state, memo?.id ?? 0);
  for (let index = 0; index < numAllNodes; index++) {
    const slot = (start + index) % numAllNodes;
    const nodeInfo = nodes[slot] as NodeInfo;
    const status = runFilters(state, pod, nodeInfo, memo === undefined ? -1 : slot);
    if (status === undefined || status.code === Code.Success) {
      feasible[found] = nodeInfo;
      if (slots !== undefined) slots[found] = slot;
      found++;
      if (found >= numNodesToFind) break;
      continue;
    }
    if (status.code === Code.Error) return finish(status);
    diagnosis.nodeToStatus.set(nodeInfo.name, status);
    addPluginStatus(diagnosis, status);
  }
  return finish();
}

/**
 * Runs PreScore and Score over the feasible nodes (upstream `prioritizeNodes`). Without
 * score plugins every node scores 1.
 */
export function prioritizeNodes(
  framework: FrameworkRuntime,
  state: CycleState,
  pod: Pod,
  nodes: readonly NodeInfo[],
): { readonly scores: readonly NodePluginScores[]; readonly status: Status | undefined } {
  if (!framework.hasScorePlugins()) {
    return {
      scores: nodes.map((nodeInfo) => ({ name: nodeInfo.name, scores: [], totalScore: 1 })),
      status: undefined,
    };
  }
  const preScoreStatus = framework.runPreScorePlugins(state, pod, nodes);
  if (preScoreStatus !== undefined) return { scores: [], status: errorOf(preScoreStatus) };
  const { scores, status } = framework.runScorePlugins(state, pod, nodes);
  if (status !== undefined) return { scores: [], status: errorOf(status) };
  return { scores, status: undefined };
}

/**
 * {@link prioritizeNodes} reduced to each node's total score (by index), for selecting the
 * host: the same plugin calls and errors without the per-plugin breakdown.
 */
function prioritizeNodeTotals(
  framework: FrameworkRuntime,
  state: CycleState,
  pod: Pod,
  nodes: readonly NodeInfo[],
  memo: { readonly id: number; readonly slots: ArrayLike<number> } | undefined,
): { readonly totals: Float64Array; readonly status: Status | undefined } {
  if (!framework.hasScorePlugins())
    return { totals: new Float64Array(nodes.length).fill(1), status: undefined };
  const preScoreStatus = framework.runPreScorePlugins(state, pod, nodes);
  if (preScoreStatus !== undefined) return { totals: new Float64Array(0), status: errorOf(preScoreStatus) };
  const { totals, status } = framework.runScorePluginTotals(state, pod, nodes, memo);
  if (status !== undefined) return { totals, status: errorOf(status) };
  return { totals, status: undefined };
}

/**
 * Finds the nodes that fit the pod (upstream `findNodesThatFitPod`): PreFilter, the
 * nominated node first, then Filter over the (narrowed) node list with adaptive sampling,
 * advancing the round-robin start index.
 */
function findNodesThatFitPod(
  options: SchedulePodOptions,
  allNodes: readonly NodeInfo[],
): {
  feasible: NodeInfo[];
  diagnosis: Diagnosis;
  error?: Status;
  memo?: { readonly id: number; readonly slots: Int32Array };
} {
  const { framework, state, pod, snapshot, algorithmState } = options;
  const diagnosis = createDiagnosis();
  const preFilter = framework.runPreFilterPlugins(state, pod, allNodes);
  for (const name of preFilter.pluginsWithNodes) diagnosis.unschedulablePlugins.add(name);
  const preFilterStatus = preFilter.status;
  if (preFilterStatus !== undefined && preFilterStatus.code !== Code.Success) {
    if (!isRejected(preFilterStatus)) return { feasible: [], diagnosis, error: errorOf(preFilterStatus) };
    // Every node gets the PreFilter status, so preemption sees it everywhere.
    diagnosis.nodeToStatus.absentNodesStatus = preFilterStatus;
    diagnosis.preFilterMessage = statusMessage(preFilterStatus);
    addPluginStatus(diagnosis, preFilterStatus);
    return { feasible: [], diagnosis };
  }

  // A nominated node (from an earlier preemption) is likely the only fit: try it first.
  const nominatedNodeName = pod.status?.nominatedNodeName;
  if (typeof nominatedNodeName === "string" && nominatedNodeName !== "") {
    const nominated = snapshot.get(nominatedNodeName);
    if (nominated !== undefined && nominated.node !== undefined) {
      const { feasible } = findNodesThatPassFilters(
        { ...options, algorithmState: { nextStartNodeIndex: 0 } },
        diagnosis,
        [nominated],
      );
      if (feasible.length > 0) return { feasible, diagnosis };
    }
  }

  let nodes = allNodes;
  if (preFilter.nodeNames !== undefined) {
    const narrowed: NodeInfo[] = [];
    for (const name of preFilter.nodeNames) {
      const nodeInfo = snapshot.get(name);
      // A PreFilterResult may name nodes that do not exist.
      if (nodeInfo !== undefined && nodeInfo.node !== undefined) narrowed.push(nodeInfo);
    }
    nodes = narrowed;
    diagnosis.nodeToStatus.absentNodesStatus = createStatus(
      Code.UnschedulableAndUnresolvable,
      `node(s) didn't satisfy plugin(s) [${[...preFilter.pluginsWithNodes].sort().join(" ")}]`,
    );
  }
  // Remembered node-local answers need the node's place in the full list.
  const memoId = nodes === allNodes ? framework.beginNodeMemo(pod, allNodes) : 0;
  let memo: { readonly id: number; readonly slots: Int32Array } | undefined;
  if (memoId > 0) {
    let slots = algorithmState.slotScratch;
    if (slots === undefined || slots.length < allNodes.length) {
      slots = new Int32Array(allNodes.length);
      algorithmState.slotScratch = slots;
    }
    memo = { id: memoId, slots };
  }
  const { feasible, error } = findNodesThatPassFilters(options, diagnosis, nodes, memo);
  // Advance even after an error, so every node gets its turn across cycles.
  const processedNodes = feasible.length + diagnosis.nodeToStatus.size;
  if (allNodes.length > 0) {
    algorithmState.nextStartNodeIndex =
      (algorithmState.nextStartNodeIndex + processedNodes) % allNodes.length;
  }
  if (error !== undefined) return { feasible: [], diagnosis, error };
  return memo === undefined ? { feasible, diagnosis } : { feasible, diagnosis, memo };
}

/**
 * One run of the scheduling algorithm over a snapshot (upstream `schedulePod`): no nodes
 * → `no nodes available to schedule pods`; no feasible node → a {@link FitError};
 * exactly one → that node without scoring; otherwise PreScore, Score, weights and
 * {@link selectHost} with the seeded random source.
 */
export function schedulePod(options: SchedulePodOptions): ScheduleOutcome {
  const { framework, state, pod, snapshot } = options;
  const allNodes = snapshot.list();
  if (allNodes.length === 0) {
    const status: Status = {
      code: Code.UnschedulableAndUnresolvable,
      reasons: [noNodesAvailableMessage],
      error: new Error(noNodesAvailableMessage),
    };
    return { kind: "failed", status };
  }
  const { feasible, diagnosis, error, memo } = findNodesThatFitPod(options, allNodes);
  if (error !== undefined) return { kind: "failed", status: error };
  if (feasible.length === 0) {
    return { kind: "unfit", fitError: new FitError(pod, allNodes.length, diagnosis) };
  }
  if (feasible.length === 1) {
    return {
      kind: "scheduled",
      suggestedHost: (feasible[0] as NodeInfo).name,
      evaluatedNodes: 1 + diagnosis.nodeToStatus.size,
      feasibleNodes: 1,
    };
  }
  const { totals, status } = prioritizeNodeTotals(framework, state, pod, feasible, memo);
  if (status !== undefined) return { kind: "failed", status };
  let suggestedHost: string;
  try {
    suggestedHost = (feasible[selectHostIndex(totals, feasible.length, options.random)] as NodeInfo).name;
  } catch (selectError) {
    return { kind: "failed", status: errorStatus(selectError) };
  }
  return {
    kind: "scheduled",
    suggestedHost,
    evaluatedNodes: feasible.length + diagnosis.nodeToStatus.size,
    feasibleNodes: feasible.length,
  };
}
