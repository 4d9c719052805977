import { createBadRequestError } from "@kubesim/core";
import { goJsonKind } from "./go-text.js";
import { cloneJson, isJsonObject } from "./json-value.js";
import { strategicMergeSchemaForKind } from "./strategic-merge-kinds.js";
import { mergeStrategicMap } from "./strategic-merge-map.js";

/**
 * Applies a Kubernetes strategic merge patch (`application/strategic-merge-patch+json`) to an
 * object of the given kind, as the API server does (apimachinery's strategicpatch). Neither
 * input is changed; the result shares no references with them.
 *
 * Maps merge recursively and `null` deletes a key. Lists follow the field's patch strategy:
 * `containers`, `env`, `volumes`, `conditions`, `ownerReferences`, … merge by their merge key,
 * `finalizers` and `podCIDRs` merge as sets of primitives, and lists without a strategy
 * (`tolerations`, `taints`, `args`, `command`, …) are replaced. Directives: `$patch`
 * (`replace`, `delete`, `merge`), `$retainKeys`, `$setElementOrder/<list>` and
 * `$deleteFromPrimitiveList/<list>`. Kinds without a schema (see the kind table) replace
 * every list, as a JSON merge patch would, but still merge maps.
 *
 * Like upstream, values taken over verbatim from the patch (a `$patch: replace` map, an
 * atomic list) are not cleaned: the API server's typed decoding drops their `null` members
 * afterwards.
 *
 * @throws StatusError, as the API server reports strategic merge patch failures:
 *   400 (BadRequest) for a patch that is not an object or a malformed `$retainKeys`,
 *   `$setElementOrder` or `$deleteFromPrimitiveList` directive; 422 (Invalid,
 *   `the server rejected our request due to an error in our request`) for lists of lists;
 *   500 with an empty reason and upstream's raw text otherwise, e.g.
 *   `map: map[image:nginx] does not contain declared merge key: name`.
 *
 * @example
 * applyStrategicMergePatch(node, { spec: { unschedulable: true } }, "Node");
 */
export function applyStrategicMergePatch(original: unknown, patch: unknown, kind: string): unknown {
  const patchValue = cloneJson(patch);
  if (patchValue !== null && !isJsonObject(patchValue)) {
    throw createBadRequestError(
      `json: cannot unmarshal ${goJsonKind(patchValue)} into Go value of type map[string]interface {}`,
    );
  }
  const originalValue = cloneJson(original);
  return mergeStrategicMap(
    isJsonObject(originalValue) ? originalValue : {},
    patchValue ?? {},
    strategicMergeSchemaForKind(kind),
  );
}
