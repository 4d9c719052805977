/**
 * A level-triggered work loop shared by the node lifecycle controller, pod GC and the
 * garbage collector: `kick` asks for a pass, passes never overlap, and a pass that wrote
 * something is followed by another (bounded) so the state it created is seen too.
 */
export interface ReconcileLoop {
  /** Asks for a pass; runs one now unless one is running (then it runs again after). */
  kick(): void;
  /** True when no pass is running or wanted. */
  idle(): boolean;
  /** Resolves when the loop is idle. */
  settle(): Promise<void>;
}

// A pass that keeps writing is retried at most this often per kick, so a write that
// always fails (or always changes something) cannot spin forever.
const maximumPassesPerKick = 25;

/**
 * Creates a loop around `pass`, which resolves with whether it wrote anything. Errors
 * thrown by `pass` go to `onError` and end that run.
 */
export function createReconcileLoop(
  pass: () => Promise<boolean>,
  onError: (error: unknown) => void,
): ReconcileLoop {
  let wanted = false;
  let running: Promise<void> | undefined;

  async function run(): Promise<void> {
    let passes = 0;
    while (wanted && passes < maximumPassesPerKick) {
      wanted = false;
      passes += 1;
      try {
        if (await pass()) wanted = true;
      } catch (error) {
        onError(error);
      }
    }
    wanted = false;
    running = undefined;
  }

  return {
    kick() {
      wanted = true;
      if (running === undefined) running = run();
    },
    idle() {
      return running === undefined && !wanted;
    },
    async settle() {
      while (running !== undefined) await running;
    },
  };
}
