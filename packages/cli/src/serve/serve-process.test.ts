/*
 * `kubesim serve`, `kubesim scheduler` and `kubesim controller-manager` as real processes,
 * stopped with real signals. These run packages/cli/dist/main.js, which `pnpm test` builds
 * first (its lint step runs `turbo run build`).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadManifests } from "@kubesim/core";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  assertKubesimBuilt,
  type FinishedKubesim,
  finishedOk,
  pinnedNow,
  type RunningKubesim,
  runKubesim,
  startKubesim as startKubesimProcess,
} from "../test-kubesim-process.js";

const manifestPath = join(import.meta.dirname, "../../../../examples/nginx-daemonset/nginx-daemonset.yaml");

let folder = "";

/** The environment of the test's processes: the test folder's kubeconfig. */
function folderEnvironment(): Record<string, string> {
  return { KUBECONFIG: join(folder, "kube", "config") };
}

/** Starts `kubesim ARGS` with the test folder's kubeconfig. */
function startKubesim(home: string, args: readonly string[]): RunningKubesim {
  return startKubesimProcess(home, args, folderEnvironment());
}

/** Runs `kubesim ARGS` with the test folder's kubeconfig. */
function kubesim(home: string, args: readonly string[]): Promise<FinishedKubesim> {
  return runKubesim(home, args, folderEnvironment());
}

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
  beforeAll(assertKubesimBuilt);

  let home = "";
  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), "kubesim-serve-process-"));
    home = join(folder, "home");
    expect(await kubesim(home, ["cluster", "create", "demo"])).toEqual(finishedOk("cluster/demo created\n"));
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
        finishedOk(
          `Serving cluster "demo" at ${url}\nWrote context "kubesim-demo" to ${join(folder, "kube", "config")} (now the current context)\nTry: kubectl --context kubesim-demo get ds\nSaved cluster "demo" at ${pinnedNow}; stopped serving\n`,
        ),
      );
      expect(await kubesim(home, ["get", "namespace", "made-over-http"])).toEqual(
        finishedOk("NAME             STATUS   AGE\nmade-over-http   Active   0s\n"),
      );
    },
    20_000,
  );

  it("with --no-scheduler --no-controllers, kubesim scheduler and controller-manager processes place the seed DaemonSet as the in-process cluster does", async () => {
    const reference = join(folder, "reference");
    expect(await kubesim(reference, ["cluster", "create", "demo"])).toEqual(
      finishedOk("cluster/demo created\n"),
    );
    expect(await kubesim(reference, ["create", "-f", manifestPath])).toEqual(
      finishedOk("daemonset.apps/nginx created\n"),
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
      finishedOk(`kube-scheduler running against ${url} (seed 1)\nkube-scheduler stopped\n`),
    );
    expect(controllersResult).toEqual(
      finishedOk(
        `kube-controller-manager running against ${url} (seed 1)\nkube-controller-manager stopped\n`,
      ),
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
