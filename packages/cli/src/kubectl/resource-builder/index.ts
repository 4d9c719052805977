export { addFilenameFlags, type FilenameFlagValues, parseBoolFlag } from "./command-flags.js";
export { commandName } from "./command-name.js";
export { type DecodedDocument, type DecodedSource, decodeManifestSource } from "./decode-manifest-source.js";
export {
  addFieldManagerFlag,
  addShowManagedFieldsFlag,
  type FieldManagerFlagValues,
  kubectlFieldManagers,
} from "./field-managers.js";
export {
  type FilenameSources,
  type ManifestSource,
  manifestFileExtensions,
  readFilenameSources,
  stdinSourceName,
} from "./filename-sources.js";
export {
  collectCommaSeparated,
  invalidFlagError,
  parseFlag,
  parseGoBool,
  parseGoDuration,
  parseGoInt,
} from "./flag-values.js";
export { goCompactJson } from "./go-json.js";
export { createMergePatch } from "./json-merge-diff.js";
export { type JsonStream, splitJsonStream } from "./json-stream.js";
export {
  cloneJson,
  getOwn,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  jsonEqual,
  jsonType,
  setOwn,
} from "./json-values.js";
export {
  addSourceToError,
  continueOnErrorResult,
  ErrorList,
  errorMessage,
  formatCommandError,
  newErrorList,
  reportCommandError,
  usageError,
} from "./kubectl-errors.js";
export { groupResourceName, type ObjectInfo, objectName, operationLine, printedKind } from "./object-info.js";
export {
  createObjectPrinter,
  type MutationOutput,
  type ObjectPrinter,
  type ObjectPrinterOptions,
  parseMutationOutput,
} from "./object-printer.js";
export { type PollClusterOptions, pollCluster } from "./poll-cluster.js";
export {
  buildResourceRequest,
  missingResourceMessage,
  type ResourceArgumentOptions,
  type ResourceRequest,
  type ResourceTuple,
  requestNamesSingleItem,
  resolveResourceType,
  splitResourceArgument,
} from "./resource-arguments.js";
export {
  type ParsedPairs,
  parsePairs,
  type ResourcesAndPairs,
  splitResourcesAndPairs,
} from "./resource-pairs.js";
export { createThreeWayMergePatch, createTwoWayMergePatch } from "./strategic-merge-diff.js";
export {
  lookupPatchMeta,
  type PatchMeta,
  type PatchSchema,
  patchSchemaForKind,
} from "./strategic-patch-meta.js";
export { type FilenameOptions, visitFileObjects } from "./visit-file-objects.js";
export { type VisitResourcesOptions, visitResourceRequest } from "./visit-resources.js";
