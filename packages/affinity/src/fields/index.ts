export { checkFieldSelectorSupported, supportedFieldLabels } from "./field-label-conversion.js";
export {
  everythingFields,
  type FieldSelector,
  type FieldSelectorOperator,
  type FieldSelectorRequirement,
  fieldSelectorFromRequirements,
} from "./field-selector.js";
export { createFieldSelectorError } from "./field-selector-error.js";
export { escapeFieldValue, unescapeFieldValue } from "./field-value-escaping.js";
export { parseFieldSelector } from "./parse-field-selector.js";
export { fieldsOf } from "./selectable-fields.js";
