/**
 * Label and label-selector text as apimachinery renders it (`labels.FormatLabels`,
 * `metav1.FormatLabelSelector`, `labels.Selector.String`).
 */
import type { LabelSelector } from "kubernetes-types/meta/v1";
import { compareGoStrings, sortedGoStrings } from "./go-strings.js";
import { asArray, asRecord, field } from "./object-fields.js";

/**
 * Formats a label map as `k=v` pairs sorted as strings and joined by `,`; `<none>` when
 * the map is empty or missing (upstream `labels.FormatLabels`).
 *
 * @remarks
 * Upstream sorts the joined `key=value` strings, not the keys: `a-b=2` sorts before `a=1`.
 */
export function formatLabels(labels: Readonly<Record<string, string>> | null | undefined): string {
  const record = asRecord(labels);
  if (record === undefined) return "<none>";
  return formatLabelMap(new Map(Object.keys(record).map((key) => [key, String(record[key] ?? "")])));
}

/** {@link formatLabels} for labels already read into a map. */
export function formatLabelMap(labels: ReadonlyMap<string, string>): string {
  const pairs = [...labels].map(([key, value]) => `${key}=${value}`);
  return pairs.length === 0 ? "<none>" : sortedGoStrings(pairs).join(",");
}

/**
 * Formats a meta/v1 label selector as upstream `metav1.FormatLabelSelector` does:
 * requirements sorted by key, `k=v` for matchLabels, `k in (a,b)`, `k notin (a,b)`, `k`,
 * `!k`, joined by `,`. Returns `<none>` for a missing or empty selector and `<error>`
 * when the selector is invalid (bad key, value or operator, wrong number of values).
 */
export function formatLabelSelector(selector: LabelSelector | null | undefined): string {
  return formatSelectorValue(selector);
}

/** {@link formatLabelSelector} for a selector read from an untyped object. */
export function formatSelectorValue(selector: unknown): string {
  const text = labelSelectorText(selector);
  if (text === undefined) return "<error>";
  return text === "" ? "<none>" : text;
}

/**
 * The selector's string form as `labels.Selector.String()` (upstream
 * `LabelSelectorAsSelector(...).String()`): `""` for a missing or empty selector,
 * `undefined` when the selector is invalid.
 */
export function labelSelectorText(selector: unknown): string | undefined {
  const record = asRecord(selector);
  if (record === undefined) return selector === null || selector === undefined ? "" : undefined;
  const requirements: Requirement[] = [];
  const matchLabels = asRecord(field(record, "matchLabels"));
  if (matchLabels !== undefined) {
    for (const key of Object.keys(matchLabels)) {
      const value = matchLabels[key];
      if (typeof value !== "string") return undefined;
      requirements.push({ key, operator: "=", values: [value] });
    }
  }
  for (const expression of asArray(field(record, "matchExpressions"))) {
    const requirement = toRequirement(expression);
    if (requirement === undefined) return undefined;
    requirements.push(requirement);
  }
  for (const requirement of requirements) {
    if (!isValidRequirement(requirement)) return undefined;
  }
  // Array.prototype.sort is stable, so requirements sharing a key keep their order.
  requirements.sort((left, right) => compareGoStrings(left.key, right.key));
  return requirements.map(requirementText).join(",");
}

type Operator = "=" | "in" | "notin" | "exists" | "!";

interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

const operators: ReadonlyMap<unknown, Operator> = new Map<unknown, Operator>([
  ["In", "in"],
  ["NotIn", "notin"],
  ["Exists", "exists"],
  ["DoesNotExist", "!"],
]);

function toRequirement(expression: unknown): Requirement | undefined {
  const record = asRecord(expression);
  const key = field(record, "key");
  const operator = operators.get(field(record, "operator"));
  if (typeof key !== "string" || operator === undefined) return undefined;
  const values: string[] = [];
  for (const value of asArray(field(record, "values"))) {
    if (typeof value !== "string") return undefined;
    values.push(value);
  }
  return { key, operator, values };
}

function isValidRequirement(requirement: Requirement): boolean {
  if (!isQualifiedName(requirement.key)) return false;
  const count = requirement.values.length;
  switch (requirement.operator) {
    case "in":
    case "notin":
      if (count === 0) return false;
      break;
    case "=":
      if (count !== 1) return false;
      break;
    case "exists":
    case "!":
      if (count !== 0) return false;
      break;
  }
  return requirement.values.every(isValidLabelValue);
}

function requirementText(requirement: Requirement): string {
  switch (requirement.operator) {
    case "exists":
      return requirement.key;
    case "!":
      return `!${requirement.key}`;
    case "=":
      return `${requirement.key}=${requirement.values[0] ?? ""}`;
    default:
      return `${requirement.key} ${requirement.operator} (${sortedGoStrings(requirement.values).join(",")})`;
  }
}

const qualifiedNamePart = /^(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const dns1123Subdomain = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

function isQualifiedName(key: string): boolean {
  const parts = key.split("/");
  if (parts.length > 2) return false;
  const name = parts.length === 2 ? parts[1] : parts[0];
  if (parts.length === 2) {
    const prefix = parts[0] ?? "";
    if (prefix.length === 0 || prefix.length > 253 || !dns1123Subdomain.test(prefix)) return false;
  }
  return name !== undefined && name.length > 0 && name.length <= 63 && qualifiedNamePart.test(name);
}

function isValidLabelValue(value: string): boolean {
  return value.length <= 63 && (value === "" || qualifiedNamePart.test(value));
}
