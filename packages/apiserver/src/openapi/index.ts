export { openApiV3Document, openApiV3Index } from "./openapi-v3.js";
