import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { KubesimError } from "@kubesim/core";
import { validateClusterName } from "./cluster-name.js";

const pointerFile = "current-cluster";

function isMissingFile(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "ENOENT";
}

/** The name `kubesim cluster create|use` last made current, or `undefined` when none is. */
export function readCurrentCluster(home: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(join(home, pointerFile), "utf8");
  } catch (error) {
    if (isMissingFile(error)) return undefined;
    throw new KubesimError(`unable to read the current cluster: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const name = text.trim();
  if (name === "") return undefined;
  try {
    validateClusterName(name);
  } catch (error) {
    throw new KubesimError(
      `${join(home, pointerFile)} is corrupt (${(error as Error).message}); run "kubesim cluster use NAME"`,
      { cause: error },
    );
  }
  return name;
}

/**
 * Makes `name` the current cluster. The pointer is written to a temporary file and renamed
 * over the old one, so a reader (or a crash) sees the old name or the new one, never half.
 */
export function writeCurrentCluster(home: string, name: string): void {
  validateClusterName(name);
  mkdirSync(home, { recursive: true });
  const temporary = join(home, `.${pointerFile}.${process.pid}.${randomBytes(4).toString("hex")}`);
  try {
    writeFileSync(temporary, `${name}\n`, { flag: "wx" });
    renameSync(temporary, join(home, pointerFile));
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Forgets the current cluster (after it was deleted). */
export function clearCurrentCluster(home: string): void {
  rmSync(join(home, pointerFile), { force: true });
}
