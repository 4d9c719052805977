import {
  type FieldError,
  fieldErrors,
  fieldPath,
  goStringSlice,
  type NodeSelectorRequirement,
} from "@kubesim/core";

/** The only node field `matchFields` can select on. */
export const nodeNameField = "metadata.name";

/** The operators `matchFields` accepts, in upstream's order (used in NotSupported details). */
export const nodeSelectorFieldOperators = ["In", "NotIn"] as const;

/**
 * One parsed `matchFields` requirement. Upstream turns it into a one-term field selector
 * (`key==value` or `key!=value`) evaluated against a field set holding only
 * `metadata.name`; any other key reads as `""`.
 */
export interface NodeFieldRequirement {
  /** True when the key is `metadata.name`, so the node name is compared. */
  readonly selectsNodeName: boolean;
  /** True for `In` (equality), false for `NotIn` (inequality). */
  readonly equals: boolean;
  /** The single value. */
  readonly value: string;
}

/** The parsed `matchFields` of one term, or every error found in them. */
export type ParsedMatchFields =
  | { readonly requirements: readonly NodeFieldRequirement[]; readonly errors?: undefined }
  | { readonly requirements?: undefined; readonly errors: readonly FieldError[] };

/**
 * Parses a term's `matchFields` as upstream's `nodeSelectorRequirementsAsFieldSelector`:
 * only `In`/`NotIn`, each with exactly one value; errors are reported for every
 * requirement at `<path>[i].operator` or `<path>[i].values`.
 *
 * @param path - the path of the `matchFields` list, e.g. `nodeSelectorTerms[0].matchFields`.
 */
export function parseMatchFields(
  requirements: readonly NodeSelectorRequirement[],
  path: string,
): ParsedMatchFields {
  const parsed: NodeFieldRequirement[] = [];
  const errors: FieldError[] = [];
  requirements.forEach((requirement, index) => {
    const operator = requirement.operator ?? "";
    if (operator !== "In" && operator !== "NotIn") {
      errors.push(
        fieldErrors.notSupported(fieldPath(path, index, "operator"), operator, nodeSelectorFieldOperators),
      );
      return;
    }
    const values = requirement.values;
    if (values?.length !== 1) {
      errors.push(
        fieldErrors.invalid(fieldPath(path, index, "values"), goStringSlice(values), "must have one element"),
      );
      return;
    }
    parsed.push({
      selectsNodeName: requirement.key === nodeNameField,
      equals: operator === "In",
      value: String(values[0]),
    });
  });
  return errors.length > 0 ? { errors } : { requirements: parsed };
}

/**
 * True when a named node satisfies every parsed field requirement. Callers skip this for a
 * node without a name (upstream quirk: its field set is empty, so `matchFields` is ignored).
 */
export function matchesNodeFields(requirements: readonly NodeFieldRequirement[], nodeName: string): boolean {
  for (let index = 0; index < requirements.length; index++) {
    const requirement = requirements[index] as NodeFieldRequirement;
    const fieldValue = requirement.selectsNodeName ? nodeName : "";
    if ((fieldValue === requirement.value) !== requirement.equals) return false;
  }
  return true;
}
