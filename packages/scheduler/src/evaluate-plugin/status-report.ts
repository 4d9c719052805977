import { codeName, type Status } from "../framework/status.js";
import type { PluginStatusReport } from "./evaluate-plugin-types.js";

/** A status as evaluatePlugin reports it: `undefined` is Success with no reasons. */
export function statusReport(status: Status | undefined): PluginStatusReport {
  if (status === undefined) return { code: "Success", reasons: [] };
  return { code: codeName(status.code), reasons: [...status.reasons] };
}
