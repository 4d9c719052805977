import { describe, expect, it } from "vitest";

import {
  applyFixture,
  getDaemonSetTable,
  type PodPlacement,
  podPlacements,
  readScenarioFixture,
  runScenario,
  schedulingModes,
} from "./run-scenario.js";

const header = "NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\n";
const workers = ["node-1", "node-2"];
const maxSteps = 600;

// A worker is unavailable while it has no Running pod that is not terminating.
function unavailableWorkers(pods: readonly PodPlacement[]): number {
  return workers.filter(
    (node) => !pods.some((pod) => pod.node === node && pod.phase === "Running" && !pod.terminating),
  ).length;
}

// Which image each worker serves from a live (Running, not terminating) pod, "-" for none.
function servingImages(pods: readonly PodPlacement[]): string {
  return workers
    .map((node) => {
      const serving = pods.find((pod) => pod.node === node && pod.phase === "Running" && !pod.terminating);
      return `${node}=${serving?.image ?? "-"}`;
    })
    .join(" ");
}

describe.each(schedulingModes)(
  "a rolling image update with daemonSetScheduling $scheduling",
  ({ scheduling }) => {
    it("replaces the pods node by node with at most one unavailable until all run nginx:1.26", async () => {
      await runScenario({ seed: 1, nodes: 2, daemonSetScheduling: scheduling }, async (cluster) => {
        await applyFixture(cluster, "nginx-daemonset");
        const history = [servingImages(await podPlacements(cluster, "app=nginx"))];
        const applied = await cluster.apply(readScenarioFixture("nginx-daemonset-1.26"));
        expect(applied.map((entry) => `${entry.kind}/${entry.name} ${entry.action}`)).toEqual([
          "DaemonSet/nginx configured",
        ]);

        let mostUnavailable = 0;
        let done = false;
        for (let step = 0; step < maxSteps && !done; step++) {
          await cluster.advance("1s");
          const pods = await podPlacements(cluster, "app=nginx");
          mostUnavailable = Math.max(mostUnavailable, unavailableWorkers(pods));
          const serving = servingImages(pods);
          if (history.at(-1) !== serving) history.push(serving);
          done =
            pods.length === 2 && pods.every((pod) => pod.image === "nginx:1.26" && pod.phase === "Running");
        }
        expect(mostUnavailable).toBe(1);
        expect(history).toEqual([
          "node-1=nginx:1.25 node-2=nginx:1.25",
          "node-1=- node-2=nginx:1.25",
          // minReadySeconds is 0: the instant node-1's new pod is Ready, node-2's old pod is deleted.
          "node-1=nginx:1.26 node-2=-",
          "node-1=nginx:1.26 node-2=nginx:1.26",
        ]);
        expect(await getDaemonSetTable(cluster, "nginx")).toBe(
          `${header}nginx   2         2         2       2            2           <none>          3m24s\n`,
        );
      });
    });
  },
);
