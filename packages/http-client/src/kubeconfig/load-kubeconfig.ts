import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { KubesimError } from "@kubesim/core";
import {
  type KubeconfigCluster,
  type KubeconfigContext,
  type KubeconfigFile,
  type KubeconfigUser,
  parseKubeconfigFile,
} from "./read-kubeconfig-file.js";

/** Options of {@link loadKubeconfig}. */
export interface LoadKubeconfigOptions {
  /** One kubeconfig file to read instead of `KUBECONFIG` / `~/.kube/config` (kubectl's `--kubeconfig`); it must exist. */
  readonly path?: string | undefined;
  /** The context to use instead of the file's `current-context` (kubectl's `--context`). */
  readonly context?: string | undefined;
  /** Where `KUBECONFIG` and `HOME` are read (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv | undefined;
}

/**
 * What a kubeconfig context says about reaching its API server: the server URL, the
 * namespace, and the credentials, with file references already read. Spread it into
 * `createHttpApiClient`.
 */
export interface KubeconfigConnection {
  /** The cluster's `server` URL. */
  readonly server: string;
  /** The context's namespace, `default` when it names none. */
  readonly namespace: string;
  /** The bearer token (`token`, or the trimmed contents of `tokenFile`, which wins as in client-go). */
  readonly token?: string;
  /** PEM certificate authorities (`certificate-authority-data` decoded, or the file read). */
  readonly ca?: string;
  /** PEM client certificate (`client-certificate-data` decoded, or the file read). */
  readonly cert?: string;
  /** PEM client key (`client-key-data` decoded, or the file read). */
  readonly key?: string;
  /** The cluster's `insecure-skip-tls-verify`, when true. */
  readonly insecureSkipTlsVerify?: boolean;
  /** The context used. */
  readonly contextName: string;
}

/** A kubeconfig problem, worded as client-go words it where it has a message. */
function configError(message: string, cause?: unknown): KubesimError {
  return new KubesimError(message, cause === undefined ? undefined : { cause });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isMissingFile(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ENOENT";
}

/** The files kubectl would read, in precedence order, and whether they must exist. */
function kubeconfigPaths(options: LoadKubeconfigOptions | undefined): { paths: string[]; explicit: boolean } {
  if (options?.path !== undefined && options.path !== "")
    return { paths: [resolve(options.path)], explicit: true };
  const env = options?.env ?? process.env;
  const list = env.KUBECONFIG;
  if (list !== undefined && list !== "") {
    const seen = new Set<string>();
    const paths: string[] = [];
    for (const entry of list.split(delimiter)) {
      if (entry === "") continue;
      const path = resolve(entry);
      if (seen.has(path)) continue;
      seen.add(path);
      paths.push(path);
    }
    return { paths, explicit: false };
  }
  const home = env.HOME !== undefined && env.HOME !== "" ? env.HOME : homedir();
  return { paths: [join(home, ".kube", "config")], explicit: false };
}

/** Reads the files; missing ones are skipped unless the path was explicit (as kubectl). */
function readFiles(paths: readonly string[], explicit: boolean): KubeconfigFile[] {
  const files: KubeconfigFile[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      if (isMissingFile(error)) {
        if (explicit) throw configError(`stat ${path}: no such file or directory`, error);
        continue;
      }
      throw configError(`error loading config file ${JSON.stringify(path)}: ${errorText(error)}`, error);
    }
    files.push(parseKubeconfigFile(path, text));
  }
  return files;
}

/**
 * Merges files as kubectl does for a `KUBECONFIG` list: the first file to define a
 * cluster, user or context name wins, and the first `current-context` set wins.
 */
function mergeFiles(files: readonly KubeconfigFile[]): {
  clusters: Map<string, KubeconfigCluster>;
  users: Map<string, KubeconfigUser>;
  contexts: Map<string, KubeconfigContext>;
  currentContext: string | undefined;
} {
  const clusters = new Map<string, KubeconfigCluster>();
  const users = new Map<string, KubeconfigUser>();
  const contexts = new Map<string, KubeconfigContext>();
  let currentContext: string | undefined;
  for (const file of files) {
    for (const [name, cluster] of file.clusters) if (!clusters.has(name)) clusters.set(name, cluster);
    for (const [name, user] of file.users) if (!users.has(name)) users.set(name, user);
    for (const [name, context] of file.contexts) if (!contexts.has(name)) contexts.set(name, context);
    currentContext ??= file.currentContext;
  }
  return { clusters, users, contexts, currentContext };
}

/** Inline base64 data, else the referenced file's contents. */
function pemOf(
  data: string | undefined,
  file: string | undefined,
  describe: (path: string, error: unknown) => string,
): string | undefined {
  if (data !== undefined) return Buffer.from(data, "base64").toString("utf8");
  if (file === undefined) return undefined;
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw configError(describe(file, error), error);
  }
}

/** The bearer token: `tokenFile`'s trimmed contents when readable (client-go lets it win), else `token`. */
function tokenOf(userName: string, user: KubeconfigUser): string | undefined {
  if (user.tokenFile !== undefined) {
    try {
      return readFileSync(user.tokenFile, "utf8").trim();
    } catch (error) {
      if (user.token === undefined) {
        throw configError(
          `unable to read token file ${user.tokenFile} for ${userName} due to ${errorText(error)}`,
          error,
        );
      }
    }
  }
  return user.token;
}

/**
 * Loads the connection settings of a kubeconfig context, as kubectl resolves them:
 * `options.path`, else the `KUBECONFIG` list (merged, first file wins per name; missing
 * files skipped), else `~/.kube/config`; the context `options.context`, else
 * `current-context`; its cluster's `server`, `certificate-authority(-data)` and
 * `insecure-skip-tls-verify`; its user's `token`/`tokenFile` and
 * `client-certificate(-data)`/`client-key(-data)` (inline data wins over files); its
 * namespace (`default` when none). Relative file paths are relative to the kubeconfig
 * that names them.
 *
 * @example
 * const connection = loadKubeconfig({ context: "kubesim-demo" });
 * const client = createHttpApiClient({ ...connection, fieldManager: "kubesim-scheduler" });
 *
 * @throws KubesimError with client-go's wording: `context was not found for specified
 *   context: x`, `no context chosen`, `cluster "c" was not found for context "x"`,
 *   `no server found for cluster "c"`, `error loading config file "<path>": …`,
 *   `unable to read certificate-authority <path> for c due to …`, and for exec or
 *   auth-provider credentials, which kubesim cannot use.
 */
export function loadKubeconfig(options?: LoadKubeconfigOptions): KubeconfigConnection {
  const { paths, explicit } = kubeconfigPaths(options);
  const files = readFiles(paths, explicit);
  const config = mergeFiles(files);
  if (files.length === 0 || (config.contexts.size === 0 && config.clusters.size === 0)) {
    throw configError(
      `no configuration has been provided: no kubeconfig found at ${paths.map((path) => JSON.stringify(path)).join(", ")}`,
    );
  }
  const contextName =
    options?.context !== undefined && options.context !== "" ? options.context : config.currentContext;
  if (contextName === undefined) throw configError("no context chosen");
  const context = config.contexts.get(contextName);
  if (context === undefined) throw configError(`context was not found for specified context: ${contextName}`);
  if (context.cluster === undefined) {
    throw configError(`cluster was not specified for context ${JSON.stringify(contextName)}`);
  }
  const cluster = config.clusters.get(context.cluster);
  if (cluster === undefined) {
    throw configError(
      `cluster ${JSON.stringify(context.cluster)} was not found for context ${JSON.stringify(contextName)}`,
    );
  }
  if (cluster.server === undefined)
    throw configError(`no server found for cluster ${JSON.stringify(context.cluster)}`);
  let user: KubeconfigUser = {};
  if (context.user !== undefined) {
    const found = config.users.get(context.user);
    if (found === undefined) {
      throw configError(
        `user ${JSON.stringify(context.user)} was not found for context ${JSON.stringify(contextName)}`,
      );
    }
    user = found;
  }
  const userName = context.user ?? "";
  const token = tokenOf(userName, user);
  if (token === undefined && user.unsupportedAuth !== undefined) {
    throw configError(
      `user ${JSON.stringify(userName)} authenticates with ${user.unsupportedAuth === "exec" ? "an exec credential plugin" : "an auth-provider"}, which kubesim does not support: use a token or a client certificate`,
    );
  }
  const hasCert = user.clientCertificate !== undefined || user.clientCertificateData !== undefined;
  const hasKey = user.clientKey !== undefined || user.clientKeyData !== undefined;
  if (hasCert && !hasKey) {
    throw configError(
      `client-key-data or client-key must be specified for ${userName} to use the clientCert authentication method.`,
    );
  }
  const ca = pemOf(
    cluster.certificateAuthorityData,
    cluster.certificateAuthority,
    (path, error) =>
      `unable to read certificate-authority ${path} for ${context.cluster} due to ${errorText(error)}`,
  );
  const cert = pemOf(
    user.clientCertificateData,
    user.clientCertificate,
    (path, error) => `unable to read client-cert ${path} for ${userName} due to ${errorText(error)}`,
  );
  const key = pemOf(
    user.clientKeyData,
    user.clientKey,
    (path, error) => `unable to read client-key ${path} for ${userName} due to ${errorText(error)}`,
  );
  return {
    server: cluster.server,
    namespace: context.namespace ?? "default",
    ...(token === undefined ? {} : { token }),
    ...(ca === undefined ? {} : { ca }),
    ...(cert === undefined ? {} : { cert }),
    ...(key === undefined ? {} : { key }),
    ...(cluster.insecureSkipTlsVerify === true ? { insecureSkipTlsVerify: true } : {}),
    contextName,
  };
}
