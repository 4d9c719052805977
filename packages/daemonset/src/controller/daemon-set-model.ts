import type { Selector } from "@kubesim/affinity";
import type { DaemonSet, Node, Pod } from "@kubesim/core";
import {
  createDaemonPodPlacement,
  type DaemonPodPlacement,
  type DaemonPodPlacementResult,
} from "../placement/index.js";
import { daemonSetTemplateGeneration } from "../pod-template/template-generation.js";
import { isPodAvailable, isPodReady, type RollingUpdateLimits, surgeAllowed } from "../rolling/index.js";
import {
  classifyNodeWithoutSurge,
  classifyNodeWithSurge,
  findUpdatedPodsOnNode,
  foldWithoutSurge,
  foldWithSurge,
  type NodeUpdateWithoutSurge,
  type NodeUpdateWithSurge,
  type RollingUpdatePlan,
} from "../rolling/plan-rolling-update.js";
import type { ControlledPods, DaemonPodIndex, IndexedPod } from "./daemon-pod-index.js";
import { isPodTerminal, isTerminating } from "./daemon-pods.js";
import { daemonSetSelector } from "./daemon-set-selector.js";
import {
  type DaemonSetStatusCounts,
  NodeStatusBit,
  nodeStatusBits,
  statusCountsFromTotals,
} from "./daemon-set-status.js";
import { type ManagePlan, ManageWork, nodeManageWork, planNodeDaemonPods } from "./manage.js";
import { type NodeOrder, NodeSubset, type SortedNodeNames } from "./node-order.js";
import type { ObjectCache } from "./object-cache.js";
import type { SyncPass } from "./sync-pass.js";

/** What the model keeps per node: a listed node, or an unlisted one holding pods. */
interface NodeRecord {
  readonly name: string;
  /** The node as the current pass read it; undefined when the node list does not hold it. */
  node: Node | undefined;
  placement: DaemonPodPlacementResult | undefined;
  /** Claimed pods targeting the node (terminal-and-terminating ones left out), cache order. */
  pods: readonly Pod[] | undefined;
  /** Cache order of `pods[0]`. */
  firstSeq: number;
  /** True while the verdicts below are counted in the model's totals. */
  counted: boolean;
  status: number;
  /** {@link ManageWork} bits. */
  manage: number;
  withoutSurge: NodeUpdateWithoutSurge | undefined;
  withSurge: NodeUpdateWithSurge | undefined;
  /** A pod is Ready but not yet available: the verdicts change with the clock alone. */
  timeSensitive: boolean;
}

function specKeyOf(daemonSet: DaemonSet): string {
  return JSON.stringify([
    daemonSet.metadata?.uid ?? null,
    daemonSet.metadata?.namespace ?? null,
    daemonSet.metadata?.name ?? null,
    daemonSetTemplateGeneration(daemonSet) ?? null,
    daemonSet.spec ?? null,
  ]);
}

function claimedPods(
  group: readonly IndexedPod[] | undefined,
): { pods: Pod[]; firstSeq: number } | undefined {
  if (group === undefined) return undefined;
  let pods: Pod[] | undefined;
  let firstSeq = 0;
  for (const entry of group) {
    const pod = entry.pod;
    // As `getNodesToDaemonPods(ds, false)`: pods both terminal and terminating do not count.
    if (isPodTerminal(pod) && isTerminating(pod)) continue;
    if (pods === undefined) {
      pods = [pod];
      firstSeq = entry.seq;
    } else {
      pods.push(pod);
    }
  }
  return pods === undefined ? undefined : { pods, firstSeq };
}

function isBound(pod: Pod): boolean {
  return (pod.spec?.nodeName ?? "") !== "";
}

/**
 * The controller's running picture of one DaemonSet, kept between passes so that a pass
 * costs what changed instead of every node and pod (upstream recomputes everything in
 * every sync; the answers here are the same, item for item and in the same order).
 *
 * Per node it remembers the placement (as of the pass's start, like upstream's node
 * list), the claimed pods (as of the last claim) and its verdicts for `manage`, the
 * rolling update and the status; the totals over all nodes are kept up to date as
 * verdicts change. What invalidates what:
 * - a node added, changed or removed: its placement, at the next pass's start;
 * - a pod of the DaemonSet changed (from the pod index): its node's pods, at the next claim;
 * - the DaemonSet's uid, spec or template generation changed: everything;
 * - the current hash changed: every verdict; with `minReadySeconds > 0`, the verdicts of
 *   nodes with a Ready pod not yet available, at every read (the clock moves).
 *
 * A claim that would adopt or release something goes the upstream way (see
 * {@link DaemonSetModel.claimChangesNothing}); so does the history cleanup, which counts
 * terminal pods too.
 */
export class DaemonSetModel {
  private specKey: string | undefined;
  private lastDaemonSet: DaemonSet | undefined;
  private placement: DaemonPodPlacement | undefined;
  private selectorValue: Selector | null = null;
  private surge = false;
  private minReadySeconds = 0;
  private generation: string | undefined;
  private owned: ControlledPods | undefined;
  private readonly records = new Map<string, NodeRecord>();
  private order: NodeOrder | undefined;
  private readonly pendingNodes = new Set<string>();
  private readonly podsChanged = new Set<string>();
  private readonly unclassified = new Set<string>();
  private classifiedHash: string | undefined;
  private lastNow = Number.NEGATIVE_INFINITY;
  private readonly totals = { desired: 0, current: 0, misscheduled: 0, ready: 0, available: 0, updated: 0 };
  private unavailableWithoutSurge = 0;
  private numSurge = 0;
  private numAvailable = 0;
  /** Nodes that get a pod from `manage`. */
  private readonly creationNodes = new NodeSubset();
  /** Nodes where `manage` may do something else. */
  private readonly manageNodes = new NodeSubset();
  /** Without surge: nodes whose unavailable old pod is replaced. */
  private readonly replacementNodes = new NodeSubset();
  /** Without surge: nodes whose available old pod may go within the budget. */
  private readonly candidateNodes = new NodeSubset();
  /** With surge: nodes with an action other than `candidate`. */
  private readonly surgeActionNodes = new NodeSubset();
  /** With surge: nodes that may get a new pod within the budget. */
  private readonly surgeCandidateNodes = new NodeSubset();
  private readonly subsets = [
    this.creationNodes,
    this.manageNodes,
    this.replacementNodes,
    this.candidateNodes,
    this.surgeActionNodes,
    this.surgeCandidateNodes,
  ];
  private readonly missingNodes = new Set<string>();
  private readonly timeSensitiveNodes = new Set<string>();

  constructor(
    private readonly podIndex: DaemonPodIndex,
    private readonly nodes: ObjectCache<Node>,
    private readonly nodeNames: SortedNodeNames,
  ) {}

  /** A node was added, changed or removed: its placement is read again at the next pass's start. */
  nodeChanged(nodeName: string): void {
    this.pendingNodes.add(nodeName);
  }

  /** Stops following the DaemonSet's pods (the DaemonSet is gone). */
  close(): void {
    if (this.owned !== undefined) this.podIndex.release(this.owned);
    this.owned = undefined;
    this.specKey = undefined;
    this.lastDaemonSet = undefined;
  }

  /**
   * The start of a pass over `daemonSet`: takes the node list as it is now (the pass's
   * node snapshot) and, when the DaemonSet's spec changed, starts over.
   */
  beginPass(daemonSet: DaemonSet): void {
    // Cached objects are replaced, never changed: the same object has the same spec.
    const specKey = daemonSet === this.lastDaemonSet ? this.specKey : specKeyOf(daemonSet);
    this.lastDaemonSet = daemonSet;
    if (specKey !== this.specKey || specKey === undefined) {
      this.reset(daemonSet, specKey ?? specKeyOf(daemonSet));
    } else {
      for (const nodeName of this.pendingNodes) this.readNode(nodeName);
    }
    this.pendingNodes.clear();
    const order = this.nodeNames.order();
    if (order !== this.order) {
      this.order = order;
      for (const subset of this.subsets) subset.reorder(order);
    }
  }

  /**
   * True when a claim of the DaemonSet's pods would adopt nothing, release nothing and
   * fail on nothing — it would just list the pods the model already follows.
   */
  claimChangesNothing(daemonSet: DaemonSet): boolean {
    const owned = this.owned;
    if (owned === undefined || this.selectorValue === null) return false;
    if (owned.nonMatching.size > 0) return false;
    return isTerminating(daemonSet) || owned.adoptable.size === 0;
  }

  /** The claim itself: the pods as they are now become the ones the next verdicts read. */
  capture(): void {
    const owned = this.owned;
    if (owned === undefined) return;
    for (const nodeName of owned.takeChangedNodes()) this.podsChanged.add(nodeName);
    for (const nodeName of this.podsChanged) {
      const claimed = claimedPods(owned.byNode.get(nodeName));
      let record = this.records.get(nodeName);
      if (record === undefined) {
        if (claimed === undefined) continue;
        record = this.addRecord(nodeName);
      }
      record.pods = claimed?.pods;
      record.firstSeq = claimed?.firstSeq ?? 0;
      this.placeRecord(record);
    }
    this.podsChanged.clear();
  }

  /** The nodes of the pass's snapshot, sorted by name (built on demand, O(nodes)). */
  passNodes(): Node[] {
    const nodes: Node[] = [];
    for (const name of this.order?.names ?? []) {
      const node = this.records.get(name)?.node;
      if (node !== undefined) nodes.push(node);
    }
    return nodes;
  }

  /** The placement of every node of the pass's snapshot, in node order (built on demand). */
  passPlacements(): Map<string, DaemonPodPlacementResult> {
    const placements = new Map<string, DaemonPodPlacementResult>();
    for (const name of this.order?.names ?? []) {
      const placement = this.records.get(name)?.placement;
      if (placement !== undefined) placements.set(name, placement);
    }
    return placements;
  }

  /**
   * `planManage` over the captured pods: visits only the nodes that need something, and
   * lists only the first `burstReplicas` nodes needing a pod (all `syncNodes` creates).
   */
  planManage(pass: SyncPass, hash: string): ManagePlan {
    this.classify(hash, pass.runtime.clock.now());
    const plan: ManagePlan = { nodesNeedingDaemonPods: [], podsToDelete: [] };
    // The other nodes' creations are listed by `creationNodes`, in the same order.
    const visited: ManagePlan = { nodesNeedingDaemonPods: [], podsToDelete: plan.podsToDelete };
    for (const nodeName of this.manageNodes.first(Number.POSITIVE_INFINITY)) {
      const record = this.records.get(nodeName) as NodeRecord;
      planNodeDaemonPods(
        pass,
        record.node as Node,
        record.placement as DaemonPodPlacementResult,
        record.pods,
        hash,
        visited,
      );
    }
    plan.nodesNeedingDaemonPods.push(...this.creationNodes.first(pass.runtime.burstReplicas));
    // `getUnscheduledPodsWithoutNode`, in the order the nodes first show up among the pods.
    const missing = [...this.missingNodes].map((name) => this.records.get(name) as NodeRecord);
    missing.sort((left, right) => left.firstSeq - right.firstSeq);
    for (const record of missing) {
      for (const pod of record.pods ?? [])
        if (!isBound(pod)) plan.podsToDelete.push(pod.metadata?.name ?? "");
    }
    return plan;
  }

  /** `desiredNumberScheduled` over the pass's snapshot (what the rolling update's budgets scale against). */
  desiredCount(hash: string, now: number): number {
    this.classify(hash, now);
    return this.totals.desired;
  }

  /**
   * `planRollingUpdate` over the captured pods at `now`, with the budgets from
   * `rollingUpdateLimits`.
   *
   * @throws KubesimError as `foldWithSurge` (a node holding an old pod is not listed).
   */
  planRollingUpdate(hash: string, now: number, limits: RollingUpdateLimits): RollingUpdatePlan {
    this.classify(hash, now);
    const verdictOf = (nodeName: string) => this.records.get(nodeName) as NodeRecord;
    if (limits.maxSurge === 0) {
      const budget = Math.max(limits.maxUnavailable - this.unavailableWithoutSurge, 0);
      const verdicts: NodeUpdateWithoutSurge[] = [];
      for (const nodeName of this.replacementNodes.first(Number.POSITIVE_INFINITY)) {
        verdicts.push(verdictOf(nodeName).withoutSurge as NodeUpdateWithoutSurge);
      }
      for (const nodeName of this.candidateNodes.first(budget)) {
        verdicts.push(verdictOf(nodeName).withoutSurge as NodeUpdateWithoutSurge);
      }
      return foldWithoutSurge(verdicts, this.unavailableWithoutSurge, limits.maxUnavailable);
    }
    const budget = Math.max(limits.maxSurge - this.numSurge, 0);
    const verdicts: [string, NodeUpdateWithSurge][] = [];
    for (const nodeName of this.surgeActionNodes.first(Number.POSITIVE_INFINITY)) {
      verdicts.push([nodeName, verdictOf(nodeName).withSurge as NodeUpdateWithSurge]);
    }
    for (const nodeName of this.surgeCandidateNodes.first(budget)) {
      verdicts.push([nodeName, verdictOf(nodeName).withSurge as NodeUpdateWithSurge]);
    }
    return foldWithSurge(
      verdicts,
      { numSurge: this.numSurge, numAvailable: this.numAvailable, desired: this.totals.desired },
      limits.maxSurge,
    );
  }

  /** The status counters over the captured pods at `now`. */
  statusCounts(hash: string, now: number): DaemonSetStatusCounts {
    this.classify(hash, now);
    return statusCountsFromTotals(this.totals);
  }

  private reset(daemonSet: DaemonSet, specKey: string): void {
    this.specKey = specKey;
    this.placement = createDaemonPodPlacement(daemonSet);
    try {
      this.selectorValue = daemonSetSelector(daemonSet);
    } catch {
      // The claim goes the upstream way and reports the error.
      this.selectorValue = null;
    }
    this.surge = surgeAllowed(daemonSet);
    this.minReadySeconds = daemonSet.spec?.minReadySeconds ?? 0;
    this.generation = daemonSetTemplateGeneration(daemonSet);
    const namespace = daemonSet.metadata?.namespace ?? "";
    const uid = daemonSet.metadata?.uid ?? "";
    if (this.owned !== undefined && (this.owned.namespace !== namespace || this.owned.uid !== uid)) {
      this.podIndex.release(this.owned);
      this.owned = undefined;
    }
    if (this.owned === undefined && uid !== "") {
      this.owned = this.podIndex.controlled(namespace, uid);
      this.owned.trackChanges();
    }
    this.owned?.select(this.selectorValue ?? undefined);

    this.records.clear();
    this.podsChanged.clear();
    this.unclassified.clear();
    this.classifiedHash = undefined;
    this.lastNow = Number.NEGATIVE_INFINITY;
    for (const key of Object.keys(this.totals) as (keyof typeof this.totals)[]) this.totals[key] = 0;
    this.unavailableWithoutSurge = 0;
    this.numSurge = 0;
    this.numAvailable = 0;
    for (const subset of this.subsets) subset.clear();
    this.missingNodes.clear();
    this.timeSensitiveNodes.clear();

    for (const node of this.nodes.values()) {
      const record = this.addRecord(node.metadata?.name ?? "");
      record.node = node;
      record.placement = this.placement(node);
      this.unclassified.add(record.name);
    }
    if (this.owned !== undefined) {
      this.owned.takeChangedNodes();
      for (const nodeName of this.owned.byNode.keys()) this.podsChanged.add(nodeName);
    }
  }

  private addRecord(name: string): NodeRecord {
    const record: NodeRecord = {
      name,
      node: undefined,
      placement: undefined,
      pods: undefined,
      firstSeq: 0,
      counted: false,
      status: 0,
      manage: 0,
      withoutSurge: undefined,
      withSurge: undefined,
      timeSensitive: false,
    };
    this.records.set(name, record);
    return record;
  }

  private readNode(nodeName: string): void {
    const node = this.nodes.get("", nodeName);
    let record = this.records.get(nodeName);
    if (record === undefined) {
      if (node === undefined) return;
      record = this.addRecord(nodeName);
    }
    record.node = node;
    record.placement = node === undefined ? undefined : (this.placement as DaemonPodPlacement)(node);
    this.placeRecord(record);
  }

  /** After a record's node or pods changed: drops it when empty, tracks it as missing, marks it for a new verdict. */
  private placeRecord(record: NodeRecord): void {
    if (record.node === undefined && record.pods === undefined) {
      this.uncount(record);
      this.records.delete(record.name);
      this.unclassified.delete(record.name);
      this.missingNodes.delete(record.name);
      return;
    }
    if (record.node === undefined) this.missingNodes.add(record.name);
    else this.missingNodes.delete(record.name);
    this.unclassified.add(record.name);
  }

  /** Brings the verdicts up to date for `hash` at `now`. */
  private classify(hash: string, now: number): void {
    if (hash !== this.classifiedHash) {
      this.classifiedHash = hash;
      for (const name of this.records.keys()) this.unclassified.add(name);
    }
    if (this.minReadySeconds > 0) {
      if (now < this.lastNow) {
        for (const name of this.records.keys()) this.unclassified.add(name);
      } else {
        for (const name of this.timeSensitiveNodes) this.unclassified.add(name);
      }
      this.lastNow = now;
    }
    for (const name of this.unclassified) {
      const record = this.records.get(name);
      if (record === undefined) continue;
      this.uncount(record);
      this.judge(record, hash, now);
      this.count(record);
    }
    this.unclassified.clear();
  }

  private judge(record: NodeRecord, hash: string, now: number): void {
    const { placement, pods } = record;
    const minReadySeconds = this.minReadySeconds;
    const generation = this.generation;
    record.status =
      placement === undefined
        ? 0
        : nodeStatusBits(placement.shouldRun, pods, hash, generation, minReadySeconds, now);
    record.manage = placement === undefined ? 0 : nodeManageWork(placement, pods, this.surge);
    // Only entries of the rolling update's node map (pods, or a node that should run one) count there.
    if (pods !== undefined || placement?.shouldRun === true) {
      const found = findUpdatedPodsOnNode(pods ?? [], hash, generation);
      record.withoutSurge = classifyNodeWithoutSurge(found, minReadySeconds, now);
      record.withSurge = classifyNodeWithSurge(found, minReadySeconds, now, () => placement?.shouldRun);
    } else {
      record.withoutSurge = undefined;
      record.withSurge = undefined;
    }
    record.timeSensitive =
      minReadySeconds > 0 &&
      pods !== undefined &&
      pods.some((pod) => isPodReady(pod) && !isPodAvailable(pod, minReadySeconds, now));
  }

  private count(record: NodeRecord): void {
    this.add(record, 1);
    record.counted = true;
    const name = record.name;
    if (record.manage & ManageWork.createsPod) this.creationNodes.add(name);
    if (record.manage & ManageWork.other) this.manageNodes.add(name);
    const withoutSurge = record.withoutSurge;
    if (withoutSurge?.replace !== undefined) this.replacementNodes.add(name);
    else if (withoutSurge?.candidate !== undefined) this.candidateNodes.add(name);
    const action = record.withSurge?.action;
    if (action === "candidate") this.surgeCandidateNodes.add(name);
    else if (action !== undefined) this.surgeActionNodes.add(name);
    if (record.timeSensitive) this.timeSensitiveNodes.add(name);
  }

  private uncount(record: NodeRecord): void {
    if (!record.counted) return;
    this.add(record, -1);
    record.counted = false;
    for (const subset of this.subsets) subset.delete(record.name);
    this.timeSensitiveNodes.delete(record.name);
  }

  private add(record: NodeRecord, sign: 1 | -1): void {
    const bits = record.status;
    const totals = this.totals;
    if (bits !== 0) {
      if (bits & NodeStatusBit.desired) totals.desired += sign;
      if (bits & NodeStatusBit.current) totals.current += sign;
      if (bits & NodeStatusBit.misscheduled) totals.misscheduled += sign;
      if (bits & NodeStatusBit.ready) totals.ready += sign;
      if (bits & NodeStatusBit.available) totals.available += sign;
      if (bits & NodeStatusBit.updated) totals.updated += sign;
    }
    if (record.withoutSurge?.unavailable === true) this.unavailableWithoutSurge += sign;
    if (record.withSurge?.surging === true) this.numSurge += sign;
    if (record.withSurge?.available === true) this.numAvailable += sign;
  }
}
