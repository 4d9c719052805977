export type { GetFlags } from "./get-flags.js";
export { goSorted } from "./go-sort.js";
export { registerGetCommand } from "./register-get-command.js";
export { runGet } from "./run-get.js";
