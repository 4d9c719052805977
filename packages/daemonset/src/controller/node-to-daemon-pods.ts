import { labelSelectorAsSelector } from "@kubesim/affinity";
import { goQuote, type Pod } from "@kubesim/core";
import { claimObjects } from "./claim-objects.js";
import { wrapError } from "./controller-errors.js";
import { groupDaemonPodsByNode } from "./daemon-pods.js";
import type { SyncPass } from "./sync-pass.js";

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
    const selector = labelSelectorAsSelector(pass.daemonSet.spec?.selector);
    const pods = await claimObjects(pass, "Pod", pass.pods, selector);
    return groupDaemonPodsByNode(pods, includeDeletedTerminal);
  } catch (error) {
    throw wrapError(
      `couldn't get node to daemon pod mapping for daemon set ${goQuote(pass.daemonSet.metadata?.name ?? "")}`,
      error,
    );
  }
}
