/**
 * Test fixtures: runs the real kubectl (v1.32) against a test server on 127.0.0.1.
 * (Only tests import this file; it is not part of the package's API.)
 */
import { type ChildProcessWithoutNullStreams, execFile, spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The real kubectl binary (the v1.32 dispatcher). */
export const kubectlPath = "/usr/bin/kubectl";

/** How one kubectl run ended. */
export interface KubectlResult {
  /** The exit code; -1 when kubectl did not exit by itself (killed after the timeout, or not started). */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A private temporary folder for kubectl runs: it is kubectl's `HOME` (so `~/.kube` is
 * never touched) and working folder, holds the manifests tests write and a fresh
 * `--cache-dir` per run (discovery is never served from a stale cache).
 */
export class KubectlSandbox {
  /** The folder; manifests written with {@link writeManifest} live here. */
  readonly directory: string;

  private constructor(directory: string) {
    this.directory = directory;
  }

  /** Creates the temporary folder (named after `prefix`) and its `home` subfolder. */
  static async create(prefix = "kubesim-kubectl-"): Promise<KubectlSandbox> {
    const directory = await mkdtemp(join(tmpdir(), prefix));
    await mkdir(join(directory, "home"));
    return new KubectlSandbox(directory);
  }

  /** Writes `text` (objects as JSON) to a file of the folder and returns the file's full path. */
  async writeManifest(name: string, text: string | object): Promise<string> {
    const file = join(this.directory, name);
    await writeFile(file, typeof text === "string" ? text : JSON.stringify(text));
    return file;
  }

  /**
   * Runs `kubectl --server=BASE --cache-dir=FRESH ARGS` in the folder with no kubeconfig
   * (`KUBECONFIG=/dev/null`) and only `PATH`, `HOME` and `KUBECONFIG` in its environment;
   * it is killed after 30 s.
   */
  async run(base: string, args: readonly string[]): Promise<KubectlResult> {
    const cacheDirectory = await mkdtemp(join(this.directory, "cache-"));
    return new Promise((resolve) => {
      execFile(
        kubectlPath,
        [`--server=${base}`, `--cache-dir=${cacheDirectory}`, ...args],
        { cwd: this.directory, env: this.#environment(), timeout: 30_000 },
        (error, stdout, stderr) => {
          const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
          resolve({ code, stdout, stderr });
        },
      );
    });
  }

  /** Starts `kubectl --server=BASE --cache-dir=FRESH ARGS` in the background (`get -w`); the caller kills it. */
  async start(base: string, args: readonly string[]): Promise<ChildProcessWithoutNullStreams> {
    const cacheDirectory = await mkdtemp(join(this.directory, "cache-"));
    return spawn(kubectlPath, [`--server=${base}`, `--cache-dir=${cacheDirectory}`, ...args], {
      cwd: this.directory,
      env: this.#environment(),
    });
  }

  /** Removes the folder. */
  async remove(): Promise<void> {
    await rm(this.directory, { recursive: true, force: true });
  }

  #environment(): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      KUBECONFIG: "/dev/null",
      HOME: join(this.directory, "home"),
    };
  }
}
