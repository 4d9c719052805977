/** What a describer is: it reads one object (and what relates to it) and returns its description. */
import type { KubeObject, OwnerReference } from "@kubesim/core";
import type { KubectlContext } from "../kubectl-context.js";

/** The parts of the verb's context a describer reads: the API and the clock ages are computed against. */
export type DescribeContext = Pick<KubectlContext, "client" | "clock">;

/** kubectl's `DescriberSettings`. */
export interface DescriberSettings {
  /** `--show-events` (default true): add the Events section. */
  readonly showEvents: boolean;
}

/**
 * Describes the object `name` (in `namespace`, `""` for cluster-scoped kinds) as kubectl's
 * describer for its kind does. Rejects with the API error when the object cannot be read.
 */
export type Describer = (
  context: DescribeContext,
  namespace: string,
  name: string,
  settings: DescriberSettings,
) => Promise<string>;

/** The owner reference marked `controller: true` (upstream `metav1.GetControllerOf`), if any. */
export function controllerOf(object: KubeObject): OwnerReference | undefined {
  return (object.metadata?.ownerReferences ?? []).find((reference) => reference.controller === true);
}
