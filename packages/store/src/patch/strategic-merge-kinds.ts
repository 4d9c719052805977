import {
  defineStrategicMergeSchema as define,
  emptyStrategicMergeSchema,
  type StrategicMergeField,
  type StrategicMergeSchema,
} from "./strategic-merge-schema.js";

/*
 * The patch strategies and merge keys of the kinds kubesim stores, copied from the struct
 * tags of k8s.io/api v0.32 (core/v1, apps/v1, coordination/v1) and apimachinery meta/v1. Fields without a
 * tag (tolerations, taints, args, command, containerStatuses, …) are atomic lists.
 */

function mergeBy(patchMergeKey: string, schema?: StrategicMergeSchema): StrategicMergeField {
  return schema === undefined
    ? { patchStrategy: "merge", patchMergeKey }
    : { patchStrategy: "merge", patchMergeKey, schema };
}

const mergePrimitives: StrategicMergeField = { patchStrategy: "merge" };
const conditions = mergeBy("type");

const objectMeta = define({
  ownerReferences: mergeBy("uid"),
  finalizers: mergePrimitives,
});
const metadata: StrategicMergeField = { schema: objectMeta };

/** Container and EphemeralContainerCommon (same tags). */
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

const podTemplateSpec: StrategicMergeField = { schema: define({ metadata, spec: { schema: podSpec } }) };
const statusWithConditions: StrategicMergeField = { schema: define({ conditions }) };

const schemasByKind: ReadonlyMap<string, StrategicMergeSchema> = new Map([
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
  // LeaseSpec has no patch strategies: its fields are scalars and times.
  ["Lease", define({ metadata })],
  // `data` is a RawExtension upstream (no metadata at all); kubesim reads it as the DaemonSet
  // patch it holds, so a strategic merge patch of a revision merges the template by key too.
  [
    "ControllerRevision",
    define({
      metadata,
      data: { schema: define({ spec: { schema: define({ template: podTemplateSpec }) } }) },
    }),
  ],
]);

/**
 * The strategic merge patch schema of `kind`. Unknown kinds get an empty schema, so their
 * lists are replaced as in a JSON merge patch while maps still merge.
 */
export function strategicMergeSchemaForKind(kind: string): StrategicMergeSchema {
  return schemasByKind.get(kind) ?? emptyStrategicMergeSchema;
}
