/*
 * `kubesim serve`, `kubesim scheduler` and `kubesim controller-manager` as real processes,
 * stopped with real signals. These run packages/cli/dist/main.js, which `pnpm test` builds
 * first (its lint step runs `turbo run build`).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadManifests } from "@kubesim/core";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

const mainJs = join(import.meta.dirname, "..", "..", "dist", "main.js");
const manifestPath = join(import.meta.dirname, "../../../../examples/nginx-daemonset/nginx-daemonset.yaml");
const pinnedNow = "2026-03-01T00:00:00Z";

interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface Running {
  readonly child: ChildProcess;
  readonly finished: Promise<Finished>;
  /** Resolves with the first match of `pattern` in stdout. */
  waitForStdout(pattern: RegExp): Promise<RegExpExecArray>;
}

let folder = "";

function startKubesim(home: string, args: readonly string[]): Running {
  const child = spawn(process.execPath, [mainJs, ...args], {
    env: {
      ...process.env,
      KUBESIM_HOME: home,
      KUBESIM_NOW: pinnedNow,
      KUBECONFIG: join(folder, "kube", "config"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const waiters: { pattern: RegExp; resolve: (match: RegExpExecArray) => void }[] = [];
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
    for (const waiter of [...waiters]) {
      const match = waiter.pattern.exec(stdout);
      if (match !== null) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const finished = new Promise<Finished>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    finished,
    waitForStdout(pattern) {
      const match = pattern.exec(stdout);
      if (match !== null) return Promise.resolve(match);
      return new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve });
        finished.then(
          (result) => reject(new Error(`process ended before printing ${pattern}: ${result.stderr}`)),
          reject,
        );
      });
    },
  };
}

function kubesim(home: string, args: readonly string[]): Promise<Finished> {
  return startKubesim(home, args).finished;
}

const ok = (stdout: string): Finished => ({ code: 0, signal: null, stdout, stderr: "" });
const servingLine = /^Serving cluster "demo" at (http:\/\/127\.0\.0\.1:\d+)$/m;

async function request(
  url: string,
  method: string,
  body?: unknown,
): Promise<{ code: number; body: unknown }> {
  const response = await fetch(url, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }),
  });
  return { code: response.status, body: await response.json() };
}

describe("kubesim serve as a process", () => {
  beforeAll(() => {
    if (!existsSync(mainJs)) {
      throw new Error(
        `${mainJs} is missing: build it with "pnpm --filter @kubesim/cli build" (pnpm test builds every package first)`,
      );
    }
  });

  let home = "";
  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), "kubesim-serve-process-"));
    home = join(folder, "home");
    expect(await kubesim(home, ["cluster", "create", "demo"])).toEqual(ok("cluster/demo created\n"));
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it.each([
    { name: "SIGTERM stops it, and what was created over HTTP is saved", signal: "SIGTERM" as const },
    { name: "SIGINT stops it, and what was created over HTTP is saved", signal: "SIGINT" as const },
  ])(
    "$name",
    async ({ signal }) => {
      const server = startKubesim(home, ["serve", "--port", "0"]);
      const [, url] = await server.waitForStdout(servingLine);
      await server.waitForStdout(/^Try: .*\n/m);
      expect(
        ((await request(`${url}/version`, "GET")) as { body: { gitVersion: string } }).body.gitVersion,
      ).toBe("v1.32.4");
      expect(readFileSync(join(folder, "kube", "config"), "utf8")).toContain(
        `    server: ${url}\n  name: kubesim-demo\n`,
      );
      const created = await request(`${url}/api/v1/namespaces`, "POST", {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: { name: "made-over-http" },
      });
      expect(created.code).toBe(201);
      server.child.kill(signal);
      expect(await server.finished).toEqual(
        ok(
          `Serving cluster "demo" at ${url}\nWrote context "kubesim-demo" to ${join(folder, "kube", "config")} (now the current context)\nTry: kubectl --context kubesim-demo get ds\nSaved cluster "demo" at ${pinnedNow}; stopped serving\n`,
        ),
      );
      expect(await kubesim(home, ["get", "namespace", "made-over-http"])).toEqual(
        ok("NAME             STATUS   AGE\nmade-over-http   Active   0s\n"),
      );
    },
    20_000,
  );

  it("with --no-scheduler --no-controllers, kubesim scheduler and controller-manager processes place the seed DaemonSet as the in-process cluster does", async () => {
    const reference = join(folder, "reference");
    expect(await kubesim(reference, ["cluster", "create", "demo"])).toEqual(ok("cluster/demo created\n"));
    expect(await kubesim(reference, ["create", "-f", manifestPath])).toEqual(
      ok("daemonset.apps/nginx created\n"),
    );
    const expected = await kubesim(reference, ["get", "pods", "-A", "-o", "wide"]);
    expect(expected.stdout.split("\n").filter((line) => /^default +nginx-/.test(line))).toHaveLength(2);

    const server = startKubesim(home, ["serve", "demo", "--port", "0", "--no-scheduler", "--no-controllers"]);
    const [, url = ""] = await server.waitForStdout(servingLine);
    await server.waitForStdout(/^Try: .*\n/m);
    const kubeconfig = join(folder, "kube", "config");
    const scheduler = startKubesim(home, ["scheduler", "--kubeconfig", kubeconfig]);
    const controllers = startKubesim(home, [
      "controller-manager",
      "--kubeconfig",
      kubeconfig,
      "--context",
      "kubesim-demo",
    ]);
    await scheduler.waitForStdout(/^kube-scheduler running against .*\n/m);
    await controllers.waitForStdout(/^kube-controller-manager running against .*\n/m);
    const [daemonSet] = loadManifests(readFileSync(manifestPath, "utf8"), { filename: manifestPath });
    const created = await fetch(`${url}/apis/apps/v1/namespaces/default/daemonsets`, {
      method: "POST",
      body: JSON.stringify(daemonSet),
      headers: { "Content-Type": "application/json" },
    });
    expect(created.status).toBe(201);
    let bound = 0;
    for (let attempt = 0; attempt < 250 && bound < 2; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const pods = (await request(`${url}/api/v1/namespaces/default/pods?labelSelector=app%3Dnginx`, "GET"))
        .body as { items: { spec?: { nodeName?: string } }[] };
      bound = pods.items.filter((pod) => pod.spec?.nodeName !== undefined).length;
    }
    expect(bound).toBe(2);
    for (const component of [scheduler, controllers]) component.child.kill("SIGTERM");
    const [schedulerResult, controllersResult] = await Promise.all([
      scheduler.finished,
      controllers.finished,
    ]);
    expect(schedulerResult).toEqual(
      ok(`kube-scheduler running against ${url} (seed 1)\nkube-scheduler stopped\n`),
    );
    expect(controllersResult).toEqual(
      ok(`kube-controller-manager running against ${url} (seed 1)\nkube-controller-manager stopped\n`),
    );
    server.child.kill("SIGTERM");
    expect((await server.finished).code).toBe(0);
    // Same placements; generated names may differ out of process (see run-components.test.ts).
    const placements = (stdout: string) =>
      stdout
        .split("\n")
        .map((line) => line.replace(/ nginx-[a-z0-9]{5} /, " nginx-* "))
        .sort();
    const actual = await kubesim(home, ["get", "pods", "-A", "-o", "wide"]);
    expect({ ...actual, stdout: placements(actual.stdout) }).toEqual({
      ...expected,
      stdout: placements(expected.stdout),
    });
  }, 25_000);
});
