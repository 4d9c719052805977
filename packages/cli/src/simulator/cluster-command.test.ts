import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ClusterDatabase, clusterDatabasePath, readCurrentCluster } from "../state/index.js";
import { createTestKubesim, type TestKubesim } from "./test-kubesim.js";

const invalidNameRule =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe("kubesim cluster", () => {
  let kubesim: TestKubesim;
  beforeEach(() => {
    kubesim = createTestKubesim("2026-03-01T00:00:00Z");
  });
  afterEach(() => {
    kubesim.cleanup();
  });

  it("create makes a kubeadm-style cluster named kubesim, current, whose clock ends at now", async () => {
    expect(await kubesim.run(["cluster", "create"])).toEqual({
      code: 0,
      stdout: "cluster/kubesim created\n",
      stderr: "",
    });
    expect(readCurrentCluster(kubesim.home)).toBe("kubesim");
    const database = ClusterDatabase.open(clusterDatabasePath(kubesim.home, "kubesim"), "kubesim");
    const state = database.readState();
    const summary = database.readSummary();
    database.close();
    expect(summary).toEqual({
      settings: { seed: 1, daemonSetScheduling: "scheduler", createdAt: Date.parse("2026-02-28T23:57:40Z") },
      nodeCount: 3,
    });
    expect(state.savedTime).toBe(Date.parse("2026-03-01T00:00:00Z"));
    expect(Object.keys(state.kubelets)).toEqual(["control-plane", "node-1", "node-2"]);
    const daemonSets = state.snapshot.objects
      .filter((object) => object.kind === "DaemonSet")
      .map((object) => `${object.metadata?.namespace}/${object.metadata?.name}`);
    expect(daemonSets).toEqual([
      "kube-flannel/kube-flannel-ds",
      "kube-system/kube-keepalived-vip",
      "kube-system/kube-proxy",
    ]);
  });

  it("create takes a name, --nodes, --scheduling and --seed, and the last cluster created is current", async () => {
    await kubesim.run(["cluster", "create"]);
    const result = await kubesim.run([
      "cluster",
      "create",
      "legacy-demo",
      "--nodes",
      "4",
      "--scheduling",
      "legacy",
      "--seed",
      "abc",
    ]);
    expect(result).toEqual({ code: 0, stdout: "cluster/legacy-demo created\n", stderr: "" });
    expect(readCurrentCluster(kubesim.home)).toBe("legacy-demo");
    const database = ClusterDatabase.open(clusterDatabasePath(kubesim.home, "legacy-demo"), "legacy-demo");
    expect(database.readSummary()).toEqual({
      settings: { seed: "abc", daemonSetScheduling: "legacy", createdAt: Date.parse("2026-02-28T23:57:40Z") },
      nodeCount: 5,
    });
    database.close();
  });

  it("list shows every cluster with the current one starred and ages from the pinned clock", async () => {
    await kubesim.run(["cluster", "create", "alpha", "--nodes", "0"]);
    await kubesim.run(["cluster", "create", "beta", "--scheduling", "legacy"], {
      now: "2026-03-01T00:30:00Z",
    });
    await kubesim.run(["cluster", "use", "alpha"]);
    expect(await kubesim.run(["cluster", "list"], { now: "2026-03-01T02:00:00Z" })).toEqual({
      code: 0,
      stdout: [
        "CURRENT   NAME    NODES   SCHEDULING   AGE",
        "*         alpha   1       scheduler    122m",
        "          beta    3       legacy       92m",
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("list says so on stderr when there is no cluster", async () => {
    expect(await kubesim.run(["cluster", "list"])).toEqual({
      code: 0,
      stdout: "",
      stderr: "No clusters found.\n",
    });
  });

  it("list reports a database it cannot read and still lists the others", async () => {
    await kubesim.run(["cluster", "create", "good"]);
    writeFileSync(clusterDatabasePath(kubesim.home, "broken"), "x".repeat(2048));
    const result = await kubesim.run(["cluster", "list"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      "CURRENT   NAME   NODES   SCHEDULING   AGE\n*         good   3       scheduler    2m20s\n",
    );
    expect(result.stderr).toMatch(
      /^error: cluster "broken": .*broken\.db is not a usable kubesim cluster database: /,
    );
  });

  it("use switches the current cluster", async () => {
    await kubesim.run(["cluster", "create", "one"]);
    await kubesim.run(["cluster", "create", "two"]);
    expect(await kubesim.run(["cluster", "use", "one"])).toEqual({
      code: 0,
      stdout: 'Switched to cluster "one".\n',
      stderr: "",
    });
    expect(readCurrentCluster(kubesim.home)).toBe("one");
  });

  it("delete removes the database and forgets the current cluster it was", async () => {
    await kubesim.run(["cluster", "create", "one"]);
    await kubesim.run(["cluster", "create", "two"]);
    expect(await kubesim.run(["cluster", "delete", "two"])).toEqual({
      code: 0,
      stdout: "cluster/two deleted\n",
      stderr: "",
    });
    expect(readCurrentCluster(kubesim.home)).toBeUndefined();
    expect(readdirSync(join(kubesim.home, "clusters"))).toEqual(["one.db"]);
    expect(await kubesim.run(["cluster", "delete", "one"])).toEqual({
      code: 0,
      stdout: "cluster/one deleted\n",
      stderr: "",
    });
    expect(existsSync(clusterDatabasePath(kubesim.home, "one"))).toBe(false);
  });

  it("delete keeps the current cluster when another one is deleted", async () => {
    await kubesim.run(["cluster", "create", "one"]);
    await kubesim.run(["cluster", "create", "two"]);
    await kubesim.run(["cluster", "delete", "one"]);
    expect(readCurrentCluster(kubesim.home)).toBe("two");
  });

  it.each([
    {
      name: "A name with upper-case letters is refused",
      args: ["cluster", "create", "Demo"],
      stderr: `error: invalid cluster name "Demo": ${invalidNameRule}\n`,
    },
    {
      name: "A negative --nodes is refused",
      args: ["cluster", "create", "--nodes", "-1"],
      stderr: 'error: invalid --nodes "-1": must be a whole number of worker nodes from 0 to 15000\n',
    },
    {
      name: "A fractional --nodes is refused",
      args: ["cluster", "create", "--nodes", "1.5"],
      stderr: 'error: invalid --nodes "1.5": must be a whole number of worker nodes from 0 to 15000\n',
    },
    {
      name: "A --nodes above the limit is refused",
      args: ["cluster", "create", "--nodes", "15001"],
      stderr: 'error: invalid --nodes "15001": must be a whole number of worker nodes from 0 to 15000\n',
    },
    {
      name: "An unknown --scheduling is refused",
      args: ["cluster", "create", "--scheduling", "magic"],
      stderr: 'error: invalid --scheduling "magic": must be one of scheduler, legacy\n',
    },
    {
      name: "An empty --seed is refused",
      args: ["cluster", "create", "--seed", ""],
      stderr: 'error: invalid --seed "": must not be empty\n',
    },
    {
      name: "use of an unknown cluster is refused",
      args: ["cluster", "use", "nope"],
      stderr: 'error: cluster "nope" not found; "kubesim cluster list" shows the clusters\n',
    },
    {
      name: "delete of an unknown cluster is refused",
      args: ["cluster", "delete", "nope"],
      stderr: 'error: cluster "nope" not found; "kubesim cluster list" shows the clusters\n',
    },
    {
      name: "delete of an invalid name is refused",
      args: ["cluster", "delete", "../x"],
      stderr: `error: invalid cluster name "../x": ${invalidNameRule}\n`,
    },
    {
      name: "delete needs a name",
      args: ["cluster", "delete"],
      stderr: "error: missing required argument 'name'\nSee 'kubesim cluster delete --help' for usage.\n",
    },
  ])("$name", async ({ args, stderr }) => {
    expect(await kubesim.run(args)).toEqual({ code: 1, stdout: "", stderr });
    expect(readCurrentCluster(kubesim.home)).toBeUndefined();
  });

  it("create refuses a name that is taken and leaves that cluster alone", async () => {
    await kubesim.run(["cluster", "create", "--seed", "5"]);
    expect(await kubesim.run(["cluster", "create", "--seed", "6"])).toEqual({
      code: 1,
      stdout: "",
      stderr: 'error: cluster "kubesim" already exists\n',
    });
    const database = ClusterDatabase.open(clusterDatabasePath(kubesim.home, "kubesim"), "kubesim");
    expect(database.readSettings().seed).toBe(5);
    database.close();
  });
});
