export { goSort } from "./go-order.js";
export { labelSelectorAsSelector } from "./label-selector-as-selector.js";
export { type ParseSelectorOptions, parseSelector, parseSelectorRequirements } from "./parser.js";
export {
  type CreateRequirementOptions,
  collectRequirementErrors,
  createRequirement,
  type LabelMap,
  Requirement,
  type SelectorOperator,
  selectorOperators,
} from "./requirement.js";
export {
  everything,
  nothing,
  type Selector,
  selectorFromRequirements,
  selectorFromSet,
  sortRequirementsByKey,
  validatedSelectorFromSet,
} from "./selector.js";
