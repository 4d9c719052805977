import { createBadRequestError } from "@kubesim/core";
import { type JsonObject, stringField } from "./json-object.js";
import type { KindInfo } from "./kind-info.js";

/** The namespace a request without one addresses, as kubectl's default context does. */
export const defaultNamespace = "default";

/** The namespace a request addresses: `default` when a namespaced kind is given none, `""` for cluster-scoped kinds. */
export function requestNamespace(info: KindInfo, namespace: unknown): string {
  if (!info.namespaced) return "";
  return typeof namespace === "string" && namespace !== "" ? namespace : defaultNamespace;
}

/**
 * Makes an object's namespace agree with the request's, as upstream's
 * `EnsureObjectNamespaceMatchesRequestNamespace`: an empty namespace takes the request's,
 * a cluster-scoped object (request namespace `""`) loses its namespace.
 *
 * @throws StatusError BadRequest `the namespace of the provided object does not match the
 *   namespace sent on the request` when they differ.
 */
export function placeInNamespace(metadata: JsonObject, namespace: string): void {
  const own = stringField(metadata, "namespace");
  if (own === namespace) return;
  if (own === "") {
    metadata.namespace = namespace;
  } else if (namespace === "") {
    delete metadata.namespace;
  } else {
    throw createBadRequestError(
      "the namespace of the provided object does not match the namespace sent on the request",
    );
  }
}

/** The namespace an object names for itself: its own, or `default` for a namespaced kind. */
export function namespaceOfObject(info: KindInfo, metadata: JsonObject): string {
  return requestNamespace(info, stringField(metadata, "namespace"));
}
