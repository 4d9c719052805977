import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { goQuote, KubesimError } from "@kubesim/core";
import type { KubectlContext } from "../kubectl-context.js";

/** The source name kubectl gives standard input (`-f -`). */
export const stdinSourceName = "STDIN";

/** The file extensions kubectl reads from directories (a file named explicitly is always read). */
export const manifestFileExtensions: readonly string[] = [".json", ".yaml", ".yml"];

/** One file (or standard input) to read manifests from. */
export interface ManifestSource {
  /** The name kubectl reports: the path as typed or as found in a directory, or `STDIN`. */
  readonly name: string;
  /** The text, when it could be read. */
  readonly text?: string;
  /** Why it could not be read (reported as that file's error, after the files before it). */
  readonly readError?: unknown;
}

/** The sources of `-f`/`-R`, or the errors kubectl reports before reading any of them. */
export interface FilenameSources {
  readonly sources: readonly ManifestSource[];
  /** kubectl's builder errors (missing path, directory without manifests): nothing is read then. */
  readonly errors: readonly unknown[];
}

function isNotFound(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "ENOENT";
}

function systemErrorText(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  if (code === "ENOENT") return "no such file or directory";
  return error instanceof Error ? error.message : String(error);
}

/** Go's `filepath.Walk` order: the directory's entries sorted by name, depth first. */
async function walkDirectory(
  absolute: string,
  shown: string,
  recursive: boolean,
  into: Array<{ absolute: string; shown: string }>,
): Promise<void> {
  const entries = await readdir(absolute, { withFileTypes: true });
  entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  for (const entry of entries) {
    const childAbsolute = join(absolute, entry.name);
    const childShown = join(shown, entry.name);
    if (entry.isDirectory()) {
      if (recursive) await walkDirectory(childAbsolute, childShown, recursive, into);
      continue;
    }
    if (!manifestFileExtensions.includes(extname(entry.name))) continue;
    into.push({ absolute: childAbsolute, shown: childShown });
  }
}

async function readSource(absolute: string, shown: string): Promise<ManifestSource> {
  try {
    return { name: shown, text: await readFile(absolute, "utf8") };
  } catch (error) {
    return { name: shown, readError: new KubesimError(`open ${shown}: ${systemErrorText(error)}`) };
  }
}

/**
 * Expands `-f` values as kubectl's resource builder does: `-` is standard input (once), a
 * file is read whatever its extension, a directory contributes its `.json`, `.yaml` and
 * `.yml` files in name order (subdirectories only with `recursive`). Relative paths are
 * read from `context.cwd` and reported as typed.
 *
 * A missing path gives `the path "x" does not exist`, and when nothing at all was found
 * `error reading [x]: recognized file extensions are [.json .yaml .yml]`; kubectl then
 * stops before reading anything, so the caller reports `errors` and does nothing else.
 */
export async function readFilenameSources(
  context: Pick<KubectlContext, "cwd" | "io">,
  filenames: readonly string[],
  recursive: boolean,
): Promise<FilenameSources> {
  const sources: ManifestSource[] = [];
  const errors: unknown[] = [];
  let stdinUsed = false;
  for (const filename of filenames) {
    if (filename === "-") {
      if (stdinUsed) {
        errors.push(new KubesimError("standard input cannot be used for multiple arguments"));
        continue;
      }
      stdinUsed = true;
      sources.push({ name: stdinSourceName, text: await context.io.readStdin() });
      continue;
    }
    const absolute = resolve(context.cwd, filename);
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(absolute)).isDirectory();
    } catch (error) {
      errors.push(
        new KubesimError(
          isNotFound(error)
            ? `the path ${goQuote(filename)} does not exist`
            : `the path ${goQuote(filename)} cannot be accessed: ${systemErrorText(error)}`,
        ),
      );
      continue;
    }
    if (!isDirectory) {
      sources.push(await readSource(absolute, filename));
      continue;
    }
    const files: Array<{ absolute: string; shown: string }> = [];
    try {
      await walkDirectory(absolute, filename, recursive, files);
    } catch (error) {
      errors.push(new KubesimError(`error reading ${goQuote(filename)}: ${systemErrorText(error)}`));
    }
    for (const file of files) sources.push(await readSource(file.absolute, file.shown));
    if (sources.length === 0 && errors.length === 0) {
      errors.push(
        new KubesimError(
          `error reading [${filename}]: recognized file extensions are [${manifestFileExtensions.join(" ")}]`,
        ),
      );
    }
  }
  return { sources, errors };
}
