export { type AnnotateOptions, runAnnotate } from "./annotate.js";
export { registerAnnotateCommand } from "./annotate-command.js";
export { type LabelOptions, parseLabelPairs, runLabel } from "./label.js";
export { registerLabelCommand } from "./label-command.js";
export type { MetadataUpdateOptions } from "./metadata-update.js";
