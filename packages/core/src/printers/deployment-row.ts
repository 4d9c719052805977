/** The cells of a Deployment row (`kubectl get deployments`, all columns including the wide ones). */
import type { Deployment } from "kubernetes-types/apps/v1";
import { containerCells } from "./container-cells.js";
import { labelSelectorText } from "./label-format.js";
import { integerAt, path, stringAt } from "./object-fields.js";
import { translateTimestampSince } from "./timestamp.js";

/** NAME, READY (`ready/desired`), UP-TO-DATE, AVAILABLE, AGE, CONTAINERS, IMAGES, SELECTOR. */
export function deploymentCells(deployment: Deployment, now: Date): unknown[] {
  const { names, images } = containerCells(path(deployment, "spec", "template", "spec", "containers"));
  return [
    stringAt(deployment, "metadata", "name"),
    `${integerAt(deployment, "status", "readyReplicas")}/${integerAt(deployment, "spec", "replicas")}`,
    integerAt(deployment, "status", "updatedReplicas"),
    integerAt(deployment, "status", "availableReplicas"),
    translateTimestampSince(path(deployment, "metadata", "creationTimestamp"), now),
    names,
    images,
    // Unlike other workloads, upstream prints the raw selector string here: "" when empty.
    labelSelectorText(path(deployment, "spec", "selector")) ?? "<invalid>",
  ];
}
