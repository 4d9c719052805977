import type { Cluster } from "@kubesim/cluster";
import type { ApiClient, Clock } from "@kubesim/core";
import type { CommandIo } from "../io.js";

/**
 * What a kubectl verb runs against: one loaded cluster, the namespace flags and the I/O.
 * The same verb code runs in-process in tests (over `createCluster`) and in the `kubesim`
 * command (over a cluster loaded from its SQLite file).
 */
export interface KubectlContext {
  /** The cluster's API. */
  readonly client: ApiClient;
  /** The cluster's clock: `now()` is what AGE columns and timestamps are computed against. */
  readonly clock: Clock;
  /** The whole cluster (settle, advance, explain, nodes). */
  readonly cluster: Cluster;
  /** `-n/--namespace`, else `default`. */
  readonly namespace: string;
  /** True when `-n/--namespace` was given explicitly (kubectl's "enforce namespace" checks). */
  readonly namespaceExplicit: boolean;
  /** Where output goes and `-f -` reads from. */
  readonly io: CommandIo;
  /** The directory relative file paths are read from. */
  readonly cwd: string;
}

/**
 * The exit status of a verb: 0 success, 1 an error was printed (kubectl's `error:` /
 * `Error from server` lines exit 1).
 */
export type ExitCode = number;
