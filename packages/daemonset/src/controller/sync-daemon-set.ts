import {
  type ControllerRevision,
  compareGoStrings,
  type DaemonSet,
  isNotFound,
  type KubeObject,
  KubesimError,
  type LabelSelector,
  type Node,
  type Pod,
} from "@kubesim/core";
import { createDaemonPodPlacement, type DaemonPodPlacementResult } from "../placement/index.js";
import { controllerRevisionHashLabel } from "../pod-template/index.js";
import { wrapError } from "./controller-errors.js";
import {
  cleanupHistory,
  constructHistory,
  type DaemonSetHistory,
  historyConstructionError,
} from "./controller-history.js";
import { isTerminating } from "./daemon-pods.js";
import { DaemonSetEventReason } from "./daemon-set-event-recorder.js";
import type { DaemonSetModel } from "./daemon-set-model.js";
import { updateDaemonSetStatus } from "./daemon-set-status.js";
import { manage } from "./manage.js";
import { ObjectCache } from "./object-cache.js";
import { rollingUpdate } from "./rolling-update.js";
import type { ControllerRuntime, SyncPass } from "./sync-pass.js";

/**
 * client-go's `SplitMetaNamespaceKey`: `"namespace/name"` or `"name"`.
 *
 * @throws KubesimError `unexpected key format: "<key>"` for more than one `/`.
 */
export function splitDaemonSetKey(key: string): { namespace: string; name: string } {
  const parts = key.split("/");
  if (parts.length === 1) return { namespace: "", name: parts[0] as string };
  if (parts.length === 2) return { namespace: parts[0] as string, name: parts[1] as string };
  throw new KubesimError(`unexpected key format: ${JSON.stringify(key)}`);
}

/** Upstream compares the selector with an empty `LabelSelector{}`: no matchLabels and no matchExpressions at all. */
function selectsAll(selector: LabelSelector | null | undefined): boolean {
  if (selector === undefined || selector === null) return false;
  return (
    (selector.matchLabels === undefined || selector.matchLabels === null) &&
    (selector.matchExpressions === undefined || selector.matchExpressions === null)
  );
}

function sortedByName(nodes: Node[]): Node[] {
  for (let index = 1; index < nodes.length; index++) {
    const previous = nodes[index - 1]?.metadata?.name ?? "";
    if (compareGoStrings(previous, nodes[index]?.metadata?.name ?? "") > 0) {
      return nodes.sort((left, right) =>
        compareGoStrings(left.metadata?.name ?? "", right.metadata?.name ?? ""),
      );
    }
  }
  return nodes;
}

async function readDaemonSet(
  runtime: ControllerRuntime,
  namespace: string,
  name: string,
): Promise<DaemonSet | undefined> {
  const caches = runtime.caches();
  if (caches !== undefined) return caches.daemonSets.get(namespace, name);
  try {
    return await runtime.client.get("DaemonSet", name, { namespace });
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw wrapError(`unable to retrieve ds ${namespace}/${name} from store`, error);
  }
}

/**
 * The pass's node list: with caches, the DaemonSet's model takes its snapshot now (and
 * is returned); without, every node is listed and sorted.
 */
async function readNodes(
  runtime: ControllerRuntime,
  key: string,
  daemonSet: DaemonSet,
): Promise<Node[] | DaemonSetModel> {
  const caches = runtime.caches();
  if (caches !== undefined) {
    const model = caches.model(key);
    model.beginPass(daemonSet);
    return model;
  }
  try {
    return sortedByName((await runtime.client.list("Node")).items);
  } catch (error) {
    throw wrapError(`couldn't get list of nodes when syncing daemon set "${key}"`, error);
  }
}

async function listInto<T extends KubeObject>(runtime: ControllerRuntime, kind: string, namespace: string) {
  const cache = new ObjectCache<T>();
  const result = await runtime.client.list(kind, { namespace });
  for (const object of result.items as unknown as T[]) cache.upsert(object);
  return cache;
}

interface PassInput {
  readonly runtime: ControllerRuntime;
  readonly key: string;
  readonly daemonSet: DaemonSet;
  readonly namespace: string;
  readonly nodes: readonly Node[] | DaemonSetModel;
  readonly eventWrites: Promise<void>[];
}

function recorderFor(input: PassInput): SyncPass["recordEvent"] {
  return (type, reason, message) => {
    input.eventWrites.push(input.runtime.events.record(input.daemonSet, type, reason, message));
  };
}

async function createPass(input: PassInput): Promise<SyncPass> {
  const { runtime, daemonSet, namespace } = input;
  const caches = runtime.caches();
  const source = input.nodes;
  const model = Array.isArray(source) ? undefined : (source as DaemonSetModel);
  let nodes: readonly Node[] | undefined;
  let placements: Map<string, DaemonPodPlacementResult> | undefined;
  if (model === undefined) {
    nodes = source as readonly Node[];
    const placement = createDaemonPodPlacement(daemonSet);
    placements = new Map<string, DaemonPodPlacementResult>();
    for (const node of nodes) placements.set(node.metadata?.name ?? "", placement(node));
  }
  const pods = caches?.pods ?? (await listInto<Pod>(runtime, "Pod", namespace));
  const revisions =
    caches?.revisions ?? (await listInto<ControllerRevision>(runtime, "ControllerRevision", namespace));
  let adoption: Promise<void> | undefined;
  const name = daemonSet.metadata?.name ?? "";
  return {
    runtime,
    key: input.key,
    daemonSet,
    namespace,
    // With a model the full node list is built only for a step that goes the upstream way.
    get nodes() {
      nodes ??= (model as DaemonSetModel).passNodes();
      return nodes;
    },
    get placements() {
      placements ??= (model as DaemonSetModel).passPlacements();
      return placements;
    },
    ...(model === undefined ? {} : { model }),
    pods,
    revisions,
    cached: caches !== undefined,
    recordEvent: recorderFor(input),
    canAdopt() {
      adoption ??= (async () => {
        let fresh: DaemonSet;
        try {
          fresh = await runtime.client.get("DaemonSet", name, { namespace });
        } catch (error) {
          throw wrapError("can't recheck DeletionTimestamp", error);
        }
        if (fresh.metadata?.uid !== daemonSet.metadata?.uid) {
          throw new KubesimError(
            `can't recheck DeletionTimestamp: original DaemonSet ${namespace}/${name} is gone: got uid ${fresh.metadata?.uid ?? ""}, wanted ${daemonSet.metadata?.uid ?? ""}`,
          );
        }
        if (isTerminating(fresh)) {
          throw new KubesimError(
            `${namespace}/${name} has just been deleted at ${fresh.metadata?.deletionTimestamp ?? ""}`,
          );
        }
      })();
      return adoption;
    },
  };
}

/** `manage`, then the update strategy when expectations allow, then history cleanup. */
async function updateDaemonSet(pass: SyncPass, hash: string, history: DaemonSetHistory): Promise<void> {
  await manage(pass, hash);
  if (pass.runtime.expectations.satisfied(pass.key)) {
    const strategy = pass.daemonSet.spec?.updateStrategy?.type;
    if (strategy === "RollingUpdate") await rollingUpdate(pass, hash);
  }
  try {
    await cleanupHistory(pass, history);
  } catch (error) {
    throw wrapError("failed to clean up revisions of DaemonSet", error);
  }
}

async function reconcile(input: PassInput): Promise<void> {
  const { runtime, daemonSet, key } = input;
  if (selectsAll(daemonSet.spec?.selector)) {
    recorderFor(input)(
      "Warning",
      DaemonSetEventReason.SelectingAll,
      "This daemon set is selecting all pods. A non-empty selector is required.",
    );
    return;
  }
  // Status of a DaemonSet being deleted cannot be computed reliably: leave it alone.
  if (isTerminating(daemonSet)) return;
  const pass = await createPass(input);
  runtime.failedPodsBackoff.gc();
  let history: DaemonSetHistory;
  try {
    history = await constructHistory(pass);
  } catch (error) {
    throw historyConstructionError(error);
  }
  const hash = history.current.metadata?.labels?.[controllerRevisionHashLabel] ?? "";
  if (!runtime.expectations.satisfied(key)) {
    // Only refresh status; observedGeneration stays, this generation was not processed.
    await updateDaemonSetStatus(pass, hash, false);
    return;
  }
  let syncError: unknown;
  try {
    await updateDaemonSet(pass, hash, history);
  } catch (error) {
    syncError = error ?? new KubesimError("sync failed");
  }
  let statusError: unknown;
  try {
    await updateDaemonSetStatus(pass, hash, true);
  } catch (error) {
    statusError = error ?? new KubesimError("status update failed");
  }
  if (syncError !== undefined) throw syncError;
  if (statusError !== undefined) throw statusError;
}

/**
 * One reconciliation pass of the DaemonSet `namespace/name`, step by step as upstream's
 * `syncDaemonSet`:
 * 1. read the DaemonSet (gone: drop its expectations, done) and every node;
 * 2. an empty selector `{}` records Warning `SelectingAll` and stops; a DaemonSet with a
 *    deletionTimestamp stops (no status write);
 * 3. build the revision history and take the current hash;
 * 4. expectations not yet satisfied: only refresh status (observedGeneration unchanged);
 * 5. otherwise `manage`, then RollingUpdate (when expectations allow) or nothing for
 *    OnDelete, then history cleanup; finally status with `observedGeneration`.
 * Reads come from the informer caches while the controller runs and straight from the
 * client otherwise; either way the pass's own writes are visible to its later steps.
 * Every event it records has been written when the returned promise settles.
 *
 * @throws the error of step 5 (or of the status write when step 5 succeeded), e.g. the
 *   Forbidden StatusError of a failed pod create; a malformed key.
 */
export async function syncDaemonSet(runtime: ControllerRuntime, key: string): Promise<void> {
  const { namespace, name } = splitDaemonSetKey(key);
  const daemonSet = await readDaemonSet(runtime, namespace, name);
  if (daemonSet === undefined) {
    runtime.expectations.delete(key);
    runtime.caches()?.dropModel(key);
    return;
  }
  const nodes = await readNodes(runtime, key, daemonSet);
  const eventWrites: Promise<void>[] = [];
  try {
    await reconcile({ runtime, key, daemonSet, namespace, nodes, eventWrites });
  } finally {
    await Promise.all(eventWrites);
  }
}
