export {
  type ApiServer,
  type ApiServerAddress,
  type ApiServerOptions,
  createApiServer,
  defaultMaxBodyBytes,
} from "./create-api-server.js";
export { serverVersion } from "./discovery.js";
