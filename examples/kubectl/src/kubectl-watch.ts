import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";

/** What a {@link KubectlWatch} printed once stopped. */
export interface KubectlWatchOutput {
  /** Standard output: the initial table, then one row per event. */
  readonly stdout: string;
  /** Standard error. */
  readonly stderr: string;
}

/**
 * A long-running kubectl (`get -w`) in the background: its output can be awaited line by
 * line while the test changes the cluster, then it is stopped with SIGTERM (as a user
 * presses Ctrl-C; `get -w` never ends by itself while the server keeps the watch open).
 */
export class KubectlWatch {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #closed: Promise<void>;
  #stdout = "";
  #stderr = "";
  #listeners = new Set<() => void>();

  private constructor(child: ChildProcessWithoutNullStreams) {
    this.#child = child;
    const notify = () => {
      for (const listener of this.#listeners) listener();
    };
    child.stdout.on("data", (chunk: Buffer) => {
      this.#stdout += chunk.toString("utf8");
      notify();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      this.#stderr += chunk.toString("utf8");
      notify();
    });
    this.#closed = new Promise<void>((resolve) => {
      child.on("close", () => {
        resolve();
        notify();
      });
      child.on("error", () => resolve());
    });
  }

  /** Spawns `command ARGS`; see {@link KubectlWorkspace.watchKubectl}. */
  static start(
    command: string,
    args: readonly string[],
    options: { cwd: string; env: NodeJS.ProcessEnv },
  ): KubectlWatch {
    return new KubectlWatch(spawn(command, args, { ...options, stdio: "pipe" }));
  }

  /** Standard output so far. */
  get stdout(): string {
    return this.#stdout;
  }

  /**
   * Resolves with standard output once it holds at least `count` complete lines.
   *
   * @throws Error with the output so far after `timeoutMs` (10 s unless told), or when kubectl exits first.
   */
  waitForLines(count: number, timeoutMs = 10_000): Promise<string> {
    return this.waitForOutput(
      (stdout) => stdout.split("\n").length - 1 >= count,
      `${count} lines`,
      timeoutMs,
    );
  }

  /**
   * Resolves with standard output once `isComplete(stdout)` holds.
   *
   * @throws Error naming `what` with the output so far after `timeoutMs` (10 s unless told), or when kubectl exits first.
   */
  waitForOutput(isComplete: (stdout: string) => boolean, what: string, timeoutMs = 10_000): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const check = () => {
        if (isComplete(this.#stdout)) {
          finish();
          resolve(this.#stdout);
        } else if (this.#child.exitCode !== null || this.#child.signalCode !== null) {
          finish();
          reject(new Error(`kubectl exited before printing ${what}:\n${this.#stdout}${this.#stderr}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(
          new Error(`kubectl did not print ${what} in ${timeoutMs} ms:\n${this.#stdout}${this.#stderr}`),
        );
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.#listeners.delete(check);
      };
      this.#listeners.add(check);
      check();
    });
  }

  /** Stops kubectl (SIGTERM) and returns everything it printed. */
  async stop(): Promise<KubectlWatchOutput> {
    if (this.#child.exitCode === null && this.#child.signalCode === null) this.#child.kill("SIGTERM");
    await this.#closed;
    return { stdout: this.#stdout, stderr: this.#stderr };
  }
}
