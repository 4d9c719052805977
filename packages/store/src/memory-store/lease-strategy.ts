import { type JsonObject, objectField, ownField } from "./json-object.js";

/**
 * The LeaseSpec fields of coordinated leader election, which kube-apiserver v1.32 serves
 * only with the alpha feature gate `CoordinatedLeaderElection` (off by default, and off in
 * kubesim).
 */
const gatedLeaseFields: readonly string[] = ["strategy", "preferredHolder"];

/**
 * Upstream's Lease `PrepareForCreate` / `PrepareForUpdate` with the feature gate off: drops
 * `spec.strategy` and `spec.preferredHolder` from a new Lease, and from an updated one
 * unless the stored Lease already has the field (so data written while the gate was on
 * survives).
 *
 * @param old - the stored Lease on update; omitted on create.
 */
export function dropGatedLeaseFields(lease: JsonObject, old?: JsonObject): void {
  const spec = objectField(lease, "spec");
  if (spec === undefined) return;
  const oldSpec = old === undefined ? undefined : objectField(old, "spec");
  for (const key of gatedLeaseFields) {
    const kept =
      oldSpec !== undefined && ownField(oldSpec, key) !== undefined && ownField(oldSpec, key) !== null;
    if (!kept) delete spec[key];
  }
}
