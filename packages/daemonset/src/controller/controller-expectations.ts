import type { Clock } from "@kubesim/core";

/** Upstream's `ExpectationsTimeout`: an expectation record older than this counts as satisfied. */
export const expectationsTimeoutMs = 5 * 60 * 1000;

interface ExpectationRecord {
  add: number;
  del: number;
  readonly timestamp: number;
}

/**
 * Upstream's `ControllerExpectations`: per DaemonSet key, how many pod creations and
 * deletions the controller has issued and not yet seen. While a record is unfulfilled
 * (and younger than {@link expectationsTimeoutMs} on the clock) the controller only
 * refreshes status. Counts may go negative (a deletion seen twice); that still counts as
 * fulfilled.
 */
export class ControllerExpectations {
  private readonly records = new Map<string, ExpectationRecord>();

  constructor(private readonly clock: Clock) {}

  /** Replaces the record of `key` with `add` creations and `del` deletions to wait for. */
  set(key: string, add: number, del: number): void {
    this.records.set(key, { add, del, timestamp: this.clock.now() });
  }

  /** True when there is no record, it is fulfilled, or it has expired. */
  satisfied(key: string): boolean {
    const record = this.records.get(key);
    if (record === undefined) return true;
    if (record.add <= 0 && record.del <= 0) return true;
    return this.clock.now() - record.timestamp > expectationsTimeoutMs;
  }

  /** Lowers the counts (creations/deletions observed or abandoned). */
  lower(key: string, add: number, del: number): void {
    const record = this.records.get(key);
    if (record === undefined) return;
    record.add -= add;
    record.del -= del;
  }

  /** One creation was observed (or failed). */
  creationObserved(key: string): void {
    this.lower(key, 1, 0);
  }

  /** One deletion was observed (or failed). */
  deletionObserved(key: string): void {
    this.lower(key, 0, 1);
  }

  /** The outstanding counts of `key`, for tests and diagnostics. */
  get(key: string): { readonly add: number; readonly del: number } | undefined {
    const record = this.records.get(key);
    return record === undefined ? undefined : { add: record.add, del: record.del };
  }

  /** Drops the record (the DaemonSet was deleted or recreated). */
  delete(key: string): void {
    this.records.delete(key);
  }
}
