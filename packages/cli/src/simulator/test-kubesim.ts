import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bufferedIo } from "../io.js";
import { type RegisterCommand, runCli } from "../program.js";
import { registerAdvanceCommand } from "./advance.js";
import { registerClusterCommand } from "./cluster-command.js";
import { registerExplainCommand } from "./explain-pod.js";
import { registerNodeCommand } from "./node-command.js";

/** The simulator verbs, registered as the `kubesim` binary registers them. */
export const simulatorCommands: readonly RegisterCommand[] = [
  registerClusterCommand,
  registerNodeCommand,
  registerAdvanceCommand,
  registerExplainCommand,
];

/** What one in-process `kubesim` run printed and returned. */
export interface KubesimResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** An in-process `kubesim` over a temporary `$KUBESIM_HOME`, for tests. */
export interface TestKubesim {
  /** The temporary `$KUBESIM_HOME`. */
  readonly home: string;
  /** Runs `kubesim ...args` with `KUBESIM_NOW` = `now` (default: the helper's start time). */
  run(
    args: readonly string[],
    options?: { readonly now?: string; readonly cwd?: string },
  ): Promise<KubesimResult>;
  /** Deletes the temporary home. */
  cleanup(): void;
}

/**
 * Creates a {@link TestKubesim}: every run sees `KUBESIM_HOME` (a fresh temporary folder) and
 * `KUBESIM_NOW` (pinned, default `2026-03-01T00:00:00Z`), so output is byte-for-byte stable.
 */
export function createTestKubesim(
  now = "2026-03-01T00:00:00Z",
  register: readonly RegisterCommand[] = simulatorCommands,
): TestKubesim {
  const home = mkdtempSync(join(tmpdir(), "kubesim-home-"));
  return {
    home,
    async run(args, options = {}) {
      const io = bufferedIo();
      const env = { KUBESIM_HOME: home, KUBESIM_NOW: options.now ?? now };
      const code = await runCli(
        ["node", "kubesim", ...args],
        io,
        env,
        options.cwd ?? process.cwd(),
        register,
      );
      return { code, stdout: io.output.stdout, stderr: io.output.stderr };
    },
    cleanup() {
      rmSync(home, { recursive: true, force: true });
    },
  };
}
