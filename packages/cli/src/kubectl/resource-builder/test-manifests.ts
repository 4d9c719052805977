import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type Cluster, createCluster } from "@kubesim/cluster";
import type { ApiClient } from "@kubesim/core";
import { Command } from "commander";
import type { RunInCluster } from "../../command-runner.js";
import { bufferedIo } from "../../io.js";
import { testContext } from "../test-context.js";

/** The start of the pinned clock every golden test uses. */
export const testStartTime = Date.parse("2026-01-01T00:00:00Z");

/** A settled kubeadm-style cluster with two workers and the pinned clock (test helper). */
export function createTestCluster(): Promise<Cluster> {
  return createCluster({ seed: 1, nodes: 2, startTime: testStartTime });
}

/** The nginx DaemonSet of the kubectl transcripts, with the given image and name. */
export function nginxDaemonSetYaml(image = "nginx:1.25", name = "nginx"): string {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ${name}
  labels:
    app: nginx
spec:
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
`;
}

/**
 * Writes `files` (relative path → text) into a fresh temporary directory and returns it,
 * to run verbs with that directory as their working directory (test helper).
 */
export async function writeManifests(files: Readonly<Record<string, string>>): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "kubesim-cli-"));
  for (const [path, text] of Object.entries(files)) {
    const target = join(directory, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  return directory;
}

/**
 * An ApiClient that answers `overrides` itself and passes every other call to `base`, to
 * inject server behaviour the store does not produce (test helper).
 */
export function clientWithOverrides(base: ApiClient, overrides: Partial<ApiClient>): ApiClient {
  return new Proxy(base, {
    get(target, property) {
      if (typeof property === "string" && Object.hasOwn(overrides, property)) {
        return overrides[property as keyof ApiClient];
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** A commander program wired to a test cluster, to check a verb's flag parsing (test helper). */
export interface CommandHarness {
  /** The program to register commands on. */
  readonly program: Command;
  /** The runner given to `register…Command`: runs the action against the cluster with buffered I/O. */
  readonly run: RunInCluster;
  /** Parses a command line (without the program name) and returns what the verb printed and its exit code. */
  execute(args: readonly string[]): Promise<{ exitCode: number | undefined; stdout: string; stderr: string }>;
}

/** Builds a {@link CommandHarness} over `cluster`, with files read from `cwd` (test helper). */
export function commandHarness(cluster: Cluster, cwd?: string): CommandHarness {
  const program = new Command("kubesim").exitOverride().option("-n, --namespace <namespace>");
  let io = bufferedIo();
  let exitCode: number | undefined;
  const run: RunInCluster = async (command, action) => {
    const namespace = command.optsWithGlobals<{ namespace?: string }>().namespace;
    exitCode = await action(
      testContext(cluster, {
        io,
        ...(cwd === undefined ? {} : { cwd }),
        ...(namespace === undefined ? {} : { namespace }),
      }),
    );
  };
  return {
    program,
    run,
    async execute(args) {
      io = bufferedIo();
      exitCode = undefined;
      await program.parseAsync([...args], { from: "user" });
      return { exitCode, ...io.output };
    },
  };
}
