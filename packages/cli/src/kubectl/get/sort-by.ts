/**
 * `--sort-by` as kubectl v1.32 applies it. Rows of one table are sorted by the first value
 * the field yields for each row's object (rows without it first); when no row has the field
 * the table is silently dropped, so `get` may answer "No resources found" (kubectl issue
 * 1343). Lists printed as yaml/json/name/jsonpath sort their items and fail with
 * `couldn't find any field with path ...` instead. Ties keep the order Go's unstable
 * `sort.Sort` leaves them in.
 */
import { goQuote } from "@kubesim/core";
import {
  findJsonPathResults,
  type JsonPathTemplate,
  parseJsonPath,
  relaxedJsonPathExpression,
} from "../../jsonpath/index.js";
import { KubectlExit } from "./command-errors.js";
import { goSorted } from "./go-sort.js";
import { createSortValueLess, UnsortableValueError } from "./sort-value-less.js";

/** One sortable item and the value groups the field found in it. */
interface Keyed<T> {
  readonly item: T;
  readonly values: readonly (readonly unknown[])[];
}

function firstValue(values: readonly (readonly unknown[])[]): { value: unknown } | undefined {
  const group = values[0];
  return group === undefined || group.length === 0 ? undefined : { value: group[0] };
}

function hasValue(keyed: Keyed<unknown>): boolean {
  return firstValue(keyed.values) !== undefined;
}

/**
 * Sorts with kubectl's `Less`: an item without the field sorts before anything; values
 * compare with {@link createSortValueLess}; an unsortable pair stops the command as
 * kubectl's `klog.Exitf` does.
 */
function sortKeyed<T>(keyed: readonly Keyed<T>[], field: string, holder: string): T[] {
  const less = createSortValueLess();
  const sorted = goSorted(keyed, (left, right) => {
    const leftValue = firstValue(left.values);
    if (leftValue === undefined) return true;
    const rightValue = firstValue(right.values);
    if (rightValue === undefined) return false;
    try {
      return less(leftValue.value, rightValue.value);
    } catch (error) {
      if (!(error instanceof UnsortableValueError)) throw error;
      throw new KubectlExit(
        `Field ${field} in ${holder} is an unsortable type: interface, err: ${error.message}`,
        1,
      );
    }
  });
  return sorted.map((entry) => entry.item);
}

function relaxedOrRaw(sortBy: string): string {
  try {
    return relaxedJsonPathExpression(sortBy);
  } catch {
    return sortBy;
  }
}

function keyedBy<T>(items: readonly T[], template: JsonPathTemplate): Keyed<T>[] {
  return items.map((item) => ({
    item,
    values: findJsonPathResults(template, item, { allowMissingKeys: true }),
  }));
}

/**
 * Sorts the rows (objects) of one table as kubectl's table sorter does. Returns
 * `undefined` where kubectl's sorter fails, which makes kubectl print nothing for the
 * table: a template that does not parse, or no row having the field. Tables of zero or
 * one row are left alone.
 *
 * @throws KubectlExit when two values cannot be compared.
 */
export function sortTableRows<T extends object>(objects: readonly T[], sortBy: string): T[] | undefined {
  if (objects.length <= 1) return [...objects];
  const field = relaxedOrRaw(sortBy);
  let keyed: Keyed<T>[];
  try {
    keyed = keyedBy(objects, parseJsonPath(field));
  } catch {
    return undefined;
  }
  if (!keyed.some(hasValue)) return undefined;
  return sortKeyed(keyed, field, "[][][]reflect.Value");
}

/** The result of {@link sortObjects}: the sorted items, or the error kubectl returns. */
export type SortObjectsResult<T> = { readonly sorted: T[] } | { readonly error: string };

/**
 * Sorts whole objects as kubectl's `SortObjects` does (lists printed as yaml, json, name or
 * jsonpath, and several tables at once): the field must be a relaxed JSONPath, must parse,
 * and must be found in at least one object.
 *
 * @throws KubectlExit when two values cannot be compared.
 */
export function sortObjects<T extends object>(objects: readonly T[], sortBy: string): SortObjectsResult<T> {
  let field: string;
  let keyed: Keyed<T>[];
  try {
    field = relaxedJsonPathExpression(sortBy);
    keyed = keyedBy(objects, parseJsonPath(field));
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  if (!keyed.some(hasValue)) {
    return { error: `couldn't find any field with path ${goQuote(field)} in the list of objects` };
  }
  return { sorted: sortKeyed(keyed, field, "*unstructured.Unstructured") };
}
