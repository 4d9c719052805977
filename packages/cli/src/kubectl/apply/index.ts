export { type ApplyOptions, runApply, serverSideApplyConflictHelp } from "./apply.js";
export { registerApplyCommand } from "./apply-command.js";
export { type CreateOptions, runCreate } from "./create.js";
export { registerCreateCommand } from "./create-command.js";
export { type DeleteOptions, parseCascade, runDelete } from "./delete.js";
export { registerDeleteCommand } from "./delete-command.js";
export {
  lastAppliedAnnotation,
  lastAppliedConfiguration,
  modifiedConfiguration,
  pruneNulls,
  withApplyAnnotation,
} from "./last-applied.js";
