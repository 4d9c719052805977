/**
 * Test fixtures: the built `kubesim` binary (packages/cli/dist/main.js, which `pnpm test`
 * builds first) in real processes. (Only tests import this file; it is not part of the
 * package's API.)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/** The built binary the processes run. */
export const kubesimMainJs = join(import.meta.dirname, "..", "dist", "main.js");

/** `KUBESIM_NOW` of every process: the clock of the clusters they create stays pinned here. */
export const pinnedNow = "2026-03-01T00:00:00Z";

/** How a `kubesim` process ended. */
export interface FinishedKubesim {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A running `kubesim` process. */
export interface RunningKubesim {
  readonly child: ChildProcess;
  /** Resolves once the process has ended and its output is closed. */
  readonly finished: Promise<FinishedKubesim>;
  /** Resolves with the first match of `pattern` in stdout; rejects if the process ends first. */
  waitForStdout(pattern: RegExp): Promise<RegExpExecArray>;
  /** Resolves once stderr contains `text`; rejects if the process ends first. */
  waitForStderr(text: string): Promise<void>;
}

/**
 * Throws unless the binary is built (for a `beforeAll`, so a missing build fails with how to build it).
 *
 * @throws Error naming the missing file and the build command.
 */
export function assertKubesimBuilt(): void {
  if (!existsSync(kubesimMainJs)) {
    throw new Error(
      `${kubesimMainJs} is missing: build it with "pnpm --filter @kubesim/cli build" (pnpm test builds every package first)`,
    );
  }
}

/** A waiter for output: `test` gives a value once the output so far satisfies it. */
interface OutputWaiter {
  readonly test: (output: string) => unknown;
  readonly resolve: (value: unknown) => void;
}

/**
 * Starts `kubesim ARGS` with `KUBESIM_HOME=home`, `KUBESIM_NOW` at {@link pinnedNow} and
 * `extraEnvironment` on top of this process's environment.
 */
export function startKubesim(
  home: string,
  args: readonly string[],
  extraEnvironment: Record<string, string> = {},
): RunningKubesim {
  const child = spawn(process.execPath, [kubesimMainJs, ...args], {
    env: { ...process.env, KUBESIM_HOME: home, KUBESIM_NOW: pinnedNow, ...extraEnvironment },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = { stdout: "", stderr: "" };
  const waiters = { stdout: [] as OutputWaiter[], stderr: [] as OutputWaiter[] };
  for (const stream of ["stdout", "stderr"] as const) {
    child[stream]?.on("data", (chunk: Buffer) => {
      output[stream] += chunk.toString("utf8");
      for (const waiter of [...waiters[stream]]) {
        const value = waiter.test(output[stream]);
        if (value !== undefined) {
          waiters[stream].splice(waiters[stream].indexOf(waiter), 1);
          waiter.resolve(value);
        }
      }
    });
  }
  const finished = new Promise<FinishedKubesim>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, ...output }));
  });
  /** Resolves with `test`'s value once `stream` satisfies it; rejects (saying what was awaited) if the process ends first. */
  function waitFor<Value>(
    stream: "stdout" | "stderr",
    test: (text: string) => Value | undefined,
    awaited: string,
  ): Promise<Value> {
    const value = test(output[stream]);
    if (value !== undefined) return Promise.resolve(value);
    return new Promise((resolve, reject) => {
      waiters[stream].push({ test, resolve: (found) => resolve(found as Value) });
      finished.then(
        (result) => reject(new Error(`process ended before printing ${awaited}: ${result.stderr}`)),
        reject,
      );
    });
  }
  return {
    child,
    finished,
    waitForStdout: (pattern) => waitFor("stdout", (text) => pattern.exec(text) ?? undefined, String(pattern)),
    waitForStderr: (text) =>
      waitFor("stderr", (stderr) => (stderr.includes(text) ? true : undefined), JSON.stringify(text)).then(
        () => undefined,
      ),
  };
}

/** Runs `kubesim ARGS` as {@link startKubesim} does and resolves once it has ended. */
export function runKubesim(
  home: string,
  args: readonly string[],
  extraEnvironment: Record<string, string> = {},
): Promise<FinishedKubesim> {
  return startKubesim(home, args, extraEnvironment).finished;
}

/** A process that exited 0 printing `stdout` and nothing on stderr. */
export function finishedOk(stdout: string): FinishedKubesim {
  return { code: 0, signal: null, stdout, stderr: "" };
}
