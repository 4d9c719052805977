import { describe, expect, it } from "vitest";

import { applyFixture, getDaemonSetTable, nodePhases, runScenario, schedulingModes } from "./run-scenario.js";

const header = "NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\n";

describe.each(schedulingModes)("the seed story with daemonSetScheduling $scheduling", ({ scheduling }) => {
  it("runs nginx on both workers, follows an added node and then a deleted node", async () => {
    await runScenario({ seed: 1, nodes: 2, daemonSetScheduling: scheduling }, async (cluster) => {
      await applyFixture(cluster, "nginx-daemonset");
      expect(await getDaemonSetTable(cluster, "nginx")).toBe(
        `${header}nginx   2         2         2       2            2           <none>          2m20s\n`,
      );
      expect(await nodePhases(cluster, "app=nginx")).toEqual(["node-1 Running", "node-2 Running"]);

      await cluster.addNode("node-3");
      await cluster.settle();
      expect(await getDaemonSetTable(cluster, "nginx")).toBe(
        `${header}nginx   3         3         3       3            3           <none>          4m40s\n`,
      );
      expect(await nodePhases(cluster, "app=nginx")).toEqual([
        "node-1 Running",
        "node-2 Running",
        "node-3 Running",
      ]);

      await cluster.deleteNode("node-3");
      await cluster.settle();
      expect(await getDaemonSetTable(cluster, "nginx")).toBe(
        `${header}nginx   2         2         2       2            2           <none>          7m40s\n`,
      );
      expect(await nodePhases(cluster, "app=nginx")).toEqual(["node-1 Running", "node-2 Running"]);
    });
  });
});
