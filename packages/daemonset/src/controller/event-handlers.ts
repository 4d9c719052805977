import { labelSelectorAsSelector, type Selector } from "@kubesim/affinity";
import type {
  ControllerRevision,
  DaemonSet,
  KubeObject,
  Node,
  OwnerReference,
  Pod,
  Taint,
} from "@kubesim/core";
import { createDaemonPodPlacement, type DaemonPodPlacement } from "../placement/index.js";
import { isPodReady } from "../rolling/index.js";
import type { ControllerExpectations } from "./controller-expectations.js";
import { controllerOf, isTerminating } from "./daemon-pods.js";
import type { InformerHandlers } from "./informer.js";
import type { ObjectCache } from "./object-cache.js";

/** What the event handlers need from the controller. */
export interface EventHandlerContext {
  readonly daemonSets: ObjectCache<DaemonSet>;
  readonly expectations: ControllerExpectations;
  enqueue(key: string): void;
  enqueueAfter(key: string, delayMs: number): void;
}

/** The DaemonSet controller's informer handlers, as upstream registers them (§5.1–5.2). */
export interface DaemonSetEventHandlers {
  readonly daemonSets: InformerHandlers<DaemonSet>;
  readonly pods: InformerHandlers<Pod>;
  readonly nodes: InformerHandlers<Node>;
  readonly revisions: InformerHandlers<ControllerRevision>;
}

/** The queue key of an object: `namespace/name`. */
export function objectKey(object: KubeObject): string {
  const namespace = object.metadata?.namespace ?? "";
  const name = object.metadata?.name ?? "";
  return namespace === "" ? name : `${namespace}/${name}`;
}

function sameReference(left: OwnerReference | undefined, right: OwnerReference | undefined): boolean {
  if (left === undefined || right === undefined) return left === right;
  return (
    left.apiVersion === right.apiVersion &&
    left.kind === right.kind &&
    left.name === right.name &&
    left.uid === right.uid &&
    left.controller === right.controller &&
    left.blockOwnerDeletion === right.blockOwnerDeletion
  );
}

/** Map equality with nil == empty, as apimachinery's semantic DeepEqual. */
function sameLabels(
  left: Record<string, string> | undefined,
  right: Record<string, string> | undefined,
): boolean {
  const leftKeys = left === undefined || left === null ? [] : Object.keys(left);
  const rightKeys = right === undefined || right === null ? [] : Object.keys(right);
  if (leftKeys.length !== rightKeys.length) return false;
  for (const key of leftKeys) {
    if (right === undefined || !Object.hasOwn(right, key) || right[key] !== left?.[key]) return false;
  }
  return true;
}

function sameTaints(left: readonly Taint[] | undefined, right: readonly Taint[] | undefined): boolean {
  const leftTaints = left ?? [];
  const rightTaints = right ?? [];
  if (leftTaints.length !== rightTaints.length) return false;
  return leftTaints.every((taint, index) => {
    const other = rightTaints[index] as Taint;
    return (
      taint.key === other.key &&
      (taint.value ?? "") === (other.value ?? "") &&
      taint.effect === other.effect &&
      (taint.timeAdded ?? "") === (other.timeAdded ?? "")
    );
  });
}

/**
 * Builds the handlers. Compiled selectors and placement predicates are memoised per
 * DaemonSet object, so a node event costs one predicate call per DaemonSet.
 */
export function createDaemonSetEventHandlers(context: EventHandlerContext): DaemonSetEventHandlers {
  const selectors = new WeakMap<DaemonSet, Selector | null>();
  const placements = new WeakMap<DaemonSet, DaemonPodPlacement>();

  const selectorOf = (daemonSet: DaemonSet): Selector | null => {
    let selector = selectors.get(daemonSet);
    if (selector === undefined) {
      try {
        selector = labelSelectorAsSelector(daemonSet.spec?.selector);
      } catch {
        selector = null;
      }
      selectors.set(daemonSet, selector);
    }
    return selector;
  };
  const placementOf = (daemonSet: DaemonSet): DaemonPodPlacement => {
    let placement = placements.get(daemonSet);
    if (placement === undefined) {
      placement = createDaemonPodPlacement(daemonSet);
      placements.set(daemonSet, placement);
    }
    return placement;
  };
  const resolveControllerRef = (namespace: string, reference: OwnerReference): DaemonSet | undefined => {
    if (reference.kind !== "DaemonSet") return undefined;
    const daemonSet = context.daemonSets.get(namespace, reference.name);
    return daemonSet?.metadata?.uid === reference.uid ? daemonSet : undefined;
  };
  /** DaemonSets of the object's namespace whose (non-empty) selector matches its labels. */
  const selectingDaemonSets = (object: KubeObject): DaemonSet[] => {
    const labels = object.metadata?.labels;
    if (labels === undefined || labels === null || Object.keys(labels).length === 0) return [];
    const matching: DaemonSet[] = [];
    for (const daemonSet of context.daemonSets.list(object.metadata?.namespace ?? "")) {
      const selector = selectorOf(daemonSet);
      if (selector === null || selector.isEmpty() || !selector.matches(labels)) continue;
      matching.push(daemonSet);
    }
    return matching;
  };
  const enqueueAll = (daemonSets: readonly DaemonSet[]): void => {
    for (const daemonSet of daemonSets) context.enqueue(objectKey(daemonSet));
  };

  const deleteDaemonSet = (daemonSet: DaemonSet): void => {
    const key = objectKey(daemonSet);
    // A DaemonSet recreated under the same name starts with clean expectations.
    context.expectations.delete(key);
    context.enqueue(key);
  };
  const deletePod = (pod: Pod): void => {
    const reference = controllerOf(pod);
    if (reference === undefined) return;
    const daemonSet = resolveControllerRef(pod.metadata?.namespace ?? "", reference);
    if (daemonSet === undefined) return;
    const key = objectKey(daemonSet);
    context.expectations.deletionObserved(key);
    context.enqueue(key);
  };
  const deleteRevision = (revision: ControllerRevision): void => {
    const reference = controllerOf(revision);
    if (reference === undefined) return;
    const daemonSet = resolveControllerRef(revision.metadata?.namespace ?? "", reference);
    if (daemonSet !== undefined) context.enqueue(objectKey(daemonSet));
  };

  return {
    daemonSets: {
      onAdd: (daemonSet) => context.enqueue(objectKey(daemonSet)),
      onUpdate(previous, current) {
        if (previous.metadata?.uid !== current.metadata?.uid) deleteDaemonSet(previous);
        context.enqueue(objectKey(current));
      },
      onDelete: deleteDaemonSet,
    },
    pods: {
      onAdd(pod) {
        // Seen already terminating (e.g. after a relist): not a creation.
        if (isTerminating(pod)) {
          deletePod(pod);
          return;
        }
        const reference = controllerOf(pod);
        if (reference !== undefined) {
          const daemonSet = resolveControllerRef(pod.metadata?.namespace ?? "", reference);
          if (daemonSet === undefined) return;
          const key = objectKey(daemonSet);
          context.expectations.creationObserved(key);
          context.enqueue(key);
          return;
        }
        // An orphan: every matching DaemonSet may want to adopt it.
        enqueueAll(selectingDaemonSets(pod));
      },
      onUpdate(previous, current) {
        if (previous.metadata?.resourceVersion === current.metadata?.resourceVersion) return;
        // A graceful deletion shows up as an update: count it as the deletion now.
        if (isTerminating(current)) {
          deletePod(current);
          return;
        }
        const namespace = current.metadata?.namespace ?? "";
        const currentReference = controllerOf(current);
        const previousReference = controllerOf(previous);
        const referenceChanged = !sameReference(currentReference, previousReference);
        if (referenceChanged && previousReference !== undefined) {
          const previousOwner = resolveControllerRef(namespace, previousReference);
          if (previousOwner !== undefined) context.enqueue(objectKey(previousOwner));
        }
        if (currentReference !== undefined) {
          const daemonSet = resolveControllerRef(namespace, currentReference);
          if (daemonSet === undefined) return;
          const key = objectKey(daemonSet);
          context.enqueue(key);
          const minReadySeconds = daemonSet.spec?.minReadySeconds ?? 0;
          if (minReadySeconds > 0 && !isPodReady(previous) && isPodReady(current)) {
            // One second more, against millisecond skew (upstream does the same).
            context.enqueueAfter(key, minReadySeconds * 1000 + 1000);
          }
          return;
        }
        const matching = selectingDaemonSets(current);
        if (referenceChanged || !sameLabels(previous.metadata?.labels, current.metadata?.labels)) {
          enqueueAll(matching);
        }
      },
      onDelete: deletePod,
    },
    nodes: {
      onAdd(node) {
        for (const daemonSet of context.daemonSets.values()) {
          if (placementOf(daemonSet)(node).shouldRun) context.enqueue(objectKey(daemonSet));
        }
      },
      onUpdate(previous, current) {
        // Only labels and taints feed the placement predicate.
        if (
          sameLabels(previous.metadata?.labels, current.metadata?.labels) &&
          sameTaints(previous.spec?.taints, current.spec?.taints)
        ) {
          return;
        }
        for (const daemonSet of context.daemonSets.values()) {
          const placement = placementOf(daemonSet);
          const before = placement(previous);
          const after = placement(current);
          if (
            before.shouldRun !== after.shouldRun ||
            before.shouldContinueRunning !== after.shouldContinueRunning
          ) {
            context.enqueue(objectKey(daemonSet));
          }
        }
      },
      // Upstream has no node delete handler: pod GC's deletions wake the DaemonSets.
      onDelete() {},
    },
    revisions: {
      onAdd(revision) {
        if (isTerminating(revision)) {
          deleteRevision(revision);
          return;
        }
        // With a controller reference nothing needs to happen (upstream only logs it).
        if (controllerOf(revision) !== undefined) return;
        enqueueAll(selectingDaemonSets(revision));
      },
      onUpdate(previous, current) {
        if (previous.metadata?.resourceVersion === current.metadata?.resourceVersion) return;
        const namespace = current.metadata?.namespace ?? "";
        const currentReference = controllerOf(current);
        const previousReference = controllerOf(previous);
        const referenceChanged = !sameReference(currentReference, previousReference);
        if (referenceChanged && previousReference !== undefined) {
          const previousOwner = resolveControllerRef(namespace, previousReference);
          if (previousOwner !== undefined) context.enqueue(objectKey(previousOwner));
        }
        if (currentReference !== undefined) {
          const daemonSet = resolveControllerRef(namespace, currentReference);
          if (daemonSet !== undefined) context.enqueue(objectKey(daemonSet));
          return;
        }
        if (referenceChanged || !sameLabels(previous.metadata?.labels, current.metadata?.labels)) {
          enqueueAll(selectingDaemonSets(current));
        }
      },
      onDelete: deleteRevision,
    },
  };
}
