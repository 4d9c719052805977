export { evaluatePlugin } from "./evaluate-plugin.js";
export type {
  EvaluatePluginOptions,
  EvaluatePluginResult,
  PluginStatusReport,
} from "./evaluate-plugin-types.js";
