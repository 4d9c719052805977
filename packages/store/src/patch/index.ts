export { applyJsonPatch } from "./json-patch.js";
export { applyMergePatch } from "./merge-patch.js";
export { patchTypeFromContentType } from "./patch-type.js";
export { strategicMergeSchemaForKind } from "./strategic-merge-kinds.js";
export { applyStrategicMergePatch } from "./strategic-merge-patch.js";
export {
  lookupStrategicMergeField,
  type StrategicMergeField,
  type StrategicMergeLookup,
  type StrategicMergeSchema,
} from "./strategic-merge-schema.js";
