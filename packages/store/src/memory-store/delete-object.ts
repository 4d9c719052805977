import { createNotFoundError } from "@kubesim/core";
import type { CheckedDeleteOptions } from "./delete-options.js";
import { deleteStored } from "./delete-stored.js";
import type { JsonObject } from "./json-object.js";
import { type KindInfo, objectKey } from "./kind-info.js";
import { deleteNamespace } from "./namespace-deletion.js";
import { admitDelete } from "./namespace-lifecycle.js";
import { requestNamespace } from "./object-placement.js";
import { createEmptyNameError } from "./store-errors.js";
import type { StoreState } from "./store-state.js";

/**
 * `ApiClient.delete`: NamespaceLifecycle (the system namespaces cannot be deleted), then
 * the namespace registry's delete for Namespaces and the generic one for everything else.
 */
export function deleteObject(
  state: StoreState,
  info: KindInfo,
  name: string,
  namespace: unknown,
  options: CheckedDeleteOptions,
): JsonObject {
  if (typeof name !== "string" || name === "") throw createEmptyNameError();
  const ns = requestNamespace(info, namespace);
  admitDelete(info, name);
  const key = objectKey(info, ns, name);
  const existing = state.get(info, key);
  if (existing === undefined) throw createNotFoundError(info.groupResource, name);
  const target = { info, key, existing };
  if (info.kind === "Namespace") return deleteNamespace(state, target, options);
  return deleteStored(state, target, options);
}
