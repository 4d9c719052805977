import { describe, expect, it } from "vitest";

import { applyFixture, getDaemonSetTable, nodePhases, runScenario, schedulingModes } from "./run-scenario.js";

const header = "NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\n";

describe.each(schedulingModes)("a NoExecute taint with daemonSetScheduling $scheduling", ({ scheduling }) => {
  it("evicts the node's nginx pod and lowers DESIRED, and removing the taint brings the pod back", async () => {
    await runScenario({ seed: 1, nodes: 2, daemonSetScheduling: scheduling }, async (cluster) => {
      await applyFixture(cluster, "nginx-daemonset");
      expect(await nodePhases(cluster, "app=nginx")).toEqual(["node-1 Running", "node-2 Running"]);

      await cluster.client.patch(
        "Node",
        "node-2",
        { spec: { taints: [{ key: "maintenance", value: "true", effect: "NoExecute" }] } },
        { type: "merge" },
      );
      await cluster.settle();
      expect(await nodePhases(cluster, "app=nginx")).toEqual(["node-1 Running"]);
      expect(await getDaemonSetTable(cluster, "nginx")).toBe(
        `${header}nginx   1         1         1       1            1           <none>          5m\n`,
      );

      await cluster.client.patch("Node", "node-2", { spec: { taints: null } }, { type: "merge" });
      await cluster.settle();
      expect(await nodePhases(cluster, "app=nginx")).toEqual(["node-1 Running", "node-2 Running"]);
      expect(await getDaemonSetTable(cluster, "nginx")).toBe(
        `${header}nginx   2         2         2       2            2           <none>          7m20s\n`,
      );
    });
  });
});
