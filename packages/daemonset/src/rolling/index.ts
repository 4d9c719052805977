export { scaledValueFromIntOrPercent } from "./int-or-percent.js";
export { isPodUpdated } from "./is-pod-updated.js";
export {
  planRollingUpdate,
  type RollingUpdateInput,
  type RollingUpdatePlan,
} from "./plan-rolling-update.js";
export { isPodAvailable, isPodReady } from "./pod-availability.js";
export {
  type RollingUpdateLimits,
  rollingUpdateLimits,
  surgeAllowed,
  surgeCount,
  unavailableCount,
} from "./rolling-update-limits.js";
