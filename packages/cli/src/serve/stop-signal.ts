/** A stop request from SIGINT or SIGTERM, for the long-running commands. */
export interface StopSignal {
  /** Aborted when the process receives SIGINT or SIGTERM. */
  readonly signal: AbortSignal;
  /** Stops listening for the signals (a second signal then ends the process as usual). */
  dispose(): void;
}

const stopSignals = ["SIGINT", "SIGTERM"] as const;

/**
 * Listens for SIGINT and SIGTERM until disposed: the first one aborts {@link StopSignal.signal}
 * so the command can stop cleanly.
 */
export function listenForStopSignal(): StopSignal {
  const controller = new AbortController();
  const onSignal = (): void => {
    controller.abort();
    dispose();
  };
  function dispose(): void {
    for (const name of stopSignals) process.off(name, onSignal);
  }
  for (const name of stopSignals) process.on(name, onSignal);
  return { signal: controller.signal, dispose };
}
