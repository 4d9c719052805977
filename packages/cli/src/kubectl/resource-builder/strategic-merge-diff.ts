import { KubesimError } from "@kubesim/core";
import {
  getOwn,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  jsonEqual,
  jsonType,
  setOwn,
} from "./json-values.js";
import { lookupPatchMeta, type PatchSchema, patchSchemaForKind } from "./strategic-patch-meta.js";

interface DiffOptions {
  /** Leave out keys and list elements that `modified` dropped. */
  readonly ignoreDeletions: boolean;
  /** Leave out keys and list elements that `modified` added or changed. */
  readonly ignoreChangesAndAdditions: boolean;
  /** Add `$setElementOrder/<list>` directives for merged lists. */
  readonly setElementOrder: boolean;
  /** Add a `$retainKeys` directive (fields with the `retainKeys` strategy). */
  readonly buildRetainKeys: boolean;
}

const setElementOrderPrefix = "$setElementOrder";
const deleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList";

/** Go's `fmt.Sprintf("%v", v)` of a decoded JSON scalar, which upstream sorts list items by. */
function scalarText(value: unknown): string {
  if (value === null || value === undefined) return "<nil>";
  return String(value);
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function splitStrategies(strategies: readonly string[]): { retainKeys: boolean; strategy: string } {
  const [first = "", second = ""] = strategies;
  if (strategies.length === 0) return { retainKeys: false, strategy: "" };
  if (strategies.length === 1)
    return first === "retainKeys"
      ? { retainKeys: true, strategy: "" }
      : { retainKeys: false, strategy: first };
  if (first === "retainKeys") return { retainKeys: true, strategy: second };
  if (second === "retainKeys") return { retainKeys: true, strategy: first };
  throw new KubesimError(`unexpected patch strategy: ${strategies.join(",")}`);
}

function mergeKeyValue(element: JsonValue | undefined, mergeKey: string): JsonValue {
  if (!isJsonObject(element) || !Object.hasOwn(element, mergeKey)) {
    throw new KubesimError(
      `map: ${JSON.stringify(element)} does not contain declared merge key: ${mergeKey}`,
    );
  }
  return element[mergeKey] ?? null;
}

function sortByMergeKey(list: readonly JsonValue[], mergeKey: string): JsonObject[] {
  return [...list]
    .map((element) => ({
      element: element as JsonObject,
      text: scalarText(mergeKeyValue(element, mergeKey)),
    }))
    .sort((left, right) => compareText(left.text, right.text))
    .map((entry) => entry.element);
}

/** Orders `items` as their merge keys (or values) appear in `order`; unknown ones go last. */
function orderLike(
  items: JsonValue[],
  order: readonly JsonValue[],
  mergeKey: string,
  ofMaps: boolean,
): JsonValue[] {
  const positions = new Map<string, number>();
  order.forEach((element, index) => {
    const text = ofMaps ? scalarText(getOwn(element, mergeKey)) : scalarText(element);
    if (!positions.has(text)) positions.set(text, index);
  });
  const rank = (item: JsonValue): number => {
    const text = ofMaps ? scalarText(getOwn(item, mergeKey)) : scalarText(item);
    return positions.get(text) ?? Number.MAX_SAFE_INTEGER;
  };
  return items
    .map((item, index) => ({ item, index, rank: rank(item) }))
    .sort((left, right) => left.rank - right.rank || left.index - right.index)
    .map((entry) => entry.item);
}

function diffListsOfMaps(
  original: readonly JsonValue[],
  modified: readonly JsonValue[],
  schema: PatchSchema,
  mergeKey: string,
  options: DiffOptions,
): { patch: JsonValue[]; deletions: JsonValue[] } {
  const originalSorted = sortByMergeKey(original, mergeKey);
  const modifiedSorted = sortByMergeKey(modified, mergeKey);
  const patch: JsonValue[] = [];
  const deletions: JsonValue[] = [];
  let originalIndex = 0;
  let modifiedIndex = 0;
  while (originalIndex < originalSorted.length || modifiedIndex < modifiedSorted.length) {
    const originalElement = originalSorted[originalIndex];
    const modifiedElement = modifiedSorted[modifiedIndex];
    const originalText =
      originalElement === undefined ? "" : scalarText(mergeKeyValue(originalElement, mergeKey));
    const modifiedText =
      modifiedElement === undefined ? "" : scalarText(mergeKeyValue(modifiedElement, mergeKey));
    if (originalElement !== undefined && modifiedElement !== undefined && originalText === modifiedText) {
      const elementPatch = diffMaps(originalElement, modifiedElement, schema, options);
      if (Object.keys(elementPatch).length > 0) {
        setOwn(elementPatch, mergeKey, mergeKeyValue(modifiedElement, mergeKey));
        patch.push(elementPatch);
      }
      originalIndex++;
      modifiedIndex++;
    } else if (
      originalElement === undefined ||
      (modifiedElement !== undefined && originalText > modifiedText)
    ) {
      if (!options.ignoreChangesAndAdditions && modifiedElement !== undefined) patch.push(modifiedElement);
      modifiedIndex++;
    } else {
      if (!options.ignoreDeletions) {
        const directive: JsonObject = {};
        setOwn(directive, mergeKey, mergeKeyValue(originalElement, mergeKey));
        directive.$patch = "delete";
        deletions.push(directive);
      }
      originalIndex++;
    }
  }
  return { patch, deletions };
}

function diffListsOfScalars(
  original: readonly JsonValue[],
  modified: readonly JsonValue[],
  options: DiffOptions,
): { additions: JsonValue[]; deletions: JsonValue[] } {
  const sortScalars = (list: readonly JsonValue[]) =>
    [...list].sort((left, right) => compareText(scalarText(left), scalarText(right)));
  const originalSorted = sortScalars(original);
  const modifiedSorted = sortScalars(modified);
  const additions: JsonValue[] = [];
  const deletions: JsonValue[] = [];
  let originalIndex = 0;
  let modifiedIndex = 0;
  while (originalIndex < originalSorted.length || modifiedIndex < modifiedSorted.length) {
    const inOriginal = originalIndex < originalSorted.length;
    const inModified = modifiedIndex < modifiedSorted.length;
    const originalText = inOriginal ? scalarText(originalSorted[originalIndex]) : "";
    const modifiedText = inModified ? scalarText(modifiedSorted[modifiedIndex]) : "";
    if (inOriginal && inModified && originalText === modifiedText) {
      originalIndex++;
      modifiedIndex++;
    } else if (!inOriginal || (inModified && originalText > modifiedText)) {
      if (!options.ignoreChangesAndAdditions) additions.push(modifiedSorted[modifiedIndex] ?? null);
      modifiedIndex++;
    } else {
      if (!options.ignoreDeletions) deletions.push(originalSorted[originalIndex] ?? null);
      originalIndex++;
    }
  }
  const uniqueDeletions = deletions.filter(
    (value, index) => deletions.findIndex((other) => scalarText(other) === scalarText(value)) === index,
  );
  return { additions, deletions: uniqueDeletions };
}

function isOrderSame(
  original: readonly JsonValue[],
  modified: readonly JsonValue[],
  mergeKey: string,
): boolean {
  if (original.length !== modified.length) return false;
  return modified.every((element, index) =>
    jsonEqual(getOwn(original[index], mergeKey), getOwn(element, mergeKey)),
  );
}

function diffLists(
  original: readonly JsonValue[],
  modified: readonly JsonValue[],
  schema: PatchSchema,
  mergeKey: string,
  options: DiffOptions,
): { patch: JsonValue[]; deletions: JsonValue[]; order: JsonValue[] } {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions)
      return { patch: [], deletions: [], order: [] };
    return { patch: [...modified], deletions: [], order: [] };
  }
  const all = [...original, ...modified];
  if (all.some((element) => Array.isArray(element))) {
    throw new KubesimError("lists of lists are not supported");
  }
  if (all.every((element) => isJsonObject(element))) {
    const { patch, deletions } = diffListsOfMaps(original, modified, schema, mergeKey, options);
    const ordered = [...orderLike(patch, modified, mergeKey, true), ...deletions];
    const orderSame = isOrderSame(original, modified, mergeKey);
    const wantOrder =
      options.setElementOrder &&
      ((!options.ignoreChangesAndAdditions && (ordered.length > 0 || !orderSame)) ||
        (!options.ignoreDeletions && ordered.length > 0));
    const order = wantOrder
      ? modified.map((element) => {
          const entry: JsonObject = {};
          setOwn(entry, mergeKey, mergeKeyValue(element, mergeKey));
          return entry;
        })
      : [];
    return { patch: ordered, deletions: [], order };
  }
  const { additions, deletions } = diffListsOfScalars(original, modified, options);
  const wantOrder =
    options.setElementOrder &&
    ((!options.ignoreDeletions && deletions.length > 0) ||
      (!options.ignoreChangesAndAdditions && !jsonEqual(original, modified)));
  return {
    patch: orderLike(additions, modified, mergeKey, false),
    deletions,
    order: wantOrder ? [...modified] : [],
  };
}

function diffMaps(
  original: JsonObject,
  modified: JsonObject,
  schema: PatchSchema,
  options: DiffOptions,
): JsonObject {
  const patch: JsonObject = {};
  const retainKeys: string[] = [];
  for (const key of Object.keys(modified)) {
    const modifiedValue = modified[key];
    if (modifiedValue === undefined) continue;
    if (options.buildRetainKeys && modifiedValue !== null) retainKeys.push(key);
    if (!Object.hasOwn(original, key) || original[key] === undefined) {
      if (!options.ignoreChangesAndAdditions) setOwn(patch, key, modifiedValue);
      continue;
    }
    const originalValue = original[key] ?? null;
    if (key === "$patch") {
      if (
        typeof originalValue === "string" &&
        typeof modifiedValue === "string" &&
        originalValue !== modifiedValue
      ) {
        setOwn(patch, key, modifiedValue);
      }
      continue;
    }
    const type = jsonType(originalValue);
    if (type !== jsonType(modifiedValue)) {
      if (!options.ignoreChangesAndAdditions) setOwn(patch, key, modifiedValue);
      continue;
    }
    if (type === "object") {
      const meta = lookupPatchMeta(schema, key);
      const { retainKeys: retain, strategy } = splitStrategies(meta.strategies);
      if (strategy === "replace") {
        if (!options.ignoreChangesAndAdditions) setOwn(patch, key, modifiedValue);
        continue;
      }
      const nested = diffMaps(originalValue as JsonObject, modifiedValue as JsonObject, meta.schema, {
        ...options,
        buildRetainKeys: retain,
      });
      if (Object.keys(nested).length > 0) setOwn(patch, key, nested);
    } else if (type === "array") {
      const meta = lookupPatchMeta(schema, key);
      const { retainKeys: retain, strategy } = splitStrategies(meta.strategies);
      if (strategy !== "merge") {
        if (!options.ignoreChangesAndAdditions && !jsonEqual(originalValue, modifiedValue)) {
          setOwn(patch, key, modifiedValue);
        }
        continue;
      }
      const lists = diffLists(
        originalValue as JsonValue[],
        modifiedValue as JsonValue[],
        meta.schema,
        meta.mergeKey,
        {
          ...options,
          buildRetainKeys: retain,
        },
      );
      if (lists.patch.length > 0) setOwn(patch, key, lists.patch);
      if (lists.deletions.length > 0)
        setOwn(patch, `${deleteFromPrimitiveListPrefix}/${key}`, lists.deletions);
      if (lists.order.length > 0) setOwn(patch, `${setElementOrderPrefix}/${key}`, lists.order);
    } else if (!options.ignoreChangesAndAdditions && !jsonEqual(originalValue, modifiedValue)) {
      setOwn(patch, key, modifiedValue);
    }
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) {
      if (original[key] !== undefined && (!Object.hasOwn(modified, key) || modified[key] === undefined)) {
        setOwn(patch, key, null);
      }
    }
  }
  const hasDroppedField = Object.keys(original).some(
    (key) => original[key] !== null && original[key] !== undefined && !Object.hasOwn(modified, key),
  );
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasDroppedField)) {
    patch.$retainKeys = [...retainKeys].sort(compareText);
  }
  return patch;
}

/** Merges two patches (deletions first, then changes) as upstream's `mergeMap` does for apply. */
function mergePatches(base: JsonObject, patch: JsonObject, schema: PatchSchema): JsonObject {
  const result: JsonObject = { ...base };
  for (const key of Object.keys(patch)) {
    const patchValue = patch[key];
    if (patchValue === undefined) continue;
    const baseValue = Object.hasOwn(result, key) ? result[key] : undefined;
    if (isJsonObject(baseValue) && isJsonObject(patchValue)) {
      setOwn(result, key, mergePatches(baseValue, patchValue, lookupPatchMeta(schema, key).schema));
      continue;
    }
    if (Array.isArray(baseValue) && Array.isArray(patchValue) && !key.startsWith("$")) {
      const meta = lookupPatchMeta(schema, key);
      if (splitStrategies(meta.strategies).strategy === "merge") {
        setOwn(result, key, mergeLists(baseValue, patchValue, meta.schema, meta.mergeKey));
        continue;
      }
    }
    setOwn(result, key, patchValue);
  }
  return result;
}

function mergeLists(
  base: JsonValue[],
  patch: JsonValue[],
  schema: PatchSchema,
  mergeKey: string,
): JsonValue[] {
  const result = [...base];
  for (const element of patch) {
    if (mergeKey === "") {
      if (!result.some((existing) => jsonEqual(existing, element))) result.push(element);
      continue;
    }
    const key = getOwn(element, mergeKey);
    const index = result.findIndex((existing) => jsonEqual(getOwn(existing, mergeKey), key));
    const existing = result[index];
    if (index < 0 || existing === undefined) {
      result.push(element);
    } else if (isJsonObject(existing) && isJsonObject(element) && existing.$patch === undefined) {
      result[index] = mergePatches(existing, element, schema);
    } else {
      result[index] = element;
    }
  }
  return result;
}

/**
 * A strategic merge patch turning `original` into `modified` for an object of `kind`, as
 * upstream's `CreateTwoWayMergePatch` builds it for `set image`, `taint` and `rollout
 * restart`: changed fields, `null` for removed ones, lists merged by key with
 * `$setElementOrder` directives. `{}` when nothing changed.
 *
 * @throws KubesimError when a merged list element lacks its merge key.
 */
export function createTwoWayMergePatch(original: JsonObject, modified: JsonObject, kind: string): JsonObject {
  return diffMaps(original, modified, patchSchemaForKind(kind), {
    ignoreDeletions: false,
    ignoreChangesAndAdditions: false,
    setElementOrder: true,
    buildRetainKeys: false,
  });
}

/**
 * The patch client-side `kubectl apply` sends (upstream's `CreateThreeWayMergePatch` with
 * overwrite): what changed from the live object (`current`) to the new configuration
 * (`modified`), without dropping what only the server set, plus the deletion of what the
 * last applied configuration (`original`) had and `modified` no longer has. `{}` when the
 * object already matches.
 *
 * @throws KubesimError when a merged list element lacks its merge key.
 */
export function createThreeWayMergePatch(
  original: JsonObject,
  modified: JsonObject,
  current: JsonObject,
  kind: string,
): JsonObject {
  const schema = patchSchemaForKind(kind);
  const delta = diffMaps(current, modified, schema, {
    ignoreDeletions: true,
    ignoreChangesAndAdditions: false,
    setElementOrder: true,
    buildRetainKeys: false,
  });
  const deletions = diffMaps(original, modified, schema, {
    ignoreDeletions: false,
    ignoreChangesAndAdditions: true,
    setElementOrder: true,
    buildRetainKeys: false,
  });
  return mergePatches(deletions, delta, schema);
}
