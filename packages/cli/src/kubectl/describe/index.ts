export { registerDescribeCommand } from "./describe-command.js";
export type { DescribeContext, Describer, DescriberSettings } from "./describer.js";
export { describerFor } from "./describers.js";
export { type DescribeFlags, runDescribe } from "./run-describe.js";
