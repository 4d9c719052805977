import type { Node, Pod } from "@kubesim/core";
import { type SchedulingQueue, schedulingQueueEvents } from "../queue/index.js";
import type { FrameworkRuntime } from "../runtime/framework-runtime.js";
import { nodeSchedulingPropertiesChange, podSchedulingPropertiesChange } from "./cluster-event-changes.js";
import type { InformerHandlers } from "./informer.js";
import { preCheckForNode } from "./node-pre-check.js";
import type { SchedulerCache } from "./scheduler-cache.js";
import { schedulerNameOf } from "./scheduler-context.js";

/** What the informer handlers update. */
export interface ClusterEventHandlerTargets {
  readonly cache: SchedulerCache;
  readonly queue: SchedulingQueue;
  /** Frameworks by scheduler name: pods naming none of them are left alone. */
  readonly profiles: ReadonlyMap<string, FrameworkRuntime>;
}

/** The informer handlers of the scheduler, for pods and for nodes. */
export interface ClusterEventHandlers {
  readonly pods: InformerHandlers<Pod>;
  readonly nodes: InformerHandlers<Node>;
}

function assigned(pod: Pod): boolean {
  const nodeName = pod.spec?.nodeName;
  return typeof nodeName === "string" && nodeName !== "";
}

/**
 * The scheduler's event handlers (upstream `eventhandlers.go`, queueing hints off): bound
 * pods only update the cache and requeue pods they may help; unbound pods of a profile go
 * through the queue; a pod becoming bound leaves the queue and joins the cache; node
 * changes update the cache and requeue the pods that could now fit there (pre-checked).
 */
export function createClusterEventHandlers(targets: ClusterEventHandlerTargets): ClusterEventHandlers {
  const { cache, queue, profiles } = targets;
  const responsible = (pod: Pod): boolean => profiles.has(schedulerNameOf(pod));

  const deleteFromQueue = (pod: Pod): void => {
    queue.delete(pod);
    // A pod waiting at Permit was assumed: its removal frees room for others.
    const uid = pod.metadata?.uid;
    if (uid !== undefined && profiles.get(schedulerNameOf(pod))?.rejectWaitingPod(uid)) {
      queue.moveAllToActiveOrBackoff(schedulingQueueEvents.assignedPodDelete, pod);
    }
  };

  const pods: InformerHandlers<Pod> = {
    onAdd(pod) {
      if (assigned(pod)) {
        cache.addPod(pod);
        queue.assignedPodAdded(pod);
      } else if (responsible(pod)) {
        queue.add(pod);
      }
    },
    onUpdate(oldPod, newPod) {
      const wasAssigned = assigned(oldPod);
      const isAssigned = assigned(newPod);
      if (wasAssigned && isAssigned) {
        cache.updatePod(newPod);
        for (const event of podSchedulingPropertiesChange(newPod, oldPod)) {
          queue.assignedPodUpdated(oldPod, newPod, event);
        }
      } else if (isAssigned) {
        // Upstream's filtered handlers see this as "left the queue, joined the cache".
        if (responsible(oldPod)) deleteFromQueue(oldPod);
        cache.addPod(newPod);
        queue.assignedPodAdded(newPod);
      } else if (wasAssigned) {
        cache.removePod(oldPod);
        queue.moveAllToActiveOrBackoff(schedulingQueueEvents.assignedPodDelete, oldPod);
        if (responsible(newPod)) queue.add(newPod);
      } else if (responsible(oldPod) && responsible(newPod)) {
        // Identical objects (a resync) and pods being bound by us are not requeued.
        if (oldPod.metadata?.resourceVersion === newPod.metadata?.resourceVersion) return;
        if (cache.isAssumedPod(newPod)) return;
        queue.update(oldPod, newPod);
      } else if (responsible(newPod)) {
        queue.add(newPod);
      } else if (responsible(oldPod)) {
        deleteFromQueue(oldPod);
      }
    },
    onDelete(pod) {
      if (assigned(pod)) {
        cache.removePod(pod);
        queue.moveAllToActiveOrBackoff(schedulingQueueEvents.assignedPodDelete, pod);
      } else if (responsible(pod)) {
        deleteFromQueue(pod);
      }
    },
  };

  const nodes: InformerHandlers<Node> = {
    onAdd(node) {
      cache.addNode(node);
      const nodeInfo = cache.nodeInfo(node.metadata?.name ?? "");
      queue.moveAllToActiveOrBackoff(
        schedulingQueueEvents.nodeAdd,
        undefined,
        node,
        nodeInfo === undefined ? undefined : preCheckForNode(nodeInfo),
      );
    },
    onUpdate(oldNode, newNode) {
      cache.updateNode(newNode);
      const events = nodeSchedulingPropertiesChange(newNode, oldNode);
      if (events.length === 0) return;
      const nodeInfo = cache.nodeInfo(newNode.metadata?.name ?? "");
      const preCheck = nodeInfo === undefined ? undefined : preCheckForNode(nodeInfo);
      for (const event of events) queue.moveAllToActiveOrBackoff(event, oldNode, newNode, preCheck);
    },
    onDelete(node) {
      cache.removeNode(node.metadata?.name ?? "");
    },
  };

  return { pods, nodes };
}
