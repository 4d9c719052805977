import { goQuote, type Node, type Taint } from "@kubesim/core";
import { TaintArgumentError } from "./taint-argument-error.js";
import { matchTaint, taintToString } from "./taint-identity.js";

/** The verb `kubectl taint` prints after `node/<name> ` for a change. */
export type TaintOperation = "tainted" | "untainted" | "modified";

/** The outcome of {@link applyTaintChanges}. */
export interface TaintChangeResult {
  /** kubectl's verb for the change. */
  readonly operation: TaintOperation;
  /** The node's new `spec.taints`: the added taints first, then the untouched old ones. */
  readonly taints: Taint[];
}

function existingTaintKeys(oldTaints: readonly Taint[], toAdd: readonly Taint[]): string[] {
  const keys: string[] = [];
  for (const taint of toAdd) {
    for (const oldTaint of oldTaints) {
      if (taint.key === oldTaint.key && taint.effect === oldTaint.effect) keys.push(taint.key);
    }
  }
  return keys;
}

/** Go's aggregate error text: one message alone, several as `[a, b]`, repeats once. */
function aggregateMessages(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? (unique[0] ?? "") : `[${unique.join(", ")}]`;
}

/**
 * Applies parsed `kubectl taint` changes to a node's taints, as kubectl v1.32 does.
 *
 * The rules are kubectl's `updateTaints`/`reorganizeTaints`:
 * - without `overwrite`, adding a taint whose key and effect the node already has throws
 *   `node <name> already has <k1,k2> taint(s) with same effect(s) and --overwrite is false`;
 * - the result lists the added taints, then every old taint no added taint matches
 *   (same key and effect); removals then drop by key and effect, or by key alone;
 * - a removal that finds nothing throws `taint "<key[:effect]>" not found` (several
 *   failures aggregate as `[a, b]`);
 * - the operation is `modified` with `overwrite` or when taints were both added and
 *   removed, `tainted` when the list grew, and `untainted` otherwise.
 *
 * `node` is the Node (its name is used in messages) or just its taints; `nodeName`
 * overrides the name. Nothing is mutated; the result holds a new array.
 *
 * @throws TaintArgumentError with reason `TaintExists` or `TaintNotFound` and kubectl's message.
 * @example
 * const node = { metadata: { name: "node-1" }, spec: { taints: [{ key: "a", effect: "NoSchedule" }] } };
 * applyTaintChanges(node, [{ key: "b", value: "x", effect: "NoExecute" }], [], false)
 * // => { operation: "tainted", taints: [{ key: "b", value: "x", effect: "NoExecute" }, { key: "a", effect: "NoSchedule" }] }
 * applyTaintChanges(node, [], [{ key: "a", effect: "" }], false) // => { operation: "untainted", taints: [] }
 * applyTaintChanges(node, [{ key: "a", value: "y", effect: "NoSchedule" }], [], false)
 * // throws TaintArgumentError: "node node-1 already has a taint(s) with same effect(s) and --overwrite is false"
 * applyTaintChanges(node, [], [{ key: "c", effect: "NoSchedule" }], false)
 * // throws TaintArgumentError: 'taint "c:NoSchedule" not found'
 */
export function applyTaintChanges(
  node: Node | readonly Taint[] | undefined,
  toAdd: readonly Taint[],
  toRemove: readonly Taint[],
  overwrite: boolean,
  nodeName?: string,
): TaintChangeResult {
  const oldTaints: readonly Taint[] = Array.isArray(node)
    ? node
    : ((node as Node | undefined)?.spec?.taints ?? []);
  const name = nodeName ?? (Array.isArray(node) ? "" : ((node as Node | undefined)?.metadata?.name ?? ""));
  if (!overwrite) {
    const keys = existingTaintKeys(oldTaints, toAdd);
    if (keys.length > 0) {
      throw new TaintArgumentError(
        "TaintExists",
        `node ${name} already has ${keys.join(",")} taint(s) with same effect(s) and --overwrite is false`,
      );
    }
  }

  let taints: Taint[] = [...toAdd];
  for (const oldTaint of oldTaints) {
    if (!taints.some((taint) => matchTaint(taint, oldTaint))) taints.push(oldTaint);
  }
  const added = oldTaints.length !== taints.length;

  const failures: string[] = [];
  // As upstream, only the last removal decides whether "something was removed".
  let removed = false;
  for (const removal of toRemove) {
    const before = taints.length;
    taints = removal.effect
      ? taints.filter((taint) => !matchTaint(removal, taint))
      : taints.filter((taint) => taint.key !== removal.key);
    removed = taints.length !== before;
    if (!removed)
      failures.push(
        `taint ${goQuote(taintToString({ key: removal.key, effect: removal.effect ?? "" }))} not found`,
      );
  }
  if (failures.length > 0) throw new TaintArgumentError("TaintNotFound", aggregateMessages(failures));

  const operation: TaintOperation =
    (added && removed) || overwrite ? "modified" : added ? "tainted" : "untainted";
  return { operation, taints };
}
