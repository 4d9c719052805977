/** The cells of a Lease row (`kubectl get leases`). */
import type { Lease } from "kubernetes-types/coordination/v1";
import { path, stringAt } from "./object-fields.js";
import { translateTimestampSince } from "./timestamp.js";

/** NAME, HOLDER (`spec.holderIdentity`, empty when unset), AGE. */
export function leaseCells(lease: Lease, now: Date): unknown[] {
  return [
    stringAt(lease, "metadata", "name"),
    stringAt(lease, "spec", "holderIdentity"),
    translateTimestampSince(path(lease, "metadata", "creationTimestamp"), now),
  ];
}
