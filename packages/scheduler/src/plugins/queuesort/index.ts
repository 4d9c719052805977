export { createPrioritySort, prioritySortDefinition } from "./priority-sort.js";
