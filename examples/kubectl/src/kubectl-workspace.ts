import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { kubesimBinaryPath } from "@kubesim/example-transcript-kit";
import { kubectlBinaryPath } from "./kubectl-binary.js";
import { KubectlWatch } from "./kubectl-watch.js";
import { KubesimServer } from "./kubesim-server.js";

/** How a command of a {@link KubectlWorkspace} ended. */
export interface CommandResult {
  /** The exit code (kubectl: 0 ok, 1 error). */
  readonly exitCode: number;
  /** Everything written to standard output. */
  readonly stdout: string;
  /** Everything written to standard error. */
  readonly stderr: string;
}

/** Options of one command run in a {@link KubectlWorkspace}. */
export interface RunOptions {
  /** Written to the command's standard input (then closed). */
  readonly stdin?: string;
  /** The command is killed after this long; 30 s unless told. */
  readonly timeoutMs?: number;
  /** `KUBESIM_NOW` for a `kubesim` command: pins its clock. */
  readonly now?: string;
}

/** Options of {@link KubectlWorkspace.serve}. */
export interface ServeOptions {
  /** `KUBESIM_NOW`: the served cluster's clock stays pinned at this instant. */
  readonly now?: string;
  /** `--pod-startup-latency` (e.g. `100ms`). */
  readonly podStartupLatency?: string;
  /** `--pod-shutdown-latency` (e.g. `100ms`). */
  readonly podShutdownLatency?: string;
}

/**
 * A private place to run the real `kubectl` against `kubesim serve`: a temporary folder
 * holding `KUBESIM_HOME`, the `KUBECONFIG` file `kubesim serve` writes its context into,
 * a `HOME` (so `~/.kube` is never touched) and the manifests the commands read. Every
 * kubectl run gets a fresh `--cache-dir`, so discovery is never served from a stale cache.
 */
export class KubectlWorkspace {
  /** The folder commands run in; {@link writeFile} puts manifests here. */
  readonly directory: string;
  /** `$KUBECONFIG`: `kubesim serve` writes the `kubesim-<cluster>` context into it. */
  readonly kubeconfig: string;
  /** `$KUBESIM_HOME`: the persisted clusters. */
  readonly home: string;
  readonly #kubectl: string;
  readonly #kubesim: string;
  readonly #servers = new Set<KubesimServer>();
  readonly #watches = new Set<KubectlWatch>();

  private constructor() {
    this.#kubectl = kubectlBinaryPath();
    this.#kubesim = kubesimBinaryPath();
    this.directory = mkdtempSync(join(tmpdir(), "kubesim-kubectl-"));
    this.home = join(this.directory, ".kubesim");
    this.kubeconfig = join(this.directory, ".kube", "config");
    mkdirSync(join(this.directory, ".kube"), { recursive: true });
    mkdirSync(join(this.directory, ".cache"), { recursive: true });
  }

  /**
   * Creates the temporary folder.
   *
   * @throws Error when kubectl is not on `PATH` or the `kubesim` binary is not built.
   */
  static create(): KubectlWorkspace {
    return new KubectlWorkspace();
  }

  /** The environment of every command: the workspace's `HOME`, `KUBESIM_HOME`, `KUBECONFIG`; `TZ=UTC`. */
  environment(now?: string): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: this.directory,
      KUBESIM_HOME: this.home,
      KUBECONFIG: this.kubeconfig,
      TZ: "UTC",
    };
    delete env.KUBECACHEDIR;
    delete env.KUBESIM_NOW;
    if (now !== undefined) env.KUBESIM_NOW = now;
    return env;
  }

  /** Writes a file (a manifest) into the workspace folder and returns its name. */
  writeFile(name: string, text: string): string {
    writeFileSync(join(this.directory, name), text);
    return name;
  }

  /** Runs `kubesim ARGS` (the workspace's `KUBESIM_HOME`; `now` pins `KUBESIM_NOW`). */
  kubesim(args: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
    return this.#run(process.execPath, [this.#kubesim, ...args], this.environment(options.now), options);
  }

  /** Runs the real `kubectl ARGS` with a fresh `--cache-dir` and the workspace's `KUBECONFIG`. */
  kubectl(args: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
    return this.#run(this.#kubectl, this.#kubectlArgs(args), this.environment(), options);
  }

  /** Starts `kubectl ARGS` in the background (`get -w`), to be read and stopped later. */
  watchKubectl(args: readonly string[]): KubectlWatch {
    const watch = KubectlWatch.start(this.#kubectl, this.#kubectlArgs(args), {
      cwd: this.directory,
      env: this.environment(),
    });
    this.#watches.add(watch);
    return watch;
  }

  /** Starts `kubesim serve CLUSTER --port 0` and resolves once it serves. */
  async serve(cluster: string, options: ServeOptions = {}): Promise<KubesimServer> {
    const server = await KubesimServer.start({
      binary: this.#kubesim,
      cluster,
      cwd: this.directory,
      env: this.environment(options.now),
      ...(options.podStartupLatency === undefined ? {} : { podStartupLatency: options.podStartupLatency }),
      ...(options.podShutdownLatency === undefined ? {} : { podShutdownLatency: options.podShutdownLatency }),
    });
    this.#servers.add(server);
    return server;
  }

  /** Stops what is still running (watches, servers) and removes the folder. */
  async close(): Promise<void> {
    for (const watch of this.#watches) await watch.stop();
    for (const server of this.#servers) await server.stop();
    rmSync(this.directory, { recursive: true, force: true });
  }

  #kubectlArgs(args: readonly string[]): string[] {
    const cacheDirectory = mkdtempSync(join(this.directory, ".cache", "run-"));
    return [`--cache-dir=${cacheDirectory}`, ...args];
  }

  #run(
    command: string,
    args: readonly string[],
    env: NodeJS.ProcessEnv,
    options: RunOptions,
  ): Promise<CommandResult> {
    return new Promise<CommandResult>((resolve, reject) => {
      const child = spawn(command, args, { cwd: this.directory, env, stdio: ["pipe", "pipe", "pipe"] });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
      const timeoutMs = options.timeoutMs ?? 30_000;
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      child.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        const result = {
          stdout: Buffer.concat(stdout).toString("utf8"),
          stderr: Buffer.concat(stderr).toString("utf8"),
        };
        if (code === null) {
          const line = [command, ...args].join(" ");
          reject(
            new Error(
              `${line} was killed by ${signal} (after ${timeoutMs} ms?):\n${result.stdout}${result.stderr}`,
            ),
          );
        } else resolve({ exitCode: code, ...result });
      });
      child.stdin.end(options.stdin ?? "");
    });
  }
}
