import {
  lookupStrategicMergeField,
  type StrategicMergeSchema,
  strategicMergeSchemaForKind,
} from "@kubesim/store";

/*
 * The patch strategies and merge keys (`patchStrategy` / `patchMergeKey` struct tags of
 * k8s.io/api v0.32) kubectl needs to compute strategic merge patches: the same table the
 * store applies those patches with.
 */

/** The fields of one struct type that have patch metadata. */
export type PatchSchema = StrategicMergeSchema;

/** What a diff needs to know about one field. */
export interface PatchMeta {
  readonly schema: PatchSchema;
  readonly strategies: readonly string[];
  readonly mergeKey: string;
}

// kubectl sees a ControllerRevision's `data` as opaque (a RawExtension): only its metadata
// has patch metadata on the client side.
const controllerRevisionMetadata = strategicMergeSchemaForKind("ControllerRevision").fields.get("metadata");
const controllerRevisionSchema: PatchSchema = {
  fields: new Map(controllerRevisionMetadata === undefined ? [] : [["metadata", controllerRevisionMetadata]]),
};

/** The patch schema of a kind; unknown kinds get none (maps merge, lists are replaced). */
export function patchSchemaForKind(kind: string): PatchSchema {
  return kind === "ControllerRevision" ? controllerRevisionSchema : strategicMergeSchemaForKind(kind);
}

/** The metadata of field `key` in `schema`; fields without tags get none. */
export function lookupPatchMeta(schema: PatchSchema, key: string): PatchMeta {
  const lookup = lookupStrategicMergeField(schema, key);
  return { schema: lookup.schema, strategies: lookup.patchStrategies, mergeKey: lookup.patchMergeKey };
}
