import { describe, expect, it } from "vitest";

import { applyFixture, getDaemonSetTable, nodePhases, runScenario, schedulingModes } from "./run-scenario.js";

const header = "NAME          DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\n";

describe.each(schedulingModes)(
  "a nodeSelector DaemonSet with daemonSetScheduling $scheduling",
  ({ scheduling }) => {
    it("starts a pod on a node labelled disk=ssd and deletes it once the label is removed", async () => {
      await runScenario({ seed: 1, nodes: 2, daemonSetScheduling: scheduling }, async (cluster) => {
        await applyFixture(cluster, "ssd-daemonset");
        expect(await nodePhases(cluster, "app=ssd-monitor")).toEqual([]);
        expect(await getDaemonSetTable(cluster, "ssd-monitor")).toBe(
          `${header}ssd-monitor   0         0         0       0            0           disk=ssd        2m\n`,
        );

        await cluster.client.patch(
          "Node",
          "node-1",
          { metadata: { labels: { disk: "ssd" } } },
          { type: "merge" },
        );
        await cluster.settle();
        expect(await nodePhases(cluster, "app=ssd-monitor")).toEqual(["node-1 Running"]);
        expect(await getDaemonSetTable(cluster, "ssd-monitor")).toBe(
          `${header}ssd-monitor   1         1         1       1            1           disk=ssd        4m20s\n`,
        );

        await cluster.client.patch(
          "Node",
          "node-1",
          { metadata: { labels: { disk: null } } },
          { type: "merge" },
        );
        await cluster.settle();
        expect(await nodePhases(cluster, "app=ssd-monitor")).toEqual([]);
        expect(await getDaemonSetTable(cluster, "ssd-monitor")).toBe(
          `${header}ssd-monitor   0         0         0       0            0           disk=ssd        7m\n`,
        );
      });
    });
  },
);
