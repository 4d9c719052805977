export {
  createSchedulingGates,
  schedulingGatesDefinition,
  schedulingGatesReason,
} from "./scheduling-gates.js";
