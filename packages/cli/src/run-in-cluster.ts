import { formatKubectlError, KubesimError } from "@kubesim/core";
import type { Command } from "commander";
import type { RunInCluster } from "./command-runner.js";
import type { CommandIo } from "./io.js";
import type { ExitCode, KubectlContext } from "./kubectl/kubectl-context.js";
import { readServingRecord, servedClusterMessage } from "./serve/index.js";
import {
  type CommandEnvironment,
  openClusterSession,
  readCurrentCluster,
  validateClusterName,
} from "./state/index.js";

/**
 * Runs a command that manages cluster files rather than one loaded cluster (`cluster
 * create|list|delete|use`): prints a thrown error as kubectl prints it and reports the exit code.
 */
export type RunWithoutCluster = (
  action: (environment: CommandEnvironment) => Promise<ExitCode>,
) => Promise<void>;

/** The message when neither `--cluster` nor a current cluster names one. */
export const noCurrentClusterMessage =
  'no current cluster; run "kubesim cluster create" to create one, or "kubesim cluster use NAME" to pick one';

/**
 * Test hook: with `KUBESIM_TEST_PAUSE_BEFORE_COMMIT_MS=<ms>` a command announces
 * `kubesim: paused before commit` on stderr after writing its state and waits that long
 * before committing — long enough for a test to kill it mid-write.
 */
const pauseBeforeCommitVariable = "KUBESIM_TEST_PAUSE_BEFORE_COMMIT_MS";

interface GlobalOptions {
  readonly namespace?: string;
  readonly cluster?: string;
}

/** Output held back until the command's state is committed, replayed in order. */
function createDeferredIo(io: CommandIo): { io: CommandIo; flush(): void } {
  const chunks: { stream: "stdout" | "stderr"; text: string }[] = [];
  return {
    io: {
      stdout: (text) => {
        chunks.push({ stream: "stdout", text });
      },
      stderr: (text) => {
        chunks.push({ stream: "stderr", text });
      },
      readStdin: () => io.readStdin(),
    },
    flush() {
      for (const chunk of chunks.splice(0)) io[chunk.stream](chunk.text);
    },
  };
}

function pauseBeforeCommit(environment: CommandEnvironment): (() => Promise<void>) | undefined {
  const text = environment.env[pauseBeforeCommitVariable];
  if (text === undefined || text === "") return undefined;
  const milliseconds = Number(text);
  if (!Number.isSafeInteger(milliseconds) || milliseconds < 0) {
    throw new KubesimError(
      `invalid ${pauseBeforeCommitVariable} ${JSON.stringify(text)}: expected milliseconds`,
    );
  }
  return async () => {
    environment.io.stderr("kubesim: paused before commit\n");
    await new Promise((resolve) => setTimeout(resolve, milliseconds));
  };
}

/** Which cluster a command runs against: `--cluster`, else the current one. */
export function selectedClusterName(environment: CommandEnvironment, options: GlobalOptions): string {
  const name = options.cluster ?? readCurrentCluster(environment.home);
  if (name === undefined) throw new KubesimError(noCurrentClusterMessage);
  validateClusterName(name);
  return name;
}

async function runLoaded(
  environment: CommandEnvironment,
  command: Command,
  action: (context: KubectlContext) => Promise<ExitCode>,
): Promise<ExitCode> {
  const options = command.optsWithGlobals<GlobalOptions>();
  const name = selectedClusterName(environment, options);
  const beforeCommit = pauseBeforeCommit(environment);
  // A served cluster is locked by `kubesim serve` for its whole run: say so at once.
  const served = readServingRecord(environment.home, name);
  if (served !== undefined) throw new KubesimError(servedClusterMessage(name, served));
  const session = await openClusterSession({ home: environment.home, name, now: environment.now() });
  const deferred = createDeferredIo(environment.io);
  try {
    const context: KubectlContext = {
      client: session.cluster.client,
      clock: session.cluster.clock,
      cluster: session.cluster,
      namespace: options.namespace ?? "default",
      namespaceExplicit: options.namespace !== undefined,
      io: deferred.io,
      cwd: environment.cwd,
    };
    let code: ExitCode;
    try {
      code = await action(context);
    } catch (error) {
      // What the action wrote before failing stays written, as on an API server where each
      // request commits on its own; only the error is added to the output.
      deferred.io.stderr(formatKubectlError(error));
      code = 1;
    }
    await session.save(beforeCommit);
    return code;
  } finally {
    session.close();
    // Output appears once the state it reports is committed (or the command failed).
    deferred.flush();
  }
}

/**
 * Creates the {@link RunInCluster} of a `kubesim` invocation. For each command it: selects
 * the cluster (`--cluster`, else the current one); opens its SQLite database and takes the
 * write lock for the whole command (`BEGIN IMMEDIATE`, waiting for a concurrent command on
 * the same cluster, so no update is lost); restores the cluster and catches its virtual
 * clock up to now (`KUBESIM_NOW` or the wall clock); builds the {@link KubectlContext}
 * (`-n/--namespace`, else `default`); runs the action; settles; saves snapshot, time and
 * kubelet settings and commits. The action's output is written after the commit. A thrown
 * error prints as kubectl prints it (`formatKubectlError`) with exit code 1; a process killed
 * at any point leaves the last committed state.
 *
 * @param onExitCode - receives the command's exit code (the `kubesim` binary sets `process.exitCode`).
 */
export function createRunInCluster(
  environment: CommandEnvironment,
  onExitCode: (code: ExitCode) => void,
): RunInCluster {
  return async (command, action) => {
    let code: ExitCode;
    try {
      code = await runLoaded(environment, command, action);
    } catch (error) {
      environment.io.stderr(formatKubectlError(error));
      code = 1;
    }
    onExitCode(code);
  };
}

/** Creates the {@link RunWithoutCluster} of a `kubesim` invocation. */
export function createRunWithoutCluster(
  environment: CommandEnvironment,
  onExitCode: (code: ExitCode) => void,
): RunWithoutCluster {
  return async (action) => {
    let code: ExitCode;
    try {
      code = await action(environment);
    } catch (error) {
      environment.io.stderr(formatKubectlError(error));
      code = 1;
    }
    onExitCode(code);
  };
}
