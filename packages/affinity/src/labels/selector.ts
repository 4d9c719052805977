import { compareGoStrings } from "@kubesim/core";
import { goSort } from "./go-order.js";
import { createRequirement, type LabelMap, Requirement } from "./requirement.js";

/**
 * A parsed label selector (upstream's `labels.Selector`): an AND of requirements.
 *
 * Build one with `parseSelector`, `labelSelectorAsSelector`, {@link selectorFromSet}
 * or {@link selectorFromRequirements}. Immutable (`add` returns a new selector); matching
 * never throws and allocates nothing.
 *
 * @example
 * const selector = parseSelector("env=prod,tier in (web)");
 * selector.matches({ env: "prod", tier: "web" }) // => true
 * selector.matches({ env: "prod" }) // => false
 * selector.requiresExactMatch("tier") // => "web"
 * selector.add(createRequirement("app", "exists", [])).toString() // => "app,env=prod,tier in (web)"
 */
export interface Selector {
  /** Whether `labels` satisfy every requirement; `undefined` labels are an empty map. */
  matches(labels: LabelMap | undefined): boolean;
  /** True when the selector does not restrict anything (no requirements); false for {@link nothing}. */
  isEmpty(): boolean;
  /** The canonical form: requirements' strings joined by `,` (`""` for everything and nothing). */
  toString(): string;
  /** The requirements, sorted by key; empty for {@link everything} and {@link nothing}. */
  requirements(): readonly Requirement[];
  /** False only for {@link nothing}, which selects nothing (upstream's `selectable` result). */
  isSelectable(): boolean;
  /** A new selector with these requirements added, re-sorted by key; {@link nothing} stays nothing. */
  add(...requirements: readonly Requirement[]): Selector;
  /**
   * The value the selector requires for `label` when its first requirement on that key is
   * `=`, `==` or `in` with exactly one value; `undefined` otherwise (upstream's `RequiresExactMatch`).
   */
  requiresExactMatch(label: string): string | undefined;
}

/** An AND of requirements, kept sorted by key (upstream's `internalSelector`). */
class RequirementSelector implements Selector {
  constructor(private readonly list: readonly Requirement[]) {}

  matches(labels: LabelMap | undefined): boolean {
    const list = this.list;
    for (let index = 0; index < list.length; index++) {
      if (!(list[index] as Requirement).matches(labels)) return false;
    }
    return true;
  }

  isEmpty(): boolean {
    return this.list.length === 0;
  }

  toString(): string {
    return this.list.map(String).join(",");
  }

  requirements(): readonly Requirement[] {
    return this.list;
  }

  isSelectable(): boolean {
    return true;
  }

  add(...requirements: readonly Requirement[]): Selector {
    return new RequirementSelector(Object.freeze(sortRequirementsByKey([...this.list, ...requirements])));
  }

  requiresExactMatch(label: string): string | undefined {
    for (const requirement of this.list) {
      if (requirement.key !== label) continue;
      const operator = requirement.operator;
      const values = requirement.valuesWithDuplicates();
      return (operator === "=" || operator === "==" || operator === "in") && values.length === 1
        ? values[0]
        : undefined;
    }
    return undefined;
  }
}

/** The selector that matches nothing (upstream's `nothingSelector`). */
class NothingSelector implements Selector {
  matches(): boolean {
    return false;
  }

  isEmpty(): boolean {
    return false;
  }

  toString(): string {
    return "";
  }

  requirements(): readonly Requirement[] {
    return [];
  }

  isSelectable(): boolean {
    return false;
  }

  add(): Selector {
    return this;
  }

  requiresExactMatch(): string | undefined {
    return undefined;
  }
}

const sharedEverything: Selector = new RequirementSelector(Object.freeze([]));
const sharedNothing: Selector = new NothingSelector();

/**
 * The selector that matches every label map (upstream's `labels.Everything()`).
 *
 * Empty, selectable, string form `""`; always the same shared instance.
 *
 * @example
 * everything().matches({ app: "web" }) // => true
 * everything().isEmpty() // => true
 * everything().toString() // => ""
 */
export function everything(): Selector {
  return sharedEverything;
}

/**
 * The selector that matches no label map (upstream's `labels.Nothing()`).
 *
 * Not empty and not selectable, string form `""`; adding requirements to it leaves it
 * matching nothing. Always the same shared instance.
 *
 * @example
 * nothing().matches({}) // => false
 * nothing().isEmpty() // => false
 * nothing().isSelectable() // => false
 * nothing().toString() // => ""
 */
export function nothing(): Selector {
  return sharedNothing;
}

/**
 * Sorts requirements by key in place, exactly as upstream's `sort.Sort(ByKey(...))` does.
 *
 * Keys compare in Go byte order; requirements with equal keys end up where Go's unstable
 * sort puts them. Returns the same (now sorted) array; never throws.
 *
 * @example
 * const requirements = [createRequirement("zone", "exists", []), createRequirement("app", "=", ["web"])];
 * sortRequirementsByKey(requirements);
 * requirements.map(String) // => ["app=web", "zone"]
 */
export function sortRequirementsByKey(requirements: Requirement[]): Requirement[] {
  goSort(requirements, (left, right) => compareGoStrings(left.key, right.key) < 0);
  return requirements;
}

/**
 * Builds a selector of these requirements, sorted by key (upstream's `NewSelector().Add(...)`).
 *
 * The requirements are not validated again (build them with {@link createRequirement});
 * the input array is not changed, and an empty list gives a selector that matches everything.
 *
 * @example
 * selectorFromRequirements([
 *   createRequirement("zone", "exists", []),
 *   createRequirement("app", "=", ["web"]),
 * ]).toString() // => "app=web,zone"
 */
export function selectorFromRequirements(requirements: readonly Requirement[]): Selector {
  return sharedEverything.add(...requirements);
}

/** A selector of requirements already in upstream's order (no re-sort). */
export function selectorFromSortedRequirements(requirements: readonly Requirement[]): Selector {
  return new RequirementSelector(Object.freeze([...requirements]));
}

/**
 * A label value as given, made a string if an untrusted map holds something else, so that
 * building and printing the selector cannot throw.
 */
function asLabelValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  return "";
}

/**
 * Builds a selector requiring exactly the given labels, WITHOUT validation.
 *
 * One `key=value` requirement per entry, sorted by key (upstream's `SelectorFromSet`,
 * which in 1.32 is `SelectorFromValidatedSet`): invalid keys or values are kept verbatim
 * and nothing throws. `undefined` or an empty map gives an empty selector that matches
 * everything. Only own keys are read.
 *
 * @example
 * selectorFromSet({ zone: "a", app: "web" }).toString() // => "app=web,zone=a"
 * selectorFromSet({ "bad key!": "x" }).toString() // => "bad key!=x"
 * selectorFromSet(undefined).matches({ any: "thing" }) // => true
 */
export function selectorFromSet(labels: LabelMap | undefined): Selector {
  if (labels === undefined || labels === null) return new RequirementSelector(Object.freeze([]));
  const keys = Object.keys(labels);
  const requirements = keys.map((key) => new Requirement(key, "=", [asLabelValue(labels[key])]));
  return new RequirementSelector(Object.freeze(sortRequirementsByKey(requirements)));
}

/**
 * Builds a selector requiring exactly the given labels, validating each entry.
 *
 * Like {@link selectorFromSet} but each entry goes through {@link createRequirement}
 * (upstream's `ValidatedSelectorFromSet`); keys are checked in sorted order and the first
 * invalid entry throws (upstream stops at the first, in map order).
 *
 * @throws StatusError (BadRequest, 400) as {@link createRequirement}: an invalid value is
 *   reported at field `values[0][<key>]`, an invalid key at `key`.
 * @example
 * validatedSelectorFromSet({ zone: "a", app: "web" }).toString() // => "app=web,zone=a"
 * validatedSelectorFromSet({ app: "web server" })
 * // throws StatusError; its errors[0].field is "values[0][app]"
 * validatedSelectorFromSet({ "web server": "x" })
 * // throws StatusError; its errors[0].field is "key"
 */
export function validatedSelectorFromSet(labels: LabelMap | undefined): Selector {
  if (labels === undefined || labels === null) return new RequirementSelector(Object.freeze([]));
  const keys = Object.keys(labels).sort(compareGoStrings);
  const requirements = keys.map((key) => createRequirement(key, "=", [asLabelValue(labels[key])]));
  return new RequirementSelector(Object.freeze(sortRequirementsByKey(requirements)));
}
