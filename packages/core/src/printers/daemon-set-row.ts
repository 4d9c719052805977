/** The cells of a DaemonSet row (`kubectl get ds`, all columns including the wide ones). */
import type { DaemonSet } from "kubernetes-types/apps/v1";
import { containerCells } from "./container-cells.js";
import { formatLabelMap, formatSelectorValue } from "./label-format.js";
import { integerAt, path, stringAt, stringMapAt } from "./object-fields.js";
import { translateTimestampSince } from "./timestamp.js";

/** NAME, DESIRED, CURRENT, READY, UP-TO-DATE, AVAILABLE, NODE SELECTOR, AGE, CONTAINERS, IMAGES, SELECTOR. */
export function daemonSetCells(daemonSet: DaemonSet, now: Date): unknown[] {
  const { names, images } = containerCells(path(daemonSet, "spec", "template", "spec", "containers"));
  return [
    stringAt(daemonSet, "metadata", "name"),
    integerAt(daemonSet, "status", "desiredNumberScheduled"),
    integerAt(daemonSet, "status", "currentNumberScheduled"),
    integerAt(daemonSet, "status", "numberReady"),
    integerAt(daemonSet, "status", "updatedNumberScheduled"),
    integerAt(daemonSet, "status", "numberAvailable"),
    formatLabelMap(stringMapAt(daemonSet, "spec", "template", "spec", "nodeSelector")),
    translateTimestampSince(path(daemonSet, "metadata", "creationTimestamp"), now),
    names,
    images,
    formatSelectorValue(path(daemonSet, "spec", "selector")),
  ];
}
