import type { CommandIo } from "../io.js";
import { resolveKubesimHome } from "./kubesim-home.js";
import { resolveNow } from "./wall-clock.js";

/** What every kubesim command runs with: I/O, environment variables, folders and wall time. */
export interface CommandEnvironment {
  /** Where output goes and `-f -` reads from. */
  readonly io: CommandIo;
  /** The process environment (`KUBESIM_HOME`, `KUBESIM_NOW`, …). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The directory relative paths are read from. */
  readonly cwd: string;
  /** `$KUBESIM_HOME`, else `~/.kubesim`. */
  readonly home: string;
  /**
   * Wall-clock now in epoch milliseconds (`KUBESIM_NOW` pins it).
   *
   * @throws KubesimError when `KUBESIM_NOW` is malformed.
   */
  now(): number;
}

/** Builds the {@link CommandEnvironment} of one `kubesim` invocation. */
export function createCommandEnvironment(options: {
  readonly io: CommandIo;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}): CommandEnvironment {
  const { io, env, cwd } = options;
  return { io, env, cwd, home: resolveKubesimHome(env, cwd), now: () => resolveNow(env) };
}
