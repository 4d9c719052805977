/** The cells of a ReplicaSet row (`kubectl get replicasets`, all columns including the wide ones). */
import type { ReplicaSet } from "kubernetes-types/apps/v1";
import { containerCells } from "./container-cells.js";
import { formatSelectorValue } from "./label-format.js";
import { integerAt, path, stringAt } from "./object-fields.js";
import { translateTimestampSince } from "./timestamp.js";

/** NAME, DESIRED, CURRENT, READY, AGE, CONTAINERS, IMAGES, SELECTOR. */
export function replicaSetCells(replicaSet: ReplicaSet, now: Date): unknown[] {
  const { names, images } = containerCells(path(replicaSet, "spec", "template", "spec", "containers"));
  return [
    stringAt(replicaSet, "metadata", "name"),
    integerAt(replicaSet, "spec", "replicas"),
    integerAt(replicaSet, "status", "replicas"),
    integerAt(replicaSet, "status", "readyReplicas"),
    translateTimestampSince(path(replicaSet, "metadata", "creationTimestamp"), now),
    names,
    images,
    formatSelectorValue(path(replicaSet, "spec", "selector")),
  ];
}
