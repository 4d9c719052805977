import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, expect } from "vitest";
import {
  type CommandResult,
  KubectlWorkspace,
  type RunOptions,
  type ServeOptions,
} from "./kubectl-workspace.js";
import type { KubesimServer, KubesimServerExit } from "./kubesim-server.js";
import { waitForDaemonSetRollout } from "./wait-for-daemonset.js";

/** The manifests the tests use, copied into every workspace under their transcript names. */
const fixturesUrl = new URL("./__fixtures__/", import.meta.url);
const nginxManifestUrl = new URL("../nginx-daemonset.yaml", import.meta.url);

/**
 * `--pod-startup-latency` of the served clusters: pods go Running this long after they are
 * bound (the CLI's default is 2 s of real time).
 */
const defaultPodStartupLatency = "100ms";

/**
 * `--pod-shutdown-latency` of the served clusters: a deleted pod's containers exit this
 * long after SIGTERM, as nginx does at once, where the kubelet would otherwise keep the
 * pod for its whole grace period (30 s of real time for the tutorial's manifest). Rollouts,
 * drains and deletes of ds.yaml then finish in well under a second.
 */
const defaultPodShutdownLatency = "100ms";

/** One kubectl command of a test table and what it must print. */
export interface KubectlCase {
  /** A sentence: what the command shows. */
  readonly name: string;
  /** kubectl's arguments. */
  readonly args: readonly string[];
  /** The expected exit code. */
  readonly exitCode: number;
  /** The expected standard output (before normalisation). */
  readonly stdout: string;
  /** The expected standard error (before normalisation). */
  readonly stderr: string;
}

/** Options of {@link ServedCluster.open}. */
export interface ServedClusterOptions {
  /** `--pod-startup-latency`; 100ms unless told. */
  readonly podStartupLatency?: string;
  /** `--pod-shutdown-latency`; 100ms unless told. */
  readonly podShutdownLatency?: string;
  /** `KUBESIM_NOW` for `cluster create` and `serve`: the cluster's clock stays pinned. */
  readonly now?: string;
  /** Creates the cluster without serving it yet ({@link ServedCluster.start} serves it). */
  readonly stopped?: boolean;
}

/**
 * Test support: `kubesim cluster create demo` (a tainted control plane, two workers, the
 * kube-system DaemonSets) in a fresh {@link KubectlWorkspace}, served by `kubesim serve`,
 * with the transcripts' manifests (`ds.yaml` = nginx-daemonset.yaml, `ds-v2.yaml`, …) in
 * the folder kubectl runs in.
 */
export class ServedCluster {
  readonly workspace: KubectlWorkspace;
  #server: KubesimServer | undefined;

  private constructor(workspace: KubectlWorkspace) {
    this.workspace = workspace;
  }

  /**
   * The running server.
   *
   * @throws Error when the cluster is not being served.
   */
  get server(): KubesimServer {
    if (this.#server === undefined) throw new Error("the cluster is not being served: call start() first");
    return this.#server;
  }

  /** Creates and fills the cluster, and serves it unless `stopped`. */
  static async open(options: ServedClusterOptions = {}): Promise<ServedCluster> {
    const workspace = KubectlWorkspace.create();
    const cluster = new ServedCluster(workspace);
    try {
      workspace.writeFile("ds.yaml", readFileSync(nginxManifestUrl, "utf8"));
      for (const name of readdirSync(fixturesUrl).filter((file) => file.endsWith(".yaml"))) {
        workspace.writeFile(name, readFileSync(new URL(name, fixturesUrl), "utf8"));
      }
      const now = options.now === undefined ? {} : { now: options.now };
      const created = await workspace.kubesim(["cluster", "create", "demo"], now);
      if (created.exitCode !== 0) throw new Error(`kubesim cluster create demo failed:\n${created.stderr}`);
      if (options.stopped !== true) {
        await cluster.start({
          ...now,
          podStartupLatency: options.podStartupLatency ?? defaultPodStartupLatency,
          podShutdownLatency: options.podShutdownLatency ?? defaultPodShutdownLatency,
        });
      }
      return cluster;
    } catch (error) {
      await workspace.close();
      throw error;
    }
  }

  /** Serves the cluster (`kubesim serve demo --port 0`). */
  async start(options: ServeOptions = {}): Promise<KubesimServer> {
    this.#server = await this.workspace.serve("demo", {
      podStartupLatency: defaultPodStartupLatency,
      podShutdownLatency: defaultPodShutdownLatency,
      ...options,
    });
    return this.#server;
  }

  /** Runs kubectl against the served cluster. */
  kubectl(args: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
    return this.workspace.kubectl(args, options);
  }

  /**
   * Runs kubectl and fails the test (with its output) unless it exits 0.
   *
   * @returns its standard output.
   */
  async kubectlOk(args: readonly string[], options: RunOptions = {}): Promise<string> {
    const result = await this.workspace.kubectl(args, options);
    if (result.exitCode !== 0) {
      throw new Error(
        `kubectl ${args.join(" ")} exited with ${result.exitCode}:\n${result.stdout}${result.stderr}`,
      );
    }
    return result.stdout;
  }

  /** Waits until the DaemonSet is rolled out (every desired pod updated, ready, available). */
  async waitForRollout(name: string, namespace = "default"): Promise<void> {
    await waitForDaemonSetRollout(this.server.url, namespace, name);
  }

  /** Stops the server (SIGTERM: it saves the cluster) and returns how it ended. */
  async stop(): Promise<KubesimServerExit> {
    const exit = await this.server.stop();
    this.#server = undefined;
    return exit;
  }

  /** Stops everything and removes the workspace. */
  async close(): Promise<void> {
    await this.workspace.close();
  }
}

/**
 * Runs a {@link KubectlCase} and asserts exit code, standard output and standard error,
 * each passed through `normalise` (identity unless told) on both sides.
 */
export async function expectKubectlCase(
  cluster: ServedCluster,
  kubectlCase: KubectlCase,
  normalise: (text: string) => string = (text) => text,
): Promise<void> {
  const result = await cluster.kubectl(kubectlCase.args);
  expect({
    exitCode: result.exitCode,
    stdout: normalise(result.stdout),
    stderr: normalise(result.stderr),
  }).toEqual({
    exitCode: kubectlCase.exitCode,
    stdout: normalise(kubectlCase.stdout),
    stderr: normalise(kubectlCase.stderr),
  });
}

/**
 * Registers hooks on the enclosing `describe`: before its tests, opens a {@link ServedCluster}
 * and runs `prepare` on it (30 s for both); after them, closes it.
 *
 * @returns a function that gives the open cluster inside the suite's tests.
 * @throws Error (from the returned function) when called before the cluster is open.
 */
export function useServedCluster(
  prepare?: (cluster: ServedCluster) => Promise<unknown>,
): () => ServedCluster {
  let cluster: ServedCluster | undefined;
  beforeAll(async () => {
    cluster = await ServedCluster.open();
    await prepare?.(cluster);
  }, 30_000);
  afterAll(async () => {
    await cluster?.close();
  });
  return () => {
    if (cluster === undefined) throw new Error("the suite's cluster is not open yet: it opens in beforeAll");
    return cluster;
  };
}

/** Creates the tutorial's nginx DaemonSet (`kubectl create -f ds.yaml`) and waits until it is rolled out. */
export async function createRolledOutNginx(cluster: ServedCluster): Promise<void> {
  await cluster.kubectlOk(["create", "-f", "ds.yaml"]);
  await cluster.waitForRollout("nginx");
}
