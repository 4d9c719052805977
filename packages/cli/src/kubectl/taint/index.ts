export { runTaint, type TaintOptions } from "./taint.js";
export { registerTaintCommand } from "./taint-command.js";
