import { type Clock, isConflict, isNotFound, type Pod } from "@kubesim/core";
import type { CycleState } from "../../framework/cycle-state.js";
import { isMutableNodeInfo } from "../../framework/node-info.js";
import type {
  EnqueueExtensions,
  NodeToStatus,
  PostFilterPlugin,
  PostFilterResult,
  PreEnqueuePlugin,
} from "../../framework/plugin.js";
import type { PluginDefinition } from "../../framework/plugin-definition.js";
import {
  Code,
  createStatus,
  errorStatus,
  isSuccess,
  type Status,
  statusMessage,
} from "../../framework/status.js";
import type { Handle, NodeInfo } from "../../framework/types.js";
import { createDiagnosis, fitErrorMessage } from "../../runtime/fit-error.js";
import { type SchedulerHandleExtension, schedulerExtensionOf } from "../../runtime/framework-handle.js";
import { NodeStatusMap } from "../../runtime/node-status-map.js";
import { setPodCondition, updatePodStatus } from "../../runtime/pod-status-update.js";
import {
  calculateNumCandidates,
  type DefaultPreemptionArgs,
  defaultDefaultPreemptionArgs,
  validateDefaultPreemptionArgs,
} from "./default-preemption-args.js";
import { type PreemptionCandidate, pickOneNodeForPreemption } from "./pick-node.js";
import { selectVictimsOnNode } from "./select-victims.js";

const name = "DefaultPreemption";

/** Prefix of every message DefaultPreemption adds to FailedScheduling. */
export const preemptionMessagePrefix = "preemption: ";
/** A preemptor whose `preemptionPolicy` is Never. */
export const notEligiblePreemptionPolicyNever = "not eligible due to preemptionPolicy=Never.";
/** A preemptor whose earlier victims are still terminating on its nominated node. */
export const notEligibleTerminatingPod = "not eligible due to a terminating pod on the nominated node.";
/** The absent-node reason of the nested FitError when no candidate exists. */
export const preemptionNotHelpfulReason = "Preemption is not helpful for scheduling";
/** Reported when candidates existed but none could be chosen. */
export const noCandidateNodeForPreemption = "no candidate node for preemption";

/** The reason the `DisruptionTarget` condition carries on preempted pods. */
export const preemptionByScheduler = "PreemptionByScheduler";

function podPriority(pod: Pod): number {
  const priority = pod.spec?.priority;
  return typeof priority === "number" ? priority : 0;
}

/** Upstream `podTerminatingByPreemption`: being deleted, with DisruptionTarget=True by the scheduler. */
function terminatingByPreemption(pod: Pod): boolean {
  if (pod.metadata?.deletionTimestamp === undefined || pod.metadata.deletionTimestamp === null) return false;
  const conditions = pod.status?.conditions;
  if (!Array.isArray(conditions)) return false;
  for (const condition of conditions) {
    if (condition?.type === "DisruptionTarget") {
      return condition.status === "True" && condition.reason === preemptionByScheduler;
    }
  }
  return false;
}

function statusesOf(statuses: NodeToStatus): NodeStatusMap {
  if (statuses instanceof NodeStatusMap) return statuses;
  // A plain map (e.g. from a custom caller): absent nodes count as unresolvable.
  const copy = new NodeStatusMap();
  for (const [nodeName, status] of statuses) copy.set(nodeName, status);
  return copy;
}

function aggregateMessage(messages: readonly string[]): string {
  return messages.length === 1 ? (messages[0] as string) : `[${messages.join(", ")}]`;
}

/**
 * Whether the pod may preempt (upstream `PodEligibleToPreemptOthers`): not with
 * `preemptionPolicy: Never`, and not while a lower-priority pod on its nominated node is
 * still terminating because of an earlier preemption — unless that node is now
 * unresolvable for it.
 */
export function podEligibleToPreemptOthers(
  pod: Pod,
  nominatedNodeStatus: Status,
  nodeInfoOf: (nodeName: string) => NodeInfo | undefined,
): { readonly eligible: boolean; readonly message: string } {
  if (pod.spec?.preemptionPolicy === "Never")
    return { eligible: false, message: notEligiblePreemptionPolicyNever };
  const nominatedNodeName = pod.status?.nominatedNodeName;
  if (typeof nominatedNodeName === "string" && nominatedNodeName !== "") {
    if (nominatedNodeStatus.code === Code.UnschedulableAndUnresolvable)
      return { eligible: true, message: "" };
    const nodeInfo = nodeInfoOf(nominatedNodeName);
    if (nodeInfo !== undefined) {
      const priority = podPriority(pod);
      for (const podInfo of nodeInfo.pods) {
        if (podPriority(podInfo.pod) < priority && terminatingByPreemption(podInfo.pod)) {
          return { eligible: false, message: notEligibleTerminatingPod };
        }
      }
    }
  }
  return { eligible: true, message: "" };
}

/** The result of the dry run: candidates (non-PDB-violating first) and the other nodes' statuses. */
export interface DryRunResult {
  readonly candidates: readonly PreemptionCandidate[];
  readonly nodeStatuses: NodeStatusMap;
  readonly errors: readonly string[];
}

/**
 * Simulates preemption on the potential nodes (upstream `DryRunPreemption`), starting at
 * `offset` and wrapping, one node at a time; stops once a non-violating candidate exists
 * and `numCandidates` candidates were found.
 */
export function dryRunPreemption(
  extension: SchedulerHandleExtension,
  state: CycleState,
  pod: Pod,
  potentialNodes: readonly NodeInfo[],
  offset: number,
  numCandidates: number,
  nowMs: number,
): DryRunResult {
  const nonViolating: PreemptionCandidate[] = [];
  const violating: PreemptionCandidate[] = [];
  const nodeStatuses = new NodeStatusMap();
  const errors: string[] = [];
  const count = potentialNodes.length;
  for (let index = 0; index < count; index++) {
    const original = potentialNodes[(offset + index) % count] as NodeInfo;
    if (!isMutableNodeInfo(original)) continue;
    const nodeInfo = original.clone();
    const stateCopy = state.clone();
    const selection = selectVictimsOnNode(extension, stateCopy, pod, nodeInfo, nowMs);
    let status = selection.status;
    if (isSuccess(status) && selection.victims.length > 0) {
      const candidate: PreemptionCandidate = {
        nodeName: nodeInfo.name,
        victims: selection.victims,
        numPdbViolations: selection.numViolatingVictims,
      };
      if (selection.numViolatingVictims === 0) nonViolating.push(candidate);
      else violating.push(candidate);
      if (nonViolating.length > 0 && nonViolating.length + violating.length >= numCandidates) break;
      continue;
    }
    if (isSuccess(status)) {
      status = errorStatus(
        new Error(`expected at least one victim pod on node ${JSON.stringify(nodeInfo.name)}`),
      );
    }
    const failed = status as Status;
    if (failed.code === Code.Error) errors.push(statusMessage(failed));
    nodeStatuses.set(nodeInfo.name, failed);
  }
  return { candidates: [...nonViolating, ...violating], nodeStatuses, errors };
}

/** Options of {@link createDefaultPreemption}. */
export interface DefaultPreemptionOptions {
  readonly args: DefaultPreemptionArgs;
  readonly handle: Handle;
}

/**
 * Builds the DefaultPreemption PostFilter plugin. It needs the scheduler's handle
 * extension (client, nominator, filter runners, random source); without it (plugin
 * tests) PostFilter answers an Error status saying so.
 */
export function createDefaultPreemption(
  options: DefaultPreemptionOptions,
): PostFilterPlugin & PreEnqueuePlugin & EnqueueExtensions {
  const { args, handle } = options;

  /** Upstream `Evaluator.Preempt`, without extenders and PDBs, preparing candidates synchronously. */
  const preempt = async (
    extension: SchedulerHandleExtension,
    state: CycleState,
    incoming: Pod,
    statuses: NodeStatusMap,
  ): Promise<{ result?: PostFilterResult; status: Status }> => {
    // 0) The newest copy of the preemptor.
    const namespace = incoming.metadata?.namespace ?? "";
    const podName = incoming.metadata?.name ?? "";
    const pod = extension.getPod(namespace, podName);
    if (pod === undefined)
      return { status: errorStatus(new Error(`pod ${JSON.stringify(podName)} not found`)) };

    // 1) Eligibility.
    const lister = handle.snapshotSharedLister();
    const nominatedNodeName = pod.status?.nominatedNodeName ?? "";
    const eligibility = podEligibleToPreemptOthers(pod, statuses.statusOf(nominatedNodeName), (nodeName) =>
      lister.get(nodeName),
    );
    if (!eligibility.eligible) return { status: createStatus(Code.Unschedulable, eligibility.message) };

    // 2) Candidates.
    const allNodes = lister.list();
    if (allNodes.length === 0) return { status: errorStatus(new Error("no nodes available")) };
    const potentialNodes = statuses.nodesForStatusCode(lister, Code.Unschedulable);
    let dryRun: DryRunResult = { candidates: [], nodeStatuses: new NodeStatusMap(), errors: [] };
    if (potentialNodes.length === 0) {
      // Preemption cannot help anywhere: drop a stale nomination.
      if (nominatedNodeName !== "") {
        try {
          await updatePodStatus(extension.client, pod, (status) => {
            if (!status.nominatedNodeName) return false;
            delete status.nominatedNodeName;
            return true;
          });
        } catch {
          // Not critical, as upstream: the failure handler sets the nomination anyway.
        }
      }
    } else {
      const offset = extension.random.nextInt(potentialNodes.length);
      const numCandidates = calculateNumCandidates(args, potentialNodes.length);
      dryRun = dryRunPreemption(
        extension,
        state,
        pod,
        potentialNodes,
        offset,
        numCandidates,
        handle.clock.now(),
      );
    }
    if (dryRun.errors.length > 0 && dryRun.candidates.length === 0) {
      return { status: errorStatus(new Error(aggregateMessage(dryRun.errors))) };
    }
    if (dryRun.candidates.length === 0) {
      const diagnosis = createDiagnosis();
      for (const [nodeName, status] of dryRun.nodeStatuses) diagnosis.nodeToStatus.set(nodeName, status);
      diagnosis.nodeToStatus.absentNodesStatus = createStatus(
        Code.UnschedulableAndUnresolvable,
        preemptionNotHelpfulReason,
      );
      // Nominate nothing, clearing any earlier nomination.
      return {
        result: { nominatedNodeName: "" },
        status: createStatus(Code.Unschedulable, fitErrorMessage(allNodes.length, diagnosis)),
      };
    }

    // 4) The best candidate.
    const best = pickOneNodeForPreemption(dryRun.candidates, handle.clock.now());
    if (best === undefined || best.nodeName === "") {
      return { status: createStatus(Code.Unschedulable, noCandidateNodeForPreemption) };
    }

    // 5) Evict the victims, then drop lower-priority nominations to that node.
    const failure = await prepareCandidate(extension, best, pod, handle.clock);
    if (failure !== undefined) return { status: failure };
    return { result: { nominatedNodeName: best.nodeName }, status: createStatus(Code.Success) };
  };

  return {
    name,
    // Async preemption (alpha, off in 1.32) is what PreEnqueue gates on; without it the
    // plugin admits every pod and registers no events, as upstream.
    preEnqueue: () => undefined,
    eventsToRegister: () => [],
    async postFilter(state, pod, filteredNodeStatuses) {
      const extension = schedulerExtensionOf(handle);
      if (extension === undefined) {
        return {
          status: errorStatus(
            new Error("DefaultPreemption needs the scheduler's handle (client, nominator, filter runner)"),
          ),
        };
      }
      const { result, status } = await preempt(extension, state, pod, statusesOf(filteredNodeStatuses));
      const message = statusMessage(status);
      const prefixed = message === "" ? status : { ...status, reasons: [preemptionMessagePrefix + message] };
      return result === undefined ? { status: prefixed } : { result, status: prefixed };
    },
  } satisfies PostFilterPlugin & PreEnqueuePlugin & EnqueueExtensions;
}

/**
 * Preempts the victims of the chosen candidate (upstream `prepareCandidate` and
 * `PreemptPod`): a victim waiting at Permit is rejected; any other (not already being
 * deleted) gets the `DisruptionTarget` condition and is deleted; each gets a `Preempted`
 * event. Then lower-priority pods nominated to the node lose their nomination.
 */
async function prepareCandidate(
  extension: SchedulerHandleExtension,
  candidate: PreemptionCandidate,
  preemptor: Pod,
  clock: Clock,
): Promise<Status | undefined> {
  const client = extension.client;
  const schedulerName = preemptor.spec?.schedulerName ?? extension.profileName;
  for (const victim of candidate.victims) {
    if (victim.metadata?.deletionTimestamp) continue;
    const uid = victim.metadata?.uid;
    const waiting = uid === undefined ? undefined : extension.getWaitingPod(uid);
    if (waiting !== undefined) {
      waiting.reject(name, "preempted");
    } else {
      try {
        await updatePodStatus(client, victim, (status) =>
          setPodCondition(
            status,
            {
              type: "DisruptionTarget",
              status: "True",
              reason: preemptionByScheduler,
              message: `${schedulerName}: preempting to accommodate a higher priority pod`,
            },
            clock.now(),
          ),
        );
        await client.delete("Pod", victim.metadata?.name ?? "", {
          namespace: victim.metadata?.namespace ?? "",
          // Never delete a pod that merely reuses the victim's name.
          ...(uid === undefined ? {} : { preconditions: { uid } }),
        });
      } catch (error) {
        // A victim that is already gone needs no preemption.
        if (isNotFound(error) || isConflict(error)) continue;
        return errorStatus(error);
      }
    }
    extension.recordEvent({
      regarding: victim,
      related: preemptor,
      type: "Normal",
      reason: "Preempted",
      action: "Preempting",
      note: `Preempted by pod ${preemptor.metadata?.uid ?? ""} on node ${candidate.nodeName}`,
    });
  }
  const priority = podPriority(preemptor);
  for (const podInfo of extension.nominatedPodsForNode(candidate.nodeName)) {
    if (podPriority(podInfo.pod) >= priority || !podInfo.pod.status?.nominatedNodeName) continue;
    try {
      await updatePodStatus(client, podInfo.pod, (status) => {
        if (!status.nominatedNodeName) return false;
        delete status.nominatedNodeName;
        return true;
      });
    } catch {
      // Not critical, as upstream.
    }
  }
  return undefined;
}

/**
 * The in-tree DefaultPreemption plugin (upstream `defaultpreemption.DefaultPreemption`),
 * PDB-free: PodDisruptionBudgets are not modelled, so no victim violates one. Args:
 * `minCandidateNodesPercentage` (default 10) and `minCandidateNodesAbsolute` (default 100).
 */
export const defaultPreemptionDefinition: PluginDefinition = {
  name,
  defaultArgs: defaultDefaultPreemptionArgs,
  validateArgs: validateDefaultPreemptionArgs,
  factory: (args, handle) => createDefaultPreemption({ args: args as DefaultPreemptionArgs, handle }),
};
