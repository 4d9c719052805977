/** The CONTAINERS and IMAGES cells of workload tables (upstream `layoutContainerCells`). */
import { asArray, stringAt } from "./object-fields.js";

/** Container names and images of a pod template, each joined by `,` (init containers excluded). */
export function containerCells(containers: unknown): { readonly names: string; readonly images: string } {
  const list = asArray(containers);
  return {
    names: list.map((container) => stringAt(container, "name")).join(","),
    images: list.map((container) => stringAt(container, "image")).join(","),
  };
}
