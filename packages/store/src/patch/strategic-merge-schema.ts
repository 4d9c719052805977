/*
 * Patch metadata for strategic merge patch: the `patchStrategy` and `patchMergeKey` struct
 * tags of the Kubernetes API types, kept as data (a small schema tree per kind) instead of
 * being read from Go structs by reflection.
 */

/** One field's patch metadata, spelled like upstream's struct tags. */
export interface StrategicMergeField {
  /** `merge`, `replace`, `retainKeys` or `merge,retainKeys`; absent means atomic lists. */
  readonly patchStrategy?: string;
  /** The key that identifies list elements (`name`, `containerPort`, …); absent for primitive lists. */
  readonly patchMergeKey?: string;
  /** The schema of the struct (for a map field) or of each element (for a list field). */
  readonly schema?: StrategicMergeSchema;
}

/** The fields of one struct type. Fields not listed have no patch metadata. */
export interface StrategicMergeSchema {
  readonly fields: ReadonlyMap<string, StrategicMergeField>;
}

/** Patch metadata for a field lookup, as upstream's `PatchMeta` plus the subschema. */
export interface StrategicMergeLookup {
  readonly schema: StrategicMergeSchema;
  readonly patchStrategies: readonly string[];
  readonly patchMergeKey: string;
}

/** A schema without metadata: maps merge, lists are replaced. */
export const emptyStrategicMergeSchema: StrategicMergeSchema = { fields: new Map() };

/** Builds a schema from a field table. */
export function defineStrategicMergeSchema(
  fields: Readonly<Record<string, StrategicMergeField>>,
): StrategicMergeSchema {
  return { fields: new Map(Object.entries(fields)) };
}

/** The metadata of field `key` of `schema`; unknown fields get none. */
export function lookupStrategicMergeField(schema: StrategicMergeSchema, key: string): StrategicMergeLookup {
  const field = schema.fields.get(key);
  return {
    schema: field?.schema ?? emptyStrategicMergeSchema,
    patchStrategies: field?.patchStrategy === undefined ? [] : field.patchStrategy.split(","),
    patchMergeKey: field?.patchMergeKey ?? "",
  };
}

/**
 * The strategy other than `retainKeys` (which only matters when building patches), as
 * upstream's `extractRetainKeysPatchStrategy`: `merge`, `replace` or `""`.
 */
export function effectivePatchStrategy(strategies: readonly string[]): string {
  const [first = "", second = ""] = strategies;
  if (first === "retainKeys") return second;
  return first;
}
