import type { Selector } from "@kubesim/affinity";
import { type ControllerRevision, isInvalid, isNotFound, type Pod } from "@kubesim/core";
import { aggregateErrors, wrapError } from "./controller-errors.js";
import { controllerOf, isTerminating } from "./daemon-pods.js";
import type { ObjectCache } from "./object-cache.js";
import type { SyncPass } from "./sync-pass.js";

type ClaimableKind = "Pod" | "ControllerRevision";

/** The strategic merge patch upstream's ref manager sends to adopt: add the controller reference. */
function adoptionPatch(pass: SyncPass, uid: string | undefined): unknown {
  const metadata = pass.daemonSet.metadata ?? {};
  return {
    metadata: {
      ownerReferences: [
        {
          apiVersion: "apps/v1",
          kind: "DaemonSet",
          name: metadata.name ?? "",
          uid: metadata.uid ?? "",
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
      uid,
    },
  };
}

/** The strategic merge patch upstream's ref manager sends to release: delete our owner reference. */
function releasePatch(pass: SyncPass, uid: string | undefined): unknown {
  return {
    metadata: { ownerReferences: [{ $patch: "delete", uid: pass.daemonSet.metadata?.uid ?? "" }], uid },
  };
}

async function patchObject<T extends Pod | ControllerRevision>(
  pass: SyncPass,
  kind: ClaimableKind,
  cache: ObjectCache<T>,
  object: T,
  patch: unknown,
): Promise<T> {
  const patched = (await pass.runtime.client.patch(kind, object.metadata?.name ?? "", patch, {
    namespace: pass.namespace,
    type: "strategic",
  })) as unknown as T;
  cache.upsert(patched);
  return patched;
}

/**
 * Upstream's `ControllerRefManager.ClaimPods` / `ClaimControllerRevisions` for the
 * DaemonSet's namespace: objects it controls whose labels match the selector are claimed;
 * ones it controls that no longer match are released (a patch removing its owner
 * reference); orphans that match and are not being deleted are adopted (a patch adding a
 * controller reference, after {@link SyncPass.canAdopt}); objects controlled by someone
 * else are ignored. Patched objects replace their cached copies.
 *
 * @returns the claimed objects, in cache order.
 * @throws the aggregate of the adoption/release errors (NotFound, and Invalid on release,
 *   are ignored as upstream).
 */
export async function claimObjects<T extends Pod | ControllerRevision>(
  pass: SyncPass,
  kind: ClaimableKind,
  cache: ObjectCache<T>,
  selector: Selector,
): Promise<T[]> {
  const daemonSetUid = pass.daemonSet.metadata?.uid;
  const daemonSetDeleting = isTerminating(pass.daemonSet);
  const claimed: T[] = [];
  const errors: unknown[] = [];
  for (const object of cache.list(pass.namespace)) {
    const reference = controllerOf(object);
    const matches = selector.matches(object.metadata?.labels);
    if (reference !== undefined) {
      if (reference.uid !== daemonSetUid) continue;
      if (matches) {
        claimed.push(object);
        continue;
      }
      if (daemonSetDeleting) continue;
      try {
        await patchObject(pass, kind, cache, object, releasePatch(pass, object.metadata?.uid));
      } catch (error) {
        if (!isNotFound(error) && !isInvalid(error)) errors.push(error);
      }
      continue;
    }
    if (daemonSetDeleting || !matches || isTerminating(object)) continue;
    const metadata = object.metadata ?? {};
    try {
      await pass.canAdopt();
    } catch (error) {
      errors.push(
        wrapError(
          `can't adopt ${kind} ${metadata.namespace ?? ""}/${metadata.name ?? ""} (${metadata.uid ?? ""})`,
          error,
        ),
      );
      continue;
    }
    try {
      claimed.push(await patchObject(pass, kind, cache, object, adoptionPatch(pass, metadata.uid)));
    } catch (error) {
      if (!isNotFound(error)) errors.push(error);
    }
  }
  const failure = aggregateErrors(errors);
  if (failure !== undefined) throw failure;
  return claimed;
}
