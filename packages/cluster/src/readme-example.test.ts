import { printTable, renderTable } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { createCluster } from "./index.js";

describe("the README example", () => {
  it("shows the nginx DaemonSet on the two workers, then follows a node that joins and leaves", async () => {
    const cluster = await createCluster({ seed: 1, nodes: 2 });
    await cluster.apply(`
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: nginx, namespace: default }
spec:
  selector: { matchLabels: { app: nginx } }
  template:
    metadata: { labels: { app: nginx } }
    spec: { containers: [{ name: nginx, image: "nginx:1.25" }] }
`);
    await cluster.settle();
    const table = async () => {
      const { items } = await cluster.client.list("DaemonSet", { namespace: "default" });
      return renderTable(printTable("DaemonSet", items, { now: new Date(cluster.clock.now()) }), {});
    };
    const first = await table();
    await cluster.addNode("node-3");
    await cluster.settle();
    const second = await table();
    await cluster.deleteNode("node-3");
    await cluster.settle();
    const third = await table();
    cluster.close();
    const header = "NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\n";
    expect([first, second, third]).toEqual([
      `${header}nginx   2         2         2       2            2           <none>          2m20s\n`,
      `${header}nginx   3         3         3       3            3           <none>          4m40s\n`,
      `${header}nginx   2         2         2       2            2           <none>          7m40s\n`,
    ]);
  });
});
