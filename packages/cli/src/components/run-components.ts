import { type ApiClient, RealClock } from "@kubesim/core";
import type { ExitCode } from "../kubectl/kubectl-context.js";
import type { CommandEnvironment } from "../state/index.js";
import { type ComponentFlags, parseComponentSeed } from "./component-flags.js";
import { connectWithKubeconfig } from "./connect-with-kubeconfig.js";

/** What a component process runs: started in order, stopped when the process is told to stop. */
export interface RunnableComponent {
  start(): Promise<void>;
  stop(): void;
}

/** What {@link runComponents} builds the components from. */
export interface ComponentContext {
  readonly client: ApiClient;
  readonly clock: RealClock;
  readonly seed: number | string;
}

/** One out-of-process component command: its name in messages and what it runs. */
export interface ComponentSpec {
  /** Printed in the start and stop lines (`kube-scheduler`). */
  readonly title: string;
  /** The field manager and user agent of its writes (upstream's binary name). */
  readonly fieldManager: string;
  /** Builds the components over the HTTP client; they are started in order. */
  build(context: ComponentContext): RunnableComponent[];
}

function waitForAbort(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
}

/**
 * Runs components against an API server as separate processes do: connects with the
 * kubeconfig (`--kubeconfig`, `--context`), builds the components on a real clock with
 * `--seed`, starts them (each lists and watches what it needs), prints
 * `<title> running against <server> (seed <seed>)`, and once `stop` is aborted stops them,
 * closes the connection and prints `<title> stopped`.
 *
 * @throws KubesimError for a bad flag or kubeconfig, or when the server cannot be reached
 *   while the components start.
 */
export async function runComponents(
  environment: CommandEnvironment,
  flags: ComponentFlags,
  stop: AbortSignal,
  spec: ComponentSpec,
): Promise<ExitCode> {
  const seed = parseComponentSeed(flags.seed);
  const client = connectWithKubeconfig(environment, flags, spec.fieldManager);
  const clock = new RealClock();
  const components = spec.build({ client, clock, seed });
  try {
    for (const component of components) await component.start();
    environment.io.stdout(`${spec.title} running against ${client.server} (seed ${String(seed)})\n`);
    await waitForAbort(stop);
    return 0;
  } finally {
    for (const component of components) component.stop();
    client.close();
    if (stop.aborted) environment.io.stdout(`${spec.title} stopped\n`);
  }
}
