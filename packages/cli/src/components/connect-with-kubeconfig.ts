import { resolve } from "node:path";
import { createHttpApiClient, type HttpApiClient, loadKubeconfig } from "@kubesim/http-client";
import type { CommandEnvironment } from "../state/index.js";
import type { ComponentFlags } from "./component-flags.js";

/**
 * An HTTP client for the API server the kubeconfig names, as the upstream components
 * connect: `--kubeconfig FILE` (relative to the working directory; default `$KUBECONFIG`,
 * else `~/.kube/config`) and `--context` (default its current context). Writes that name
 * no field manager are made as `fieldManager`, which is also the user agent.
 *
 * @throws KubesimError with client-go's wording when the kubeconfig or context is unusable.
 */
export function connectWithKubeconfig(
  environment: CommandEnvironment,
  flags: ComponentFlags,
  fieldManager: string,
): HttpApiClient {
  const connection = loadKubeconfig({
    path: flags.kubeconfig === undefined ? undefined : resolve(environment.cwd, flags.kubeconfig),
    context: flags.context,
    env: { ...environment.env },
  });
  return createHttpApiClient({
    server: connection.server,
    token: connection.token,
    ca: connection.ca,
    cert: connection.cert,
    key: connection.key,
    insecureSkipTlsVerify: connection.insecureSkipTlsVerify,
    fieldManager,
    userAgent: `${fieldManager}/kubesim`,
  });
}
