import type { Cluster } from "@kubesim/cluster";
import { type BufferedIo, bufferedIo } from "../io.js";
import type { KubectlContext } from "./kubectl-context.js";

/** Optional parts of {@link testContext}. */
export interface TestContextOptions {
  /** `-n/--namespace`; when set, the context counts it as given explicitly. Default `default`. */
  readonly namespace?: string;
  /** Where output goes; default a fresh {@link bufferedIo}. */
  readonly io?: BufferedIo;
  /** The directory relative `-f` paths are read from; default `process.cwd()`. */
  readonly cwd?: string;
}

/** A {@link KubectlContext} over an in-process cluster, with buffered output, for tests. */
export interface TestContext extends KubectlContext {
  /** The buffered I/O: `io.output.stdout` / `io.output.stderr` hold what the verb printed. */
  readonly io: BufferedIo;
}

/**
 * Builds the context a verb runs against from a cluster made by `createCluster`, as the
 * `kubesim` command would for one loaded from SQLite: the cluster's client and clock, the
 * namespace (explicit only when passed), buffered I/O and a working directory.
 *
 * @example
 * const cluster = await createCluster({ seed: 1, nodes: 2, startTime: Date.parse("2026-01-01T00:00:00Z") });
 * const context = testContext(cluster);
 * await runSomething(context);
 * context.io.output.stdout; // => what the verb printed
 */
export function testContext(cluster: Cluster, options: TestContextOptions = {}): TestContext {
  return {
    client: cluster.client,
    clock: cluster.clock,
    cluster,
    namespace: options.namespace ?? "default",
    namespaceExplicit: options.namespace !== undefined,
    io: options.io ?? bufferedIo(),
    cwd: options.cwd ?? process.cwd(),
  };
}
