import type { Selector } from "@kubesim/affinity";
import type { Pod } from "@kubesim/core";
import { findTargetNodeName } from "../placement/target-node-name.js";
import { controllerOf, isTerminating } from "./daemon-pods.js";

/** One cached pod as the index sees it. */
export interface IndexedPod {
  /** The cached object (replaced, never changed in place, on every update). */
  readonly pod: Pod;
  /**
   * When the pod's name entered the cache: the order `ObjectCache.list` returns, which
   * upstream-equivalent passes visit pods in. An update keeps it; a removal forgets it.
   */
  readonly seq: number;
}

interface PodEntry extends IndexedPod {
  pod: Pod;
  /** The controller-owned group the pod is in; undefined for an orphan. */
  owner: ControlledPods | undefined;
  /** `getTargetNodeName`, or null when the pod names no single node. */
  target: string | null;
}

interface NamespacePods {
  readonly entries: Map<string, PodEntry>;
  /** Pods without a controller reference, in cache order. */
  readonly orphans: Map<string, PodEntry>;
  /** Groups by controller uid. */
  readonly owners: Map<string, ControlledPods>;
  /** Groups that track a selector: orphan changes update their `adoptable` set. */
  readonly selecting: Set<ControlledPods>;
}

function byOrder(left: IndexedPod, right: IndexedPod): number {
  return left.seq - right.seq;
}

function isAdoptable(pod: Pod, selector: Selector): boolean {
  return !isTerminating(pod) && selector.matches(pod.metadata?.labels);
}

/**
 * The pods of one namespace whose controller reference carries one uid — what a
 * DaemonSet's claim starts from — grouped by target node in cache order.
 *
 * With a selector set ({@link ControlledPods.select}) it also knows which of its pods the
 * selector no longer matches (a claim would release them) and which orphans of the
 * namespace it matches (a claim would adopt them), so a caller can tell in O(1) whether a
 * claim would change anything.
 */
export class ControlledPods {
  /** Pods by target node, each group in cache order; pods naming no single node are left out. */
  readonly byNode = new Map<string, IndexedPod[]>();
  /** Names of owned pods the selector does not match. */
  readonly nonMatching = new Set<string>();
  /** Names of orphans of the namespace the selector matches that are not being deleted. */
  readonly adoptable = new Set<string>();
  private selectorInUse: Selector | undefined;
  private changed: Set<string> | undefined;
  size = 0;

  constructor(
    readonly namespace: string,
    readonly uid: string,
    private readonly namespacePods: NamespacePods,
  ) {}

  /** The selector {@link ControlledPods.nonMatching} and {@link ControlledPods.adoptable} follow. */
  get selector(): Selector | undefined {
    return this.selectorInUse;
  }

  /**
   * Follows `selector` from now on (undefined stops): rescans the owned pods and the
   * namespace's orphans once, then keeps both sets up to date on every change.
   */
  select(selector: Selector | undefined): void {
    if (selector === this.selectorInUse) return;
    this.selectorInUse = selector;
    this.nonMatching.clear();
    this.adoptable.clear();
    if (selector === undefined) {
      this.namespacePods.selecting.delete(this);
      return;
    }
    this.namespacePods.selecting.add(this);
    for (const entry of this.namespacePods.entries.values()) {
      if (entry.owner === this && !selector.matches(entry.pod.metadata?.labels)) {
        this.nonMatching.add(entry.pod.metadata?.name ?? "");
      }
    }
    for (const [name, entry] of this.namespacePods.orphans) {
      if (isAdoptable(entry.pod, selector)) this.adoptable.add(name);
    }
  }

  /** Starts recording the target nodes of changed pods (see {@link ControlledPods.takeChangedNodes}). */
  trackChanges(): void {
    this.changed ??= new Set();
  }

  /** True while someone follows the group (changes tracked or a selector set): it is kept even when empty. */
  get followed(): boolean {
    return this.changed !== undefined || this.selectorInUse !== undefined;
  }

  /** Stops recording changed target nodes. */
  stopTracking(): void {
    this.changed = undefined;
  }

  /** The target nodes whose pods changed since the last call (tracking must be on). */
  takeChangedNodes(): Set<string> {
    const changed = this.changed ?? new Set<string>();
    this.changed = new Set();
    return changed;
  }

  /** @internal */
  noteChanged(nodeName: string | null): void {
    if (nodeName !== null) this.changed?.add(nodeName);
  }

  /** @internal */
  attach(entry: PodEntry): void {
    entry.owner = this;
    this.size++;
    const name = entry.pod.metadata?.name ?? "";
    if (this.selectorInUse !== undefined && !this.selectorInUse.matches(entry.pod.metadata?.labels)) {
      this.nonMatching.add(name);
    }
    const target = entry.target;
    if (target === null) return;
    this.noteChanged(target);
    const group = this.byNode.get(target);
    if (group === undefined) {
      this.byNode.set(target, [entry]);
      return;
    }
    group.push(entry);
    // Groups hold one or two pods: a re-sort is cheaper than a search.
    if (group.length > 1 && (group[group.length - 2] as IndexedPod).seq > entry.seq) group.sort(byOrder);
  }

  /** @internal */
  detach(entry: PodEntry): void {
    entry.owner = undefined;
    this.size--;
    this.nonMatching.delete(entry.pod.metadata?.name ?? "");
    const target = entry.target;
    if (target === null) return;
    this.noteChanged(target);
    const group = this.byNode.get(target);
    if (group === undefined) return;
    const position = group.indexOf(entry);
    if (position >= 0) group.splice(position, 1);
    if (group.length === 0) this.byNode.delete(target);
  }

  /** @internal An owned pod changed without moving (same owner, same target node). */
  replaced(entry: PodEntry): void {
    const name = entry.pod.metadata?.name ?? "";
    if (this.selectorInUse !== undefined) {
      if (this.selectorInUse.matches(entry.pod.metadata?.labels)) this.nonMatching.delete(name);
      else this.nonMatching.add(name);
    }
    this.noteChanged(entry.target);
  }
}

/**
 * An index over the controller's pod cache, fed by the cache's observer so that every
 * write path (watch events, relists, the controller's own write-through) keeps it exact:
 * pods by namespace and controller uid, grouped by target node in cache order
 * ({@link ControlledPods}), and the orphans of each namespace. It lets a DaemonSet pass
 * read only what changed instead of claiming and grouping every pod of the namespace.
 */
export class DaemonPodIndex {
  private readonly namespaces = new Map<string, NamespacePods>();
  private nextSeq = 0;

  /** The group of pods in `namespace` controlled by `uid` (created empty when absent). */
  controlled(namespace: string, uid: string): ControlledPods {
    const namespacePods = this.namespacePods(namespace);
    let owned = namespacePods.owners.get(uid);
    if (owned === undefined) {
      owned = new ControlledPods(namespace, uid, namespacePods);
      namespacePods.owners.set(uid, owned);
    }
    return owned;
  }

  /** Stops following `owned`: drops its selector and, when it holds no pods, the group itself. */
  release(owned: ControlledPods): void {
    owned.select(undefined);
    owned.stopTracking();
    const namespacePods = this.namespaces.get(owned.namespace);
    if (owned.size === 0 && namespacePods?.owners.get(owned.uid) === owned) {
      namespacePods.owners.delete(owned.uid);
    }
  }

  /** The observer to give the pod `ObjectCache`. */
  observe(previous: Pod | undefined, current: Pod | undefined): void {
    const object = current ?? previous;
    if (object === undefined) return;
    const namespace = object.metadata?.namespace ?? "";
    const name = object.metadata?.name ?? "";
    const namespacePods = this.namespacePods(namespace);
    const entry = namespacePods.entries.get(name);
    if (current === undefined) {
      if (entry === undefined) return;
      this.unlink(namespacePods, entry, name);
      namespacePods.entries.delete(name);
      return;
    }
    if (entry === undefined) {
      const created: PodEntry = { pod: current, seq: this.nextSeq++, owner: undefined, target: null };
      namespacePods.entries.set(name, created);
      this.link(namespacePods, created, name);
      return;
    }
    const owner = entry.owner;
    if (owner !== undefined) {
      const reference = controllerOf(current);
      if (reference !== undefined && (reference.uid ?? "") === owner.uid) {
        if (findTargetNodeName(current) === entry.target) {
          // The usual update (status, binding to the pinned node): nothing moves.
          entry.pod = current;
          owner.replaced(entry);
          return;
        }
      }
    }
    this.unlink(namespacePods, entry, name);
    entry.pod = current;
    this.link(namespacePods, entry, name);
  }

  private namespacePods(namespace: string): NamespacePods {
    let namespacePods = this.namespaces.get(namespace);
    if (namespacePods === undefined) {
      namespacePods = { entries: new Map(), orphans: new Map(), owners: new Map(), selecting: new Set() };
      this.namespaces.set(namespace, namespacePods);
    }
    return namespacePods;
  }

  private link(namespacePods: NamespacePods, entry: PodEntry, name: string): void {
    const reference = controllerOf(entry.pod);
    if (reference === undefined) {
      namespacePods.orphans.set(name, entry);
      for (const owned of namespacePods.selecting) {
        const selector = owned.selector;
        if (selector !== undefined && isAdoptable(entry.pod, selector)) owned.adoptable.add(name);
      }
      return;
    }
    entry.target = findTargetNodeName(entry.pod);
    let owned = namespacePods.owners.get(reference.uid ?? "");
    if (owned === undefined) {
      owned = new ControlledPods(entry.pod.metadata?.namespace ?? "", reference.uid ?? "", namespacePods);
      namespacePods.owners.set(owned.uid, owned);
    }
    owned.attach(entry);
  }

  private unlink(namespacePods: NamespacePods, entry: PodEntry, name: string): void {
    const owner = entry.owner;
    if (owner === undefined) {
      namespacePods.orphans.delete(name);
      for (const owned of namespacePods.selecting) owned.adoptable.delete(name);
      return;
    }
    owner.detach(entry);
    entry.target = null;
    // Groups of controllers nobody follows (ReplicaSets, Jobs, …) go once empty.
    if (owner.size === 0 && !owner.followed && namespacePods.owners.get(owner.uid) === owner) {
      namespacePods.owners.delete(owner.uid);
    }
  }
}
