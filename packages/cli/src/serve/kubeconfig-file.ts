import { randomBytes } from "node:crypto";
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { basename, delimiter, dirname, join, resolve } from "node:path";
import { KubesimError, renderYaml } from "@kubesim/core";
import { type DocumentOptions, type ParseOptions, parse, type SchemaOptions, type ToJSOptions } from "yaml";

/** One cluster, user and context a kubeconfig gets, all under the same name. */
export interface KubeconfigEntry {
  /** The name of the cluster, user and context stanzas (`kubesim-<cluster>`). */
  readonly name: string;
  /** The API server URL (`http://127.0.0.1:PORT`). */
  readonly server: string;
  /** A bearer token for the user stanza; without one the user is `{}`. */
  readonly token?: string | undefined;
}

/** What {@link writeKubeconfigEntry} did. */
export interface KubeconfigWrite {
  /** The file the context stanza was written to. */
  readonly path: string;
  /** True when no file set a current context, so this context became the current one. */
  readonly madeCurrent: boolean;
}

type Document = Record<string, unknown>;

// kubectl reads kubeconfigs with go-yaml v2, a YAML 1.1 parser: `yes` is true (a file may
// say `insecure-skip-tls-verify: yes`). Like go-yaml it leaves timestamps (a token's
// `expiry`) and sexagesimal-looking values (`1:20`) as strings.
const yamlOptions: ParseOptions & DocumentOptions & SchemaOptions & ToJSOptions = {
  version: "1.1",
  maxAliasCount: 100,
  customTags: (tags) =>
    tags.filter((tag) => {
      if (typeof tag !== "object") return true;
      if (tag.tag === "tag:yaml.org,2002:timestamp") return false;
      return tag.format !== "TIME";
    }),
};

const stanzaLists = [
  { list: "clusters", field: "cluster" },
  { list: "users", field: "user" },
  { list: "contexts", field: "context" },
] as const;

/** How long a write waits for another writer's `<file>.lock` (kubectl's lock) to go. */
const lockWaitMs = 2_000;
const lockRetryMs = 25;

/**
 * The kubeconfig files kubectl reads, in precedence order: the entries of `$KUBECONFIG`
 * (split on the platform's path list separator, empties and duplicates dropped), else
 * `~/.kube/config` (`$HOME` from `env` when set).
 */
export function kubeconfigPrecedence(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): string[] {
  const listed = (env.KUBECONFIG ?? "")
    .split(delimiter)
    .filter((path) => path !== "")
    .map((path) => resolve(cwd, path));
  if (listed.length > 0) return [...new Set(listed)];
  const home = env.HOME !== undefined && env.HOME !== "" ? env.HOME : homedir();
  return [join(home, ".kube", "config")];
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The file a new stanza goes to, as kubectl's `GetDefaultFilename`: the only file listed;
 * else the first listed file that exists; else the last one.
 */
function defaultFile(precedence: readonly string[]): string {
  if (precedence.length === 1) return precedence[0] as string;
  return precedence.find(exists) ?? (precedence[precedence.length - 1] as string);
}

function loadError(path: string, detail: string): KubesimError {
  return new KubesimError(`error loading config file "${path}": ${detail}`);
}

/** Reads one kubeconfig file; a missing or empty file is an empty config. */
function readDocument(path: string): Document {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return Object.create(null) as Document;
    throw loadError(path, (error as Error).message);
  }
  let value: unknown;
  try {
    value = parse(text, yamlOptions);
  } catch (error) {
    throw loadError(path, `yaml: ${((error as Error).message.split("\n")[0] ?? "").trim()}`);
  }
  if (value === null || value === undefined) return Object.create(null) as Document;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw loadError(path, "the file is not a YAML mapping");
  }
  const document = value as Document;
  for (const { list } of stanzaLists) {
    const entries = Object.hasOwn(document, list) ? document[list] : undefined;
    if (entries !== undefined && entries !== null && !Array.isArray(entries)) {
      throw loadError(path, `${list} is not a list`);
    }
  }
  return document;
}

function entriesOf(document: Document, list: string): unknown[] {
  const entries = Object.hasOwn(document, list) ? document[list] : undefined;
  return Array.isArray(entries) ? entries : [];
}

function entryName(entry: unknown): string | undefined {
  if (entry === null || typeof entry !== "object" || !Object.hasOwn(entry, "name")) return undefined;
  const name = (entry as { name: unknown }).name;
  return typeof name === "string" ? name : undefined;
}

function currentContextOf(document: Document): string {
  const value = Object.hasOwn(document, "current-context") ? document["current-context"] : undefined;
  return typeof value === "string" ? value : "";
}

/** Replaces the stanza named `name` in place (dropping later duplicates), else appends it. */
function upsert(entries: readonly unknown[], name: string, stanza: object): unknown[] {
  const result: unknown[] = [];
  let placed = false;
  for (const entry of entries) {
    if (entryName(entry) !== name) result.push(entry);
    else if (!placed) {
      result.push(stanza);
      placed = true;
    }
  }
  if (!placed) result.push(stanza);
  return result;
}

/** kubectl's `<file>.lock`: created exclusively, waited for briefly when another writer holds it. */
function lockFile(path: string): () => void {
  mkdirSync(dirname(path), { recursive: true });
  const lockPath = `${path}.lock`;
  const deadline = Date.now() + lockWaitMs;
  for (;;) {
    try {
      closeSync(openSync(lockPath, "wx", 0o600));
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || Date.now() >= deadline) {
        throw new KubesimError(`unable to lock ${lockPath}: ${(error as Error).message}`);
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, lockRetryMs);
    }
  }
}

/** Writes through a symlink to its target, via a temporary file renamed into place (mode 0600). */
function writeDocument(path: string, document: Document): void {
  let target = path;
  try {
    target = realpathSync(path);
  } catch {
    // A file that does not exist yet is created at `path`.
  }
  mkdirSync(dirname(target), { recursive: true, mode: 0o755 });
  const temporary = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}`,
  );
  try {
    writeFileSync(temporary, renderYaml(document), { mode: 0o600, flag: "wx" });
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new KubesimError(`unable to write kubeconfig ${target}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function withDefaults(document: Document): Document {
  const result: Document = Object.create(null) as Document;
  result.apiVersion = "v1";
  result.kind = "Config";
  result.preferences = {};
  for (const key of Object.keys(document)) result[key] = document[key];
  for (const { list } of stanzaLists) result[list] = entriesOf(document, list);
  if (!Object.hasOwn(document, "current-context")) result["current-context"] = "";
  return result;
}

/**
 * Writes a cluster, a user and a context named `entry.name` into the kubeconfig kubectl
 * reads (see {@link kubeconfigPrecedence}), as `kubectl config set-cluster/set-credentials/
 * set-context` would: each stanza replaces the one of that name in the first file defining
 * it, or goes to kubectl's default file; every other entry and field is kept. The current
 * context is set to the new one only when no file sets one. Files are locked as kubectl
 * locks them (`<file>.lock`), written whole to a temporary file and renamed into place,
 * mode 0600.
 *
 * @throws KubesimError when a kubeconfig exists but cannot be read as one (it is then left
 *   untouched), or cannot be written.
 */
export function writeKubeconfigEntry(precedence: readonly string[], entry: KubeconfigEntry): KubeconfigWrite {
  const unlocks: (() => void)[] = [];
  try {
    for (const path of [...precedence].sort()) unlocks.push(lockFile(path));
    const documents = new Map<string, Document>();
    for (const path of precedence) documents.set(path, readDocument(path));
    const fallback = defaultFile(precedence);
    const changed = new Set<string>();
    let contextFile = fallback;
    const stanzas: Record<(typeof stanzaLists)[number]["field"], object> = {
      cluster: { server: entry.server },
      user: entry.token === undefined ? {} : { token: entry.token },
      context: { cluster: entry.name, user: entry.name },
    };
    for (const { list, field } of stanzaLists) {
      const origin =
        precedence.find((path) =>
          entriesOf(documents.get(path) ?? {}, list).some((candidate) => entryName(candidate) === entry.name),
        ) ?? fallback;
      const document = documents.get(origin) ?? (Object.create(null) as Document);
      document[list] = upsert(entriesOf(document, list), entry.name, {
        name: entry.name,
        [field]: stanzas[field],
      });
      documents.set(origin, document);
      changed.add(origin);
      if (list === "contexts") contextFile = origin;
    }
    const madeCurrent = [...documents.values()].every((document) => currentContextOf(document) === "");
    if (madeCurrent) {
      const document = documents.get(fallback) ?? (Object.create(null) as Document);
      document["current-context"] = entry.name;
      documents.set(fallback, document);
      changed.add(fallback);
    }
    for (const path of changed) writeDocument(path, withDefaults(documents.get(path) ?? {}));
    return { path: contextFile, madeCurrent };
  } finally {
    for (const unlock of unlocks.reverse()) unlock();
  }
}
