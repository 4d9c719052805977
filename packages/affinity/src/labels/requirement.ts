import {
  aggregateFieldErrors,
  compareGoStrings,
  type FieldError,
  fieldErrorMessage,
  fieldErrors,
  goStringSlice,
  isQualifiedName,
  isValidLabelValue,
  StatusError,
} from "@kubesim/core";
import { parseInt64 } from "./int64.js";

/**
 * A label selector operator, spelled as upstream's `selection.Operator` values:
 * `in`, `notin`, `=`, `==`, `!=`, `exists`, `!` (does not exist), `gt`, `lt`.
 */
export type SelectorOperator = "in" | "notin" | "=" | "==" | "!=" | "exists" | "!" | "gt" | "lt";

/**
 * Every operator {@link createRequirement} accepts, in upstream's order.
 *
 * Binary operators come first, then unary ones: the order of the `supported values` list
 * of an unsupported-operator error. The array is frozen.
 *
 * @example
 * selectorOperators // => ["in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"]
 */
export const selectorOperators: readonly SelectorOperator[] = Object.freeze([
  "in",
  "notin",
  "=",
  "==",
  "!=",
  "gt",
  "lt",
  "exists",
  "!",
] as const);

/** A label map as requirements read it; `undefined` is an empty map. */
export type LabelMap = Readonly<Record<string, string>>;

/** How a requirement decides; chosen once at construction so matching is a single switch. */
enum MatchKind {
  InOne = 0,
  InMany = 1,
  NotInOne = 2,
  NotInMany = 3,
  Exists = 4,
  DoesNotExist = 5,
  GreaterThan = 6,
  LessThan = 7,
  Never = 8,
}

const emptyValues: readonly string[] = Object.freeze([]);

/**
 * One requirement of a label selector: a key, an operator and values (upstream's `labels.Requirement`).
 *
 * Build validated ones with {@link createRequirement}; the parser, {@link selectorFromSet}
 * and `labelSelectorAsSelector` build them too. Immutable. Matching never throws,
 * allocates nothing and reads only own properties of the label map, so `__proto__` or
 * `constructor` are ordinary label keys.
 *
 * @example
 * const requirement = createRequirement("gpu-count", "gt", ["2"]);
 * requirement.matches({ "gpu-count": "4" }) // => true
 * requirement.matches({ "gpu-count": "two" }) // => false
 * requirement.matches(undefined) // => false
 * requirement.toString() // => "gpu-count>2"
 * new Requirement("zone", "notin", ["b", "a", "b"]).values // => ["a", "b"]
 */
export class Requirement {
  /** The label key. */
  readonly key: string;
  /** The operator. */
  readonly operator: SelectorOperator;
  /** The values, sorted (Go byte order) and deduplicated, as upstream's `Values().List()`. */
  readonly values: readonly string[];
  /** The values as given, sorted but not deduplicated: what `toString()` prints. */
  private readonly printedValues: readonly string[];
  private readonly kind: MatchKind;
  /** The only value, for one-value In / NotIn / = / == / !=. */
  private readonly singleValue: string;
  /** The value set, for In / NotIn with several values. */
  private readonly valueSet: ReadonlySet<string> | undefined;
  /** The parsed integer operand of Gt / Lt. */
  private readonly operand: number | bigint | undefined;

  /**
   * Builds a requirement without validating it (as upstream's struct literal). Prefer
   * {@link createRequirement}. An unknown operator, or a Gt/Lt requirement whose single value
   * is not an int64, never matches, as upstream.
   */
  constructor(key: string, operator: SelectorOperator, values: readonly string[]) {
    this.key = key;
    this.operator = operator;
    const sorted = [...values].sort(compareGoStrings);
    this.printedValues = Object.freeze(sorted);
    this.values = Object.freeze(sorted.filter((value, index) => index === 0 || value !== sorted[index - 1]));
    this.singleValue = values.length === 1 ? (values[0] ?? "") : "";
    this.valueSet = values.length > 1 ? new Set(values) : undefined;
    let operand: number | bigint | undefined;
    let kind: MatchKind;
    switch (operator) {
      case "in":
      case "=":
      case "==":
        kind = values.length === 1 ? MatchKind.InOne : MatchKind.InMany;
        break;
      case "notin":
      case "!=":
        kind = values.length === 1 ? MatchKind.NotInOne : MatchKind.NotInMany;
        break;
      case "exists":
        kind = MatchKind.Exists;
        break;
      case "!":
        kind = MatchKind.DoesNotExist;
        break;
      case "gt":
      case "lt":
        operand = values.length === 1 ? parseInt64(this.singleValue) : undefined;
        kind =
          operand === undefined
            ? MatchKind.Never
            : operator === "gt"
              ? MatchKind.GreaterThan
              : MatchKind.LessThan;
        break;
      default:
        kind = MatchKind.Never;
    }
    this.kind = kind;
    this.operand = operand;
  }

  /**
   * Whether `labels` satisfy this requirement (upstream's `Requirement.Matches`): In, `=`
   * and `==` need the key with one of the values; NotIn and `!=` match when the key is
   * absent or its value is not one of them; Exists / DoesNotExist test presence; Gt / Lt
   * need the key with a base-10 int64 value strictly greater / less than the operand.
   */
  matches(labels: LabelMap | undefined): boolean {
    const present = labels !== undefined && labels !== null && Object.hasOwn(labels, this.key);
    switch (this.kind) {
      case MatchKind.InOne:
        return present && labels[this.key] === this.singleValue;
      case MatchKind.InMany:
        return present && (this.valueSet as ReadonlySet<unknown>).has(labels[this.key]);
      case MatchKind.NotInOne:
        return !present || labels[this.key] !== this.singleValue;
      case MatchKind.NotInMany:
        return !present || !(this.valueSet as ReadonlySet<unknown>).has(labels[this.key]);
      case MatchKind.Exists:
        return present;
      case MatchKind.DoesNotExist:
        return !present;
      case MatchKind.GreaterThan:
      case MatchKind.LessThan: {
        if (!present) return false;
        const text: unknown = labels[this.key];
        if (typeof text !== "string") return false;
        const value = parseInt64(text);
        if (value === undefined) return false;
        const operand = this.operand as number | bigint;
        return this.kind === MatchKind.GreaterThan ? value > operand : value < operand;
      }
      default:
        return false;
    }
  }

  /**
   * The canonical text (upstream's `Requirement.String()`): `key`, `!key`, `key=v`,
   * `key==v`, `key!=v`, `key>v`, `key<v`, `key in (a,b)`, `key notin (a,b)`, with values
   * sorted; the empty value prints as nothing (`key=`, `key in ()`).
   */
  toString(): string {
    const values = this.printedValues.join(",");
    switch (this.operator) {
      case "exists":
        return this.key;
      case "!":
        return `!${this.key}`;
      case "=":
      case "==":
      case "!=":
        return `${this.key}${this.operator}${values}`;
      case "gt":
        return `${this.key}>${values}`;
      case "lt":
        return `${this.key}<${values}`;
      case "in":
        return `${this.key} in (${values})`;
      case "notin":
        return `${this.key} notin (${values})`;
      default:
        // Upstream writes the key, no operator, then the values.
        return `${this.key}${values}`;
    }
  }

  /** The values as given to the constructor, sorted, duplicates kept. */
  valuesWithDuplicates(): readonly string[] {
    return this.printedValues;
  }
}

/** Upstream's `path.Child(name)` on an optional path given as text. */
function childPath(path: string | undefined, name: string): string {
  return path === undefined || path === "" ? name : `${path}.${name}`;
}

/** Keeps the first of each run of errors with the same message, as `ErrorList.ToAggregate`. */
export function dedupeFieldErrors(errors: readonly FieldError[]): FieldError[] {
  if (errors.length <= 1) return [...errors];
  const seen = new Set<string>();
  const unique: FieldError[] = [];
  for (const error of errors) {
    const message = fieldErrorMessage(error);
    if (seen.has(message)) continue;
    seen.add(message);
    unique.push(error);
  }
  return unique;
}

/** The FieldError for a key that is not a qualified name, or `undefined` (upstream's `validateLabelKey`). */
export function labelKeyError(key: string, field: string): FieldError | undefined {
  const messages = isQualifiedName(key);
  return messages.length === 0 ? undefined : fieldErrors.invalid(field, key, messages.join("; "));
}

/**
 * Lists the field errors upstream's `labels.NewRequirement` reports for a requirement.
 *
 * In upstream's order and deduplicated by message (as its `ToAggregate`): the key
 * (`<path>.key`), the value count for the operator (`<path>.values`), Gt/Lt integers
 * (`<path>.values[i]`), an unknown operator (`<path>.operator`, FieldValueNotSupported),
 * then each value as a label value (`<path>.values[i][<key>]`). Returns a new array, empty
 * when the requirement is valid; never throws.
 *
 * @param path - the requirement's own path, e.g. `nodeSelectorTerms[0].matchExpressions[1]`
 *   (what component-helpers passes with `field.WithPath`); `undefined` or `""` for none.
 * @param values - `null`/`undefined` stand for Go's nil slice and print as `[]string(nil)`.
 * @example
 * collectRequirementErrors("size", "gt", ["big"], "matchExpressions[0]").map(
 *   (error) => `${error.field}: ${error.detail}`,
 * ) // => ["matchExpressions[0].values[0]: for 'Gt', 'Lt' operators, the value must be an integer"]
 * collectRequirementErrors("size", "gt", ["3"]) // => []
 */
export function collectRequirementErrors(
  key: string,
  operator: SelectorOperator | string,
  values: readonly string[] | null | undefined,
  path?: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const keyError = labelKeyError(key, childPath(path, "key"));
  if (keyError !== undefined) errors.push(keyError);
  const list = values ?? emptyValues;
  const valuesPath = childPath(path, "values");
  switch (operator) {
    case "in":
    case "notin":
      if (list.length === 0) {
        errors.push(
          fieldErrors.invalid(
            valuesPath,
            goStringSlice(values),
            "for 'in', 'notin' operators, values set can't be empty",
          ),
        );
      }
      break;
    case "=":
    case "==":
    case "!=":
      if (list.length !== 1) {
        errors.push(
          fieldErrors.invalid(
            valuesPath,
            goStringSlice(values),
            "exact-match compatibility requires one single value",
          ),
        );
      }
      break;
    case "exists":
    case "!":
      if (list.length !== 0) {
        errors.push(
          fieldErrors.invalid(
            valuesPath,
            goStringSlice(values),
            "values set must be empty for exists and does not exist",
          ),
        );
      }
      break;
    case "gt":
    case "lt":
      if (list.length !== 1) {
        errors.push(
          fieldErrors.invalid(
            valuesPath,
            goStringSlice(values),
            "for 'Gt', 'Lt' operators, exactly one value is required",
          ),
        );
      }
      list.forEach((value, index) => {
        if (parseInt64(value) === undefined) {
          errors.push(
            fieldErrors.invalid(
              `${valuesPath}[${index}]`,
              value,
              "for 'Gt', 'Lt' operators, the value must be an integer",
            ),
          );
        }
      });
      break;
    default:
      errors.push(fieldErrors.notSupported(childPath(path, "operator"), operator, selectorOperators));
  }
  list.forEach((value, index) => {
    const messages = isValidLabelValue(value);
    if (messages.length > 0) {
      errors.push(fieldErrors.invalid(`${valuesPath}[${index}][${key}]`, value, messages.join("; ")));
    }
  });
  return dedupeFieldErrors(errors);
}

/**
 * A 400 BadRequest StatusError for a selector problem: `message` is upstream's error text,
 * `errors` the field errors behind it.
 */
export function createSelectorError(message: string, errors: readonly FieldError[]): StatusError {
  return new StatusError({ message, reason: "BadRequest", code: 400 }, { errors });
}

/** Options of {@link createRequirement}. */
export interface CreateRequirementOptions {
  /** The requirement's path, prefixed to the error fields (upstream's `field.WithPath`). */
  readonly path?: string;
}

/**
 * Builds a validated requirement (upstream's `labels.NewRequirement`).
 *
 * Rules: In/NotIn need at least one value; `=`, `==`, `!=` exactly one; Exists/`!` none;
 * Gt/Lt exactly one base-10 int64; the key must be a qualified name and every value a
 * label value (empty allowed). `null`/`undefined` values stand for Go's nil slice.
 *
 * @throws StatusError (BadRequest, 400) whose message is upstream's aggregated error text,
 *   e.g. `values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty`,
 *   and whose `errors` are those of {@link collectRequirementErrors}.
 * @example
 * createRequirement("tier", "in", ["web", "api"]).toString() // => "tier in (api,web)"
 * createRequirement("tier", "in", [])
 * // throws StatusError: "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty"
 */
export function createRequirement(
  key: string,
  operator: SelectorOperator,
  values: readonly string[] | null | undefined,
  options?: CreateRequirementOptions,
): Requirement {
  const errors = collectRequirementErrors(key, operator, values, options?.path);
  if (errors.length > 0) throw createSelectorError(aggregateFieldErrors(errors), errors);
  return new Requirement(key, operator, values ?? emptyValues);
}
