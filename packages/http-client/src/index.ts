export {
  createHttpApiClient,
  type HttpApiClient,
  type HttpApiClientOptions,
} from "./create-http-api-client.js";
export {
  type KubeconfigConnection,
  type LoadKubeconfigOptions,
  loadKubeconfig,
} from "./kubeconfig/load-kubeconfig.js";
export { defaultUserAgent, httpClientVersion } from "./version.js";
export { JsonStreamDecoder, JsonStreamError } from "./watch/json-stream-decoder.js";
