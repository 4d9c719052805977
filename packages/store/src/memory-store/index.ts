export {
  createMemoryStore,
  defaultBookmarkIntervalMs,
  defaultHistoryLimit,
  type MemoryStoreOptions,
  restoreMemoryStore,
} from "./create-memory-store.js";
export { maxObjectDepth } from "./json-depth.js";
export { MemoryStore } from "./memory-store.js";
export type { PatchOutcome } from "./patch-object.js";
export type { StoreSnapshot } from "./store-snapshot.js";
