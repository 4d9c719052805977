import type { DaemonSet } from "@kubesim/core";

/** True once the DaemonSet's controller has observed its spec and every desired pod is updated, ready and available. */
function isRolledOut(daemonSet: DaemonSet): boolean {
  const status = daemonSet.status;
  if (status === undefined) return false;
  const desired = status.desiredNumberScheduled;
  return (
    (status.observedGeneration ?? 0) >= (daemonSet.metadata?.generation ?? 0) &&
    desired > 0 &&
    status.updatedNumberScheduled === desired &&
    status.numberReady === desired &&
    status.numberAvailable === desired
  );
}

/**
 * Polls `GET /apis/apps/v1/namespaces/NS/daemonsets/NAME` on a kubesim server until the
 * DaemonSet is rolled out, so the next command of a demo or test sees a settled cluster.
 *
 * @throws Error with the last status seen after `timeoutMs` (20 s unless told).
 */
export async function waitForDaemonSetRollout(
  url: string,
  namespace: string,
  name: string,
  timeoutMs = 20_000,
): Promise<DaemonSet> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  for (;;) {
    const response = await fetch(`${url}/apis/apps/v1/namespaces/${namespace}/daemonsets/${name}`);
    last = await response.text();
    if (response.ok) {
      const daemonSet = JSON.parse(last) as DaemonSet;
      if (isRolledOut(daemonSet)) return daemonSet;
    }
    if (Date.now() > deadline) {
      throw new Error(`DaemonSet ${namespace}/${name} was not rolled out after ${timeoutMs} ms: ${last}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
