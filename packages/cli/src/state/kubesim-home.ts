import { homedir } from "node:os";
import { join, resolve } from "node:path";

/** The folder under `$KUBESIM_HOME` that holds one `<name>.db` per cluster. */
const clustersFolder = "clusters";

/**
 * The folder kubesim keeps its state in: `$KUBESIM_HOME` (resolved against `cwd` when
 * relative), else `~/.kubesim`.
 */
export function resolveKubesimHome(env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const configured = env.KUBESIM_HOME;
  if (configured !== undefined && configured !== "") return resolve(cwd, configured);
  return join(homedir(), ".kubesim");
}

/** The folder holding the cluster databases. */
export function clustersDirectory(home: string): string {
  return join(home, clustersFolder);
}

/** Where the database of cluster `name` lives (the name must already be validated). */
export function clusterDatabasePath(home: string, name: string): string {
  return join(home, clustersFolder, `${name}.db`);
}
