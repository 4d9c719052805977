import type { Pod } from "@kubesim/core";
import { CycleState } from "../framework/cycle-state.js";
import type { PostFilterResult } from "../framework/plugin.js";
import { sharePodRequests } from "../framework/pod-requests.js";
import { Code, errorStatus, isRejected, isSuccess, type Status, statusMessage } from "../framework/status.js";
import type { SchedulingQueuePodInfo } from "../queue/index.js";
import { schedulingQueueEvents } from "../queue/index.js";
import { addPluginStatus, createDiagnosis, FitError, truncateEventMessage } from "../runtime/fit-error.js";
import type { FrameworkRuntime } from "../runtime/framework-runtime.js";
import { setPodCondition, updatePodStatus } from "../runtime/pod-status-update.js";
import { schedulePod } from "../runtime/schedule-algorithm.js";
import { type SchedulerContext, schedulerNameOf } from "./scheduler-context.js";

/** Upstream's `NominatingInfo`: `undefined` leaves the nomination alone (ModeNoop). */
type Nomination = PostFilterResult | undefined;

const clearNomination: PostFilterResult = Object.freeze({ nominatedNodeName: "" });

interface CycleFailure {
  readonly kind: "failure";
  readonly status: Status;
  readonly nomination: Nomination;
  /** The pod to report: the assumed copy once assumed, otherwise the queued pod. */
  readonly pod: Pod;
}

interface CycleSuccess {
  readonly kind: "success";
  readonly assumedPod: Pod;
  readonly host: string;
}

function fitErrorStatus(code: Code, fitError: FitError): Status {
  // The reason is read after PostFilter added its part (the message is computed on read).
  return { code, reasons: [fitError.message], error: fitError };
}

/** A FitError with one node (Reserve, Permit or PreBind rejected the pod there). */
function singleNodeFitError(pod: Pod, host: string, status: Status): Status {
  const diagnosis = createDiagnosis();
  diagnosis.nodeToStatus.set(host, status);
  addPluginStatus(diagnosis, status);
  return fitErrorStatus(status.code, new FitError(pod, 1, diagnosis));
}

function fitErrorOf(status: Status): FitError | undefined {
  return status.error instanceof FitError ? status.error : undefined;
}

function podKeyText(pod: Pod): string {
  return `${pod.metadata?.namespace ?? ""}/${pod.metadata?.name ?? ""}`;
}

/**
 * Upstream `skipPodSchedule`: a pod being deleted gets a FailedScheduling event and is
 * dropped; a pod already assumed (it was re-added while its binding is pending) is dropped.
 */
function skipPodSchedule(context: SchedulerContext, framework: FrameworkRuntime, pod: Pod): boolean {
  if (pod.metadata?.deletionTimestamp) {
    context.recorders.get(framework.profileName)?.record({
      regarding: pod,
      type: "Warning",
      reason: "FailedScheduling",
      action: "Scheduling",
      note: `skip schedule deleting pod: ${podKeyText(pod)}`,
    });
    return true;
  }
  return context.cache.isAssumedPod(pod);
}

/**
 * The scheduling cycle (upstream `schedulingCycle`): run the algorithm; on a FitError run
 * PostFilter (preemption) and record its message; otherwise assume the pod on the chosen
 * node, then Reserve and Permit.
 */
async function schedulingCycle(
  context: SchedulerContext,
  framework: FrameworkRuntime,
  state: CycleState,
  pod: Pod,
): Promise<CycleFailure | CycleSuccess> {
  const snapshot = context.cache.snapshot();
  const outcome = schedulePod({
    framework,
    state,
    pod,
    snapshot,
    algorithmState: context.algorithmState,
    random: context.random,
    globalPercentageOfNodesToScore: context.globalPercentageOfNodesToScore,
  });
  if (outcome.kind === "failed") {
    return { kind: "failure", status: outcome.status, nomination: clearNomination, pod };
  }
  if (outcome.kind === "unfit") {
    const fitError = outcome.fitError;
    if (!framework.hasPostFilterPlugins()) {
      return {
        kind: "failure",
        status: fitErrorStatus(Code.Unschedulable, fitError),
        nomination: clearNomination,
        pod,
      };
    }
    const postFilter = await framework.runPostFilterPlugins(state, pod, fitError.diagnosis.nodeToStatus);
    fitError.diagnosis.postFilterMessage = statusMessage(postFilter.status);
    return {
      kind: "failure",
      status: fitErrorStatus(Code.Unschedulable, fitError),
      nomination: postFilter.result,
      pod,
    };
  }

  const host = outcome.suggestedHost;
  const assumedPod: Pod = { ...pod, spec: { ...(pod.spec ?? { containers: [] }), nodeName: host } };
  // The copy shares the pod's containers and overhead: the cache takes the pod's requests.
  sharePodRequests(assumedPod, pod);
  try {
    context.cache.assumePod(assumedPod);
  } catch (error) {
    return { kind: "failure", status: errorStatus(error), nomination: clearNomination, pod: assumedPod };
  }
  // An assumed pod no longer holds a nomination.
  context.queue.deleteNominatedPodIfExists(assumedPod);

  const reserveStatus = framework.runReservePluginsReserve(state, assumedPod, host);
  if (!isSuccess(reserveStatus)) {
    framework.runReservePluginsUnreserve(state, assumedPod, host);
    context.cache.forgetPod(assumedPod);
    const failed = reserveStatus as Status;
    const status = isRejected(failed) ? singleNodeFitError(pod, host, failed) : failed;
    return { kind: "failure", status, nomination: clearNomination, pod: assumedPod };
  }
  const permitStatus = framework.runPermitPlugins(state, assumedPod, host);
  if (!isSuccess(permitStatus) && permitStatus?.code !== Code.Wait) {
    framework.runReservePluginsUnreserve(state, assumedPod, host);
    context.cache.forgetPod(assumedPod);
    const failed = permitStatus as Status;
    const status = isRejected(failed) ? singleNodeFitError(pod, host, failed) : failed;
    return { kind: "failure", status, nomination: clearNomination, pod: assumedPod };
  }
  return { kind: "success", assumedPod, host };
}

/**
 * The binding cycle (upstream `bindingCycle`): wait at Permit, PreBind, Bind (the event
 * `Scheduled` on success), PostBind. Returns the failure status, if any.
 */
async function bindingCycle(
  context: SchedulerContext,
  framework: FrameworkRuntime,
  state: CycleState,
  assumedPod: Pod,
  host: string,
): Promise<Status | undefined> {
  const permitStatus = await framework.waitOnPermit(assumedPod);
  if (!isSuccess(permitStatus)) {
    const failed = permitStatus as Status;
    return isRejected(failed) ? singleNodeFitError(assumedPod, host, failed) : failed;
  }
  // Failures from here on cannot make the pod "unschedulable": it only backs off.
  context.queue.done(assumedPod);
  const preBindStatus = await framework.runPreBindPlugins(state, assumedPod, host);
  if (!isSuccess(preBindStatus)) {
    const failed = preBindStatus as Status;
    return isRejected(failed) ? singleNodeFitError(assumedPod, host, failed) : failed;
  }
  const bindStatus = await framework.runBindPlugins(state, assumedPod, host);
  context.cache.finishBinding(assumedPod);
  if (!isSuccess(bindStatus)) return bindStatus ?? errorStatus(new Error("binding failed"));
  context.recorders.get(framework.profileName)?.record({
    regarding: assumedPod,
    type: "Normal",
    reason: "Scheduled",
    action: "Binding",
    note: `Successfully assigned ${podKeyText(assumedPod)} to ${host}`,
  });
  framework.runPostBindPlugins(state, assumedPod, host);
  return undefined;
}

/**
 * Upstream `updatePod`: sets the PodScheduled condition and, when a nomination is given,
 * `status.nominatedNodeName` (cleared when empty); writes only when something changes.
 */
async function updatePodCondition(
  context: SchedulerContext,
  pod: Pod,
  reason: string,
  message: string,
  nomination: Nomination,
): Promise<void> {
  const condition = { type: "PodScheduled", status: "False", reason, message };
  const now = context.clock.now();
  const wantsNomination = nomination?.nominatedNodeName;
  const nominationChanges = (current: string | undefined) =>
    wantsNomination !== undefined && (current ?? "") !== wantsNomination;
  // Nothing to write when the queued copy already says all of this.
  const probe = structuredClone(pod.status ?? {});
  if (!setPodCondition(probe, condition, now) && !nominationChanges(pod.status?.nominatedNodeName)) return;
  await updatePodStatus(context.client, pod, (status) => {
    let changed = setPodCondition(status, condition, now);
    if (nominationChanges(status.nominatedNodeName)) {
      if (wantsNomination === "" || wantsNomination === undefined) delete status.nominatedNodeName;
      else status.nominatedNodeName = wantsNomination;
      changed = true;
    }
    return changed;
  });
}

/**
 * Upstream `handleSchedulingFailure`: requeue the pod (unless it is gone or bound
 * meanwhile) with the plugins that rejected it, update the nominator, record
 * `FailedScheduling` (message cut to 1024 characters) and write the PodScheduled=False
 * condition (reason Unschedulable, or SchedulerError for errors) with the full message.
 */
async function handleSchedulingFailure(
  context: SchedulerContext,
  framework: FrameworkRuntime,
  queued: SchedulingQueuePodInfo,
  reportedPod: Pod,
  status: Status,
  nomination: Nomination,
): Promise<void> {
  const pod = queued.pod;
  const reason = isRejected(status) ? "Unschedulable" : "SchedulerError";
  const message = statusMessage(status);
  const fitError = fitErrorOf(status);
  const rejectors = new Set<string>();
  if (fitError !== undefined) {
    for (const plugin of fitError.diagnosis.unschedulablePlugins) rejectors.add(plugin);
    for (const plugin of fitError.diagnosis.pendingPlugins) rejectors.add(plugin);
  }
  const cached = context.getPod(pod.metadata?.namespace ?? "", pod.metadata?.name ?? "");
  const requeue = cached !== undefined && !cached.spec?.nodeName;
  if (requeue) context.queue.addUnschedulableIfNotPresent({ ...queued, pod: cached }, rejectors);
  else context.queue.done(pod);
  if (requeue) {
    if (nomination === undefined) context.queue.addNominatedPod(cached);
    else context.queue.addNominatedPod(cached, nomination.nominatedNodeName ?? "");
  }
  context.recorders.get(framework.profileName)?.record({
    regarding: reportedPod,
    type: "Warning",
    reason: "FailedScheduling",
    action: "Scheduling",
    note: truncateEventMessage(message),
  });
  try {
    await updatePodCondition(context, cached ?? pod, reason, message, nomination);
  } catch {
    // The pod may be gone; upstream only logs this.
  }
}

/**
 * Pops one pod and takes it through a scheduling cycle; the binding cycle continues in
 * the background (tracked by the context). Returns false when no pod was ready.
 */
export async function scheduleOne(context: SchedulerContext): Promise<boolean> {
  const queued = context.queue.pop();
  if (queued === undefined) return false;
  const pod = queued.pod;
  const framework = context.profiles.get(schedulerNameOf(pod));
  if (framework === undefined || skipPodSchedule(context, framework, pod)) {
    context.queue.done(pod);
    return true;
  }
  const state = new CycleState();
  const cycle = await schedulingCycle(context, framework, state, pod);
  if (cycle.kind === "failure") {
    await handleSchedulingFailure(context, framework, queued, cycle.pod, cycle.status, cycle.nomination);
    return true;
  }
  const binding = bindingCycle(context, framework, state, cycle.assumedPod, cycle.host).then(
    async (status) => {
      if (status === undefined) return;
      // Upstream handleBindingCycleError: release, forget, and let others use the space.
      framework.runReservePluginsUnreserve(state, cycle.assumedPod, cycle.host);
      const forgotten = context.cache.forgetPod(cycle.assumedPod);
      if (forgotten && !isRejected(status)) {
        context.queue.moveAllToActiveOrBackoff(schedulingQueueEvents.assignedPodDelete, cycle.assumedPod);
      }
      await handleSchedulingFailure(context, framework, queued, cycle.assumedPod, status, clearNomination);
      if (forgotten && isRejected(status)) {
        // Deferred so the pod itself is not moved by its own forgetting.
        const uid = cycle.assumedPod.metadata?.uid;
        context.queue.moveAllToActiveOrBackoff(
          schedulingQueueEvents.assignedPodDelete,
          cycle.assumedPod,
          undefined,
          (candidate) => candidate.metadata?.uid !== uid,
        );
      }
    },
  );
  context.track(binding);
  return true;
}
