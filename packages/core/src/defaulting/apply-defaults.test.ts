import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Pod } from "../types/index.js";
import { applyDefaults } from "./apply-defaults.js";

const nginxDaemonSet = {
  apiVersion: "apps/v1",
  kind: "DaemonSet",
  metadata: { name: "nginx", namespace: "default" },
  spec: {
    selector: { matchLabels: { app: "nginx" } },
    template: {
      metadata: { labels: { app: "nginx" } },
      spec: { containers: [{ name: "nginx", image: "nginx" }] },
    },
  },
};

describe("applyDefaults", () => {
  it.each([
    {
      name: "A Pod is defaulted as a pod.",
      object: { apiVersion: "v1", kind: "Pod", spec: {} },
      path: ["status", "phase"],
      expected: "Pending",
    },
    {
      name: "A DaemonSet is defaulted as a DaemonSet.",
      object: { apiVersion: "apps/v1", kind: "DaemonSet" },
      path: ["spec", "revisionHistoryLimit"],
      expected: 10,
    },
    {
      name: "A Deployment is defaulted as a Deployment.",
      object: { apiVersion: "apps/v1", kind: "Deployment" },
      path: ["spec", "progressDeadlineSeconds"],
      expected: 600,
    },
    {
      name: "A ReplicaSet is defaulted as a ReplicaSet.",
      object: { apiVersion: "apps/v1", kind: "ReplicaSet" },
      path: ["spec", "replicas"],
      expected: 1,
    },
    {
      name: "A Service is defaulted as a Service.",
      object: { apiVersion: "v1", kind: "Service", spec: {} },
      path: ["spec", "type"],
      expected: "ClusterIP",
    },
    {
      name: "A Node is defaulted as a Node.",
      object: { apiVersion: "v1", kind: "Node", status: { capacity: { cpu: "2" } } },
      path: ["status", "allocatable"],
      expected: { cpu: "2" },
    },
    {
      name: "A Namespace is defaulted as a Namespace.",
      object: { apiVersion: "v1", kind: "Namespace", metadata: { name: "a" } },
      path: ["status", "phase"],
      expected: "Active",
    },
    {
      name: "An object without apiVersion is dispatched on kind alone.",
      object: { kind: "Namespace", metadata: { name: "a" } },
      path: ["status", "phase"],
      expected: "Active",
    },
    {
      name: "A DaemonSet of another API group is only copied.",
      object: { apiVersion: "example.com/v1", kind: "DaemonSet", spec: {} },
      path: ["spec", "revisionHistoryLimit"],
      expected: undefined,
    },
  ])("$name", ({ object, path, expected }) => {
    let value: unknown = applyDefaults(object);
    for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
    expect(value).toStrictEqual(expected);
  });

  it.each([
    {
      name: "An Event is returned as an equal copy.",
      object: { apiVersion: "v1", kind: "Event", reason: "Created", count: 1 },
    },
    {
      name: "A ControllerRevision is returned as an equal copy.",
      object: { apiVersion: "apps/v1", kind: "ControllerRevision", revision: 1, data: { spec: {} } },
    },
    {
      name: "An unknown kind is returned as an equal copy.",
      object: { apiVersion: "example.com/v1", kind: "Widget", spec: { size: 3 } },
    },
    { name: "An object without a kind is returned as an equal copy.", object: { spec: { containers: "x" } } },
  ])("$name", ({ object }) => {
    const result = applyDefaults(object);
    expect(result).toStrictEqual(object);
    expect(result).not.toBe(object);
  });

  it("keeps fields it does not know", () => {
    const result = applyDefaults({
      ...nginxDaemonSet,
      extra: { nested: [1, "two"] },
      spec: { ...nginxDaemonSet.spec, futureField: true },
    });
    expect(result.extra).toStrictEqual({ nested: [1, "two"] });
    expect(result.spec.futureField).toBe(true);
  });

  it("never modifies its input", () => {
    const inputs = [
      structuredClone(nginxDaemonSet),
      {
        kind: "Pod",
        metadata: { labels: { a: "b" } },
        spec: { containers: [{ name: "a", resources: { limits: { cpu: "1" } } }], tolerations: [] },
      },
      { kind: "Namespace", metadata: { name: "n", labels: {} }, spec: { finalizers: ["x"] } },
      { kind: "Node", status: { capacity: { cpu: "0.5" } } },
    ];
    for (const input of inputs) {
      const snapshot = structuredClone(input);
      applyDefaults(input);
      expect(input).toStrictEqual(snapshot);
    }
  });

  it("keeps __proto__, constructor and prototype keys as plain data without touching any prototype", () => {
    const hostile = JSON.parse(`{
      "kind": "Pod",
      "__proto__": { "polluted": "top" },
      "metadata": { "name": "p", "labels": { "__proto__": "label", "app": "x" }, "constructor": { "prototype": { "polluted": "meta" } } },
      "spec": {
        "__proto__": { "polluted": "spec" },
        "affinity": { "podAffinity": { "requiredDuringSchedulingIgnoredDuringExecution": [
          { "labelSelector": {}, "matchLabelKeys": ["__proto__", "constructor", "toString"], "topologyKey": "k" }
        ] } },
        "containers": [{ "name": "c", "image": "i", "resources": { "limits": { "__proto__": "1", "cpu": "1" } } }]
      }
    }`);
    const result: object = applyDefaults(hostile);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.hasOwn(result, "__proto__")).toBe(true);
    expect(Object.getOwnPropertyDescriptor(result, "__proto__")?.value).toStrictEqual({ polluted: "top" });
    const pod = result as Pod;
    expect(Object.getPrototypeOf(pod.spec)).toBe(Object.prototype);
    const requests = pod.spec?.containers[0]?.resources?.requests;
    expect(Object.getPrototypeOf(requests)).toBe(Object.prototype);
    expect(Object.entries(requests ?? {})).toStrictEqual([
      ["__proto__", "1"],
      ["cpu", "1"],
    ]);
    const term = pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.[0];
    expect(term?.labelSelector).toStrictEqual({
      matchExpressions: [{ key: "__proto__", operator: "In", values: ["label"] }],
    });
  });

  it.each([
    {
      name: "A spec that is a number is left alone.",
      object: { kind: "Pod", spec: 5 },
      path: ["spec"],
      expected: 5,
    },
    {
      name: "Containers that are a string are left alone.",
      object: { kind: "Pod", spec: { containers: "x" } },
      path: ["spec", "containers"],
      expected: "x",
    },
    {
      name: "Container entries that are not objects are left alone.",
      object: {
        kind: "Pod",
        spec: {
          containers: [null, 5, { name: "a", image: "a:1", ports: [null, 7, { containerPort: "80" }] }],
        },
      },
      path: ["spec", "containers"],
      expected: [
        null,
        5,
        {
          name: "a",
          image: "a:1",
          imagePullPolicy: "IfNotPresent",
          ports: [null, 7, { containerPort: "80", protocol: "TCP" }],
          resources: {},
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
        },
      ],
    },
    {
      name: "An image that is not a string gives IfNotPresent.",
      object: { kind: "Pod", spec: { containers: [{ image: 5 }] } },
      path: ["spec", "containers", "0", "imagePullPolicy"],
      expected: "IfNotPresent",
    },
    {
      name: "A dnsPolicy of the wrong type is left alone.",
      object: { kind: "Pod", spec: { dnsPolicy: 3 } },
      path: ["spec", "dnsPolicy"],
      expected: 3,
    },
    {
      name: "Resources of the wrong type are left alone.",
      object: { kind: "Pod", spec: { containers: [{ resources: "big" }] } },
      path: ["spec", "containers", "0", "resources"],
      expected: "big",
    },
    {
      name: "A DaemonSet update strategy that is a string is left alone.",
      object: { kind: "DaemonSet", spec: { updateStrategy: "fast" } },
      path: ["spec", "updateStrategy"],
      expected: "fast",
    },
    {
      name: "A rollingUpdate that is a list is left alone.",
      object: { kind: "DaemonSet", spec: { updateStrategy: { rollingUpdate: [] } } },
      path: ["spec", "updateStrategy", "rollingUpdate"],
      expected: [],
    },
    {
      name: "A template spec that is a list is left alone.",
      object: { kind: "DaemonSet", spec: { template: { spec: [] } } },
      path: ["spec", "template", "spec"],
      expected: [],
    },
    {
      name: "Node capacity that is a string is left alone.",
      object: { kind: "Node", status: { capacity: "lots" } },
      path: ["status"],
      expected: { capacity: "lots" },
    },
    {
      name: "Namespace metadata that is a number is left alone.",
      object: { kind: "Namespace", metadata: 5 },
      path: ["metadata"],
      expected: 5,
    },
    {
      name: "Namespace finalizers that are a string are left alone.",
      object: { kind: "Namespace", metadata: { name: "a" }, spec: { finalizers: "kubernetes" } },
      path: ["spec", "finalizers"],
      expected: "kubernetes",
    },
    {
      name: "Service ports that are not objects are left alone.",
      object: { kind: "Service", spec: { ports: [null, "80"] } },
      path: ["spec", "ports"],
      expected: [null, "80"],
    },
  ])("$name", ({ object, path, expected }) => {
    let value: unknown = applyDefaults(object);
    for (const key of path) value = (value as Record<string, unknown>)[key];
    expect(value).toStrictEqual(expected);
  });

  it("never throws on arbitrary JSON placed anywhere in an object of a defaulted kind", () => {
    const relevantKeys = [
      "kind",
      "apiVersion",
      "metadata",
      "name",
      "labels",
      "annotations",
      "spec",
      "status",
      "template",
      "containers",
      "initContainers",
      "ephemeralContainers",
      "ports",
      "resources",
      "limits",
      "requests",
      "image",
      "imagePullPolicy",
      "hostNetwork",
      "tolerations",
      "affinity",
      "podAffinity",
      "requiredDuringSchedulingIgnoredDuringExecution",
      "labelSelector",
      "matchLabelKeys",
      "volumes",
      "updateStrategy",
      "rollingUpdate",
      "type",
      "capacity",
      "allocatable",
      "finalizers",
      "schedulingGates",
      "priorityClassName",
      "priority",
      "serviceAccount",
      "serviceAccountName",
      "livenessProbe",
      "httpGet",
      "env",
      "valueFrom",
      "fieldRef",
      "projected",
      "sources",
      "podIP",
      "podIPs",
      "podCIDR",
      "podCIDRs",
      "sessionAffinity",
      "sessionAffinityConfig",
      "clientIP",
      "taints",
      "__proto__",
      "constructor",
    ];
    const kinds = ["Pod", "DaemonSet", "Deployment", "ReplicaSet", "Node", "Namespace", "Service", "Event"];
    const value = fc.object({ key: fc.constantFrom(...relevantKeys), maxDepth: 6, withNullPrototype: false });
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        value,
        fc.constantFrom("create", "update"),
        (kind, body, operation) => {
          const object = { ...body, kind };
          // Compared as JSON text: an own `constructor` key confuses structural equality.
          const snapshot = JSON.stringify(object);
          const result = applyDefaults(object, { operation: operation as "create" | "update" });
          expect(JSON.stringify(object)).toBe(snapshot);
          expect(({} as Record<string, unknown>).constructor).toBe(Object);
          expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never throws on well-shaped pods and DaemonSets whose leaves are arbitrary JSON", () => {
    const leaf = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined));
    const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof(leaf, arbitrary);
    const listOf = <T>(arbitrary: fc.Arbitrary<T>) =>
      optional(fc.array(fc.oneof(leaf, arbitrary), { maxLength: 3 }));
    const resourceList = optional(fc.dictionary(fc.constantFrom("cpu", "memory", "__proto__", "pods"), leaf));
    const probe = optional(
      fc.record(
        {
          httpGet: optional(fc.record({ path: leaf, port: leaf })),
          grpc: optional(fc.record({ service: leaf })),
          periodSeconds: leaf,
        },
        { requiredKeys: [] },
      ),
    );
    const container = fc.record(
      {
        name: leaf,
        image: optional(
          fc.constantFrom("nginx", "nginx:latest", "localhost:5000/a", `a@sha256:${"0".repeat(64)}`),
        ),
        ports: listOf(
          fc.record({ containerPort: leaf, hostPort: leaf, protocol: leaf }, { requiredKeys: [] }),
        ),
        resources: optional(
          fc.record({ limits: resourceList, requests: resourceList }, { requiredKeys: [] }),
        ),
        env: listOf(
          fc.record(
            {
              valueFrom: optional(
                fc.record(
                  { fieldRef: optional(fc.record({ apiVersion: leaf }, { requiredKeys: [] })) },
                  { requiredKeys: [] },
                ),
              ),
            },
            { requiredKeys: [] },
          ),
        ),
        livenessProbe: probe,
        lifecycle: optional(
          fc.record(
            { preStop: optional(fc.record({ httpGet: leaf }, { requiredKeys: [] })) },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    );
    const volume = fc.record(
      {
        name: leaf,
        hostPath: leaf,
        secret: leaf,
        projected: optional(
          fc.record(
            {
              sources: listOf(
                fc.record({ serviceAccountToken: leaf, downwardAPI: leaf }, { requiredKeys: [] }),
              ),
            },
            { requiredKeys: [] },
          ),
        ),
        ephemeral: leaf,
      },
      { requiredKeys: [] },
    );
    const term = fc.record(
      {
        labelSelector: leaf,
        matchLabelKeys: optional(fc.array(leaf, { maxLength: 3 })),
        mismatchLabelKeys: leaf,
      },
      { requiredKeys: [] },
    );
    const podSpec = fc.record(
      {
        containers: listOf(container),
        initContainers: listOf(container),
        ephemeralContainers: listOf(container),
        volumes: listOf(volume),
        hostNetwork: leaf,
        tolerations: listOf(fc.record({ key: leaf, effect: leaf, operator: leaf }, { requiredKeys: [] })),
        affinity: optional(
          fc.record(
            {
              podAntiAffinity: optional(
                fc.record(
                  { requiredDuringSchedulingIgnoredDuringExecution: listOf(term) },
                  { requiredKeys: [] },
                ),
              ),
            },
            { requiredKeys: [] },
          ),
        ),
        priorityClassName: leaf,
        priority: leaf,
        serviceAccount: leaf,
        schedulingGates: leaf,
        terminationGracePeriodSeconds: leaf,
      },
      { requiredKeys: [] },
    );
    const metadata = optional(
      fc.record(
        { name: leaf, labels: optional(fc.dictionary(fc.string(), leaf)), annotations: leaf },
        { requiredKeys: [] },
      ),
    );
    const pod = fc.record(
      { kind: fc.constant("Pod"), metadata, spec: optional(podSpec), status: leaf },
      { requiredKeys: ["kind"] },
    );
    const daemonSet = fc.record(
      {
        kind: fc.constant("DaemonSet"),
        metadata,
        spec: optional(
          fc.record(
            {
              updateStrategy: optional(fc.record({ type: leaf, rollingUpdate: leaf }, { requiredKeys: [] })),
              template: optional(fc.record({ metadata, spec: optional(podSpec) }, { requiredKeys: [] })),
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: ["kind"] },
    );
    fc.assert(
      fc.property(fc.oneof(pod, daemonSet), fc.constantFrom("create", "update"), (object, operation) => {
        const snapshot = JSON.stringify(object);
        const result = applyDefaults(object, { operation: operation as "create" | "update" });
        expect(JSON.stringify(object)).toBe(snapshot);
        expect(result.kind).toBe(object.kind);
      }),
      { numRuns: 500 },
    );
  });
});
