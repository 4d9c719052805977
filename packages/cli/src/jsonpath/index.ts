export { findJsonPathResults, type JsonPathRunOptions } from "./evaluate-jsonpath.js";
export { goFloatText, goJson, goSyntaxText, goValueText } from "./go-value-text.js";
export { JsonPathError } from "./jsonpath-error.js";
export type { ArrayBound, JsonPathListNode, JsonPathNode, JsonPathTemplate } from "./jsonpath-node.js";
export { JsonPathFloat, type JsonPathKind, kindOf } from "./jsonpath-value.js";
export { parseJsonPath } from "./parse-jsonpath.js";
export { executeJsonPath, type JsonPathExecuteOptions } from "./print-jsonpath.js";
export { relaxedJsonPathExpression } from "./relaxed-expression.js";
