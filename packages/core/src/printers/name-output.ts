/** `kubectl get -o name`: `<kind>[.<group>]/<name>` per object. */
import { KubesimError } from "../errors/index.js";
import { stringAt } from "./object-fields.js";

const missingKind =
  "missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type";

/**
 * Renders objects as `kubectl get -o name` does, one line each: `daemonset.apps/nginx`,
 * `pod/nginx-6kzjs`, `node/node-1` (lower-cased kind, plus `.group` outside the core
 * group; `<unknown>` for a missing name).
 *
 * @throws KubesimError when an object has neither apiVersion nor kind.
 */
export function renderName(input: object | readonly object[]): string {
  const objects: readonly object[] = Array.isArray(input) ? input : [input as object];
  return objects.map((object) => `${resourceName(object)}\n`).join("");
}

function resourceName(object: object): string {
  const apiVersion = stringAt(object, "apiVersion");
  const kind = stringAt(object, "kind");
  const group = groupOf(apiVersion);
  if (group === undefined || (apiVersion === "" && kind === "")) throw new KubesimError(missingKind);
  const name = stringAt(object, "metadata", "name") || "<unknown>";
  if (kind === "") return `<unknown>/${name}`;
  return group === "" ? `${kind.toLowerCase()}/${name}` : `${kind.toLowerCase()}.${group}/${name}`;
}

/** The group of an apiVersion (`""` for the core group), `undefined` when malformed. */
function groupOf(apiVersion: string): string | undefined {
  const parts = apiVersion.split("/");
  if (parts.length > 2) return undefined;
  return parts.length === 2 ? parts[0] : "";
}
