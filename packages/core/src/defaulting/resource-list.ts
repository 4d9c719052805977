import { parseQuantity, type Quantity, quantityFromMilli } from "../quantity/index.js";
import { type JsonObject, objectField } from "./json-fields.js";

/**
 * Parses a resource-list value as the API server's JSON decoder does: a string (with
 * surrounding white space trimmed) or a number; `null` is zero. Returns undefined when
 * it is not a quantity (upstream would reject the request while decoding).
 */
export function readQuantity(value: unknown): Quantity | undefined {
  if (value === null) return parseQuantity(0);
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  try {
    return parseQuantity(typeof value === "string" ? value.trim() : value);
  } catch {
    return undefined;
  }
}

/**
 * Rewrites every quantity of a resource list (`limits`, `capacity`, ...) in place the way
 * the API server stores it: rounded up to a whole milli-unit (`SetDefaults_ResourceList`)
 * and printed in canonical form (`0.5` becomes `500m`, `1024Mi` becomes `1Gi`).
 *
 * @remarks
 * Values that are not quantities are left for validation to report.
 */
export function canonicalizeResourceList(list: JsonObject): void {
  for (const name of Object.keys(list)) {
    const canonical = canonicalQuantityText(list[name]);
    if (canonical !== undefined && canonical !== list[name]) {
      Object.defineProperty(list, name, {
        value: canonical,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
  }
}

/** {@link canonicalizeResourceList} on `parent[key]` when that is an object. */
export function canonicalizeResourceListField(parent: JsonObject, key: string): void {
  const list = objectField(parent, key);
  if (list !== undefined) canonicalizeResourceList(list);
}

/** {@link canonicalizeResourceListField} on a `resources` object's `limits` and `requests`. */
export function canonicalizeResourceRequirements(holder: JsonObject): void {
  const resources = objectField(holder, "resources");
  if (resources === undefined) return;
  canonicalizeResourceListField(resources, "limits");
  canonicalizeResourceListField(resources, "requests");
}

/**
 * Recently canonicalised strings and their canonical text (`null`: left as is). A pure
 * function of the text, and the same few texts come with every pod and node.
 */
const canonicalTexts = new Map<string, string | null>();
const canonicalTextsLimit = 1024;
const cachedTextMaxLength = 64;

function canonicalQuantityText(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > cachedTextMaxLength) return computeCanonicalText(value);
  const cached = canonicalTexts.get(value);
  if (cached !== undefined) return cached ?? undefined;
  const canonical = computeCanonicalText(value);
  if (canonicalTexts.size >= canonicalTextsLimit) {
    // Forget the oldest entry (a Map iterates in insertion order).
    const oldest = canonicalTexts.keys().next();
    if (oldest.done !== true) canonicalTexts.delete(oldest.value);
  }
  canonicalTexts.set(value, canonical ?? null);
  return canonical;
}

function computeCanonicalText(value: unknown): string | undefined {
  const quantity = readQuantity(value);
  if (quantity === undefined) return undefined;
  try {
    const rounded = quantityFromMilli(quantity.milliValue(), quantity.format);
    return (rounded.cmp(quantity) === 0 ? quantity : rounded).toString();
  } catch {
    // Too many digits to round exactly: keep the text for validation to judge.
    return undefined;
  }
}
