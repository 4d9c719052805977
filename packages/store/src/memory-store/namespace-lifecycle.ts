import {
  createForbiddenError,
  createNotFoundError,
  goQuote,
  groupResourceString,
  StatusError,
  StatusReason,
} from "@kubesim/core";
import { type JsonObject, objectField, stringField } from "./json-object.js";
import { type KindInfo, resolveKind } from "./kind-info.js";
import type { StoreState } from "./store-state.js";

/** The namespaces that exist from the start, in the order the API server creates them. */
export const systemNamespaces: readonly string[] = Object.freeze([
  "default",
  "kube-system",
  "kube-public",
  "kube-node-lease",
]);

/** The namespaces the NamespaceLifecycle admission plugin never lets anyone delete. */
const immortalNamespaces: ReadonlySet<string> = new Set(["default", "kube-system", "kube-public"]);

/** The Namespace kind's description. */
export const namespaceInfo: KindInfo = resolveKind("Namespace");

/** Whether a namespace is being deleted (`status.phase: Terminating`). */
export function isTerminating(namespace: JsonObject): boolean {
  return stringField(objectField(namespace, "status"), "phase") === "Terminating";
}

/**
 * The NamespaceLifecycle admission check for a write into a namespace (not a delete): the
 * namespace must exist, and a create (pods/binding and pods/eviction included) may not
 * target a terminating namespace.
 *
 * @param name - the object's name, or its generateName, for the Forbidden message.
 * @throws StatusError NotFound `namespaces "x" not found`; Forbidden `pods "p" is
 *   forbidden: unable to create new content in namespace x because it is being terminated`.
 */
export function admitNamespacedWrite(
  state: StoreState,
  info: KindInfo,
  namespace: string,
  name: string,
  operation: "create" | "update",
): void {
  if (!info.namespaced) return;
  const stored = state.get(namespaceInfo, namespace);
  if (stored === undefined) throw createNotFoundError(namespaceInfo.groupResource, namespace);
  if (operation !== "create" || !isTerminating(stored)) return;
  const shownName = name === "" ? "Unknown" : name;
  throw new StatusError({
    message: `${groupResourceString(info.groupResource)} ${goQuote(shownName)} is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
    reason: StatusReason.Forbidden,
    code: 403,
    details: {
      name: shownName,
      group: info.groupResource.group,
      kind: info.groupResource.resource,
      causes: [
        {
          reason: "NamespaceTerminating",
          message: `namespace ${namespace} is being terminated`,
          field: "metadata.namespace",
        },
      ],
    },
  });
}

/**
 * The NamespaceLifecycle admission check for a delete.
 *
 * @throws StatusError Forbidden `namespaces "default" is forbidden: this namespace may not
 *   be deleted` for `default`, `kube-system` and `kube-public`.
 */
export function admitDelete(info: KindInfo, name: string): void {
  if (info.kind === "Namespace" && immortalNamespaces.has(name)) {
    throw createForbiddenError(info.groupResource, name, "this namespace may not be deleted");
  }
}
