import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadManifests } from "@kubesim/core";
import { createHttpApiClient } from "@kubesim/http-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { kubesimCommands } from "../commands.js";
import { bufferedIo } from "../io.js";
import { runCli } from "../program.js";
import { runServe } from "../serve/index.js";
import { createCommandEnvironment } from "../state/index.js";
import { controllerManagerSpec, schedulerSpec } from "./component-commands.js";
import { type ComponentSpec, runComponents } from "./run-components.js";

const pinnedNow = "2026-03-01T00:00:00Z";
const manifestPath = join(import.meta.dirname, "../../../../examples/nginx-daemonset/nginx-daemonset.yaml");

let folder = "";

function env(home: string, kubeconfig: string): Record<string, string> {
  return { KUBESIM_HOME: home, KUBESIM_NOW: pinnedNow, KUBECONFIG: kubeconfig };
}

async function kubesim(
  home: string,
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = bufferedIo();
  const code = await runCli(
    ["node", "kubesim", ...args],
    io,
    env(home, join(folder, "unused")),
    folder,
    kubesimCommands,
  );
  return { code, stdout: io.output.stdout, stderr: io.output.stderr };
}

/** Starts a long-running command function and resolves once `ready` matches its stdout. */
async function start(
  run: (stop: AbortSignal, io: ReturnType<typeof bufferedIo>) => Promise<number>,
  ready: RegExp,
): Promise<{ match: RegExpExecArray; output: { stdout: string; stderr: string }; stop(): Promise<number> }> {
  const io = bufferedIo();
  const controller = new AbortController();
  const finished = run(controller.signal, io);
  for (let attempt = 0; attempt < 3000; attempt++) {
    const match = ready.exec(io.output.stdout);
    if (match !== null) {
      return {
        match,
        output: io.output,
        stop: () => {
          controller.abort();
          return finished;
        },
      };
    }
    const early = await Promise.race([
      finished,
      new Promise((resolve) => setTimeout(resolve, 10, "waiting")),
    ]);
    if (early !== "waiting") throw new Error(`ended early: ${io.output.stderr}`);
  }
  throw new Error(`never printed ${ready}`);
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "kubesim-components-"));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("kubesim scheduler and kubesim controller-manager", () => {
  it("place the seed DaemonSet over HTTP on the nodes the in-process cluster picks", async () => {
    // The in-process reference: the same cluster, the same manifest, the same instant.
    const reference = join(folder, "reference");
    expect((await kubesim(reference, ["cluster", "create", "demo", "--nodes", "3"])).code).toBe(0);
    expect(await kubesim(reference, ["create", "-f", manifestPath])).toEqual({
      code: 0,
      stdout: "daemonset.apps/nginx created\n",
      stderr: "",
    });
    const expected = await kubesim(reference, ["get", "pods", "-o", "wide"]);
    expect(expected.stdout.split("\n").filter((line) => line.startsWith("nginx-"))).toHaveLength(3);

    const served = join(folder, "served");
    const kubeconfig = join(folder, "kubeconfig");
    expect((await kubesim(served, ["cluster", "create", "demo", "--nodes", "3"])).code).toBe(0);
    const environment = (io: ReturnType<typeof bufferedIo>) =>
      createCommandEnvironment({ io, env: env(served, kubeconfig), cwd: folder });
    const server = await start(
      (stop, io) =>
        runServe(environment(io), "demo", { port: "0", scheduler: false, controllers: false }, { stop }),
      /^Serving cluster "demo" at (\S+)$/m,
    );
    const component = (spec: ComponentSpec) =>
      start(
        (stop, io) => runComponents(environment(io), { kubeconfig, context: "kubesim-demo" }, stop, spec),
        / running against (\S+) \(seed 1\)$/m,
      );
    const scheduler = await component(schedulerSpec());
    const controllers = await component(controllerManagerSpec("scheduler"));
    const url = server.match[1] ?? "";
    expect(scheduler.match[1]).toBe(url);
    expect(controllers.output.stdout).toBe(`kube-controller-manager running against ${url} (seed 1)\n`);

    const client = createHttpApiClient({ server: url });
    try {
      const [daemonSet] = loadManifests(readFileSync(manifestPath, "utf8"));
      await client.create(daemonSet as object as import("@kubesim/core").KubeObject);
      let bound = 0;
      // Generous: under a loaded machine the three processes' work can take seconds.
      for (let attempt = 0; attempt < 1500 && bound < 3; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const pods = await client.list("Pod", { namespace: "default", labelSelector: "app=nginx" });
        bound = pods.items.filter((pod) => pod.spec?.nodeName !== undefined).length;
      }
      expect(bound).toBe(3);
    } finally {
      client.close();
    }
    expect(await scheduler.stop()).toBe(0);
    expect(await controllers.stop()).toBe(0);
    expect(scheduler.output.stdout).toBe(
      `kube-scheduler running against ${url} (seed 1)\nkube-scheduler stopped\n`,
    );
    expect(await server.stop()).toBe(0);
    // The same placements, statuses and addresses. Generated names may differ: out of
    // process, the controller's pod creates and its Events reach the store from separate
    // HTTP requests whose interleaving is not the in-process one, and each create draws
    // from the store's seeded generator (upstream makes no promise here either).
    const placements = (stdout: string) =>
      stdout
        .split("\n")
        .map((line) => line.replace(/^nginx-[a-z0-9]{5}/, "nginx-*"))
        .sort();
    const actual = await kubesim(served, ["get", "pods", "-o", "wide"]);
    expect({ ...actual, stdout: placements(actual.stdout) }).toEqual({
      ...expected,
      stdout: placements(expected.stdout),
    });
  }, 60_000);

  it("fails with client-go's words when the kubeconfig names no such context", async () => {
    const io = bufferedIo();
    const environment = createCommandEnvironment({ io, env: env(folder, join(folder, "none")), cwd: folder });
    const kubeconfig = join(folder, "config");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      kubeconfig,
      "apiVersion: v1\nkind: Config\nclusters: []\ncontexts:\n- name: a\n  context: {cluster: a}\n",
    );
    await expect(
      runComponents(
        environment,
        { kubeconfig, context: "missing" },
        new AbortController().signal,
        schedulerSpec(),
      ),
    ).rejects.toThrow("context was not found for specified context: missing");
  });
});
