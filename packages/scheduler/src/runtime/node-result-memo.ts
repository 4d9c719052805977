import type { Pod } from "@kubesim/core";
import { isMutableNodeInfo } from "../framework/node-info.js";
import { sameJson } from "../framework/same-json.js";
import type { NodeInfo } from "../framework/types.js";

/** What {@link NodeResultMemo.lookup} returns when it has no result. */
export const memoMiss: unique symbol = Symbol("kubesim.scheduler.memoMiss");

/** How many distinct pod specs keep their id before the ids start over (old ids are never reused). */
const signatureLimit = 256;

/** Epochs stay below this (an Int32Array holds them). */
const maxEpoch = 0x3fffffff;

/**
 * Remembers, per node of the snapshot's node list, what "node-local" plugins answered in
 * earlier cycles: plugins whose Filter status or Score depends only on the pod's spec (and
 * the PreFilter/PreScore state they derive from it) and on the node's NodeInfo. A result is
 * reused only for the same NodeInfo at the same generation (bumped on every change of its
 * node object or pods) and a pod with an identical spec, so it is the answer the plugin
 * would give again. With 5,000 nodes a pod typically changes one node per cycle, so most
 * nodes are answered from here.
 *
 * Slots are the positions in the node list of the cycle. Filter results are kept per
 * column (one per Filter plugin: a Filter loop stops at the first rejection); Score results
 * as a row per slot (one position per Score plugin), valid as a whole. A slot is entered
 * once per cycle ({@link enter}), which checks its node's generation and the pod's spec
 * once and yields an epoch; a result counts only under the epoch it was stored with.
 * Epochs only grow, so nothing needs clearing. Nothing is allocated per cycle.
 */
export class NodeResultMemo {
  private nodes: readonly NodeInfo[] | undefined;
  private slotNodes: (NodeInfo | undefined)[] = [];
  private slotGenerations = new Float64Array(0);
  private slotSignatures = new Float64Array(0);
  private slotEpochs = new Int32Array(0);
  /** Per slot: the epoch under which every Filter of the cycle passed (see {@link markPassed}). */
  private passedEpochs = new Int32Array(0);
  private resultEpochs: Int32Array[] = [];
  private results: unknown[][] = [];
  /** Per slot: the epoch under which its score row is complete. */
  private rowEpochs = new Int32Array(0);
  /** Score rows, `rowLength` numbers per slot. */
  private rows = new Float64Array(0);
  private lastEpoch = 0;
  private readonly signatureIds = new Map<string, number>();
  private nextSignatureId = 1;
  /** A private copy of the last spec given an id, and that id: most pods repeat the last spec. */
  private lastSpec: unknown;
  private lastSpecId = 0;

  /**
   * @param columns - how many Filter columns there are.
   * @param rowLength - how many Score plugins a score row holds.
   */
  constructor(
    private readonly columns: number,
    private readonly rowLength = 0,
  ) {}

  /**
   * Starts a cycle over `nodes` (the snapshot's list, by identity) for `pod`. Returns the
   * pod's spec id to pass to {@link enter}, or 0 when nothing can be remembered (no
   * memoized plugin, a spec that does not serialize).
   */
  begin(nodes: readonly NodeInfo[], pod: Pod): number {
    if (this.columns === 0 && this.rowLength === 0) return 0;
    if (nodes !== this.nodes) this.reset(nodes);
    // Epochs are small integers (they travel unboxed). A cycle hands out at most one per
    // slot; before they could overflow, everything is forgotten — between cycles, never
    // while a cycle holds epochs.
    if (this.lastEpoch > maxEpoch - nodes.length) this.forgetAll();
    const spec = pod.spec ?? null;
    if (this.lastSpecId > 0 && sameJson(spec, this.lastSpec)) return this.lastSpecId;
    let signature: string;
    try {
      signature = JSON.stringify(spec);
    } catch {
      return 0;
    }
    let id = this.signatureIds.get(signature);
    if (id === undefined) {
      if (this.signatureIds.size >= signatureLimit) this.signatureIds.clear();
      id = this.nextSignatureId++;
      this.signatureIds.set(signature, id);
    }
    // Our own copy: the pod's objects are not ours to keep unchanged.
    this.lastSpec = JSON.parse(signature);
    this.lastSpecId = id;
    return id;
  }

  /**
   * The epoch of the node at `slot` for the pod with spec id `signatureId`: a new one when
   * the node changed (or another spec used the slot last), so older results no longer count.
   * 0 when `nodeInfo` is not the one the slot was begun with (nothing remembered for it).
   */
  enter(slot: number, nodeInfo: NodeInfo, signatureId: number): number {
    if (signatureId <= 0 || this.slotNodes[slot] !== nodeInfo) return 0;
    const generation = nodeInfo.generation;
    if (this.slotGenerations[slot] !== generation || this.slotSignatures[slot] !== signatureId) {
      this.slotGenerations[slot] = generation;
      this.slotSignatures[slot] = signatureId;
      this.slotEpochs[slot] = ++this.lastEpoch;
    }
    return this.slotEpochs[slot] as number;
  }

  /** The result `column` stored for `slot` under `epoch`, or {@link memoMiss}. */
  lookup(column: number, slot: number, epoch: number): unknown {
    return (this.resultEpochs[column] as Int32Array)[slot] === epoch
      ? (this.results[column] as unknown[])[slot]
      : memoMiss;
  }

  /**
   * Whether {@link markPassed} recorded, under `epoch`, that every Filter passed. Only
   * meaningful when every Filter that runs is remembered: then the plugins that run are
   * themselves decided by the pod's spec, which the epoch stands for.
   */
  passed(slot: number, epoch: number): boolean {
    return this.passedEpochs[slot] === epoch;
  }

  /** Records that every Filter passed on the node at `slot` under `epoch`. */
  markPassed(slot: number, epoch: number): void {
    this.passedEpochs[slot] = epoch;
  }

  /** Whether the score row of `slot` was completed under `epoch`. */
  rowComplete(slot: number, epoch: number): boolean {
    return this.rowEpochs[slot] === epoch;
  }

  /** Score `position` of the row of `slot` (see {@link rowComplete}). */
  rowValue(slot: number, position: number): number {
    return this.rows[slot * this.rowLength + position] as number;
  }

  /** Writes score `position` of the row of `slot`; the row counts once {@link completeRow} is called. */
  setRowValue(slot: number, position: number, score: number): void {
    this.rows[slot * this.rowLength + position] = score;
  }

  /** Declares the row of `slot` complete under `epoch`: every Score plugin of the cycle wrote its score. */
  completeRow(slot: number, epoch: number): void {
    this.rowEpochs[slot] = epoch;
  }

  /** Remembers `column`'s result for `slot` under `epoch` (from {@link enter}, never 0). */
  store(column: number, slot: number, epoch: number, result: unknown): void {
    (this.resultEpochs[column] as Int32Array)[slot] = epoch;
    (this.results[column] as unknown[])[slot] = result;
  }

  /** Drops every result and starts epochs over (once per billion node entries). */
  private forgetAll(): void {
    this.lastEpoch = 0;
    this.slotGenerations.fill(-1);
    for (const epochs of this.resultEpochs) epochs.fill(0);
    this.passedEpochs.fill(0);
    this.rowEpochs.fill(0);
  }

  private reset(nodes: readonly NodeInfo[]): void {
    this.nodes = nodes;
    const length = nodes.length;
    // Slots of other node infos (plugin tests) stay empty, so they are never answered from here.
    this.slotNodes = nodes.map((nodeInfo) => (isMutableNodeInfo(nodeInfo) ? nodeInfo : undefined));
    if (this.slotGenerations.length === length) {
      // Same size (a node changed): every slot gets a new epoch on entry; keep the storage.
      this.slotGenerations.fill(-1);
      return;
    }
    this.slotGenerations = new Float64Array(length).fill(-1);
    this.slotSignatures = new Float64Array(length);
    this.slotEpochs = new Int32Array(length);
    this.passedEpochs = new Int32Array(length);
    this.rowEpochs = new Int32Array(length);
    this.rows = new Float64Array(length * this.rowLength);
    this.resultEpochs = Array.from({ length: this.columns }, () => new Int32Array(length));
    this.results = Array.from({ length: this.columns }, () => new Array<unknown>(length).fill(undefined));
  }
}
