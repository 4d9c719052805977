import { goQuote, type Pod } from "@kubesim/core";
import { claimObjects } from "./claim-objects.js";
import { wrapError } from "./controller-errors.js";
import { groupDaemonPodsByNode } from "./daemon-pods.js";
import type { DaemonSetModel } from "./daemon-set-model.js";
import { daemonSetSelector } from "./daemon-set-selector.js";
import type { SyncPass } from "./sync-pass.js";

/**
 * The DaemonSet's claimed pods by node: either in the pass's {@link DaemonSetModel} (the
 * claim changed nothing and the model captured the pods) or grouped the upstream way.
 */
export type ClaimedDaemonPods =
  | { readonly model: DaemonSetModel; readonly groups?: undefined }
  | { readonly model?: undefined; readonly groups: Map<string, Pod[]> };

function mappingError(pass: SyncPass, error: unknown): Error {
  return wrapError(
    `couldn't get node to daemon pod mapping for daemon set ${goQuote(pass.daemonSet.metadata?.name ?? "")}`,
    error,
  );
}

// Stands in for a claim with nothing to patch, so the pass yields exactly as often as upstream's way.
async function claimWithoutChanges(): Promise<void> {}

/**
 * Upstream's `getNodesToDaemonPods`: claims the DaemonSet's pods (adopting and releasing
 * as needed) and groups them by target node. Pods both terminal and terminating are left
 * out unless `includeDeletedTerminal` (history cleanup counts them).
 *
 * @throws KubesimError `couldn't get node to daemon pod mapping for daemon set "<name>": <cause>`
 *   when the selector is invalid or claiming fails.
 */
export async function daemonPodsByNode(
  pass: SyncPass,
  includeDeletedTerminal: boolean,
): Promise<Map<string, Pod[]>> {
  try {
    const selector = daemonSetSelector(pass.daemonSet);
    const pods = await claimObjects(pass, "Pod", pass.pods, selector);
    return groupDaemonPodsByNode(pods, includeDeletedTerminal);
  } catch (error) {
    throw mappingError(pass, error);
  }
}

/**
 * `daemonPodsByNode(pass, false)` for the pass's steps: when the pass has a model and the
 * claim would adopt or release nothing, the model captures the pods as they are now (the
 * moment upstream lists them) and is returned instead of a fresh grouping.
 *
 * @throws as {@link daemonPodsByNode}.
 */
export async function claimDaemonPods(pass: SyncPass): Promise<ClaimedDaemonPods> {
  try {
    const model = pass.model;
    if (model?.claimChangesNothing(pass.daemonSet) === true) {
      model.capture();
      await claimWithoutChanges();
      return { model };
    }
    // The upstream way, with exactly `daemonPodsByNode`'s steps (and so its timing).
    const selector = daemonSetSelector(pass.daemonSet);
    const pods = await claimObjects(pass, "Pod", pass.pods, selector);
    return { groups: groupDaemonPodsByNode(pods, false) };
  } catch (error) {
    throw mappingError(pass, error);
  }
}
