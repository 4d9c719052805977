export { type FindUnknownFieldsOptions, findUnknownFields } from "./find-unknown-fields.js";
export { strictDecodingError, unknownFieldWarnings } from "./strict-decoding-error.js";
