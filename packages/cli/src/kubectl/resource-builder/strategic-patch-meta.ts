/*
 * The patch strategies and merge keys (`patchStrategy` / `patchMergeKey` struct tags of
 * k8s.io/api v0.32) kubectl needs to compute strategic merge patches for the kinds
 * kubesim serves. The store keeps the same facts to apply those patches; it does not
 * export them yet, so the client side keeps its own copy.
 */

/** One field's patch metadata. */
export interface PatchField {
  /** `merge`, `replace`, `retainKeys` or `merge,retainKeys`; absent for atomic lists. */
  readonly patchStrategy?: string;
  /** The key identifying list elements (`name`, `containerPort`, …); absent for primitive lists. */
  readonly patchMergeKey?: string;
  /** The struct of a map field, or of each element of a list field. */
  readonly schema?: PatchSchema;
}

/** The fields of one struct type that have patch metadata. */
export interface PatchSchema {
  readonly fields: ReadonlyMap<string, PatchField>;
}

/** What a diff needs to know about one field. */
export interface PatchMeta {
  readonly schema: PatchSchema;
  readonly strategies: readonly string[];
  readonly mergeKey: string;
}

const emptySchema: PatchSchema = { fields: new Map() };

function define(fields: Readonly<Record<string, PatchField>>): PatchSchema {
  return { fields: new Map(Object.entries(fields)) };
}

function mergeBy(patchMergeKey: string, schema?: PatchSchema): PatchField {
  return schema === undefined
    ? { patchStrategy: "merge", patchMergeKey }
    : { patchStrategy: "merge", patchMergeKey, schema };
}

const mergePrimitives: PatchField = { patchStrategy: "merge" };
const conditions = mergeBy("type");
const metadata: PatchField = {
  schema: define({ ownerReferences: mergeBy("uid"), finalizers: mergePrimitives }),
};
const container = define({
  ports: mergeBy("containerPort"),
  env: mergeBy("name"),
  volumeMounts: mergeBy("mountPath"),
  volumeDevices: mergeBy("devicePath"),
});
const podSpec = define({
  volumes: { patchStrategy: "merge,retainKeys", patchMergeKey: "name" },
  initContainers: mergeBy("name", container),
  containers: mergeBy("name", container),
  ephemeralContainers: mergeBy("name", container),
  imagePullSecrets: mergeBy("name"),
  hostAliases: mergeBy("ip"),
  topologySpreadConstraints: mergeBy("topologyKey"),
  schedulingGates: mergeBy("name"),
  resourceClaims: { patchStrategy: "merge,retainKeys", patchMergeKey: "name" },
});
const podStatus = define({
  conditions,
  hostIPs: mergeBy("ip"),
  podIPs: mergeBy("ip"),
  resourceClaimStatuses: { patchStrategy: "merge,retainKeys", patchMergeKey: "name" },
});
const podTemplateSpec: PatchField = { schema: define({ metadata, spec: { schema: podSpec } }) };
const statusWithConditions: PatchField = { schema: define({ conditions }) };

const schemasByKind: ReadonlyMap<string, PatchSchema> = new Map([
  ["Pod", define({ metadata, spec: { schema: podSpec }, status: { schema: podStatus } })],
  [
    "Node",
    define({
      metadata,
      spec: { schema: define({ podCIDRs: mergePrimitives }) },
      status: { schema: define({ conditions, addresses: mergeBy("type") }) },
    }),
  ],
  ["Namespace", define({ metadata, status: statusWithConditions })],
  ["Event", define({ metadata })],
  [
    "Service",
    define({ metadata, spec: { schema: define({ ports: mergeBy("port") }) }, status: statusWithConditions }),
  ],
  [
    "DaemonSet",
    define({
      metadata,
      spec: { schema: define({ template: podTemplateSpec }) },
      status: statusWithConditions,
    }),
  ],
  [
    "Deployment",
    define({
      metadata,
      spec: { schema: define({ template: podTemplateSpec, strategy: { patchStrategy: "retainKeys" } }) },
      status: statusWithConditions,
    }),
  ],
  [
    "ReplicaSet",
    define({
      metadata,
      spec: { schema: define({ template: podTemplateSpec }) },
      status: statusWithConditions,
    }),
  ],
  ["ControllerRevision", define({ metadata })],
]);

/** The patch schema of a kind; unknown kinds get none (maps merge, lists are replaced). */
export function patchSchemaForKind(kind: string): PatchSchema {
  return schemasByKind.get(kind) ?? emptySchema;
}

/** The metadata of field `key` in `schema`; fields without tags get none. */
export function lookupPatchMeta(schema: PatchSchema, key: string): PatchMeta {
  const field = schema.fields.get(key);
  return {
    schema: field?.schema ?? emptySchema,
    strategies: field?.patchStrategy === undefined ? [] : field.patchStrategy.split(","),
    mergeKey: field?.patchMergeKey ?? "",
  };
}
