export { quantityFromMilli, quantityFromValue } from "./create-quantity.js";
export { mustParseQuantity, parseQuantity } from "./parse-quantity.js";
export { isQuantity, Quantity } from "./quantity.js";
export { QuantityFormat } from "./quantity-format.js";
export {
  addQuantities,
  compareQuantities,
  formatQuantity,
  subtractQuantities,
} from "./quantity-operations.js";
export {
  QuantityParseError,
  type QuantityParseErrorReason,
  quantityParseErrorMessages,
} from "./quantity-parse-error.js";
