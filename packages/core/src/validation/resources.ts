import { type FieldError, fieldErrors, fieldPath } from "../errors/index.js";
import { parseQuantity, type Quantity, QuantityParseError } from "../quantity/index.js";
import { FieldReader, jsonTypeError, sortedEntries, wrongType } from "./field-reader.js";
import { isQualifiedName } from "./name-predicates.js";

const standardResources = new Set([
  "cpu",
  "memory",
  "ephemeral-storage",
  "requests.cpu",
  "requests.memory",
  "requests.ephemeral-storage",
  "limits.cpu",
  "limits.memory",
  "limits.ephemeral-storage",
  "pods",
  "resourcequotas",
  "services",
  "replicationcontrollers",
  "secrets",
  "configmaps",
  "persistentvolumeclaims",
  "storage",
  "requests.storage",
  "services.nodeports",
  "services.loadbalancers",
]);
const standardContainerResources = new Set(["cpu", "memory", "ephemeral-storage"]);
const integerResources = new Set([
  "pods",
  "resourcequotas",
  "services",
  "replicationcontrollers",
  "secrets",
  "configmaps",
  "persistentvolumeclaims",
  "services.nodeports",
  "services.loadbalancers",
]);
const hugePagesPrefix = "hugepages-";

function isHugePageResourceName(name: string): boolean {
  return name.startsWith(hugePagesPrefix);
}

/** True for unprefixed names and names in a `kubernetes.io/` domain. */
function isNativeResource(name: string): boolean {
  return !name.includes("/") || name.includes("kubernetes.io/");
}

/** True for vendor resources such as `nvidia.com/gpu`. */
function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith("requests.")) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}

/** Native, non-hugepage resources may be requested below their limit. */
function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResourceName(name);
}

function isIntegerResourceName(name: string): boolean {
  return integerResources.has(name) || isExtendedResourceName(name);
}

/** Appends the errors of a container resource name (upstream's `validateContainerResourceName`). */
export function validateContainerResourceNameInto(errors: FieldError[], name: string, path: string): void {
  const messages = isQualifiedName(name);
  for (const message of messages) errors.push(fieldErrors.invalid(path, name, message));
  const unprefixed = !name.includes("/");
  if (
    messages.length === 0 &&
    unprefixed &&
    !standardResources.has(name) &&
    !name.startsWith(hugePagesPrefix) &&
    !name.startsWith(`requests.${hugePagesPrefix}`)
  ) {
    errors.push(fieldErrors.invalid(path, name, "must be a standard resource type or fully qualified"));
  }
  if (unprefixed) {
    if (!standardContainerResources.has(name) && !isHugePageResourceName(name)) {
      errors.push(fieldErrors.invalid(path, name, "must be a standard resource for containers"));
    }
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errors.push(fieldErrors.invalid(path, name, "doesn't follow extended resource name standard"));
  }
}

/**
 * Parses one quantity of a resource list and appends its errors: unparsable text (with the
 * parser's message), a negative value, or a fraction of an integer resource. Returns the
 * quantity, or `undefined` when it could not be parsed.
 *
 * The "must be an integer" error shows the quantity's canonical string; upstream prints
 * its internal Go struct there instead.
 */
export function validateQuantityValueInto(
  errors: FieldError[],
  resourceName: string,
  raw: unknown,
  path: string,
): Quantity | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw !== "string" && typeof raw !== "number") {
    errors.push(jsonTypeError(path, raw, "string"));
    return undefined;
  }
  let quantity: Quantity;
  try {
    quantity = parseQuantity(raw);
  } catch (error) {
    if (!QuantityParseError.isInstance(error)) throw error;
    errors.push(fieldErrors.invalid(path, raw, error.message));
    return undefined;
  }
  if (quantity.sign() < 0) {
    errors.push(fieldErrors.invalid(path, quantity.toString(), "must be greater than or equal to 0"));
  }
  if (isIntegerResourceName(resourceName) && !isWholeNumber(quantity)) {
    errors.push(fieldErrors.invalid(path, quantity.toString(), "must be an integer"));
  }
  return quantity;
}

/**
 * Runs exact quantity arithmetic, which refuses numbers of more than 100000 digits (a
 * quantity like `1e999999999`); such numbers get `fallback` instead of an exception.
 */
function computeOr<T>(compute: () => T, fallback: T): T {
  try {
    return compute();
  } catch {
    return fallback;
  }
}

/** True when the quantity has no fraction (upstream: `MilliValue() % 1000 == 0`). */
function isWholeNumber(quantity: Quantity): boolean {
  // Only a huge positive exponent overflows the arithmetic, and such a number is whole.
  return computeOr(() => quantity.milliValue() % 1000n === 0n, true);
}

function hugePageDivisibilityError(name: string, quantity: Quantity): string | undefined {
  let pageSize: Quantity;
  try {
    pageSize = parseQuantity(name.slice(hugePagesPrefix.length));
  } catch {
    return `${quantity.toString()} is not positive integer multiple of ${name}`;
  }
  const divisible = computeOr(
    () =>
      pageSize.sign() > 0 &&
      pageSize.milliValue() % 1000n === 0n &&
      quantity.value() % pageSize.value() === 0n,
    true,
  );
  return divisible ? undefined : `${quantity.toString()} is not positive integer multiple of ${name}`;
}

function readResourceList(
  errors: FieldError[],
  requirements: FieldReader,
  key: string,
): Map<string, Quantity | undefined> {
  const list = new Map<string, Quantity | undefined>();
  const entries = requirements.entries(key);
  if (entries === wrongType || entries === undefined) return list;
  const listPath = requirements.childPath(key);
  for (const [name, raw] of sortedEntries(entries)) {
    const path = fieldPath(listPath, [name]);
    validateContainerResourceNameInto(errors, name, path);
    const quantity = validateQuantityValueInto(errors, name, raw, path);
    list.set(name, quantity);
    if (quantity !== undefined && isHugePageResourceName(name)) {
      const message = hugePageDivisibilityError(name, quantity);
      if (message !== undefined) errors.push(fieldErrors.invalid(path, quantity.toString(), message));
    }
  }
  return list;
}

/**
 * Validates a container's `resources` into `errors` (upstream's
 * `ValidateContainerResourceRequirements`): supported resource names, parsable
 * non-negative quantities, integer extended resources, requests not above limits (equal
 * for extended resources and hugepages, which also need a limit), hugepages with cpu or
 * memory. `resources.claims` is not validated.
 */
export function validateResourceRequirementsInto(errors: FieldError[], value: unknown, path: string): void {
  const requirements = FieldReader.of(value, path, errors);
  if (requirements === wrongType) return;
  const limitsPath = requirements.childPath("limits");
  const requestsPath = requirements.childPath("requests");
  const limits = readResourceList(errors, requirements, "limits");
  const requests = new Map<string, Quantity | undefined>();
  const requestEntries = requirements.entries("requests");
  if (requestEntries !== wrongType && requestEntries !== undefined) {
    for (const [name, raw] of sortedEntries(requestEntries)) {
      const entryPath = fieldPath(requestsPath, [name]);
      validateContainerResourceNameInto(errors, name, entryPath);
      const quantity = validateQuantityValueInto(errors, name, raw, entryPath);
      requests.set(name, quantity);
      if (limits.has(name)) {
        const limit = limits.get(name);
        if (quantity !== undefined && limit !== undefined) {
          const order = quantity.cmp(limit);
          if (order !== 0 && !isOvercommitAllowed(name)) {
            errors.push(
              fieldErrors.invalid(
                requestsPath,
                quantity.toString(),
                `must be equal to ${name} limit of ${limit.toString()}`,
              ),
            );
          } else if (order > 0) {
            errors.push(
              fieldErrors.invalid(
                requestsPath,
                quantity.toString(),
                `must be less than or equal to ${name} limit of ${limit.toString()}`,
              ),
            );
          }
        }
      } else if (!isOvercommitAllowed(name)) {
        errors.push(fieldErrors.required(limitsPath, "Limit must be set for non overcommitable resources"));
      }
      if (quantity !== undefined && isHugePageResourceName(name)) {
        const message = hugePageDivisibilityError(name, quantity);
        if (message !== undefined) errors.push(fieldErrors.invalid(entryPath, quantity.toString(), message));
      }
    }
  }
  const names = [...limits.keys(), ...requests.keys()];
  const hasHugePages = names.some(isHugePageResourceName);
  const hasCpuOrMemory = names.some((name) => name === "cpu" || name === "memory");
  if (hasHugePages && !hasCpuOrMemory)
    errors.push(fieldErrors.forbidden(path, "HugePages require cpu or memory"));
}
