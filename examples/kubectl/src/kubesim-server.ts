import { type ChildProcess, spawn } from "node:child_process";

/** How {@link KubesimServer.start} runs `kubesim serve`. */
export interface KubesimServerOptions {
  /** The `kubesim` binary (`dist/main.js` of `@kubesim/cli`), run with this Node. */
  readonly binary: string;
  /** The persisted cluster to serve. */
  readonly cluster: string;
  /** The process environment: `KUBESIM_HOME`, `KUBECONFIG`, and `KUBESIM_NOW` to pin the clock. */
  readonly env: NodeJS.ProcessEnv;
  /** The directory the server runs in. */
  readonly cwd: string;
  /** `--pod-startup-latency` (e.g. `100ms`): how long a pod takes to go Running; the CLI's default when absent. */
  readonly podStartupLatency?: string;
  /**
   * `--pod-shutdown-latency` (e.g. `100ms`): how long a deleted pod's containers take to
   * exit after SIGTERM (at most the grace period); the whole grace period when absent.
   */
  readonly podShutdownLatency?: string;
  /** How long to wait for the `Serving cluster … at URL` line; 15 s unless told. */
  readonly startTimeoutMs?: number;
}

/** What `kubesim serve` printed and how it ended, once stopped. */
export interface KubesimServerExit {
  /** The exit code (`kubesim serve` exits 0 after saving the cluster on SIGTERM). */
  readonly exitCode: number | null;
  /** The signal that killed it, when it did not exit by itself. */
  readonly signal: NodeJS.Signals | null;
  /** Standard output and standard error, interleaved as they arrived. */
  readonly output: string;
}

const servingLine = /^Serving cluster "[^"]*" at (http:\/\/127\.0\.0\.1:(\d+))\s*$/m;
/** The banner's last line: the kubectl command to use. */
const kubectlLine = /^.*\bkubectl .*\n/m;

/**
 * `kubesim serve CLUSTER --port 0` as a child process: started, waited on until it prints
 * the address it listens on and the kubectl command to use, and stopped with SIGTERM (it then saves the cluster and exits).
 */
export class KubesimServer {
  /** The server's base URL, `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** The port the server chose. */
  readonly port: number;
  readonly #child: ChildProcess;
  readonly #exit: Promise<KubesimServerExit>;
  readonly #log: { text: string };

  private constructor(
    child: ChildProcess,
    exit: Promise<KubesimServerExit>,
    log: { text: string },
    url: string,
    port: number,
  ) {
    this.#child = child;
    this.#exit = exit;
    this.#log = log;
    this.url = url;
    this.port = port;
  }

  /** Everything the server printed so far (stdout and stderr interleaved). */
  get output(): string {
    return this.#log.text;
  }

  /**
   * Starts `kubesim serve` on a free port of 127.0.0.1 and resolves once it has printed its
   * URL and the kubectl command to use (or a second after the URL).
   *
   * @throws Error holding the server's output when it exits first or stays silent too long.
   */
  static start(options: KubesimServerOptions): Promise<KubesimServer> {
    const args = [options.binary, "serve", options.cluster, "--port", "0"];
    if (options.podStartupLatency !== undefined)
      args.push("--pod-startup-latency", options.podStartupLatency);
    if (options.podShutdownLatency !== undefined)
      args.push("--pod-shutdown-latency", options.podShutdownLatency);
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const log = { text: "" };
    const exit = new Promise<KubesimServerExit>((resolve) => {
      child.on("error", (error) => {
        log.text += `${error.message}\n`;
        resolve({ exitCode: null, signal: null, output: log.text });
      });
      child.on("close", (exitCode, signal) => resolve({ exitCode, signal, output: log.text }));
    });
    return new Promise<KubesimServer>((resolve, reject) => {
      const command = `kubesim ${args.slice(1).join(" ")}`;
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`${command} printed no "Serving cluster … at URL" line in time:\n${log.text}`));
      }, options.startTimeoutMs ?? 15_000);
      let served: { url: string; port: number } | undefined;
      let settle: NodeJS.Timeout | undefined;
      let started = false;
      const ready = () => {
        clearTimeout(timer);
        clearTimeout(settle);
        if (served === undefined || started) return;
        started = true;
        resolve(new KubesimServer(child, exit, log, served.url, served.port));
      };
      const onData = (chunk: Buffer) => {
        log.text += chunk.toString("utf8");
        if (served === undefined) {
          const match = servingLine.exec(log.text);
          if (match?.[1] === undefined || match[2] === undefined) return;
          served = { url: match[1], port: Number(match[2]) };
          // The banner goes on with the kubeconfig context and the kubectl command to try.
          settle = setTimeout(ready, 1_000);
        }
        if (!started && kubectlLine.test(log.text.slice(log.text.indexOf("Serving cluster")))) ready();
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
      void exit.then((ended) => {
        clearTimeout(timer);
        reject(
          new Error(`${command} exited (${ended.exitCode ?? ended.signal}) before serving:\n${ended.output}`),
        );
      });
    });
  }

  /**
   * Sends SIGTERM and resolves when the server has exited (after saving the cluster). A
   * server that has not exited after `timeoutMs` (10 s unless told) is killed.
   */
  async stop(timeoutMs = 10_000): Promise<KubesimServerExit> {
    if (this.#child.exitCode === null && this.#child.signalCode === null) this.#child.kill("SIGTERM");
    const timer = setTimeout(() => this.#child.kill("SIGKILL"), timeoutMs);
    try {
      return await this.#exit;
    } finally {
      clearTimeout(timer);
    }
  }
}
