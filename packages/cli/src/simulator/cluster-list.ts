import { readdirSync } from "node:fs";
import { humanDuration, TabWriter } from "@kubesim/core";
import type { ExitCode } from "../kubectl/kubectl-context.js";
import {
  ClusterDatabase,
  type ClusterSummary,
  type CommandEnvironment,
  clusterDatabasePath,
  clustersDirectory,
  readCurrentCluster,
  validateClusterName,
} from "../state/index.js";

const databaseSuffix = ".db";

/** The names of the clusters under `$KUBESIM_HOME`, sorted. */
export function listClusterNames(home: string): string[] {
  let files: string[];
  try {
    files = readdirSync(clustersDirectory(home));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const names: string[] = [];
  for (const file of files) {
    if (!file.endsWith(databaseSuffix)) continue;
    const name = file.slice(0, -databaseSuffix.length);
    try {
      validateClusterName(name);
    } catch {
      continue; // not a file kubesim wrote (temporary files start with a dot)
    }
    names.push(name);
  }
  return names.sort();
}

function readSummary(home: string, name: string): ClusterSummary {
  const database = ClusterDatabase.open(clusterDatabasePath(home, name), name);
  try {
    return database.readSummary();
  } finally {
    database.close();
  }
}

/**
 * `kubesim cluster list`: one row per cluster — CURRENT (`*` on the current one), NAME,
 * NODES, SCHEDULING and AGE (since `cluster create`, in kubectl's AGE format). A cluster
 * whose database cannot be read is reported on stderr and the exit code is 1. Prints
 * `No clusters found.` on stderr when there are none.
 */
export async function runClusterList(environment: CommandEnvironment): Promise<ExitCode> {
  const { home, io } = environment;
  const names = listClusterNames(home);
  if (names.length === 0) {
    io.stderr("No clusters found.\n");
    return 0;
  }
  const current = readCurrentCluster(home);
  const now = environment.now();
  const writer = new TabWriter();
  writer.write("CURRENT\tNAME\tNODES\tSCHEDULING\tAGE\n");
  let code: ExitCode = 0;
  for (const name of names) {
    let summary: ClusterSummary;
    try {
      summary = readSummary(home, name);
    } catch (error) {
      io.stderr(`error: cluster "${name}": ${(error as Error).message}\n`);
      code = 1;
      continue;
    }
    const marker = name === current ? "*" : "";
    const age = humanDuration(now - summary.settings.createdAt);
    writer.write(
      `${marker}\t${name}\t${summary.nodeCount}\t${summary.settings.daemonSetScheduling}\t${age}\n`,
    );
  }
  io.stdout(writer.flush());
  return code;
}
