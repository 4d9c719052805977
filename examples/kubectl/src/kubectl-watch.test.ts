import { describe, expect, it } from "vitest";
import { normaliseTableAges } from "./normalise-output.js";
import { createRolledOutNginx, useServedCluster } from "./served-cluster.js";

/** Transcripts 14 and 15: `get -w` prints the table, then one row per watch event, until killed. */
const cases = [
  {
    name: "get pods -w prints the pods, then a row for the pod that changes (14)",
    args: ["get", "pods", "-w"],
    initialLines: 3,
    change: ["label", "pod", "nginx-c9b92", "watched=yes"],
    want: `NAME          READY   STATUS    RESTARTS   AGE
nginx-c9b92   1/1     Running   0          2s
nginx-lnlmd   1/1     Running   0          2s
nginx-c9b92   1/1     Running   0          2s
`,
  },
  {
    name: "get ds NAME -w prints the DaemonSet, then a row when it changes (15)",
    args: ["get", "ds", "nginx", "-w"],
    initialLines: 2,
    change: ["label", "ds", "nginx", "watched=yes"],
    want: `NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
nginx   2         2         2       2            2           <none>          2s
nginx   2         2         2       2            2           <none>          2s
`,
  },
];

describe("kubectl get -w against kubesim serve", () => {
  const cluster = useServedCluster(createRolledOutNginx);

  it.each(cases)(
    "$name",
    async ({ args, initialLines, change, want }) => {
      const watch = cluster().workspace.watchKubectl(args);
      await watch.waitForLines(initialLines);
      await cluster().kubectlOk(change);
      await watch.waitForLines(initialLines + 1);
      // A moment more: a row too many (an event sent twice) would show up here.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const { stdout, stderr } = await watch.stop();
      expect({ stdout: normaliseTableAges(stdout), stderr }).toEqual({
        stdout: normaliseTableAges(want),
        stderr: "",
      });
    },
    20_000,
  );

  it("get pods -w shows a deleted pod terminating and the DaemonSet's new pod coming up (14)", async () => {
    const watch = cluster().workspace.watchKubectl(["get", "pods", "-w"]);
    const initial = await watch.waitForLines(3);
    await cluster().kubectlOk(["delete", "pod", "nginx-lnlmd", "--wait=false"]);
    const isNewPodRunning = (line: string) => /^nginx-(?!c9b92|lnlmd)\w{5} +1\/1 +Running /.test(line);
    await watch.waitForOutput((stdout) => stdout.split("\n").some(isNewPodRunning), "the new pod Running");
    const { stdout, stderr } = await watch.stop();
    const rows = stdout.slice(initial.length).split("\n").slice(0, -1);
    const status = (line: string) => line.split(/ {3,}/)[2];
    const deleted = rows.filter((line) => line.startsWith("nginx-lnlmd "));
    const added = rows.filter((line) => !line.startsWith("nginx-lnlmd "));
    expect({
      stderr,
      initial: normaliseTableAges(initial),
      // MODIFIED (deletionTimestamp set) and DELETED: the pod shows Terminating until it goes.
      deletedStatuses: [...new Set(deleted.map(status))],
      // ADDED Pending, ContainerCreating, then Running: how many rows before Running depends on timing.
      lastAdded: added.map(status).at(-1),
      addedPods: new Set(added.map((line) => line.split(" ")[0])).size,
    }).toEqual({
      stderr: "",
      initial: normaliseTableAges(`NAME          READY   STATUS    RESTARTS   AGE
nginx-c9b92   1/1     Running   0          2s
nginx-lnlmd   1/1     Running   0          2s
`),
      deletedStatuses: ["Terminating"],
      lastAdded: "Running",
      addedPods: 1,
    });
  }, 20_000);
});
