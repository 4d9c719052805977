import { dirname, isAbsolute, resolve } from "node:path";
import { KubesimError } from "@kubesim/core";
import { parse } from "yaml";

/** A `clusters[].cluster` entry, file paths made absolute. */
export interface KubeconfigCluster {
  readonly server?: string;
  readonly certificateAuthority?: string;
  readonly certificateAuthorityData?: string;
  readonly insecureSkipTlsVerify?: boolean;
}

/** A `users[].user` entry, file paths made absolute. */
export interface KubeconfigUser {
  readonly token?: string;
  readonly tokenFile?: string;
  readonly clientCertificate?: string;
  readonly clientCertificateData?: string;
  readonly clientKey?: string;
  readonly clientKeyData?: string;
  /** The credential mechanism when it is one kubesim cannot use (`exec`, `auth-provider`). */
  readonly unsupportedAuth?: "exec" | "auth-provider";
}

/** A `contexts[].context` entry. */
export interface KubeconfigContext {
  readonly cluster?: string;
  readonly user?: string;
  readonly namespace?: string;
}

/** One kubeconfig file, read and checked. Maps are keyed by entry name (no prototype involved). */
export interface KubeconfigFile {
  readonly path: string;
  readonly clusters: ReadonlyMap<string, KubeconfigCluster>;
  readonly users: ReadonlyMap<string, KubeconfigUser>;
  readonly contexts: ReadonlyMap<string, KubeconfigContext>;
  /** `current-context`, when set and not empty. */
  readonly currentContext?: string;
}

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads kubeconfig fields with type checks; every problem names the file and the field. */
class FieldReader {
  readonly #path: string;

  constructor(path: string) {
    this.#path = path;
  }

  fail(detail: string): never {
    throw new KubesimError(`error loading config file ${JSON.stringify(this.#path)}: ${detail}`);
  }

  string(record: Fields, key: string, where: string): string | undefined {
    if (!Object.hasOwn(record, key)) return undefined;
    const value = record[key];
    if (value === null || value === undefined || value === "") return undefined;
    if (typeof value !== "string") this.fail(`${where}.${key} must be a string`);
    return value;
  }

  boolean(record: Fields, key: string, where: string): boolean | undefined {
    if (!Object.hasOwn(record, key)) return undefined;
    const value = record[key];
    if (value === null || value === undefined) return undefined;
    if (typeof value !== "boolean") this.fail(`${where}.${key} must be true or false`);
    return value;
  }

  record(record: Fields, key: string, where: string): Fields | undefined {
    if (!Object.hasOwn(record, key)) return undefined;
    const value = record[key];
    if (value === null || value === undefined) return undefined;
    if (!isRecord(value)) this.fail(`${where}.${key} must be a mapping`);
    return value;
  }

  /**
   * A named list (`clusters`, `users`, `contexts`) as a Map from name to entry; within one
   * file the first entry of a name wins, as client-go's decoding into a map does not
   * guarantee anything better.
   */
  namedList<T>(
    root: Fields,
    listKey: string,
    entryKey: string,
    read: (entry: Fields, where: string) => T,
  ): Map<string, T> {
    const entries = new Map<string, T>();
    if (!Object.hasOwn(root, listKey)) return entries;
    const list = root[listKey];
    if (list === null || list === undefined) return entries;
    if (!Array.isArray(list)) this.fail(`${listKey} must be a list`);
    list.forEach((item: unknown, index) => {
      const where = `${listKey}[${index}]`;
      if (!isRecord(item)) this.fail(`${where} must be a mapping`);
      const name = this.string(item, "name", where);
      if (name === undefined) this.fail(`${where}.name must be set`);
      const entry = this.record(item, entryKey, where) ?? {};
      if (!entries.has(name)) entries.set(name, read(entry, `${where}.${entryKey}`));
    });
    return entries;
  }
}

/** Makes a path in a kubeconfig absolute, relative to the file's own directory (as kubectl does). */
function resolvePath(file: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return isAbsolute(value) ? value : resolve(dirname(file), value);
}

/** The entries of `fields` whose value is defined (optional properties stay absent, not `undefined`). */
function definedFields<T extends Record<string, unknown>>(
  fields: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const result: { [K in keyof T]?: Exclude<T[K], undefined> } = {};
  for (const key of Object.keys(fields) as Array<keyof T>) {
    const value = fields[key];
    if (value !== undefined) result[key] = value as Exclude<T[typeof key], undefined>;
  }
  return result;
}

/**
 * Parses one kubeconfig file's text. Only the fields kubesim uses are read; each is
 * type-checked. The YAML is untrusted: entries are read by own keys into Maps, nothing
 * is merged into existing objects.
 *
 * @param path - the file's absolute path: relative certificate, key and token file paths
 *   are resolved against its directory.
 * @throws KubesimError `error loading config file "<path>": <problem>` for YAML that does
 *   not parse or fields of the wrong type.
 */
export function parseKubeconfigFile(path: string, text: string): KubeconfigFile {
  const reader: FieldReader = new FieldReader(path);
  let root: unknown;
  try {
    root = parse(text, { prettyErrors: false });
  } catch (error) {
    reader.fail(error instanceof Error ? error.message : String(error));
  }
  if (root === null || root === undefined) {
    return { path, clusters: new Map(), users: new Map(), contexts: new Map() };
  }
  if (!isRecord(root)) reader.fail("a kubeconfig must be a YAML mapping");
  const clusters = reader.namedList(root, "clusters", "cluster", (entry, where) =>
    definedFields({
      server: reader.string(entry, "server", where),
      certificateAuthority: resolvePath(path, reader.string(entry, "certificate-authority", where)),
      certificateAuthorityData: reader.string(entry, "certificate-authority-data", where),
      insecureSkipTlsVerify: reader.boolean(entry, "insecure-skip-tls-verify", where),
    }),
  );
  const users = reader.namedList(root, "users", "user", (entry, where) => {
    let unsupportedAuth: "exec" | "auth-provider" | undefined;
    if (reader.record(entry, "exec", where) !== undefined) unsupportedAuth = "exec";
    else if (reader.record(entry, "auth-provider", where) !== undefined) unsupportedAuth = "auth-provider";
    return definedFields({
      token: reader.string(entry, "token", where),
      tokenFile: resolvePath(path, reader.string(entry, "tokenFile", where)),
      clientCertificate: resolvePath(path, reader.string(entry, "client-certificate", where)),
      clientCertificateData: reader.string(entry, "client-certificate-data", where),
      clientKey: resolvePath(path, reader.string(entry, "client-key", where)),
      clientKeyData: reader.string(entry, "client-key-data", where),
      unsupportedAuth,
    });
  });
  const contexts = reader.namedList(root, "contexts", "context", (entry, where) =>
    definedFields({
      cluster: reader.string(entry, "cluster", where),
      user: reader.string(entry, "user", where),
      namespace: reader.string(entry, "namespace", where),
    }),
  );
  const currentContext = reader.string(root, "current-context", "kubeconfig");
  return {
    path,
    clusters,
    users,
    contexts,
    ...(currentContext === undefined ? {} : { currentContext }),
  };
}
