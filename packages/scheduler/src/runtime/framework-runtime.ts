import type { Clock, Pod } from "@kubesim/core";
import type { CycleState } from "../framework/cycle-state.js";
import { isMutableNodeInfo, type MutableNodeInfo } from "../framework/node-info.js";
import type {
  BindPlugin,
  ClusterEvent,
  EnqueueExtensions,
  FilterPlugin,
  NodeScore,
  PermitPlugin,
  Plugin,
  PostBindPlugin,
  PostFilterPlugin,
  PostFilterResult,
  PreBindPlugin,
  PreEnqueuePlugin,
  PreFilterPlugin,
  PreScorePlugin,
  QueueSortPlugin,
  ReservePlugin,
  ScorePlugin,
} from "../framework/plugin.js";
import type { PluginDefinition } from "../framework/plugin-definition.js";
import {
  Code,
  createStatus,
  errorStatus,
  isRejected,
  isSuccess,
  type Status,
  statusMessage,
  withPlugin,
} from "../framework/status.js";
import {
  type ClusterListers,
  defaultFeatures,
  type Features,
  type NodeInfo,
  type NodeInfoLister,
  type PodInfo,
} from "../framework/types.js";
import { maxNodeScore, minNodeScore } from "../plugins/helper/index.js";
import type {
  SchedulerFrameworkHandle,
  SchedulerHandleExtension,
  SchedulerServices,
  WaitingPod,
} from "./framework-handle.js";
import {
  type FrameworkProfile,
  hasPluginMethod,
  instantiatePlugins,
  type NamedPlugin,
} from "./instantiate-plugins.js";
import { listFreeNormalizerDefinitions, nodeLocalPluginDefinitions } from "./node-local-plugins.js";
import { memoMiss, NodeResultMemo } from "./node-result-memo.js";
import type { NodeStatusMap } from "./node-status-map.js";
import { createWaitingPod, maxPermitTimeoutMs, type TrackedWaitingPod } from "./waiting-pods.js";

/** Options of {@link createFrameworkRuntime}. */
export interface FrameworkRuntimeOptions {
  readonly profile: FrameworkProfile;
  /** Every plugin the profile may enable, by name (see `createPluginDefinitionMap`). */
  readonly definitions: ReadonlyMap<string, PluginDefinition>;
  readonly clock: Clock;
  /** The node snapshot of the cycle in progress (plugins read it through the handle). */
  readonly snapshot: () => NodeInfoLister;
  readonly features?: Features;
  readonly listers?: ClusterListers;
  /** Present inside a scheduler; gives plugins the client, nominator and recorder. */
  readonly services?: SchedulerServices;
}

/** A plugin's part of a node's score. */
export interface PluginScore {
  readonly plugin: string;
  /** What Score returned. */
  readonly raw: number;
  /** After the plugin's NormalizeScore (equal to raw without one). */
  readonly normalized: number;
  /** `normalized × weight`. */
  readonly weighted: number;
}

/** A node's scores from every score plugin and their weighted sum. */
export interface NodePluginScores {
  readonly name: string;
  readonly scores: readonly PluginScore[];
  readonly totalScore: number;
}

/**
 * Runs the Filter plugins of one cycle on a node (see {@link FrameworkRuntime.filterRunner}).
 * `slot` is the node's index in the node list given to {@link FrameworkRuntime.beginNodeMemo}
 * (-1 or omitted: not from that list, nothing remembered).
 */
export type FilterRunner = (
  state: CycleState,
  pod: Pod,
  nodeInfo: NodeInfo,
  slot?: number,
) => Status | undefined;

/** What the PreFilter plugins decided. */
export interface PreFilterOutcome {
  /** The node names every narrowing plugin allows; `undefined` = all nodes. */
  readonly nodeNames: ReadonlySet<string> | undefined;
  /** `undefined` on success; a rejection or an error otherwise. */
  readonly status: Status | undefined;
  /** Plugins that returned a node set (named in the absent-node status). */
  readonly pluginsWithNodes: ReadonlySet<string>;
}

/** What the PostFilter plugins decided. */
export interface PostFilterOutcome {
  /** The nomination to apply; `undefined` leaves the pod's nominatedNodeName unchanged. */
  readonly result: PostFilterResult | undefined;
  readonly status: Status;
}

/**
 * The framework of one scheduler profile: its plugins, instantiated from the registry,
 * and the runners of every extension point with upstream's semantics.
 */
export interface FrameworkRuntime {
  readonly profileName: string;
  /** The profile's `percentageOfNodesToScore` (undefined = use the global one). */
  readonly percentageOfNodesToScore: number | undefined;
  /** The handle given to the plugins. */
  readonly handle: SchedulerFrameworkHandle;
  /** Plugin instances by name. */
  readonly plugins: ReadonlyMap<string, Plugin>;
  readonly queueSortPlugin: QueueSortPlugin | undefined;
  /** The names of the plugins of an extension point, in order. */
  pluginNames(extensionPoint: string): readonly string[];
  hasFilterPlugins(): boolean;
  hasScorePlugins(): boolean;
  hasPostFilterPlugins(): boolean;
  /**
   * The events that may make a pod rejected by `pluginName` schedulable, or `undefined`
   * when the plugin does not implement EnqueueExtensions (interest in every event).
   */
  eventsOfPlugin(pluginName: string): readonly ClusterEvent[] | undefined;
  runPreEnqueuePlugins(pod: Pod): Status | undefined;
  runPreFilterPlugins(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): PreFilterOutcome;
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
  /** Filter plugins in order; the first non-success status (tagged with its plugin) ends the node. */
  runFilterPlugins(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | undefined;
  /** As {@link FrameworkRuntime.runFilterPlugins}, also with higher-or-equal priority nominated pods added. */
  runFilterPluginsWithNominatedPods(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | undefined;
  /**
   * {@link FrameworkRuntime.runFilterPluginsWithNominatedPods} with the Filter plugins that
   * `state` does not skip, and whether any pod is nominated, fixed now: for one synchronous
   * loop over the nodes of a cycle (neither may change while the returned runner is used).
   * With `memoId` from {@link FrameworkRuntime.beginNodeMemo}, node-local plugins answer
   * nodes of that list (given by slot) from earlier cycles when nothing changed.
   */
  filterRunner(state: CycleState, memoId?: number): FilterRunner;
  /**
   * Starts remembering, for this cycle's pod over `nodes` (the snapshot's node list), what
   * node-local plugins answer per node, and reusing earlier answers for pods with the same
   * spec on unchanged nodes (see `NodeResultMemo`). Returns the id to pass to
   * {@link FrameworkRuntime.filterRunner} and {@link FrameworkRuntime.runScorePluginTotals},
   * 0 when nothing can be remembered.
   */
  beginNodeMemo(pod: Pod, nodes: readonly NodeInfo[]): number;
  runPostFilterPlugins(state: CycleState, pod: Pod, statuses: NodeStatusMap): Promise<PostFilterOutcome>;
  runPreScorePlugins(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): Status | undefined;
  runScorePlugins(
    state: CycleState,
    pod: Pod,
    nodes: readonly NodeInfo[],
  ): { readonly scores: readonly NodePluginScores[]; readonly status: Status | undefined };
  /**
   * As {@link FrameworkRuntime.runScorePlugins} (same plugin calls, same errors), but only
   * the weighted total of each node, by index: what selecting a host needs, without the
   * per-plugin breakdown objects. The totals are only valid until the next call (their
   * storage is reused).
   */
  runScorePluginTotals(
    state: CycleState,
    pod: Pod,
    nodes: readonly NodeInfo[],
    memo?: { readonly id: number; readonly slots: ArrayLike<number> },
  ): { readonly totals: Float64Array; readonly status: Status | undefined };
  runReservePluginsReserve(state: CycleState, pod: Pod, nodeName: string): Status | undefined;
  runReservePluginsUnreserve(state: CycleState, pod: Pod, nodeName: string): void;
  /** Permit plugins; returns a `Wait` status when some plugin asked the pod to wait. */
  runPermitPlugins(state: CycleState, pod: Pod, nodeName: string): Status | undefined;
  /** Resolves once a waiting pod is allowed or rejected (immediately when it does not wait). */
  waitOnPermit(pod: Pod): Promise<Status | undefined>;
  getWaitingPod(uid: string): WaitingPod | undefined;
  /** Rejects a waiting pod; true when one was waiting. */
  rejectWaitingPod(uid: string): boolean;
  runPreBindPlugins(state: CycleState, pod: Pod, nodeName: string): Promise<Status | undefined>;
  /** Bind plugins in order; `Skip` passes to the next; all skipping gives `Skip`. */
  runBindPlugins(state: CycleState, pod: Pod, nodeName: string): Promise<Status | undefined>;
  runPostBindPlugins(state: CycleState, pod: Pod, nodeName: string): void;
}

const wildcardEvents: readonly ClusterEvent[] = Object.freeze([{ resource: "*", action: "All" }]);
const emptyPodInfos: readonly PodInfo[] = Object.freeze([]);

function podPriority(pod: Pod): number {
  const priority = pod.spec?.priority;
  return typeof priority === "number" ? priority : 0;
}

function quote(name: string): string {
  return JSON.stringify(name);
}

function wrapError(prefix: string, status: Status): Status {
  return errorStatus(new Error(`${prefix}: ${statusMessage(status)}`));
}

/** A node's score row: nothing remembered for it. */
const rowNone = 0;
/** A node's score row: complete, every node-local Score comes from it. */
const rowHit = 1;
/** A node's score row: being written this cycle, complete once every plugin scored. */
const rowFill = 2;

/** Buffers {@link FrameworkRuntime.runScorePluginTotals} reuses from one cycle to the next. */
interface ScoreScratch {
  busy: boolean;
  epochs: Int32Array;
  /** Per node of the cycle: {@link rowNone}, {@link rowHit} or {@link rowFill}. */
  rows: Uint8Array;
  totals: Float64Array;
  readonly values: unknown[][];
  readonly list: NodeScore[];
  /** NodeScore objects for the in-tree normalizers, by node index. */
  readonly pool: { name: string; score: number }[];
}

function createScoreScratch(): ScoreScratch {
  return {
    busy: false,
    epochs: new Int32Array(0),
    rows: new Uint8Array(0),
    totals: new Float64Array(0),
    values: [],
    list: [],
    pool: [],
  };
}

function scoreFailure(name: string, status: Status | undefined): Status {
  return errorStatus(
    new Error(`running Score plugins: plugin ${quote(name)} failed with: ${statusMessage(status)}`),
  );
}

function normalizeFailure(name: string, status: Status | undefined): Status {
  return errorStatus(
    new Error(
      `running Normalize on Score plugins: plugin ${quote(name)} failed with: ${statusMessage(status)}`,
    ),
  );
}

function invalidScore(name: string, normalized: number): Status {
  return errorStatus(
    new Error(
      `applying score defaultWeights on Score plugins: plugin ${quote(name)} returns an invalid score ${normalized}, it should in the range of [${minNodeScore}, ${maxNodeScore}] after normalizing`,
    ),
  );
}

function intersect(left: ReadonlySet<string> | undefined, right: ReadonlySet<string> | undefined) {
  if (left === undefined) return right;
  if (right === undefined) return left;
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  const result = new Set<string>();
  for (const name of small) if (large.has(name)) result.add(name);
  return result;
}

/**
 * Instantiates the plugins of one profile (see `instantiatePlugins` for the errors it
 * throws) and returns its {@link FrameworkRuntime}: every extension point run with
 * upstream's semantics, plus the handle (with the scheduler extension when `services`
 * are given) the plugins were built with.
 */
export function createFrameworkRuntime(options: FrameworkRuntimeOptions): FrameworkRuntime {
  const { profile, definitions, clock } = options;
  const features = options.features ?? defaultFeatures;
  const services = options.services;
  const waitingPods = new Map<string, TrackedWaitingPod>();
  const nominatedPodsForNode = services
    ? (nodeName: string) => services.nominatedPodsForNode(nodeName)
    : () => emptyPodInfos;
  const hasNominatedPods = (): boolean =>
    services !== undefined && (services.hasNominatedPods === undefined || services.hasNominatedPods());

  // The runtime is referenced by the handle before its plugin lists are filled; the
  // closures below only run once plugins exist.
  let runtime: FrameworkRuntime;
  const extension: SchedulerHandleExtension | undefined =
    services === undefined
      ? undefined
      : {
          profileName: profile.schedulerName,
          client: services.client,
          random: services.random,
          nominatedPodsForNode: (nodeName) => services.nominatedPodsForNode(nodeName),
          getPod: (namespace, name) => services.getPod(namespace, name),
          recordEvent: (event) => services.recordEvent(event),
          runFilterPluginsWithNominatedPods: (state, pod, nodeInfo) =>
            runtime.runFilterPluginsWithNominatedPods(state, pod, nodeInfo),
          runPreFilterExtensionAddPod: (state, pod, podInfo, nodeInfo) =>
            runtime.runPreFilterExtensionAddPod(state, pod, podInfo, nodeInfo),
          runPreFilterExtensionRemovePod: (state, pod, podInfo, nodeInfo) =>
            runtime.runPreFilterExtensionRemovePod(state, pod, podInfo, nodeInfo),
          getWaitingPod: (uid) => waitingPods.get(uid),
        };
  const handle: SchedulerFrameworkHandle = {
    snapshotSharedLister: options.snapshot,
    clock,
    ...(options.listers === undefined ? {} : { listers: options.listers }),
    ...(extension === undefined ? {} : { scheduler: extension }),
  };

  const { plugins, pointLists, scoreWeights } = instantiatePlugins(profile, definitions, handle, features);
  const listOf = <T>(key: string): readonly NamedPlugin<T>[] =>
    (pointLists.get(key) ?? []) as unknown as readonly NamedPlugin<T>[];
  const preEnqueuePlugins = listOf<PreEnqueuePlugin>("preEnqueue");
  const queueSortPlugins = listOf<QueueSortPlugin>("queueSort");
  const preFilterPlugins = listOf<PreFilterPlugin>("preFilter");
  const filterPlugins = listOf<FilterPlugin>("filter");
  const postFilterPlugins = listOf<PostFilterPlugin>("postFilter");
  const preScorePlugins = listOf<PreScorePlugin>("preScore");
  const scorePlugins = listOf<ScorePlugin>("score");
  const reservePlugins = listOf<ReservePlugin>("reserve");
  const permitPlugins = listOf<PermitPlugin>("permit");
  const preBindPlugins = listOf<PreBindPlugin>("preBind");
  const bindPlugins = listOf<BindPlugin>("bind");
  const postBindPlugins = listOf<PostBindPlugin>("postBind");

  // Memo columns: the Filter of every node-local plugin.
  const isNodeLocal = (name: string): boolean => {
    const definition = definitions.get(name);
    return definition !== undefined && nodeLocalPluginDefinitions.has(definition);
  };
  const filterColumns = new Map<string, number>();
  for (const { name } of filterPlugins) if (isNodeLocal(name)) filterColumns.set(name, filterColumns.size);
  // Score rows: one position per node-local Score plugin.
  const scorePositions = new Map<string, number>();
  for (const { name } of scorePlugins) if (isNodeLocal(name)) scorePositions.set(name, scorePositions.size);
  const memo = new NodeResultMemo(filterColumns.size, scorePositions.size);
  const listFreeNormalizers = new Set<string>();
  for (const { name } of scorePlugins) {
    const definition = definitions.get(name);
    if (definition !== undefined && listFreeNormalizerDefinitions.has(definition))
      listFreeNormalizers.add(name);
  }

  // Frozen statuses are shared constants: each is tagged with its plugin once, not per node.
  const taggedStatuses = new WeakMap<Status, Status>();
  const tagged = (status: Status, name: string): Status => {
    if (status.plugin === name || !Object.isFrozen(status)) return withPlugin(status, name);
    let result = taggedStatuses.get(status);
    if (result === undefined || result.plugin !== name) {
      result = Object.freeze(withPlugin(status, name));
      taggedStatuses.set(status, result);
    }
    return result;
  };

  /**
   * Runs `active` (Filter plugins, in order) until one does not succeed. The profile's
   * full list (a single call) skips the plugins `state` says to skip; any other list was
   * made without them.
   */
  const runActiveFilterPlugins = (
    active: readonly NamedPlugin<FilterPlugin>[],
    state: CycleState,
    pod: Pod,
    nodeInfo: NodeInfo,
  ): Status | undefined => {
    const skip = active === filterPlugins ? state.skipFilterPlugins : undefined;
    for (let index = 0; index < active.length; index++) {
      const { name, plugin } = active[index] as NamedPlugin<FilterPlugin>;
      if (skip !== undefined && skip.size > 0 && skip.has(name)) continue;
      let status: Status | undefined;
      try {
        status = plugin.filter(state, pod, nodeInfo);
      } catch (error) {
        status = errorStatus(error);
      }
      if (status === undefined || status.code === Code.Success) continue;
      if (!isRejected(status))
        return withPlugin(wrapError(`running ${quote(name)} filter plugin`, status), name);
      return tagged(status, name);
    }
    return undefined;
  };

  const activeFilterPlugins = (state: CycleState): readonly NamedPlugin<FilterPlugin>[] => {
    const skip = state.skipFilterPlugins;
    return skip.size === 0 ? filterPlugins : filterPlugins.filter(({ name }) => !skip.has(name));
  };

  const runFilterPlugins = (state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | undefined =>
    runActiveFilterPlugins(filterPlugins, state, pod, nodeInfo);

  const runPreFilterExtension = (
    operation: "AddPod" | "RemovePod",
    state: CycleState,
    podToSchedule: Pod,
    podInfo: PodInfo,
    nodeInfo: NodeInfo,
  ): Status | undefined => {
    for (const { name, plugin } of preFilterPlugins) {
      if (state.skipFilterPlugins.has(name)) continue;
      const extensions = plugin.preFilterExtensions?.();
      if (extensions === undefined) continue;
      let status: Status | undefined;
      try {
        status =
          operation === "AddPod"
            ? extensions.addPod(state, podToSchedule, podInfo, nodeInfo)
            : extensions.removePod(state, podToSchedule, podInfo, nodeInfo);
      } catch (error) {
        status = errorStatus(error);
      }
      if (!isSuccess(status)) {
        return wrapError(`running ${operation} on PreFilter plugin ${quote(name)}`, status as Status);
      }
    }
    return undefined;
  };

  const addNominatedPods = (
    state: CycleState,
    pod: Pod,
    nodeInfo: MutableNodeInfo,
    nominated: readonly PodInfo[],
  ): { state: CycleState; nodeInfo: NodeInfo; added: boolean; status?: Status } => {
    const priority = podPriority(pod);
    const uid = pod.metadata?.uid;
    let nodeInfoOut: MutableNodeInfo | undefined;
    let stateOut: CycleState | undefined;
    for (const podInfo of nominated) {
      if (podPriority(podInfo.pod) < priority) continue;
      if (uid !== undefined && podInfo.pod.metadata?.uid === uid) continue;
      nodeInfoOut ??= nodeInfo.clone();
      stateOut ??= state.clone();
      nodeInfoOut.addPod(podInfo);
      const status = runPreFilterExtension("AddPod", stateOut, pod, podInfo, nodeInfoOut);
      if (status !== undefined) return { state, nodeInfo, added: false, status };
    }
    if (nodeInfoOut === undefined || stateOut === undefined) return { state, nodeInfo, added: false };
    return { state: stateOut, nodeInfo: nodeInfoOut, added: true };
  };

  /**
   * {@link runActiveFilterPlugins} answering node-local plugins from the memo when it can
   * (`columns[i]` is the memo column of `active[i]`, -1 for none). Only successes and
   * rejections are remembered; an error is computed again next time.
   */
  const runActiveFilterPluginsWithMemo = (
    active: readonly NamedPlugin<FilterPlugin>[],
    columns: readonly number[],
    allRemembered: boolean,
    memoId: number,
    slot: number,
    state: CycleState,
    pod: Pod,
    nodeInfo: NodeInfo,
  ): Status | undefined => {
    const epoch = memo.enter(slot, nodeInfo, memoId);
    // Every Filter remembered and all of them passed here last time: nothing to ask.
    if (allRemembered && epoch !== 0 && memo.passed(slot, epoch)) return undefined;
    for (let index = 0; index < active.length; index++) {
      const { name, plugin } = active[index] as NamedPlugin<FilterPlugin>;
      const column = epoch === 0 ? -1 : (columns[index] as number);
      let status: Status | undefined;
      const remembered = column < 0 ? memoMiss : memo.lookup(column, slot, epoch);
      if (remembered !== memoMiss) {
        status = remembered as Status | undefined;
      } else {
        try {
          status = plugin.filter(state, pod, nodeInfo);
        } catch (error) {
          status = errorStatus(error);
        }
        if (column >= 0) {
          // A rejection is kept tagged with its plugin, so a reuse allocates nothing.
          if (isRejected(status)) {
            status = withPlugin(status as Status, name);
            memo.store(column, slot, epoch, status);
          } else if (status === undefined || status.code === Code.Success) {
            memo.store(column, slot, epoch, status);
          }
        }
      }
      if (status === undefined || status.code === Code.Success) continue;
      if (!isRejected(status)) status = wrapError(`running ${quote(name)} filter plugin`, status);
      return withPlugin(status, name);
    }
    if (allRemembered && epoch !== 0) memo.markPassed(slot, epoch);
    return undefined;
  };

  const runFilterPluginsWithNominatedPods = (
    active: readonly NamedPlugin<FilterPlugin>[],
    state: CycleState,
    pod: Pod,
    nodeInfo: NodeInfo,
    memoColumnsOfActive?: readonly number[],
    allRemembered = false,
    memoId = 0,
    slot = -1,
    checkNominated = true,
  ): Status | undefined => {
    if (checkNominated && nodeInfo.node !== undefined) {
      const nominated = nominatedPodsForNode(nodeInfo.name);
      if (nominated.length > 0 && isMutableNodeInfo(nodeInfo)) {
        // Two passes when higher-or-equal priority pods are nominated here: with them (the
        // pod must yield to them) and, if that passes, without them (they may land elsewhere).
        const withNominated = addNominatedPods(state, pod, nodeInfo, nominated);
        if (withNominated.status !== undefined) return withNominated.status;
        const status = runActiveFilterPlugins(active, withNominated.state, pod, withNominated.nodeInfo);
        if (!withNominated.added || !isSuccess(status)) return status;
      }
    }
    if (memoColumnsOfActive !== undefined && memoId > 0 && slot >= 0) {
      return runActiveFilterPluginsWithMemo(
        active,
        memoColumnsOfActive,
        allRemembered,
        memoId,
        slot,
        state,
        pod,
        nodeInfo,
      );
    }
    return runActiveFilterPlugins(active, state, pod, nodeInfo);
  };

  const sharedScoreScratch = createScoreScratch();

  /** {@link FrameworkRuntime.runScorePluginTotals} with the buffers it may reuse. */
  const scorePluginTotals = (
    state: CycleState,
    pod: Pod,
    nodes: readonly NodeInfo[],
    memoSlots: { readonly id: number; readonly slots: ArrayLike<number> } | undefined,
    scratch: ScoreScratch,
  ): { readonly totals: Float64Array; readonly status: Status | undefined } => {
    const count = nodes.length;
    const memoId = memoSlots?.id ?? 0;
    const slots = memoSlots?.slots;
    const skip = state.skipScorePlugins;
    const active = skip.size === 0 ? scorePlugins : scorePlugins.filter(({ name }) => !skip.has(name));
    // Per node (checked once for all plugins): its memo epoch, and whether its score row is
    // complete (rowHit), being filled (rowFill: complete it after the plugins ran) or neither.
    let epochs: Int32Array | undefined;
    let rows: Uint8Array | undefined;
    if (slots !== undefined && memoId > 0 && scorePositions.size > 0) {
      if (scratch.epochs.length < count) {
        scratch.epochs = new Int32Array(count);
        scratch.rows = new Uint8Array(count);
      }
      epochs = scratch.epochs;
      rows = scratch.rows;
      for (let index = 0; index < count; index++) {
        const slot = slots[index] ?? -1;
        const epoch = slot < 0 ? 0 : memo.enter(slot, nodes[index] as NodeInfo, memoId);
        epochs[index] = epoch;
        rows[index] = epoch === 0 ? rowNone : memo.rowComplete(slot, epoch) ? rowHit : rowFill;
      }
    }
    // Per active plugin, by node index: what Score returned, then what NormalizeScore made of
    // it. Entries from `count` on are left over from earlier cycles and never read.
    const valuesByPlugin = scratch.values;
    for (let pluginIndex = 0; pluginIndex < active.length; pluginIndex++) {
      const { name, plugin } = active[pluginIndex] as NamedPlugin<ScorePlugin>;
      let values = valuesByPlugin[pluginIndex];
      if (values === undefined) {
        values = [];
        valuesByPlugin[pluginIndex] = values;
      }
      const position = rows === undefined ? -1 : (scorePositions.get(name) ?? -1);
      for (let index = 0; index < count; index++) {
        const row = position < 0 ? rowNone : ((rows as Uint8Array)[index] as number);
        if (row === rowHit) {
          values[index] = memo.rowValue((slots as ArrayLike<number>)[index] as number, position);
          continue;
        }
        let answer: { readonly score: number; readonly status?: Status };
        try {
          answer = plugin.score(state, pod, nodes[index] as NodeInfo);
        } catch (error) {
          answer = { score: 0, status: errorStatus(error) };
        }
        const status = answer.status;
        if (status !== undefined && status.code !== Code.Success) {
          return { totals: new Float64Array(0), status: scoreFailure(name, status) };
        }
        const score = answer.score;
        values[index] = score;
        if (row === rowFill) {
          // Only numbers go into a row; a node with anything else is asked again next time.
          if (typeof score === "number")
            memo.setRowValue((slots as ArrayLike<number>)[index] as number, position, score);
          else (rows as Uint8Array)[index] = rowNone;
        }
      }
    }
    if (rows !== undefined) {
      for (let index = 0; index < count; index++) {
        if (rows[index] === rowFill) {
          memo.completeRow(
            (slots as ArrayLike<number>)[index] as number,
            (epochs as Int32Array)[index] as number,
          );
        }
      }
    }
    for (let pluginIndex = 0; pluginIndex < active.length; pluginIndex++) {
      const { name, plugin } = active[pluginIndex] as NamedPlugin<ScorePlugin>;
      const extensions = plugin.scoreExtensions?.();
      if (extensions === undefined) continue;
      const values = valuesByPlugin[pluginIndex] as unknown[];
      // NormalizeScore works on a NodeScore list of its own, as upstream's NodeScoreList.
      // In-tree normalizers keep no reference to it, so theirs is reused across cycles.
      const pooled = listFreeNormalizers.has(name);
      const list: NodeScore[] = pooled ? scratch.list : new Array(count);
      if (pooled) list.length = count;
      for (let index = 0; index < count; index++) {
        const nodeName = (nodes[index] as NodeInfo).name;
        const score = values[index] as number;
        if (!pooled) {
          list[index] = { name: nodeName, score };
          continue;
        }
        let entry = scratch.pool[index];
        if (entry === undefined) {
          entry = { name: nodeName, score };
          scratch.pool[index] = entry;
        } else {
          entry.name = nodeName;
          entry.score = score;
        }
        list[index] = entry;
      }
      let status: Status | undefined;
      try {
        status = extensions.normalizeScore(state, pod, list);
      } catch (error) {
        status = errorStatus(error);
      }
      if (!isSuccess(status)) return { totals: new Float64Array(0), status: normalizeFailure(name, status) };
      for (let index = 0; index < count; index++) values[index] = list[index]?.score;
    }
    // Accumulated plugin by plugin (each node's sum in plugin order, as node by node); the
    // first invalid score in node-major order is reported, as upstream's loop finds it.
    if (scratch.totals.length < count) scratch.totals = new Float64Array(count);
    const totals = scratch.totals.subarray(0, count);
    totals.fill(0);
    let invalid = false;
    for (let pluginIndex = 0; pluginIndex < active.length; pluginIndex++) {
      const values = valuesByPlugin[pluginIndex] as unknown[];
      const weight = scoreWeights.get((active[pluginIndex] as NamedPlugin<ScorePlugin>).name) ?? 1;
      for (let index = 0; index < count; index++) {
        const normalized = (values[index] ?? 0) as number;
        if (normalized > maxNodeScore || normalized < minNodeScore || Number.isNaN(normalized)) {
          invalid = true;
          break;
        }
        totals[index] = (totals[index] as number) + normalized * weight;
      }
      if (invalid) break;
    }
    if (invalid) {
      for (let index = 0; index < count; index++) {
        for (let pluginIndex = 0; pluginIndex < active.length; pluginIndex++) {
          const normalized = ((valuesByPlugin[pluginIndex] as unknown[])[index] ?? 0) as number;
          if (normalized > maxNodeScore || normalized < minNodeScore || Number.isNaN(normalized)) {
            const name = (active[pluginIndex] as NamedPlugin<ScorePlugin>).name;
            return { totals: new Float64Array(0), status: invalidScore(name, normalized) };
          }
        }
      }
    }
    return { totals, status: undefined };
  };

  const plainStatus = (code: Code, message: string): Status =>
    message === "" ? createStatus(code) : createStatus(code, message);

  runtime = {
    profileName: profile.schedulerName,
    percentageOfNodesToScore: profile.percentageOfNodesToScore,
    handle,
    plugins,
    queueSortPlugin: queueSortPlugins[0]?.plugin,
    pluginNames: (key) => listOf<Plugin>(key).map((entry) => entry.name),
    hasFilterPlugins: () => filterPlugins.length > 0,
    hasScorePlugins: () => scorePlugins.length > 0,
    hasPostFilterPlugins: () => postFilterPlugins.length > 0,

    eventsOfPlugin(pluginName) {
      const plugin = plugins.get(pluginName);
      if (plugin === undefined || !hasPluginMethod(plugin, "eventsToRegister")) return undefined;
      try {
        return (plugin as EnqueueExtensions).eventsToRegister();
      } catch {
        return wildcardEvents;
      }
    },

    runPreEnqueuePlugins(pod) {
      for (const { name, plugin } of preEnqueuePlugins) {
        let status: Status | undefined;
        try {
          status = plugin.preEnqueue(pod);
        } catch (error) {
          status = errorStatus(error);
        }
        if (isSuccess(status)) continue;
        const failed = status as Status;
        if (isRejected(failed)) return withPlugin(failed, name);
        return withPlugin(wrapError(`running PreEnqueue plugin ${quote(name)}`, failed), name);
      }
      return undefined;
    },

    runPreFilterPlugins(state, pod, nodes) {
      const skip = new Set<string>();
      const pluginsWithNodes = new Set<string>();
      let nodeNames: ReadonlySet<string> | undefined;
      let returnStatus: Status | undefined;
      const finish = (outcome: PreFilterOutcome): PreFilterOutcome => {
        state.skipFilterPlugins.clear();
        for (const name of skip) state.skipFilterPlugins.add(name);
        return outcome;
      };
      for (const { name, plugin } of preFilterPlugins) {
        let answer: {
          readonly result?: { readonly nodeNames: ReadonlySet<string> | undefined };
          readonly status?: Status;
        };
        try {
          answer = plugin.preFilter(state, pod, nodes);
        } catch (error) {
          answer = { status: errorStatus(error) };
        }
        const status = answer.status;
        if (status?.code === Code.Skip) {
          skip.add(name);
          continue;
        }
        if (!isSuccess(status)) {
          const failed = withPlugin(status as Status, name);
          // Unresolvable: preemption cannot help, so the other PreFilters need not run.
          if (failed.code === Code.UnschedulableAndUnresolvable) {
            return finish({ nodeNames: undefined, status: failed, pluginsWithNodes: new Set() });
          }
          // Unschedulable: keep going so preemption has every plugin's state.
          if (failed.code === Code.Unschedulable) {
            returnStatus = failed;
            continue;
          }
          const wrapped = withPlugin(wrapError(`running PreFilter plugin ${quote(name)}`, failed), name);
          return finish({ nodeNames: undefined, status: wrapped, pluginsWithNodes: new Set() });
        }
        const resultNames = answer.result?.nodeNames;
        if (resultNames !== undefined) pluginsWithNodes.add(name);
        nodeNames = intersect(nodeNames, resultNames);
        if (nodeNames !== undefined && nodeNames.size === 0) {
          const sorted = [...pluginsWithNodes].sort();
          const message =
            sorted.length === 1
              ? `node(s) didn't satisfy plugin ${sorted[0]}`
              : `node(s) didn't satisfy plugin(s) [${sorted.join(" ")}] simultaneously`;
          return finish({
            nodeNames,
            status: createStatus(Code.UnschedulableAndUnresolvable, message),
            pluginsWithNodes,
          });
        }
      }
      return finish({ nodeNames, status: returnStatus, pluginsWithNodes });
    },

    runPreFilterExtensionAddPod: (state, pod, podInfo, nodeInfo) =>
      runPreFilterExtension("AddPod", state, pod, podInfo, nodeInfo),
    runPreFilterExtensionRemovePod: (state, pod, podInfo, nodeInfo) =>
      runPreFilterExtension("RemovePod", state, pod, podInfo, nodeInfo),

    runFilterPlugins,

    runFilterPluginsWithNominatedPods(state, pod, nodeInfo) {
      return runFilterPluginsWithNominatedPods(filterPlugins, state, pod, nodeInfo);
    },

    filterRunner(state, memoId = 0) {
      const active = activeFilterPlugins(state);
      const columns = active.map(({ name }) => filterColumns.get(name) ?? -1);
      const allRemembered = !columns.includes(-1);
      // Filter plugins cannot nominate: while the loop runs, nominations stay as they are.
      const checkNominated = hasNominatedPods();
      return (cycleState, pod, nodeInfo, slot = -1) =>
        runFilterPluginsWithNominatedPods(
          active,
          cycleState,
          pod,
          nodeInfo,
          columns,
          allRemembered,
          memoId,
          slot,
          checkNominated,
        );
    },

    beginNodeMemo: (pod, nodes) => memo.begin(nodes, pod),

    async runPostFilterPlugins(state, pod, statuses) {
      let result: PostFilterResult | undefined;
      const reasons: string[] = [];
      let rejector = "";
      for (const { name, plugin } of postFilterPlugins) {
        let answer: { readonly result?: PostFilterResult; readonly status?: Status };
        try {
          answer = await plugin.postFilter(state, pod, statuses);
        } catch (error) {
          answer = { status: errorStatus(error) };
        }
        const status = answer.status;
        if (isSuccess(status)) return { result: answer.result, status: status ?? createStatus(Code.Success) };
        const failed = status as Status;
        if (failed.code === Code.UnschedulableAndUnresolvable) {
          return { result: answer.result, status: withPlugin(failed, name) };
        }
        if (!isRejected(failed)) {
          return {
            result: undefined,
            status: withPlugin(plainStatus(Code.Error, statusMessage(failed)), name),
          };
        }
        if (answer.result?.nominatedNodeName !== undefined) result = answer.result;
        reasons.push(...failed.reasons);
        if (rejector === "") rejector = name;
      }
      const status = createStatus(Code.Unschedulable, ...reasons);
      return { result, status: rejector === "" ? status : withPlugin(status, rejector) };
    },

    runPreScorePlugins(state, pod, nodes) {
      const skip = state.skipScorePlugins;
      skip.clear();
      for (const { name, plugin } of preScorePlugins) {
        let status: Status | undefined;
        try {
          status = plugin.preScore(state, pod, nodes);
        } catch (error) {
          status = errorStatus(error);
        }
        if (status?.code === Code.Skip) {
          skip.add(name);
          continue;
        }
        if (!isSuccess(status)) return wrapError(`running PreScore plugin ${quote(name)}`, status as Status);
      }
      return undefined;
    },

    runScorePlugins(state, pod, nodes) {
      const active = scorePlugins.filter(({ name }) => !state.skipScorePlugins.has(name));
      const rawByPlugin: number[][] = [];
      const normalizedByPlugin: NodeScore[][] = [];
      for (const { name, plugin } of active) {
        const raw: number[] = new Array(nodes.length);
        const list: NodeScore[] = new Array(nodes.length);
        for (let index = 0; index < nodes.length; index++) {
          const nodeInfo = nodes[index] as NodeInfo;
          let answer: { readonly score: number; readonly status?: Status };
          try {
            answer = plugin.score(state, pod, nodeInfo);
          } catch (error) {
            answer = { score: 0, status: errorStatus(error) };
          }
          if (!isSuccess(answer.status)) {
            return { scores: [], status: scoreFailure(name, answer.status) };
          }
          raw[index] = answer.score;
          list[index] = { name: nodeInfo.name, score: answer.score };
        }
        rawByPlugin.push(raw);
        normalizedByPlugin.push(list);
      }
      for (let pluginIndex = 0; pluginIndex < active.length; pluginIndex++) {
        const { name, plugin } = active[pluginIndex] as NamedPlugin<ScorePlugin>;
        const extensions = plugin.scoreExtensions?.();
        if (extensions === undefined) continue;
        let status: Status | undefined;
        try {
          status = extensions.normalizeScore(state, pod, normalizedByPlugin[pluginIndex] as NodeScore[]);
        } catch (error) {
          status = errorStatus(error);
        }
        if (!isSuccess(status)) {
          return { scores: [], status: normalizeFailure(name, status) };
        }
      }
      const scores: NodePluginScores[] = new Array(nodes.length);
      for (let index = 0; index < nodes.length; index++) {
        const pluginScores: PluginScore[] = new Array(active.length);
        let totalScore = 0;
        for (let pluginIndex = 0; pluginIndex < active.length; pluginIndex++) {
          const name = (active[pluginIndex] as NamedPlugin<ScorePlugin>).name;
          const normalized = (normalizedByPlugin[pluginIndex] as NodeScore[])[index]?.score ?? 0;
          if (normalized > maxNodeScore || normalized < minNodeScore || Number.isNaN(normalized)) {
            return { scores: [], status: invalidScore(name, normalized) };
          }
          const weighted = normalized * (scoreWeights.get(name) ?? 1);
          pluginScores[pluginIndex] = {
            plugin: name,
            raw: (rawByPlugin[pluginIndex] as number[])[index] ?? 0,
            normalized,
            weighted,
          };
          totalScore += weighted;
        }
        scores[index] = { name: (nodes[index] as NodeInfo).name, scores: pluginScores, totalScore };
      }
      return { scores, status: undefined };
    },

    runScorePluginTotals(state, pod, nodes, memoSlots) {
      // Buffers are reused across cycles; a nested call (a plugin scoring from inside Score)
      // gets fresh ones.
      if (sharedScoreScratch.busy)
        return scorePluginTotals(state, pod, nodes, memoSlots, createScoreScratch());
      sharedScoreScratch.busy = true;
      try {
        return scorePluginTotals(state, pod, nodes, memoSlots, sharedScoreScratch);
      } finally {
        sharedScoreScratch.busy = false;
      }
    },

    runReservePluginsReserve(state, pod, nodeName) {
      for (const { name, plugin } of reservePlugins) {
        let status: Status | undefined;
        try {
          status = plugin.reserve(state, pod, nodeName);
        } catch (error) {
          status = errorStatus(error);
        }
        if (isSuccess(status)) continue;
        const failed = status as Status;
        if (isRejected(failed)) return withPlugin(failed, name);
        return wrapError(`running Reserve plugin ${quote(name)}`, failed);
      }
      return undefined;
    },

    runReservePluginsUnreserve(state, pod, nodeName) {
      // Reverse order, so later plugins release first.
      for (let index = reservePlugins.length - 1; index >= 0; index--) {
        try {
          (reservePlugins[index] as NamedPlugin<ReservePlugin>).plugin.unreserve(state, pod, nodeName);
        } catch {
          // Unreserve is best effort upstream too: it has no way to report failure.
        }
      }
    },

    runPermitPlugins(state, pod, nodeName) {
      const waitTimes = new Map<string, number>();
      for (const { name, plugin } of permitPlugins) {
        let answer: { readonly status?: Status; readonly timeoutMs?: number };
        try {
          answer = plugin.permit(state, pod, nodeName);
        } catch (error) {
          answer = { status: errorStatus(error) };
        }
        const status = answer.status;
        if (isSuccess(status)) continue;
        const failed = status as Status;
        if (isRejected(failed)) return withPlugin(failed, name);
        if (failed.code === Code.Wait) {
          const timeout = Math.min(Math.max(answer.timeoutMs ?? 0, 0), maxPermitTimeoutMs);
          waitTimes.set(name, timeout);
          continue;
        }
        return withPlugin(wrapError(`running Permit plugin ${quote(name)}`, failed), name);
      }
      if (waitTimes.size === 0) return undefined;
      const uid = pod.metadata?.uid ?? `${pod.metadata?.namespace ?? ""}/${pod.metadata?.name ?? ""}`;
      waitingPods.set(uid, createWaitingPod(pod, waitTimes, clock));
      return createStatus(
        Code.Wait,
        `one or more plugins asked to wait and no plugin rejected pod ${quote(pod.metadata?.name ?? "")}`,
      );
    },

    async waitOnPermit(pod) {
      const uid = pod.metadata?.uid ?? `${pod.metadata?.namespace ?? ""}/${pod.metadata?.name ?? ""}`;
      const waitingPod = waitingPods.get(uid);
      if (waitingPod === undefined) return undefined;
      try {
        const status = await waitingPod.outcome;
        if (isSuccess(status) || isRejected(status)) return status;
        const failed = status as Status;
        const wrapped = wrapError("waiting on permit for pod", failed);
        return failed.plugin === undefined ? wrapped : withPlugin(wrapped, failed.plugin);
      } finally {
        waitingPods.delete(uid);
      }
    },

    getWaitingPod: (uid) => waitingPods.get(uid),

    rejectWaitingPod(uid) {
      const waitingPod = waitingPods.get(uid);
      if (waitingPod === undefined) return false;
      waitingPod.reject("", "removed");
      return true;
    },

    async runPreBindPlugins(state, pod, nodeName) {
      for (const { name, plugin } of preBindPlugins) {
        let status: Status | undefined;
        try {
          status = await plugin.preBind(state, pod, nodeName);
        } catch (error) {
          status = errorStatus(error);
        }
        if (isSuccess(status)) continue;
        const failed = status as Status;
        if (isRejected(failed)) return withPlugin(failed, name);
        return wrapError(`running PreBind plugin ${quote(name)}`, failed);
      }
      return undefined;
    },

    async runBindPlugins(state, pod, nodeName) {
      let status: Status | undefined = createStatus(Code.Skip);
      for (const { name, plugin } of bindPlugins) {
        try {
          status = await plugin.bind(state, pod, nodeName);
        } catch (error) {
          status = errorStatus(error);
        }
        if (status?.code === Code.Skip) continue;
        if (isSuccess(status)) return undefined;
        const failed = status as Status;
        if (isRejected(failed)) return withPlugin(failed, name);
        return wrapError(`running Bind plugin ${quote(name)}`, failed);
      }
      return status;
    },

    runPostBindPlugins(state, pod, nodeName) {
      for (const { plugin } of postBindPlugins) {
        try {
          plugin.postBind(state, pod, nodeName);
        } catch {
          // PostBind is informational; a failing hook must not undo a successful bind.
        }
      }
    },
  };
  return runtime;
}
