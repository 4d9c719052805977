/*
 * The shape information server-side apply needs (structured-merge-diff's schema), for the
 * kinds kubesim stores: which lists are associative and by which keys (`+listType=map`,
 * `+listMapKey`), which are sets (`+listType=set`), which maps and structs are atomic
 * (`+mapType=atomic`, `+structType=atomic`), and which objects are maps (their keys are
 * not struct fields). Copied from the tags of k8s.io/api v0.32 and apimachinery meta/v1.
 * Everything not described is a struct (objects), an atomic list (arrays) or a scalar,
 * which is what those tags default to.
 */

/** One node of a kind's schema. */
export type FieldSchema =
  | { readonly type: "struct"; readonly fields: ReadonlyMap<string, FieldSchema> }
  | { readonly type: "map"; readonly values: FieldSchema }
  | { readonly type: "atomic" }
  | {
      readonly type: "associativeList";
      readonly keys: readonly string[];
      /** Defaults of key fields (`protocol: TCP`), used when an item omits them. */
      readonly keyDefaults: ReadonlyMap<string, unknown>;
      readonly items: FieldSchema;
    }
  | { readonly type: "setList" };

const noFields: ReadonlyMap<string, FieldSchema> = new Map();

/** A struct with no described fields: what every undescribed object is. */
export const plainStruct: FieldSchema = { type: "struct", fields: noFields };

/** An atomic value: owned and replaced whole. */
export const atomicField: FieldSchema = { type: "atomic" };

function struct(fields: Readonly<Record<string, FieldSchema>> = {}): FieldSchema {
  return { type: "struct", fields: new Map(Object.entries(fields)) };
}

const map: FieldSchema = { type: "map", values: plainStruct };
const set: FieldSchema = { type: "setList" };

function listMap(
  keys: readonly string[],
  items: FieldSchema = plainStruct,
  keyDefaults: Readonly<Record<string, unknown>> = {},
): FieldSchema {
  return { type: "associativeList", keys, items, keyDefaults: new Map(Object.entries(keyDefaults)) };
}

/** The schema of field `name` of a struct or map schema (undescribed fields are plain structs). */
export function childSchema(schema: FieldSchema, name: string): FieldSchema {
  if (schema.type === "map") return schema.values;
  if (schema.type === "struct") return schema.fields.get(name) ?? plainStruct;
  return plainStruct;
}

/** Whether `name` is a declared struct field of `schema` (map keys are not). */
export function isNamedField(schema: FieldSchema): boolean {
  return schema.type === "struct";
}

const objectMeta = struct({
  labels: map,
  annotations: map,
  ownerReferences: listMap(["uid"], atomicField),
  finalizers: set,
  managedFields: atomicField,
});

const resources = struct({ limits: map, requests: map, claims: listMap(["name"]) });

const container = struct({
  ports: listMap(["containerPort", "protocol"], plainStruct, { protocol: "TCP" }),
  env: listMap(["name"]),
  volumeMounts: listMap(["mountPath"]),
  volumeDevices: listMap(["devicePath"]),
  resources,
});

const podSpec = struct({
  volumes: listMap(["name"]),
  initContainers: listMap(["name"], container),
  containers: listMap(["name"], container),
  ephemeralContainers: listMap(["name"], container),
  nodeSelector: atomicField,
  imagePullSecrets: listMap(["name"], atomicField),
  hostAliases: listMap(["ip"]),
  topologySpreadConstraints: listMap(
    ["topologyKey", "whenUnsatisfiable"],
    struct({ labelSelector: atomicField }),
  ),
  schedulingGates: listMap(["name"]),
  resourceClaims: listMap(["name"]),
  overhead: map,
  resources,
  affinity: struct({
    nodeAffinity: struct({ requiredDuringSchedulingIgnoredDuringExecution: atomicField }),
    podAffinity: struct({}),
    podAntiAffinity: struct({}),
  }),
});

const podTemplateSpec = struct({ metadata: objectMeta, spec: podSpec });
const conditionsByType = listMap(["type"]);
const statusWithConditions = struct({ conditions: conditionsByType });

const workloadSpec = struct({ selector: atomicField, template: podTemplateSpec });

const schemasByKind: ReadonlyMap<string, FieldSchema> = new Map([
  [
    "Pod",
    struct({
      metadata: objectMeta,
      spec: podSpec,
      status: struct({
        conditions: conditionsByType,
        podIPs: listMap(["ip"]),
        resourceClaimStatuses: listMap(["name"]),
      }),
    }),
  ],
  [
    "Node",
    struct({
      metadata: objectMeta,
      spec: struct({ podCIDRs: set }),
      status: struct({
        conditions: conditionsByType,
        addresses: listMap(["type"]),
        capacity: map,
        allocatable: map,
      }),
    }),
  ],
  ["Namespace", struct({ metadata: objectMeta, status: statusWithConditions })],
  ["Event", struct({ metadata: objectMeta, involvedObject: atomicField, related: atomicField })],
  [
    "Service",
    struct({
      metadata: objectMeta,
      spec: struct({
        ports: listMap(["port", "protocol"], plainStruct, { protocol: "TCP" }),
        selector: atomicField,
      }),
      status: statusWithConditions,
    }),
  ],
  ["DaemonSet", struct({ metadata: objectMeta, spec: workloadSpec, status: statusWithConditions })],
  ["Deployment", struct({ metadata: objectMeta, spec: workloadSpec, status: statusWithConditions })],
  ["ReplicaSet", struct({ metadata: objectMeta, spec: workloadSpec, status: statusWithConditions })],
  ["ControllerRevision", struct({ metadata: objectMeta, data: map })],
  ["Lease", struct({ metadata: objectMeta })],
]);

/** The apply schema of `kind` (unknown kinds: a plain struct). */
export function fieldSchemaForKind(kind: string): FieldSchema {
  return schemasByKind.get(kind) ?? plainStruct;
}

const emptyTemplate = { metadata: { creationTimestamp: null }, spec: { containers: null } };

/*
 * What a new, empty object of each kind serialises to in Go (`scope.Creater.New(kind)`):
 * non-pointer structs are `{}`, fields without `omitempty` are present. A create is
 * recorded as the difference from this object, so a field that already exists here (say
 * `spec`) is not itself owned (no `"."`), while a new map or list is.
 */
const zeroObjects: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ["Pod", { metadata: { creationTimestamp: null }, spec: { containers: null }, status: {} }],
  [
    "Node",
    {
      metadata: { creationTimestamp: null },
      spec: {},
      status: {
        daemonEndpoints: { kubeletEndpoint: { Port: 0 } },
        nodeInfo: {
          machineID: "",
          systemUUID: "",
          bootID: "",
          kernelVersion: "",
          osImage: "",
          containerRuntimeVersion: "",
          kubeletVersion: "",
          kubeProxyVersion: "",
          operatingSystem: "",
          architecture: "",
        },
      },
    },
  ],
  ["Namespace", { metadata: { creationTimestamp: null }, spec: {}, status: {} }],
  [
    "Event",
    {
      metadata: { creationTimestamp: null },
      involvedObject: {},
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      eventTime: null,
      reportingComponent: "",
      reportingInstance: "",
    },
  ],
  ["Service", { metadata: { creationTimestamp: null }, spec: {}, status: { loadBalancer: {} } }],
  [
    "DaemonSet",
    {
      metadata: { creationTimestamp: null },
      spec: { selector: null, template: emptyTemplate, updateStrategy: {} },
      status: { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 },
    },
  ],
  [
    "Deployment",
    {
      metadata: { creationTimestamp: null },
      spec: { selector: null, template: emptyTemplate, strategy: {} },
      status: {},
    },
  ],
  [
    "ReplicaSet",
    {
      metadata: { creationTimestamp: null },
      spec: { selector: null, template: emptyTemplate },
      status: { replicas: 0 },
    },
  ],
  ["ControllerRevision", { metadata: { creationTimestamp: null }, data: null, revision: 0 }],
  // LeaseSpec is a struct value (not a pointer): Go writes `spec: {}` even with omitempty.
  ["Lease", { metadata: { creationTimestamp: null }, spec: {} }],
]);

/** The Go zero object of `kind` as JSON (read-only; shared). */
export function zeroObjectForKind(kind: string): unknown {
  return zeroObjects.get(kind) ?? { metadata: { creationTimestamp: null } };
}

/*
 * Go's zero object gives every pod template `metadata.creationTimestamp: null`, and so
 * would an object upstream creates by server-side apply. kubesim's stored templates never
 * carry it (create, update and patches keep the template metadata as sent), so the object
 * an apply starts from leaves it out: every write path yields the same shape.
 */
const applyBases: ReadonlyMap<string, unknown> = new Map(
  [...zeroObjects].map(([kind, zero]) => [kind, withoutTemplateTimestamp(zero)]),
);

function withoutTemplateTimestamp(zero: unknown): unknown {
  const { spec, ...rest } = zero as { spec?: unknown };
  if (typeof spec !== "object" || spec === null) return zero;
  const { template, ...specRest } = spec as { template?: unknown };
  if (template !== emptyTemplate) return zero;
  return { ...rest, spec: { ...specRest, template: { metadata: {}, spec: emptyTemplate.spec } } };
}

/**
 * The object a server-side apply that creates `kind` merges its configuration into: the
 * Go zero object without the template's `creationTimestamp: null` (read-only; shared).
 */
export function applyBaseForKind(kind: string): unknown {
  return applyBases.get(kind) ?? zeroObjectForKind(kind);
}
