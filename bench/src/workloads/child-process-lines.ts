import { type ChildProcess, spawn } from "node:child_process";

/** A spawned process whose stdout is read line by line and whose stderr is kept for errors. */
export interface WatchedProcess {
  readonly child: ChildProcess;
  /** Resolves with the first match of `pattern` in a stdout line; rejects if the process exits first or after `timeoutMs`. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Sends SIGTERM and resolves with the exit code once it has exited (SIGKILL after `timeoutMs`). */
  stop(timeoutMs: number): Promise<number | null>;
  /** What the process wrote to stdout and stderr so far, for error messages. */
  output(): string;
}

/** Spawns `node <args>` with `env`, reading its stdout lines. */
export function spawnWatched(args: readonly string[], env: NodeJS.ProcessEnv): WatchedProcess {
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let exited = child.exitCode !== null;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    notify();
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exit = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => {
      exited = true;
      notify();
      resolve(code);
    });
    child.once("error", () => {
      exited = true;
      notify();
      resolve(null);
    });
  });
  const output = () => `stdout:\n${stdout}\nstderr:\n${stderr}`;
  return {
    child,
    output,
    waitForLine(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          for (const line of stdout.split("\n")) {
            const match = line.match(pattern);
            if (match !== null) {
              finish();
              resolve(match);
              return;
            }
          }
          if (exited) {
            finish();
            reject(new Error(`the process exited before printing ${String(pattern)}\n${output()}`));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`no line matching ${String(pattern)} after ${timeoutMs} ms\n${output()}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    async stop(timeoutMs) {
      if (exited) return child.exitCode;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      try {
        return await exit;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
