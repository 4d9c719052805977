import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** What `kubesim serve` leaves in `$KUBESIM_HOME/serving/<cluster>.json` while it runs. */
export interface ServingRecord {
  /** The serving process. */
  readonly pid: number;
  /** The API server URL. */
  readonly url: string;
  /** The kubeconfig context written for it. */
  readonly context: string;
}

function recordPath(home: string, name: string): string {
  return join(home, "serving", `${name}.json`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The record of the `kubesim serve` process serving cluster `name`, or `undefined` when
 * none is (no record, an unreadable one, or one whose process is gone after a kill -9).
 * Other commands use it to say why the cluster is busy.
 */
export function readServingRecord(home: string, name: string): ServingRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(recordPath(home, name), "utf8"));
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== "object") return undefined;
  const record = value as Record<string, unknown>;
  const { pid, url, context } = record;
  if (typeof pid !== "number" || !Number.isSafeInteger(pid) || pid <= 0) return undefined;
  if (typeof url !== "string" || typeof context !== "string") return undefined;
  return isAlive(pid) ? { pid, url, context } : undefined;
}

/** Writes the record (to a temporary file renamed into place, so readers never see half). */
export function writeServingRecord(home: string, name: string, record: ServingRecord): void {
  const path = recordPath(home, name);
  mkdirSync(join(home, "serving"), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temporary, `${JSON.stringify(record)}\n`, { flag: "wx" });
  renameSync(temporary, path);
}

/** Removes the record when it is this process's. */
export function removeServingRecord(home: string, name: string): void {
  const path = recordPath(home, name);
  try {
    const value = JSON.parse(readFileSync(path, "utf8")) as { pid?: unknown };
    if (value.pid !== process.pid) return;
  } catch {
    return;
  }
  rmSync(path, { force: true });
}

/** The message other commands print while cluster `name` is served. */
export function servedClusterMessage(name: string, record: ServingRecord): string {
  return `cluster "${name}" is being served at ${record.url} by kubesim serve (pid ${record.pid}); use "kubectl --context ${record.context}", or stop the server first`;
}
