import type { FieldManagerScope } from "../managed-fields/index.js";
import type { KindInfo } from "./kind-info.js";
import type { StoreState } from "./store-state.js";
import { formatTimestamp } from "./timestamps.js";

/** The field manager's view of a write of `info` now (the store clock). */
export function fieldManagerScope(
  state: StoreState,
  info: KindInfo,
  subresource: "" | "status",
): FieldManagerScope {
  return {
    kind: info.kind,
    apiVersion: info.resource.apiVersion,
    subresource,
    hasStatus: info.hasStatus,
    now: formatTimestamp(state.clock.now()),
  };
}

/** A `fieldManager` option as the store reads it: absent or empty means an unrecorded write. */
export function fieldManagerOf(options: { readonly fieldManager?: string } | undefined): string | undefined {
  const manager = options?.fieldManager;
  return typeof manager === "string" && manager !== "" ? manager : undefined;
}
