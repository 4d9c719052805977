/** The cells of a namespace row (`kubectl get namespaces`). */
import type { Namespace } from "kubernetes-types/core/v1";
import { path, stringAt } from "./object-fields.js";
import { translateTimestampSince } from "./timestamp.js";

/** NAME, STATUS (the phase, e.g. `Active`, `Terminating`), AGE. */
export function namespaceCells(namespace: Namespace, now: Date): unknown[] {
  return [
    stringAt(namespace, "metadata", "name"),
    stringAt(namespace, "status", "phase"),
    translateTimestampSince(path(namespace, "metadata", "creationTimestamp"), now),
  ];
}
