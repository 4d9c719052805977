export type { GetFlags } from "./get-flags.js";
export { type GoSortable, goSort, goSorted } from "./go-sort.js";
export { registerGetCommand } from "./register-get-command.js";
export { runGet } from "./run-get.js";
