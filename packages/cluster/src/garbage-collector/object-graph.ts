import type { KubeObject, OwnerReference } from "@kubesim/core";

/** One object and the kind it was listed as. */
export interface GraphObject {
  readonly kind: string;
  readonly object: KubeObject;
}

/** A dependent of one owner, with the reference that points at the owner. */
export interface DependentLink {
  readonly dependent: GraphObject;
  readonly reference: OwnerReference;
}

/** The ownership graph of one pass: objects by uid and dependents by owner uid. */
export interface ObjectGraph {
  readonly byUid: ReadonlyMap<string, GraphObject>;
  readonly dependentsOf: ReadonlyMap<string, readonly DependentLink[]>;
}

/** Builds the ownership graph of the listed objects. */
export function buildObjectGraph(objects: readonly GraphObject[]): ObjectGraph {
  const byUid = new Map<string, GraphObject>();
  const dependentsOf = new Map<string, DependentLink[]>();
  for (const entry of objects) {
    const uid = entry.object.metadata?.uid;
    if (uid !== undefined) byUid.set(uid, entry);
    for (const reference of entry.object.metadata?.ownerReferences ?? []) {
      const links = dependentsOf.get(reference.uid);
      if (links === undefined) dependentsOf.set(reference.uid, [{ dependent: entry, reference }]);
      else links.push({ dependent: entry, reference });
    }
  }
  return { byUid, dependentsOf };
}

/** Whether the object is being deleted (has a `deletionTimestamp`). */
export function isBeingDeleted(object: KubeObject): boolean {
  return object.metadata?.deletionTimestamp !== undefined;
}

/** Whether the object carries the finalizer. */
export function hasFinalizer(object: KubeObject, finalizer: string): boolean {
  return (object.metadata?.finalizers ?? []).includes(finalizer);
}
