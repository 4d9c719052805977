import { isIP } from "node:net";
import { type ApiServer, type ApiServerAddress, createApiServer } from "@kubesim/apiserver";
import { type Cluster, createCluster, parseClusterDuration } from "@kubesim/cluster";
import { KubesimError, VirtualClock } from "@kubesim/core";
import type { ExitCode } from "../kubectl/kubectl-context.js";
import {
  ClusterDatabase,
  type CommandEnvironment,
  clusterDatabasePath,
  formatRfc3339,
  planCatchUp,
} from "../state/index.js";
import { kubeconfigPrecedence, writeKubeconfigEntry } from "./kubeconfig-file.js";
import {
  readServingRecord,
  removeServingRecord,
  servedClusterMessage,
  writeServingRecord,
} from "./serving-record.js";
import { syncedClient } from "./synced-client.js";
import { driveWithWallClock } from "./wall-clock-driver.js";

/** Flags of `kubesim serve`, as commander hands them over. */
export interface ServeFlags {
  readonly port?: string | undefined;
  readonly address?: string | undefined;
  readonly token?: string | undefined;
  /** False with `--no-scheduler`. */
  readonly scheduler?: boolean | undefined;
  /** False with `--no-controllers`. */
  readonly controllers?: boolean | undefined;
  /** `--pod-startup-latency`: how long the kubelets take to start a pod (default 2s). */
  readonly podStartupLatency?: string | undefined;
  /** `--pod-shutdown-latency`: how long a deleted pod's containers take to exit (default: its grace period). */
  readonly podShutdownLatency?: string | undefined;
}

/** How a `kubesim serve` run is stopped and how often it saves. */
export interface ServeControl {
  /** Aborted on SIGINT/SIGTERM: the server stops, saves and returns. */
  readonly stop: AbortSignal;
  /** How often changed state is saved while serving (default {@link defaultSaveIntervalMs}). */
  readonly saveIntervalMs?: number;
}

/** `--port` when not given: 0, a free port picked by the system (printed and written to the kubeconfig). */
export const defaultServePort = 0;
/** `--address` when not given. */
export const defaultServeAddress = "127.0.0.1";
/** While serving, a changed cluster is saved this often, so a kill -9 loses at most this much. */
export const defaultSaveIntervalMs = 10_000;

function parsePort(text: string | undefined): number {
  if (text === undefined) return defaultServePort;
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65_535)) {
    throw new KubesimError(`invalid --port ${JSON.stringify(text)}: must be a port number from 0 to 65535`);
  }
  return port;
}

function parseAddress(text: string | undefined): string {
  if (text === undefined) return defaultServeAddress;
  if (isIP(text) === 0) {
    throw new KubesimError(`invalid --address ${JSON.stringify(text)}: must be an IPv4 or IPv6 address`);
  }
  return text;
}

function parseLatency(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  try {
    return parseClusterDuration(text);
  } catch {
    throw new KubesimError(
      `invalid ${flag} ${JSON.stringify(text)}: expected a duration such as "100ms" or "2s"`,
    );
  }
}

function parseToken(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (text === "" || /\s/.test(text)) {
    throw new KubesimError("invalid --token: must be non-empty and contain no whitespace");
  }
  return text;
}

function isLoopback(address: string): boolean {
  return address === "::1" || address.startsWith("127.");
}

/** The address clients dial: a wildcard bind is reached through loopback. */
function dialHost(address: string): string {
  if (address === "0.0.0.0") return "127.0.0.1";
  if (address === "::") return "[::1]";
  return isIP(address) === 6 ? `[${address}]` : address;
}

/** Listens, turning the system's errors into kubesim's words. */
async function listen(server: ApiServer, port: number, address: string): Promise<ApiServerAddress> {
  try {
    return await server.listen(port, address);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = `${isIP(address) === 6 ? `[${address}]` : address}:${port}`;
    const reason =
      code === "EADDRINUSE"
        ? "the address is already in use (choose another --port, or --port 0 for a free one)"
        : code === "EADDRNOTAVAIL"
          ? "the address is not one of this machine's"
          : code === "EACCES"
            ? "permission denied (ports below 1024 need privileges)"
            : (error as Error).message;
    throw new KubesimError(`unable to serve on ${where}: ${reason}`, { cause: error });
  }
}

function waitForAbort(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
}

async function storeVersion(cluster: Cluster): Promise<string> {
  return (await cluster.client.list("Namespace")).resourceVersion;
}

/**
 * `kubesim serve [CLUSTER] [--port P] [--address A] [--token T] [--no-scheduler]
 * [--no-controllers]`: loads the cluster as every command does (taking its write lock,
 * catching its clock up to now), then runs it on a clock that follows the wall clock from
 * there (`KUBESIM_NOW` set: pinned at that instant instead) with its controllers and kubelets,
 * serves it through `@kubesim/apiserver`, writes the kubeconfig context `kubesim-<cluster>`
 * and prints how to use it. Changed state is saved every `saveIntervalMs`; when `stop` is
 * aborted the server stops accepting, closes its watches, settles the cluster, saves it and
 * returns 0 (1 when a save failed).
 *
 * The write lock is held for the whole run (released and taken again around each save), so
 * other commands on the cluster wait and then fail as busy instead of writing a state the
 * server would overwrite.
 *
 * @throws KubesimError for a bad flag, a cluster that is missing, busy or already served,
 *   an unusable kubeconfig, or a port that cannot be bound.
 */
export async function runServe(
  environment: CommandEnvironment,
  name: string,
  flags: ServeFlags,
  control: ServeControl,
): Promise<ExitCode> {
  const port = parsePort(flags.port);
  const address = parseAddress(flags.address);
  const token = parseToken(flags.token);
  const podStartupLatencyMs = parseLatency("--pod-startup-latency", flags.podStartupLatency);
  const podShutdownLatencyMs = parseLatency("--pod-shutdown-latency", flags.podShutdownLatency);
  const { io, home } = environment;
  const served = readServingRecord(home, name);
  if (served !== undefined) throw new KubesimError(servedClusterMessage(name, served));
  const now = environment.now();
  const frozen = (environment.env.KUBESIM_NOW ?? "") !== "";

  const database = ClusterDatabase.open(clusterDatabasePath(home, name), name);
  let cluster: Cluster | undefined;
  let stopDriver = (): void => {};
  let closeServer = async (): Promise<void> => {};
  let recordWritten = false;
  try {
    database.beginWrite();
    const settings = database.readSettings();
    const state = database.readState();
    const plan = planCatchUp(state.savedTime, now);
    cluster = await createCluster({
      seed: settings.seed,
      daemonSetScheduling: settings.daemonSetScheduling,
      snapshot: state.snapshot,
      startTime: plan.startTime,
      kubelets: state.kubelets,
      settleLimitMs: 0,
      components: { scheduler: flags.scheduler !== false, controllers: flags.controllers !== false },
      ...(podStartupLatencyMs === undefined ? {} : { podStartupLatencyMs }),
      ...(podShutdownLatencyMs === undefined ? {} : { podShutdownLatencyMs }),
    });
    if (plan.advanceMs > 0) await cluster.advance(plan.advanceMs);
    const running = cluster;
    const clock = running.clock;
    if (!(clock instanceof VirtualClock)) throw new KubesimError("serve needs a virtual cluster clock");
    const driver = driveWithWallClock(clock, { frozen });
    stopDriver = () => driver.stop();

    const server = createApiServer({
      client: syncedClient(running.client, driver.sync),
      clock,
      ...(token === undefined ? {} : { token }),
    });
    const listening = await listen(server, port, address);
    closeServer = () => server.close();
    const url = `http://${dialHost(address)}:${listening.port}`;
    const context = `kubesim-${name}`;
    const written = writeKubeconfigEntry(kubeconfigPrecedence(environment.env, environment.cwd), {
      name: context,
      server: url,
      token,
    });
    writeServingRecord(home, name, { pid: process.pid, url, context });
    recordWritten = true;
    io.stdout(`Serving cluster "${name}" at ${url}\n`);
    io.stdout(
      `Wrote context "${context}" to ${written.path}${written.madeCurrent ? " (now the current context)" : ""}\n`,
    );
    io.stdout(`Try: kubectl --context ${context} get ds\n`);
    if (!isLoopback(address) && token === undefined) {
      io.stderr(
        `warning: serving on ${address} without --token: anyone who can reach this address can change the cluster\n`,
      );
    }

    function writeState(): number {
      driver.sync();
      const savedTime = clock.now();
      database.writeState({ savedTime, snapshot: running.snapshot(), kubelets: running.kubeletSettings() });
      return savedTime;
    }

    let savedVersion = await storeVersion(running);
    let saveError: unknown;
    const failed = new AbortController();
    const saveTimer = setInterval(() => {
      void (async () => {
        const version = await storeVersion(running);
        if (version === savedVersion || saveError !== undefined || control.stop.aborted) return;
        // Written and committed in one synchronous stretch: no request runs in between.
        writeState();
        database.commit();
        savedVersion = version;
        database.beginWrite();
      })().catch((error: unknown) => {
        saveError = error;
        failed.abort();
      });
    }, control.saveIntervalMs ?? defaultSaveIntervalMs);
    saveTimer.unref();

    await Promise.race([waitForAbort(control.stop), waitForAbort(failed.signal)]);
    clearInterval(saveTimer);
    await server.close();
    if (saveError !== undefined) {
      io.stderr(`error: saving cluster "${name}" failed: ${(saveError as Error).message}\n`);
      return 1;
    }
    driver.sync();
    await running.settle();
    const savedTime = writeState();
    database.commit();
    io.stdout(`Saved cluster "${name}" at ${formatRfc3339(savedTime)}; stopped serving\n`);
    return 0;
  } finally {
    stopDriver();
    await closeServer();
    cluster?.close();
    database.close();
    if (recordWritten) removeServingRecord(home, name);
  }
}
