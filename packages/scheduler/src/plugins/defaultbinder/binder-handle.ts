import type { ApiClient } from "@kubesim/core";
import type { Handle } from "../../framework/types.js";

/**
 * A {@link Handle} that can act on the cluster: what DefaultBinder needs to create the
 * `pods/binding` subresource. Plugin tests without a cluster (`evaluatePlugin`) have no
 * client.
 */
export interface BinderHandle extends Handle {
  readonly client: ApiClient;
}

function asClient(value: unknown): ApiClient | undefined {
  return typeof value === "object" && value !== null && typeof (value as ApiClient).bind === "function"
    ? (value as ApiClient)
    : undefined;
}

/**
 * The API client a handle offers for binding: its own `client` ({@link BinderHandle}) or,
 * for a handle made by the scheduler's framework runtime, `scheduler.client`; `undefined`
 * when it has neither.
 */
export function binderClient(handle: Handle): ApiClient | undefined {
  const candidate = handle as Partial<BinderHandle> & { readonly scheduler?: { readonly client?: unknown } };
  return asClient(candidate.client) ?? asClient(candidate.scheduler?.client);
}

/** True when the handle carries an {@link ApiClient} of its own (`client`). */
export function isBinderHandle(handle: Handle): handle is BinderHandle {
  return asClient((handle as Partial<BinderHandle>).client) !== undefined;
}
