import { type Clock, KubesimError, type Pod } from "@kubesim/core";
import type { ClusterEvent, QueuedPodInfo } from "../framework/plugin.js";
import { Code, type Status } from "../framework/status.js";
import { AlignedTimer } from "./aligned-timer.js";
import { podBackoffDurationMs } from "./backoff.js";
import {
  clusterEventMatches,
  isPodScaleDownEvent,
  isWildCardClusterEvent,
  schedulingQueueEvents,
} from "./cluster-event.js";
import { isPodUpdated } from "./is-pod-updated.js";
import { KeyedHeap } from "./keyed-heap.js";
import { queuePodKey } from "./pod-key.js";
import { PodNominator } from "./pod-nominator.js";
import { QueuedPodEntry, type SchedulingQueuePodInfo } from "./queued-pod-entry.js";
import { affinityTermMatches, compileRequiredAffinityTerms } from "./required-affinity-terms.js";

/** Upstream `DefaultPodInitialBackoffDuration`: 1 s. */
export const defaultPodInitialBackoffMs = 1_000;
/** Upstream `DefaultPodMaxBackoffDuration`: 10 s. */
export const defaultPodMaxBackoffMs = 10_000;
/** Upstream `DefaultPodMaxInUnschedulablePodsDuration`: 5 min. */
export const defaultPodMaxInUnschedulablePodsDurationMs = 300_000;
/** How often upstream moves pods whose backoff expired to the active queue. */
export const backoffFlushPeriodMs = 1_000;
/** How often upstream looks for pods left too long in the unschedulable pool. */
export const unschedulableFlushPeriodMs = 30_000;

// The names upstream gives these plugins; the queue special-cases them.
const schedulingGatesPlugin = "SchedulingGates";
const podTopologySpreadPlugin = "PodTopologySpread";
// The plugin blamed for a PreEnqueue rejection whose status names no plugin.
const unnamedPreEnqueuePlugin = "PreEnqueue";

/** Which of the three structures a pod went to. */
export type SchedulingQueueName = "active" | "backoff" | "unschedulable";

/** Options of {@link createSchedulingQueue}. */
export interface SchedulingQueueOptions {
  /** Every time the queue reads or waits for (`now()`, `setTimer`, `clearTimer`). */
  readonly clock: Clock;
  /** The QueueSort plugin's order: true when the first pod must be scheduled before the second. */
  readonly less: (first: QueuedPodInfo, second: QueuedPodInfo) => boolean;
  /**
   * The profile's PreEnqueue plugins combined: `undefined` (or a Success status) lets the
   * pod into the active queue; anything else gates it. Tag the status with the rejecting
   * plugin (`withPlugin`) so that events registered by that plugin can release the pod.
   */
  readonly preEnqueue?: (pod: Pod) => Status | undefined;
  /** Backoff after the first failed attempt (default 1 000 ms). */
  readonly podInitialBackoffMs?: number;
  /** The longest backoff (default 10 000 ms). */
  readonly podMaxBackoffMs?: number;
  /** How long a pod may wait in the unschedulable pool before it is retried anyway (default 5 min). */
  readonly podMaxInUnschedulablePodsDurationMs?: number;
  /**
   * The events a plugin registered (`EnqueueExtensions.eventsToRegister()`); `undefined`
   * when the plugin does not implement EnqueueExtensions, which upstream takes as interest
   * in every event. Read once per plugin name. Without this option every event moves every
   * unschedulable pod, as upstream does for a profile without a hint map.
   */
  readonly eventsOfPlugin?: (pluginName: string) => readonly ClusterEvent[] | undefined;
  /**
   * Every plugin of every profile that can reject pods. When given, an event that none of
   * them registered is dropped without even noting a move request (upstream's
   * `isEventOfInterest`); when absent, every event is of interest.
   */
  readonly enabledPlugins?: Iterable<string>;
  /** The labels of a namespace, for pod-affinity namespace selectors ({@link SchedulingQueue.assignedPodAdded}). */
  readonly namespaceLabels?: (namespace: string) => Readonly<Record<string, string>> | undefined;
  /**
   * Called after any operation (or timer) that added a pod to the active queue — once per
   * operation, when the queue is consistent, so it may `pop()` right away.
   */
  readonly onActivePod?: () => void;
}

/** The pods of each structure, in the order they would leave. */
export interface PendingPods {
  readonly active: Pod[];
  readonly backoff: Pod[];
  readonly unschedulable: Pod[];
}

/**
 * Pods waiting to be scheduled, as upstream's `PriorityQueue` (v1.32, queueing hints off):
 * an active queue ordered by the QueueSort plugin, a backoff queue ordered by backoff
 * expiry and a pool of unschedulable pods, plus the nominator. A pod is in at most one of
 * the three, or in flight between {@link SchedulingQueue.pop} and
 * {@link SchedulingQueue.addUnschedulableIfNotPresent} / {@link SchedulingQueue.done}.
 */
export interface SchedulingQueue {
  /** A new unscheduled pod: PreEnqueue decides between the active queue and the pool (gated). */
  add(pod: Pod): void;
  /**
   * An unscheduled pod changed. In the active or backoff queue it is replaced in place;
   * in the pool, a meaningful change (not just status/resourceVersion) moves it to the
   * backoff queue if still backing off, else to the active queue (re-running PreEnqueue,
   * which is how a gated pod leaves once its gates are removed); a pod the queue does not
   * hold is added to the active queue.
   */
  update(oldPod: Pod, newPod: Pod): void;
  /** The pod was deleted (or bound by someone else): removes it and its nomination. */
  delete(pod: Pod): void;
  /**
   * The head of the active queue, or `undefined` when it is empty (never blocks). Counts
   * a scheduling cycle and an attempt; the pod is in flight until
   * {@link addUnschedulableIfNotPresent} or {@link done}.
   */
  pop(): SchedulingQueuePodInfo | undefined;
  /** The cycle of an in-flight pod finished (bound, or dropped). */
  done(pod: Pod): void;
  /**
   * Returns a pod whose attempt failed. `rejectorPlugins` are the plugins that rejected it
   * (empty for an error). Goes to the backoff queue when a move request arrived since
   * the current cycle began or nothing rejected it, else to the unschedulable pool.
   * Nothing happens (result `undefined`) when the pod is already queued again or was
   * deleted during its cycle. Also ends the pod's in-flight state.
   */
  addUnschedulableIfNotPresent(
    info: QueuedPodInfo,
    rejectorPlugins: ReadonlySet<string>,
  ): SchedulingQueueName | undefined;
  /**
   * A cluster event: every pool pod whose rejecting plugins registered a matching event
   * (any pod for a wildcard event; `preCheck` may narrow them, as upstream's node
   * pre-checks) goes to the backoff queue if still backing off, else to the active queue.
   */
  moveAllToActiveOrBackoff(
    event: ClusterEvent,
    oldObject?: unknown,
    newObject?: unknown,
    preCheck?: (pod: Pod) => boolean,
  ): void;
  /**
   * A pod was bound: moves only the pool pods it can help (same-namespace pods rejected by
   * PodTopologySpread, and pods whose required pod affinity it matches), as upstream's
   * `AssignedPodAdded`.
   */
  assignedPodAdded(pod: Pod): void;
  /**
   * A bound pod changed: a scale-down moves every interested pool pod; other changes move
   * only the pods it can help, as {@link assignedPodAdded}.
   */
  assignedPodUpdated(oldPod: Pod, newPod: Pod, event: ClusterEvent): void;
  /**
   * Moves the pods from the backoff queue or the pool straight to the active queue
   * (plugins' `PodsToActivate`; a map is read by its values, as upstream's map of pods).
   */
  activate(pods: Iterable<Pod> | ReadonlyMap<string, Pod>): void;
  /** Every queued pod (not the in-flight ones), per structure. */
  pendingPods(): PendingPods;
  /** The pods popped and not yet returned or done. */
  inFlightPods(): Pod[];
  /** How many pods were popped so far. */
  schedulingCycle(): number;
  /** Nominates the pod to a node (without `nodeName`: its `status.nominatedNodeName`). */
  addNominatedPod(pod: Pod, nodeName?: string): void;
  /** Drops the pod's nomination. */
  deleteNominatedPodIfExists(pod: Pod): void;
  /** The pods nominated to a node, latest versions, in nomination order. */
  nominatedPodsForNode(nodeName: string): readonly Pod[];
  /** Whether any pod is nominated to any node. */
  hasNominatedPods(): boolean;
  /** Changes whenever the nominations may have changed: answers of {@link SchedulingQueue.nominatedPodsForNode} may be kept until then. */
  nominationVersion(): number;
  /** Stops the queue: cancels its timers; `pop()` returns `undefined` from now on. */
  close(): void;
}

interface InFlight {
  readonly entry: QueuedPodEntry;
  deleted: boolean;
}

function positiveDuration(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new KubesimError(
      `scheduling queue option ${name} must be a positive number of milliseconds, got ${value}`,
    );
  }
  return value;
}

/**
 * Creates the scheduling queue of one scheduler. All timing comes from `options.clock`:
 * expired backoffs move to the active queue on 1 s ticks and pods older than
 * `podMaxInUnschedulablePodsDurationMs` in the pool move on 30 s ticks, as upstream's
 * loops; a tick is only scheduled when it has work, so a virtual clock runs everything
 * instantly and deterministically.
 *
 * @example
 * const queue = createSchedulingQueue({ clock, less: prioritySort.less, onActivePod: () => wake() });
 * queue.add(pod);
 * const info = queue.pop(); // the highest-priority, oldest pod
 * queue.addUnschedulableIfNotPresent(info, new Set(["NodeResourcesFit"]));
 */
export function createSchedulingQueue(options: SchedulingQueueOptions): SchedulingQueue {
  const clock = options.clock;
  const initialBackoffMs = positiveDuration(
    "podInitialBackoffMs",
    options.podInitialBackoffMs,
    defaultPodInitialBackoffMs,
  );
  const maxBackoffMs = positiveDuration("podMaxBackoffMs", options.podMaxBackoffMs, defaultPodMaxBackoffMs);
  if (maxBackoffMs < initialBackoffMs) {
    throw new KubesimError(
      `scheduling queue option podMaxBackoffMs (${maxBackoffMs}) must be at least podInitialBackoffMs (${initialBackoffMs})`,
    );
  }
  const maxUnschedulableMs = positiveDuration(
    "podMaxInUnschedulablePodsDurationMs",
    options.podMaxInUnschedulablePodsDurationMs,
    defaultPodMaxInUnschedulablePodsDurationMs,
  );
  const less = options.less;
  const entryKey = (entry: QueuedPodEntry): string => queuePodKey(entry.pod);
  const backoffExpiry = (entry: QueuedPodEntry): number =>
    entry.timestamp + podBackoffDurationMs(entry.attempts, initialBackoffMs, maxBackoffMs);

  const activeQ = new KeyedHeap<QueuedPodEntry>(entryKey, (first, second) => less(first, second));
  const backoffQ = new KeyedHeap<QueuedPodEntry>(
    entryKey,
    (first, second) => backoffExpiry(first) < backoffExpiry(second),
  );
  const unschedulablePods = new Map<string, QueuedPodEntry>();
  const inFlight = new Map<string, InFlight>();
  const nominator = new PodNominator();
  let cycle = 0;
  // The cycle in which the last move request arrived (upstream's moveRequestCycle).
  let moveRequestCycle = -1;
  let closed = false;
  let activated = false;

  // Events per plugin, read once: plugins' registrations do not change.
  const pluginEvents = new Map<string, readonly ClusterEvent[] | undefined>();
  const eventsOf = (plugin: string): readonly ClusterEvent[] | undefined => {
    if (pluginEvents.has(plugin)) return pluginEvents.get(plugin);
    const events = options.eventsOfPlugin?.(plugin);
    pluginEvents.set(plugin, events);
    return events;
  };
  const enabledPlugins = options.enabledPlugins === undefined ? undefined : [...options.enabledPlugins];

  const origin = clock.now();
  const backoffTimer = new AlignedTimer(clock, backoffFlushPeriodMs, origin, () => {
    flushBackoffCompleted();
    finish();
  });
  const unschedulableTimer = new AlignedTimer(clock, unschedulableFlushPeriodMs, origin, () => {
    flushUnschedulableLeftover();
    finish();
  });

  function finish(): void {
    if (!activated) return;
    activated = false;
    options.onActivePod?.();
  }

  function isBackingOff(entry: QueuedPodEntry): boolean {
    return !entry.gated && backoffExpiry(entry) > clock.now();
  }

  // Gated by SchedulingGates: only an update of the pod itself can release it.
  function waitsForUpdateOnly(entry: QueuedPodEntry): boolean {
    return entry.gated && entry.unschedulablePlugins.has(schedulingGatesPlugin);
  }

  function addToBackoff(entry: QueuedPodEntry): void {
    backoffQ.addOrUpdate(entry);
    backoffTimer.request(backoffExpiry(entry));
  }

  function addToUnschedulable(entry: QueuedPodEntry): void {
    unschedulablePods.set(entryKey(entry), entry);
    if (!waitsForUpdateOnly(entry)) unschedulableTimer.request(entry.timestamp + maxUnschedulableMs, true);
  }

  function passesPreEnqueue(entry: QueuedPodEntry): boolean {
    if (options.preEnqueue === undefined) return true;
    let status: Status | undefined;
    try {
      status = options.preEnqueue(entry.pod);
    } catch (error) {
      // A throwing plugin gates the pod, as an Error status does upstream.
      status = { code: Code.Error, reasons: [error instanceof Error ? error.message : String(error)] };
    }
    if (status === undefined || status.code === Code.Success) return true;
    entry.unschedulablePlugins.add(status.plugin ?? unnamedPreEnqueuePlugin);
    return false;
  }

  function moveToActive(entry: QueuedPodEntry, nominate: boolean): boolean {
    entry.gated = !passesPreEnqueue(entry);
    const key = entryKey(entry);
    if (entry.gated) {
      if (activeQ.has(key) || backoffQ.has(key)) return false;
      addToUnschedulable(entry);
      return false;
    }
    if (!entry.initialAttemptRecorded) {
      entry.initialAttemptTimestamp = clock.now();
      entry.initialAttemptRecorded = true;
    }
    activeQ.addOrUpdate(entry);
    unschedulablePods.delete(key);
    backoffQ.delete(key);
    if (nominate) nominator.add(entry.pod);
    activated = true;
    return true;
  }

  function isEventOfInterest(event: ClusterEvent): boolean {
    if (isWildCardClusterEvent(event) || enabledPlugins === undefined) return true;
    for (const plugin of enabledPlugins) {
      const events = eventsOf(plugin);
      if (events === undefined) return true;
      for (const registered of events) if (clusterEventMatches(registered, event)) return true;
    }
    return false;
  }

  // Whether a plugin registered an event matching `event`; memoized per event by the caller.
  function pluginInterested(plugin: string, event: ClusterEvent): boolean {
    const events = eventsOf(plugin);
    if (events === undefined) return true;
    for (const registered of events) if (clusterEventMatches(registered, event)) return true;
    return false;
  }

  function isWorthRequeuing(entry: QueuedPodEntry, event: ClusterEvent, memo: Map<string, boolean>): boolean {
    if (entry.unschedulablePlugins.size === 0 || isWildCardClusterEvent(event)) return true;
    if (options.eventsOfPlugin === undefined) return true;
    for (const plugin of entry.unschedulablePlugins) {
      let interested = memo.get(plugin);
      if (interested === undefined) {
        interested = pluginInterested(plugin, event);
        memo.set(plugin, interested);
      }
      if (interested) return true;
    }
    return false;
  }

  function movePods(entries: readonly QueuedPodEntry[], event: ClusterEvent): void {
    if (!isEventOfInterest(event)) return;
    const memo = new Map<string, boolean>();
    for (const entry of entries) {
      if (waitsForUpdateOnly(entry) || !isWorthRequeuing(entry, event, memo)) continue;
      unschedulablePods.delete(entryKey(entry));
      if (isBackingOff(entry)) addToBackoff(entry);
      else moveToActive(entry, false);
    }
    moveRequestCycle = cycle;
  }

  function flushBackoffCompleted(): void {
    for (;;) {
      const head = backoffQ.peek();
      if (head === undefined || isBackingOff(head)) break;
      backoffQ.pop();
      moveToActive(head, false);
    }
    const head = backoffQ.peek();
    if (head !== undefined) backoffTimer.request(backoffExpiry(head));
  }

  function flushUnschedulableLeftover(): void {
    const now = clock.now();
    const expired: QueuedPodEntry[] = [];
    for (const entry of unschedulablePods.values()) {
      if (now - entry.timestamp > maxUnschedulableMs) expired.push(entry);
    }
    if (expired.length > 0) movePods(expired, schedulingQueueEvents.unschedulableTimeout);
    let earliest: number | undefined;
    for (const entry of unschedulablePods.values()) {
      if (waitsForUpdateOnly(entry)) continue;
      if (earliest === undefined || entry.timestamp < earliest) earliest = entry.timestamp;
    }
    if (earliest !== undefined) unschedulableTimer.request(earliest + maxUnschedulableMs, true);
  }

  function crossTopologyCandidates(pod: Pod): QueuedPodEntry[] {
    const namespace = pod.metadata?.namespace ?? "";
    const labels = options.namespaceLabels?.(namespace) ?? {};
    const candidates: QueuedPodEntry[] = [];
    for (const entry of unschedulablePods.values()) {
      if (
        entry.unschedulablePlugins.has(podTopologySpreadPlugin) &&
        (entry.pod.metadata?.namespace ?? "") === namespace
      ) {
        candidates.push(entry);
        continue;
      }
      const terms = entry.requiredAffinityTerms(compileRequiredAffinityTerms);
      if (terms.some((term) => affinityTermMatches(term, pod, labels))) candidates.push(entry);
    }
    return candidates;
  }

  function entryFrom(info: QueuedPodInfo): QueuedPodEntry {
    if (info instanceof QueuedPodEntry) return info;
    const entry = new QueuedPodEntry(info.pod, info.timestamp);
    entry.attempts = info.attempts;
    entry.initialAttemptTimestamp = info.initialAttemptTimestamp;
    entry.initialAttemptRecorded = true;
    return entry;
  }

  const queue: SchedulingQueue = {
    add(pod) {
      moveToActive(new QueuedPodEntry(pod, clock.now()), true);
      finish();
    },

    update(oldPod, newPod) {
      const oldKey = queuePodKey(oldPod);
      const active = activeQ.get(oldKey);
      if (active !== undefined) {
        active.setPod(newPod);
        activeQ.addOrUpdate(active);
        nominator.update(oldPod, newPod);
        return;
      }
      const backingOff = backoffQ.get(oldKey);
      if (backingOff !== undefined) {
        backingOff.setPod(newPod);
        backoffQ.addOrUpdate(backingOff);
        nominator.update(oldPod, newPod);
        return;
      }
      const newKey = queuePodKey(newPod);
      const waiting = unschedulablePods.get(newKey);
      if (waiting !== undefined) {
        waiting.setPod(newPod);
        nominator.update(oldPod, newPod);
        if (isPodUpdated(oldPod, newPod)) {
          if (isBackingOff(waiting)) {
            unschedulablePods.delete(newKey);
            addToBackoff(waiting);
          } else {
            moveToActive(waiting, false);
          }
        }
        finish();
        return;
      }
      moveToActive(new QueuedPodEntry(newPod, clock.now()), true);
      finish();
    },

    delete(pod) {
      nominator.delete(pod);
      const key = queuePodKey(pod);
      if (activeQ.delete(key) === undefined) {
        backoffQ.delete(key);
        unschedulablePods.delete(key);
      }
      const flight = inFlight.get(key);
      if (flight !== undefined) flight.deleted = true;
    },

    pop() {
      if (closed) return undefined;
      const entry = activeQ.pop();
      if (entry === undefined) return undefined;
      entry.attempts++;
      cycle++;
      entry.unschedulablePlugins.clear();
      inFlight.set(entryKey(entry), { entry, deleted: false });
      return entry;
    },

    done(pod) {
      inFlight.delete(queuePodKey(pod));
    },

    addUnschedulableIfNotPresent(info, rejectorPlugins) {
      const key = queuePodKey(info.pod);
      const flight = inFlight.get(key);
      inFlight.delete(key);
      if (flight?.deleted === true) return undefined;
      if (unschedulablePods.has(key) || activeQ.has(key) || backoffQ.has(key)) return undefined;
      const entry = flight?.entry ?? entryFrom(info);
      if (entry !== info) {
        entry.setPod(info.pod);
        entry.attempts = info.attempts;
        entry.initialAttemptTimestamp = info.initialAttemptTimestamp;
      }
      entry.gated = false;
      entry.unschedulablePlugins = new Set(rejectorPlugins);
      entry.timestamp = clock.now();
      // A move request during this cycle may have been the event that makes the pod fit.
      if (moveRequestCycle >= cycle || rejectorPlugins.size === 0) {
        addToBackoff(entry);
        return "backoff";
      }
      addToUnschedulable(entry);
      return "unschedulable";
    },

    moveAllToActiveOrBackoff(event, _oldObject, _newObject, preCheck) {
      if (!isEventOfInterest(event)) return;
      const entries: QueuedPodEntry[] = [];
      for (const entry of unschedulablePods.values()) {
        if (preCheck === undefined || preCheck(entry.pod)) entries.push(entry);
      }
      movePods(entries, event);
      finish();
    },

    assignedPodAdded(pod) {
      movePods(crossTopologyCandidates(pod), schedulingQueueEvents.assignedPodAdd);
      finish();
    },

    assignedPodUpdated(oldPod, newPod, event) {
      if (isPodScaleDownEvent(event)) {
        queue.moveAllToActiveOrBackoff(event, oldPod, newPod);
        return;
      }
      movePods(crossTopologyCandidates(newPod), event);
      finish();
    },

    activate(pods) {
      const list: Iterable<Pod> = pods instanceof Map ? pods.values() : (pods as Iterable<Pod>);
      for (const pod of list) {
        const key = queuePodKey(pod);
        const entry = unschedulablePods.get(key) ?? backoffQ.get(key);
        if (entry !== undefined && moveToActive(entry, false)) continue;
        // An in-flight (or still gated, or unknown) pod: note the request, so that a
        // failure of its current attempt sends it to the backoff queue, as upstream.
        moveRequestCycle = cycle;
      }
      finish();
    },

    pendingPods() {
      return {
        active: activeQ.sortedValues().map((entry) => entry.pod),
        backoff: backoffQ.sortedValues().map((entry) => entry.pod),
        unschedulable: [...unschedulablePods.values()].map((entry) => entry.pod),
      };
    },

    inFlightPods() {
      return [...inFlight.values()].map((flight) => flight.entry.pod);
    },

    schedulingCycle() {
      return cycle;
    },

    addNominatedPod(pod, nodeName) {
      nominator.add(pod, nodeName);
    },

    deleteNominatedPodIfExists(pod) {
      nominator.delete(pod);
    },

    nominatedPodsForNode(nodeName) {
      return nominator.podsForNode(nodeName);
    },

    hasNominatedPods() {
      return nominator.size() > 0;
    },

    nominationVersion() {
      return nominator.version();
    },

    close() {
      closed = true;
      backoffTimer.close();
      unschedulableTimer.close();
    },
  };
  return queue;
}
