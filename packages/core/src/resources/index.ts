export {
  findResource,
  findResourceByApiVersionKind,
  findResourceByKind,
  findResourcesInCategory,
  type ResourceInfo,
  resourceTable,
} from "./resource-table.js";
