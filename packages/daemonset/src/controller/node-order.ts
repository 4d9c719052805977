import { compareGoStrings, type Node } from "@kubesim/core";
import type { ObjectCache } from "./object-cache.js";

/** One version of the sorted node list: the names by Go string order and each name's position. */
export class NodeOrder {
  private positions: Map<string, number> | undefined;

  constructor(readonly names: readonly string[]) {}

  /** The position of `name` in {@link NodeOrder.names}, or undefined when it is not there. */
  position(name: string): number | undefined {
    if (this.positions === undefined) {
      this.positions = new Map();
      for (let index = 0; index < this.names.length; index++) {
        this.positions.set(this.names[index] as string, index);
      }
    }
    return this.positions.get(name);
  }
}

/**
 * The node names of a node cache sorted by name, re-sorted only after a node was added
 * or removed (node updates keep the order). Each version handed out is never changed.
 */
export class SortedNodeNames {
  private current: NodeOrder | undefined;

  constructor(private readonly nodes: ObjectCache<Node>) {}

  /** Forgets the order (a node was added or removed). */
  invalidate(): void {
    this.current = undefined;
  }

  /** The current order. */
  order(): NodeOrder {
    if (this.current === undefined) {
      const names: string[] = [];
      for (const node of this.nodes.values()) names.push(node.metadata?.name ?? "");
      names.sort(compareGoStrings);
      this.current = new NodeOrder(names);
    }
    return this.current;
  }
}

/**
 * A set of node names that hands out its first members in node order: listed nodes (in
 * a {@link NodeOrder}) by position, then unlisted ones by name. A small set is sorted; a
 * large one is read off the node list from a remembered lower bound on its first
 * member's position, so taking the first few members of a set that is emptied from the
 * front (pods created on nodes in name order) costs only what it skips.
 */
export class NodeSubset {
  readonly names = new Set<string>();
  private order: NodeOrder | undefined;
  // No listed member sits before this position in `order`.
  private lowerBound = 0;

  /** Starts over with another node list (the lower bound no longer applies). */
  reorder(order: NodeOrder): void {
    if (order === this.order) return;
    this.order = order;
    this.lowerBound = 0;
  }

  /** Adds a node name. */
  add(name: string): void {
    this.names.add(name);
    const position = this.order?.position(name);
    if (position !== undefined && position < this.lowerBound) this.lowerBound = position;
  }

  /** Removes a node name. */
  delete(name: string): void {
    this.names.delete(name);
  }

  /** Empties the set. */
  clear(): void {
    this.names.clear();
    this.lowerBound = 0;
  }

  /** Up to `limit` members in node order (every member when `limit` is infinite). */
  first(limit: number): string[] {
    const order = this.order;
    if (limit <= 0 || this.names.size === 0 || order === undefined) return [];
    const listed: string[] = [];
    const unlisted: string[] = [];
    // All of a small set: sort it. A few of a large set, or all of a huge one: read the list.
    const sortable =
      limit >= this.names.size ? this.names.size * 8 < order.names.length : this.names.size <= 16;
    if (sortable) {
      for (const name of this.names) {
        if (order.position(name) === undefined) unlisted.push(name);
        else listed.push(name);
      }
      listed.sort(compareGoStrings);
    } else {
      const names = order.names;
      let firstFound = -1;
      for (let index = this.lowerBound; index < names.length && listed.length < limit; index++) {
        const name = names[index] as string;
        if (!this.names.has(name)) continue;
        if (firstFound < 0) firstFound = index;
        listed.push(name);
      }
      this.lowerBound = firstFound < 0 ? names.length : firstFound;
      if (listed.length >= limit) return listed;
      if (listed.length < this.names.size) {
        for (const name of this.names) if (order.position(name) === undefined) unlisted.push(name);
      }
    }
    unlisted.sort(compareGoStrings);
    const all = unlisted.length === 0 ? listed : [...listed, ...unlisted];
    return all.length > limit ? all.slice(0, limit) : all;
  }
}
