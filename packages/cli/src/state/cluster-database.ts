import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { KubesimError } from "@kubesim/core";
import type { StoreSnapshot } from "@kubesim/store";
import Database from "better-sqlite3";
import type {
  ClusterSettings,
  ClusterState,
  ClusterSummary,
  DaemonSetScheduling,
  KubeletSettings,
} from "./cluster-state.js";

/*
 * Journal mode: the classic rollback journal (journal_mode=DELETE, synchronous=FULL), not WAL.
 * Every kubesim command takes the write lock for its whole run (it advances the clock and
 * saves), so WAL's readers-beside-a-writer buy nothing here. In exchange a cluster is exactly
 * one file: `cluster create` builds it aside and links it into place, `cluster delete`
 * unlinks it under the write lock, and no -wal/-shm files can be left behind to be replayed
 * into a later cluster of the same name. A process killed mid-commit leaves a hot journal that
 * the next opener rolls back, so the last committed state is what loads.
 */
const schemaVersion = 1;
/** How long a command waits for another command on the same cluster before giving up. */
export const clusterLockTimeoutMs = 30_000;

const schema = `
CREATE TABLE cluster (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seed TEXT NOT NULL,
  daemonset_scheduling TEXT NOT NULL CHECK (daemonset_scheduling IN ('scheduler', 'legacy')),
  created_at INTEGER NOT NULL,
  saved_time INTEGER NOT NULL,
  node_count INTEGER NOT NULL,
  snapshot TEXT NOT NULL
);
CREATE TABLE kubelet (
  node TEXT PRIMARY KEY,
  ready INTEGER NOT NULL CHECK (ready IN (0, 1)),
  static_pods TEXT NOT NULL
) WITHOUT ROWID;
`;

interface ClusterRow {
  readonly seed: string;
  readonly daemonset_scheduling: string;
  readonly created_at: number;
  readonly saved_time: number;
  readonly node_count: number;
}

interface KubeletRow {
  readonly node: string;
  readonly ready: number;
  readonly static_pods: string;
}

function corrupt(path: string, detail: string): KubesimError {
  return new KubesimError(`${path} is not a usable kubesim cluster database: ${detail}`);
}

function countNodes(snapshot: StoreSnapshot): number {
  let count = 0;
  for (const object of snapshot.objects) if (object.kind === "Node") count++;
  return count;
}

function parseJson(path: string, what: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw corrupt(path, `${what} is not JSON (${(error as Error).message})`);
  }
}

function isLockTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}

/**
 * One cluster's SQLite database. Open it with {@link ClusterDatabase.open}; a command calls
 * {@link ClusterDatabase.beginWrite} first, reads and writes, then {@link ClusterDatabase.commit}.
 */
export class ClusterDatabase {
  private readonly database: Database.Database;
  private readonly inode: number;

  private constructor(
    readonly path: string,
    readonly name: string,
  ) {
    // The inode is read before opening so beginWrite can tell whether the file was deleted
    // (or deleted and created again) while this command waited for the lock.
    this.inode = statSync(path).ino;
    this.database = new Database(path, {
      fileMustExist: true,
      timeout: clusterLockTimeoutMs,
    });
    const version = this.database.pragma("user_version", { simple: true });
    if (version !== schemaVersion) {
      this.database.close();
      throw version === 0 || typeof version !== "number"
        ? corrupt(path, "no kubesim schema")
        : corrupt(
            path,
            `schema version ${version} was written by a newer kubesim (this one reads ${schemaVersion})`,
          );
    }
  }

  /**
   * Opens the database of cluster `name` at `path`.
   *
   * @throws KubesimError `cluster "<name>" not found` when there is no such file;
   *   `<path> is not a usable kubesim cluster database: …` when it is not one this kubesim reads.
   */
  static open(path: string, name: string): ClusterDatabase {
    try {
      return new ClusterDatabase(path, name);
    } catch (error) {
      if (
        (error as NodeJS.ErrnoException).code === "ENOENT" ||
        (error as { code?: unknown }).code === "SQLITE_CANTOPEN"
      ) {
        throw new KubesimError(`cluster "${name}" not found; "kubesim cluster list" shows the clusters`);
      }
      if (KubesimError.isInstance(error)) throw error;
      throw corrupt(path, (error as Error).message);
    }
  }

  /**
   * Creates the database of a new cluster holding `settings` and `state`. It is written under
   * a temporary name and hard-linked into place, which fails when the name is taken: two
   * concurrent creates of one name cannot both succeed, and a crash leaves no half-made cluster.
   *
   * @throws KubesimError `cluster "<name>" already exists`.
   */
  static create(path: string, name: string, settings: ClusterSettings, state: ClusterState): void {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = join(
      dirname(path),
      `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}`,
    );
    try {
      const database = new Database(temporary);
      try {
        database.pragma("journal_mode = DELETE");
        database.transaction(() => {
          database.exec(schema);
          database
            .prepare(
              "INSERT INTO cluster (id, seed, daemonset_scheduling, created_at, saved_time, node_count, snapshot) VALUES (1, ?, ?, ?, 0, 0, '{}')",
            )
            .run(JSON.stringify(settings.seed), settings.daemonSetScheduling, settings.createdAt);
          writeStateRows(database, state);
          database.pragma(`user_version = ${schemaVersion}`);
        })();
      } finally {
        database.close();
      }
      try {
        linkSync(temporary, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") {
          throw new KubesimError(`cluster "${name}" already exists`);
        }
        throw error;
      }
    } finally {
      rmSync(temporary, { force: true });
      rmSync(`${temporary}-journal`, { force: true });
    }
  }

  /**
   * Takes the write lock (`BEGIN IMMEDIATE`), waiting up to {@link clusterLockTimeoutMs} for
   * a command that holds it, so that concurrent commands run one after the other.
   *
   * @throws KubesimError when the wait times out or the cluster was deleted meanwhile.
   */
  beginWrite(): void {
    try {
      this.database.exec("BEGIN IMMEDIATE");
    } catch (error) {
      if (isLockTimeout(error)) {
        throw new KubesimError(
          `cluster "${this.name}" is busy: another kubesim command has held it for more than ${clusterLockTimeoutMs / 1000}s`,
        );
      }
      throw error;
    }
    let current: number | undefined;
    try {
      current = statSync(this.path).ino;
    } catch {
      current = undefined;
    }
    if (current !== this.inode) {
      this.rollback();
      throw new KubesimError(`cluster "${this.name}" not found; it was deleted while this command waited`);
    }
  }

  /** Makes everything written since {@link ClusterDatabase.beginWrite} durable. */
  commit(): void {
    this.database.exec("COMMIT");
  }

  /** Drops everything written since {@link ClusterDatabase.beginWrite}; a no-op outside one. */
  rollback(): void {
    if (this.database.inTransaction) this.database.exec("ROLLBACK");
  }

  /** The options the cluster was created with. */
  readSettings(): ClusterSettings {
    return this.readSummary().settings;
  }

  /** The cluster's settings and node count, without reading the snapshot. */
  readSummary(): ClusterSummary {
    const row = this.database
      .prepare(
        "SELECT seed, daemonset_scheduling, created_at, saved_time, node_count FROM cluster WHERE id = 1",
      )
      .get() as ClusterRow | undefined;
    if (row === undefined) throw corrupt(this.path, "the cluster row is missing");
    const seed = parseJson(this.path, "the seed", row.seed);
    if (typeof seed !== "number" && typeof seed !== "string")
      throw corrupt(this.path, "the seed is not a number or string");
    return {
      settings: {
        seed,
        daemonSetScheduling: row.daemonset_scheduling as DaemonSetScheduling,
        createdAt: row.created_at,
      },
      nodeCount: row.node_count,
    };
  }

  /** The last committed state. */
  readState(): ClusterState {
    const row = this.database.prepare("SELECT saved_time, snapshot FROM cluster WHERE id = 1").get() as
      | { saved_time: number; snapshot: string }
      | undefined;
    if (row === undefined) throw corrupt(this.path, "the cluster row is missing");
    const snapshot = parseJson(this.path, "the snapshot", row.snapshot);
    if (
      typeof snapshot !== "object" ||
      snapshot === null ||
      !Array.isArray((snapshot as StoreSnapshot).objects)
    ) {
      throw corrupt(this.path, "the snapshot has no objects");
    }
    const kubelets: Record<string, KubeletSettings> = Object.create(null) as Record<string, KubeletSettings>;
    const rows = this.database
      .prepare("SELECT node, ready, static_pods FROM kubelet ORDER BY node")
      .all() as KubeletRow[];
    for (const kubelet of rows) {
      const staticPods = parseJson(this.path, `the static pods of node ${kubelet.node}`, kubelet.static_pods);
      if (!Array.isArray(staticPods))
        throw corrupt(this.path, `the static pods of node ${kubelet.node} are not a list`);
      kubelets[kubelet.node] = { ready: kubelet.ready === 1, staticPods };
    }
    return { savedTime: row.saved_time, snapshot: snapshot as StoreSnapshot, kubelets };
  }

  /** Replaces the saved state (inside {@link ClusterDatabase.beginWrite}). */
  writeState(state: ClusterState): void {
    writeStateRows(this.database, state);
  }

  /**
   * Deletes the database file while holding the write lock (so no command is half-way through
   * it); commands waiting for the lock then find it gone. Close the database afterwards.
   */
  deleteFile(): void {
    if (!this.database.inTransaction) throw new KubesimError("deleteFile needs the write lock");
    rmSync(this.path, { force: true });
    rmSync(`${this.path}-journal`, { force: true });
  }

  /** Closes the connection, rolling back an unfinished write. */
  close(): void {
    if (!this.database.open) return;
    this.rollback();
    this.database.close();
  }
}

function writeStateRows(database: Database.Database, state: ClusterState): void {
  database
    .prepare("UPDATE cluster SET saved_time = ?, node_count = ?, snapshot = ? WHERE id = 1")
    .run(state.savedTime, countNodes(state.snapshot), JSON.stringify(state.snapshot));
  database.prepare("DELETE FROM kubelet").run();
  const insert = database.prepare("INSERT INTO kubelet (node, ready, static_pods) VALUES (?, ?, ?)");
  for (const node of Object.keys(state.kubelets)) {
    const settings = state.kubelets[node];
    if (settings === undefined) continue;
    insert.run(node, settings.ready ? 1 : 0, JSON.stringify(settings.staticPods));
  }
}
