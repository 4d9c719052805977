export {
  type AppliedConfiguration,
  type ApplyRequest,
  applyConfiguration,
} from "./apply-configuration.js";
export { type Comparison, compareValues } from "./compare-values.js";
export { createApplyConflictError, type FieldConflict } from "./conflict-error.js";
export { checkFieldManagerName, maxFieldManagerLength } from "./field-manager-name.js";
export type { FieldManagerScope } from "./field-manager-scope.js";
export { type FieldSchema, fieldSchemaForKind } from "./field-schema.js";
export { FieldSet } from "./field-set.js";
export { lastAppliedAnnotation } from "./last-applied.js";
export {
  decodeManagedFields,
  encodeManagedFields,
  type ManagedFieldsOperation,
  type ManagedTable,
  type ManagerEntry,
} from "./managed-entries.js";
export { mergeValues } from "./merge-values.js";
export { recordWrite } from "./record-write.js";
export { toFieldSet } from "./to-field-set.js";
