import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { kubesimCommands } from "../commands.js";
import { bufferedIo } from "../io.js";
import { runCli } from "../program.js";
import { ClusterDatabase, clusterDatabasePath, createCommandEnvironment } from "../state/index.js";
import { runServe, type ServeFlags } from "./run-serve.js";
import { readServingRecord } from "./serving-record.js";

const pinnedNow = "2026-03-01T00:00:00Z";

interface Served {
  readonly url: string;
  readonly output: { stdout: string; stderr: string };
  stop(): Promise<number>;
}

let folder = "";
let home = "";
let kubeconfig = "";

function env(extra: Record<string, string> = {}): Record<string, string> {
  return { KUBESIM_HOME: home, KUBESIM_NOW: pinnedNow, KUBECONFIG: kubeconfig, ...extra };
}

async function kubesim(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = bufferedIo();
  const code = await runCli(["node", "kubesim", ...args], io, env(), folder, kubesimCommands);
  return { code, stdout: io.output.stdout, stderr: io.output.stderr };
}

/** Starts `kubesim serve` in this process and resolves once it printed its URL. */
async function serve(
  name: string,
  flags: ServeFlags,
  extraEnv: Record<string, string> = {},
): Promise<Served> {
  const io = bufferedIo();
  const stop = new AbortController();
  const environment = createCommandEnvironment({ io, env: env(extraEnv), cwd: folder });
  const finished = runServe(environment, name, flags, { stop: stop.signal, saveIntervalMs: 200 });
  for (let attempt = 0; attempt < 400; attempt++) {
    const match = /^Serving cluster "[^"]+" at (\S+)$/m.exec(io.output.stdout);
    if (match?.[1] !== undefined) {
      return {
        url: match[1],
        output: io.output,
        stop: () => {
          stop.abort();
          return finished;
        },
      };
    }
    const early = await Promise.race([
      finished,
      new Promise((resolve) => setTimeout(resolve, 10, "waiting")),
    ]);
    if (early !== "waiting") throw new Error(`serve ended early: ${io.output.stderr}`);
  }
  throw new Error("serve printed no URL");
}

async function call(url: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }),
  });
  return { code: response.status, body: await response.json() };
}

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), "kubesim-serve-"));
  home = join(folder, "home");
  kubeconfig = join(folder, "kube", "config");
  expect(await kubesim(["cluster", "create", "demo", "--nodes", "1"])).toEqual({
    code: 0,
    stdout: "cluster/demo created\n",
    stderr: "",
  });
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("kubesim serve", () => {
  it("serves /version, writes the kubeconfig context and says how to use it", async () => {
    const served = await serve("demo", { port: "0" });
    try {
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const version = (await call(served.url, "GET", "/version")) as {
        code: number;
        body: { gitVersion: string };
      };
      expect(version.code).toBe(200);
      expect(version.body.gitVersion).toBe("v1.32.4");
      expect(served.output.stdout).toBe(
        `Serving cluster "demo" at ${served.url}\nWrote context "kubesim-demo" to ${kubeconfig} (now the current context)\nTry: kubectl --context kubesim-demo get ds\n`,
      );
      expect(readFileSync(kubeconfig, "utf8")).toBe(`apiVersion: v1
clusters:
- cluster:
    server: ${served.url}
  name: kubesim-demo
contexts:
- context:
    cluster: kubesim-demo
    user: kubesim-demo
  name: kubesim-demo
current-context: kubesim-demo
kind: Config
preferences: {}
users:
- name: kubesim-demo
  user: {}
`);
      expect(statSync(kubeconfig).mode & 0o777).toBe(0o600);
      expect(readServingRecord(home, "demo")).toEqual({
        pid: process.pid,
        url: served.url,
        context: "kubesim-demo",
      });
    } finally {
      expect(await served.stop()).toBe(0);
    }
    expect(served.output.stdout.split("\n").at(-2)).toBe(
      `Saved cluster "demo" at ${pinnedNow}; stopped serving`,
    );
    expect(readServingRecord(home, "demo")).toBeUndefined();
  });

  it("saves what was written over HTTP when stopped, so a later command shows it", async () => {
    const served = await serve("demo", { port: "0" });
    const created = (await call(served.url, "POST", "/api/v1/namespaces", {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: "over-http" },
    })) as { code: number };
    expect(created.code).toBe(201);
    expect(await served.stop()).toBe(0);
    const listed = await kubesim(["get", "namespace", "over-http"]);
    expect(listed).toEqual({
      code: 0,
      stdout: "NAME        STATUS   AGE\nover-http   Active   0s\n",
      stderr: "",
    });
  });

  it("saves a changed cluster every save interval while serving, so a kill -9 loses little", async () => {
    const served = await serve("demo", { port: "0" });
    const namespaceNames = (): string[] => {
      const database = ClusterDatabase.open(clusterDatabasePath(home, "demo"), "demo");
      try {
        return database
          .readState()
          .snapshot.objects.filter((object) => object.kind === "Namespace")
          .map((object) => object.metadata?.name ?? "");
      } finally {
        database.close();
      }
    };
    try {
      for (const name of ["first", "second"]) {
        const created = (await call(served.url, "POST", "/api/v1/namespaces", {
          apiVersion: "v1",
          kind: "Namespace",
          metadata: { name },
        })) as { code: number };
        expect(created.code).toBe(201);
        for (let attempt = 0; attempt < 100 && !namespaceNames().includes(name); attempt++) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        // Read from another connection: committed, while the server still serves.
        expect(namespaceNames()).toContain(name);
      }
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });

  it("keeps the other entries and the current context of an existing kubeconfig, and sets the token", async () => {
    const existing = `apiVersion: v1
kind: Config
current-context: work
clusters:
- name: work
  cluster:
    server: https://work.example:6443
contexts:
- name: work
  context: {cluster: work, user: work}
users:
- name: work
  user: {token: abc}
`;
    writeFileSync(join(folder, "existing"), existing);
    kubeconfig = join(folder, "existing");
    const served = await serve("demo", { port: "0", token: "s3cret" });
    try {
      expect(served.output.stdout.split("\n")[1]).toBe(`Wrote context "kubesim-demo" to ${kubeconfig}`);
      expect(readFileSync(kubeconfig, "utf8")).toBe(`apiVersion: v1
clusters:
- cluster:
    server: https://work.example:6443
  name: work
- cluster:
    server: ${served.url}
  name: kubesim-demo
contexts:
- context:
    cluster: work
    user: work
  name: work
- context:
    cluster: kubesim-demo
    user: kubesim-demo
  name: kubesim-demo
current-context: work
kind: Config
preferences: {}
users:
- name: work
  user:
    token: abc
- name: kubesim-demo
  user:
    token: s3cret
`);
      expect(((await call(served.url, "GET", "/version")) as { code: number }).code).toBe(401);
    } finally {
      await served.stop();
    }
  });

  it("refuses a second server on the same cluster with where the first one serves it", async () => {
    const served = await serve("demo", { port: "0" });
    try {
      const io = bufferedIo();
      const environment = createCommandEnvironment({ io, env: env(), cwd: folder });
      await expect(
        runServe(environment, "demo", { port: "0" }, { stop: new AbortController().signal }),
      ).rejects.toThrow(
        `cluster "demo" is being served at ${served.url} by kubesim serve (pid ${process.pid}); use "kubectl --context kubesim-demo", or stop the server first`,
      );
    } finally {
      await served.stop();
    }
  });

  it.each([
    {
      name: "A port that is not a number is refused",
      flags: { port: "http" },
      message: 'invalid --port "http": must be a port number from 0 to 65535',
    },
    {
      name: "A port above 65535 is refused",
      flags: { port: "70000" },
      message: 'invalid --port "70000": must be a port number from 0 to 65535',
    },
    {
      name: "An address that is not an IP is refused",
      flags: { address: "localhost" },
      message: 'invalid --address "localhost": must be an IPv4 or IPv6 address',
    },
    {
      name: "An empty token is refused",
      flags: { token: "" },
      message: "invalid --token: must be non-empty and contain no whitespace",
    },
    {
      name: "A pod start-up latency that is not a duration is refused",
      flags: { podStartupLatency: "soon" },
      message: 'invalid --pod-startup-latency "soon": expected a duration such as "100ms" or "2s"',
    },
    {
      name: "A pod shutdown latency that is negative is refused",
      flags: { podShutdownLatency: "-1s" },
      message: 'invalid --pod-shutdown-latency "-1s": expected a duration such as "100ms" or "2s"',
    },
  ])("$name", async ({ flags, message }) => {
    const io = bufferedIo();
    const environment = createCommandEnvironment({ io, env: env(), cwd: folder });
    await expect(
      runServe(environment, "demo", flags, { stop: new AbortController().signal }),
    ).rejects.toThrow(message);
  });

  it("says so when the port is taken, and leaves the cluster unlocked", async () => {
    const { createServer } = await import("node:net");
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const io = bufferedIo();
      const environment = createCommandEnvironment({ io, env: env(), cwd: folder });
      await expect(
        runServe(environment, "demo", { port: String(port) }, { stop: new AbortController().signal }),
      ).rejects.toThrow(
        `unable to serve on 127.0.0.1:${port}: the address is already in use (choose another --port, or --port 0 for a free one)`,
      );
      expect(io.output.stdout).toBe("");
      expect((await kubesim(["get", "nodes", "-o", "name"])).stdout).toBe(
        "node/control-plane\nnode/node-1\n",
      );
    } finally {
      blocker.close();
    }
  });

  it("refuses a cluster that does not exist", async () => {
    const io = bufferedIo();
    const environment = createCommandEnvironment({ io, env: env(), cwd: folder });
    await expect(runServe(environment, "nope", {}, { stop: new AbortController().signal })).rejects.toThrow(
      'cluster "nope" not found; "kubesim cluster list" shows the clusters',
    );
  });
});
