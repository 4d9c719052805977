import type { Pod } from "@kubesim/core";
import type { CycleState } from "../../framework/cycle-state.js";
import type { MutableNodeInfo } from "../../framework/node-info.js";
import {
  Code,
  createStatus,
  errorStatus,
  isSuccess,
  type Status,
  statusMessage,
} from "../../framework/status.js";
import type { PodInfo } from "../../framework/types.js";
import type { SchedulerHandleExtension } from "../../runtime/framework-handle.js";
import { podPriority, sortByImportance } from "./pod-importance.js";

/** The reason for a potential node that holds no lower-priority pod. */
export const noPreemptionVictimsReason = "No preemption victims found for incoming pod";

/** The outcome of {@link selectVictimsOnNode}. */
export interface VictimSelection {
  /** The pods to evict, by descending importance. */
  readonly victims: readonly Pod[];
  readonly numViolatingVictims: number;
  /** `undefined` on success; the reason the node cannot host the pod otherwise. */
  readonly status: Status | undefined;
}

/**
 * The smallest set of lower-priority pods to evict from a node so the pod fits (upstream
 * `SelectVictimsOnNode`, without PodDisruptionBudgets): remove every lower-priority pod,
 * check the filters, then re-add ("reprieve") them from the most important down, keeping
 * each one that still lets the pod fit. `nodeInfo` and `state` are modified: pass copies.
 */
export function selectVictimsOnNode(
  extension: SchedulerHandleExtension,
  state: CycleState,
  pod: Pod,
  nodeInfo: MutableNodeInfo,
  nowMs: number,
): VictimSelection {
  const priority = podPriority(pod);
  const removePod = (podInfo: PodInfo): Status | undefined => {
    nodeInfo.removePod(podInfo);
    return extension.runPreFilterExtensionRemovePod(state, pod, podInfo, nodeInfo);
  };
  const addPod = (podInfo: PodInfo): Status | undefined => {
    nodeInfo.addPod(podInfo);
    return extension.runPreFilterExtensionAddPod(state, pod, podInfo, nodeInfo);
  };
  const failed = (status: Status): VictimSelection => ({
    victims: [],
    numViolatingVictims: 0,
    status: status.code === Code.Error ? status : errorStatus(new Error(statusMessage(status))),
  });

  const potentialVictims = nodeInfo.pods.filter((podInfo) => podPriority(podInfo.pod) < priority);
  for (const podInfo of potentialVictims) {
    const status = removePod(podInfo);
    if (!isSuccess(status)) return failed(status as Status);
  }
  // Nothing to remove: the node's state did not change, so there is no point re-checking it.
  if (potentialVictims.length === 0) {
    return {
      victims: [],
      numViolatingVictims: 0,
      status: createStatus(Code.UnschedulableAndUnresolvable, noPreemptionVictimsReason),
    };
  }
  // If the pod does not fit even without all of them, this node cannot help. (Affinity of
  // the pod to one of the victims is deliberately not considered, as upstream.)
  const fitsWithout = extension.runFilterPluginsWithNominatedPods(state, pod, nodeInfo);
  if (!isSuccess(fitsWithout)) return { victims: [], numViolatingVictims: 0, status: fitsWithout };

  sortByImportance(potentialVictims, (podInfo) => podInfo.pod, nowMs);
  // Without PodDisruptionBudgets every victim is non-violating.
  const victims: Pod[] = [];
  for (const podInfo of potentialVictims) {
    const addStatus = addPod(podInfo);
    if (!isSuccess(addStatus)) return failed(addStatus as Status);
    if (isSuccess(extension.runFilterPluginsWithNominatedPods(state, pod, nodeInfo))) continue;
    const removeStatus = removePod(podInfo);
    if (!isSuccess(removeStatus)) return failed(removeStatus as Status);
    victims.push(podInfo.pod);
  }
  return { victims, numViolatingVictims: 0, status: undefined };
}
