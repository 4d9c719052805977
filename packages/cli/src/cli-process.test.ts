/*
 * The `kubesim` binary in real processes: concurrent commands on one cluster, and a command
 * killed with SIGKILL half-way through its write. These run packages/cli/dist/main.js, which
 * `pnpm test` builds first (its lint step runs `turbo run build`).
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ClusterDatabase, clusterDatabasePath } from "./state/index.js";
import { assertKubesimBuilt, finishedOk, runKubesim, startKubesim } from "./test-kubesim-process.js";

function savedNodeNames(home: string): string[] {
  const database = ClusterDatabase.open(clusterDatabasePath(home, "kubesim"), "kubesim");
  try {
    return database
      .readState()
      .snapshot.objects.filter((object) => object.kind === "Node")
      .map((object) => object.metadata?.name ?? "");
  } finally {
    database.close();
  }
}

function integrityCheck(home: string): unknown {
  const database = new Database(clusterDatabasePath(home, "kubesim"));
  try {
    return database.pragma("integrity_check", { simple: true });
  } finally {
    database.close();
  }
}

describe("kubesim processes", () => {
  beforeAll(assertKubesimBuilt);

  let home = "";
  beforeEach(async () => {
    home = mkdtempSync(join(tmpdir(), "kubesim-process-"));
    expect(await runKubesim(home, ["cluster", "create"])).toEqual(finishedOk("cluster/kubesim created\n"));
  });
  afterEach(() => {
    rmSync(home, { recursive: true, force: true });
  });

  it("A command that starts while another holds the cluster waits for it, and both updates are kept", async () => {
    const first = startKubesim(home, ["node", "add", "node-a"], {
      KUBESIM_TEST_PAUSE_BEFORE_COMMIT_MS: "1500",
    });
    await first.waitForStderr("kubesim: paused before commit\n");
    const second = startKubesim(home, ["node", "add", "node-b"]);
    const [firstResult, secondResult] = await Promise.all([first.finished, second.finished]);
    expect(firstResult).toEqual({
      ...finishedOk("node/node-a added\n"),
      stderr: "kubesim: paused before commit\n",
    });
    expect(secondResult).toEqual(finishedOk("node/node-b added\n"));
    expect(savedNodeNames(home)).toEqual(["control-plane", "node-1", "node-2", "node-a", "node-b"]);
    expect(integrityCheck(home)).toBe("ok");
  }, 30_000);

  it("Four commands started at once all land", async () => {
    const results = await Promise.all(
      ["w1", "w2", "w3", "w4"].map((name) =>
        runKubesim(home, ["node", "add", name, "--label", `worker=${name}`]),
      ),
    );
    expect(results).toEqual(["w1", "w2", "w3", "w4"].map((name) => finishedOk(`node/${name} added\n`)));
    expect(savedNodeNames(home)).toEqual(["control-plane", "node-1", "node-2", "w1", "w2", "w3", "w4"]);
    expect(integrityCheck(home)).toBe("ok");
  }, 30_000);

  it("A command killed after writing but before committing leaves the last committed state", async () => {
    expect(await runKubesim(home, ["node", "add", "node-3"])).toEqual(finishedOk("node/node-3 added\n"));
    const doomed = startKubesim(home, ["node", "add", "node-doomed"], {
      KUBESIM_TEST_PAUSE_BEFORE_COMMIT_MS: "60000",
    });
    await doomed.waitForStderr("kubesim: paused before commit\n");
    // The write is in the database file and its rollback journal, not committed.
    expect(readdirSync(join(home, "clusters")).sort()).toEqual(["kubesim.db", "kubesim.db-journal"]);
    doomed.child.kill("SIGKILL");
    expect(await doomed.finished).toEqual({
      code: null,
      signal: "SIGKILL",
      stdout: "",
      stderr: "kubesim: paused before commit\n",
    });
    expect(await runKubesim(home, ["node", "add", "node-4"])).toEqual(finishedOk("node/node-4 added\n"));
    expect(savedNodeNames(home)).toEqual(["control-plane", "node-1", "node-2", "node-3", "node-4"]);
    expect(integrityCheck(home)).toBe("ok");
    expect(readdirSync(join(home, "clusters"))).toEqual(["kubesim.db"]);
  }, 30_000);

  it("A usage error exits 1 with kubectl's message", async () => {
    expect(await runKubesim(home, ["nodes"])).toEqual({
      code: 1,
      signal: null,
      stdout: "",
      stderr: 'error: unknown command "nodes" for "kubesim"\n\nDid you mean this?\n\tnode\n',
    });
  }, 30_000);
});
