import { describe, expect, it } from "vitest";
import { deepFreeze } from "./patch-test-fixtures.js";
import { mergeStrategicMap } from "./strategic-merge-map.js";
import { applyStrategicMergePatch } from "./strategic-merge-patch.js";
import { defineStrategicMergeSchema } from "./strategic-merge-schema.js";

const template = (spec: object) => ({ spec: { template: { spec } } });

// Without a $setElementOrder directive, upstream puts elements the patch adds before the
// live elements the patch does not mention; the expected lists below follow that order.
const cases = [
  {
    name: "Pod containers merge by name and their ports by containerPort.",
    kind: "Pod",
    original: {
      spec: { containers: [{ name: "web", ports: [{ containerPort: 80 }, { containerPort: 443 }] }] },
    },
    patch: { spec: { containers: [{ name: "web", ports: [{ containerPort: 443, name: "https" }] }] } },
    expected: {
      spec: {
        containers: [{ name: "web", ports: [{ containerPort: 80 }, { containerPort: 443, name: "https" }] }],
      },
    },
  },
  {
    name: "Container env merges by name and volumeMounts by mountPath.",
    kind: "Pod",
    original: {
      spec: {
        containers: [
          {
            name: "web",
            env: [{ name: "A", value: "1" }],
            volumeMounts: [{ mountPath: "/data", name: "data" }],
          },
        ],
      },
    },
    patch: {
      spec: {
        containers: [
          {
            name: "web",
            env: [{ name: "B", value: "2" }],
            volumeMounts: [{ mountPath: "/data", readOnly: true }],
          },
        ],
      },
    },
    expected: {
      spec: {
        containers: [
          {
            name: "web",
            env: [
              { name: "B", value: "2" },
              { name: "A", value: "1" },
            ],
            volumeMounts: [{ mountPath: "/data", name: "data", readOnly: true }],
          },
        ],
      },
    },
  },
  {
    name: "initContainers and ephemeralContainers merge by name like containers.",
    kind: "Pod",
    original: {
      spec: { initContainers: [{ name: "init", image: "a" }], ephemeralContainers: [{ name: "debug" }] },
    },
    patch: {
      spec: { initContainers: [{ name: "init", image: "b" }], ephemeralContainers: [{ name: "debug2" }] },
    },
    expected: {
      spec: {
        initContainers: [{ name: "init", image: "b" }],
        ephemeralContainers: [{ name: "debug2" }, { name: "debug" }],
      },
    },
  },
  {
    name: "imagePullSecrets merge by name, hostAliases by ip, topologySpreadConstraints by topologyKey.",
    kind: "Pod",
    original: {
      spec: {
        imagePullSecrets: [{ name: "a" }],
        hostAliases: [{ ip: "10.0.0.1", hostnames: ["a"] }],
        topologySpreadConstraints: [{ topologyKey: "zone", maxSkew: 1 }],
      },
    },
    patch: {
      spec: {
        imagePullSecrets: [{ name: "b" }],
        hostAliases: [{ ip: "10.0.0.1", hostnames: ["b"] }],
        topologySpreadConstraints: [{ topologyKey: "zone", maxSkew: 2 }],
      },
    },
    expected: {
      spec: {
        imagePullSecrets: [{ name: "b" }, { name: "a" }],
        hostAliases: [{ ip: "10.0.0.1", hostnames: ["b"] }],
        topologySpreadConstraints: [{ topologyKey: "zone", maxSkew: 2 }],
      },
    },
  },
  {
    name: "Tolerations, args and command have no strategy and are replaced.",
    kind: "Pod",
    original: {
      spec: {
        tolerations: [{ key: "a", operator: "Exists" }],
        containers: [{ name: "web", args: ["--a"], command: ["sh"] }],
      },
    },
    patch: {
      spec: {
        tolerations: [{ key: "b", operator: "Exists" }],
        containers: [{ name: "web", args: ["--b"], command: ["bash"] }],
      },
    },
    expected: {
      spec: {
        tolerations: [{ key: "b", operator: "Exists" }],
        containers: [{ name: "web", args: ["--b"], command: ["bash"] }],
      },
    },
  },
  {
    name: "Pod status conditions merge by type and podIPs by ip.",
    kind: "Pod",
    original: { status: { conditions: [{ type: "Ready", status: "False" }], podIPs: [{ ip: "10.0.0.1" }] } },
    patch: {
      status: {
        conditions: [
          { type: "Ready", status: "True" },
          { type: "PodScheduled", status: "True" },
        ],
        podIPs: [{ ip: "fd00::1" }],
      },
    },
    expected: {
      status: {
        conditions: [
          { type: "Ready", status: "True" },
          { type: "PodScheduled", status: "True" },
        ],
        podIPs: [{ ip: "fd00::1" }, { ip: "10.0.0.1" }],
      },
    },
  },
  {
    name: "ownerReferences merge by uid and finalizers as a set, on any stored kind.",
    kind: "Service",
    original: { metadata: { ownerReferences: [{ uid: "1", name: "a" }], finalizers: ["x"] } },
    patch: { metadata: { ownerReferences: [{ uid: "2", name: "b" }], finalizers: ["x", "y"] } },
    expected: {
      metadata: {
        ownerReferences: [
          { uid: "2", name: "b" },
          { uid: "1", name: "a" },
        ],
        finalizers: ["x", "y"],
      },
    },
  },
  {
    name: "Node conditions and addresses merge by type; podCIDRs merge as a set.",
    kind: "Node",
    original: {
      spec: { podCIDRs: ["10.244.1.0/24"] },
      status: {
        conditions: [{ type: "Ready", status: "True" }],
        addresses: [{ type: "InternalIP", address: "172.18.0.2" }],
      },
    },
    patch: {
      spec: { podCIDRs: ["fd00:10:244:1::/64"] },
      status: {
        conditions: [{ type: "Ready", status: "False" }],
        addresses: [{ type: "Hostname", address: "node-1" }],
      },
    },
    expected: {
      spec: { podCIDRs: ["fd00:10:244:1::/64", "10.244.1.0/24"] },
      status: {
        conditions: [{ type: "Ready", status: "False" }],
        addresses: [
          { type: "Hostname", address: "node-1" },
          { type: "InternalIP", address: "172.18.0.2" },
        ],
      },
    },
  },
  {
    name: "Node taints are replaced as a whole.",
    kind: "Node",
    original: { spec: { taints: [{ key: "a", effect: "NoSchedule" }] } },
    patch: { spec: { taints: [{ key: "b", effect: "NoSchedule" }] } },
    expected: { spec: { taints: [{ key: "b", effect: "NoSchedule" }] } },
  },
  {
    name: "Service ports merge by port.",
    kind: "Service",
    original: { spec: { ports: [{ port: 80, targetPort: 8080 }] } },
    patch: { spec: { ports: [{ port: 80, name: "http" }, { port: 443 }] } },
    expected: { spec: { ports: [{ port: 80, targetPort: 8080, name: "http" }, { port: 443 }] } },
  },
  {
    name: "DaemonSet status conditions merge by type.",
    kind: "DaemonSet",
    original: { status: { conditions: [{ type: "A", status: "True" }] } },
    patch: { status: { conditions: [{ type: "B", status: "True" }] } },
    expected: {
      status: {
        conditions: [
          { type: "B", status: "True" },
          { type: "A", status: "True" },
        ],
      },
    },
  },
  ...["Deployment", "ReplicaSet", "DaemonSet"].map((kind) => ({
    name: `${kind} pod template containers merge by name.`,
    kind,
    original: template({ containers: [{ name: "a", image: "1" }] }),
    patch: template({ containers: [{ name: "b", image: "2" }] }),
    expected: template({
      containers: [
        { name: "b", image: "2" },
        { name: "a", image: "1" },
      ],
    }),
  })),
  {
    name: "ControllerRevision data holds a DaemonSet patch whose template containers merge by name.",
    kind: "ControllerRevision",
    original: { data: template({ containers: [{ name: "a", image: "1" }] }) },
    patch: { data: template({ containers: [{ name: "a", image: "2" }] }) },
    expected: { data: template({ containers: [{ name: "a", image: "2" }] }) },
  },
  {
    name: "An unknown kind replaces lists but still merges maps and deletes null keys.",
    kind: "Widget",
    original: { spec: { items: [{ name: "a" }], labels: { a: "1", b: "2" } } },
    patch: { spec: { items: [{ name: "b" }], labels: { b: null, c: "3" } } },
    expected: { spec: { items: [{ name: "b" }], labels: { a: "1", c: "3" } } },
  },
  {
    name: "Event has no list strategies beyond its metadata.",
    kind: "Event",
    original: { count: 1, series: { count: 2 } },
    patch: { count: 2, series: { lastObservedTime: "t" } },
    expected: { count: 2, series: { count: 2, lastObservedTime: "t" } },
  },
];

describe("strategic merge patch strategies of the stored kinds", () => {
  it.each(cases)("$name", ({ kind, original, patch, expected }) => {
    expect(applyStrategicMergePatch(deepFreeze(original), deepFreeze(patch), kind)).toEqual(expected);
  });

  it("A map field with the replace strategy is replaced by the patch map instead of merged.", () => {
    const schema = defineStrategicMergeSchema({ replacingItem: { patchStrategy: "replace" } });
    const result = mergeStrategicMap({ replacingItem: { a: 1, b: 2 } }, { replacingItem: { c: 3 } }, schema);
    expect(result).toEqual({ replacingItem: { c: 3 } });
  });
});

describe("strategic merge patch safety", () => {
  it("Keys named __proto__, constructor and prototype stay plain data and pollute nothing.", () => {
    const patch = JSON.parse(
      '{"metadata":{"labels":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}},"__proto__":{"x":1}}',
    );
    const result = applyStrategicMergePatch(
      deepFreeze({ metadata: { labels: { a: "1" } } }),
      patch,
      "Pod",
    ) as {
      metadata: { labels: Record<string, unknown> };
    };
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(result.metadata.labels)).toBe(Object.prototype);
    expect(Object.keys(result)).toEqual(["metadata", "__proto__"]);
    expect(Object.keys(result.metadata.labels)).toEqual(["a", "__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, "x")).toBe(false);
  });

  it("Merge keys named like Object.prototype members match only real elements.", () => {
    const original = { spec: { containers: [{ name: "constructor", image: "a" }] } };
    const patch = {
      spec: {
        containers: [
          { name: "toString", image: "b" },
          { name: "constructor", image: "c" },
        ],
      },
    };
    expect(applyStrategicMergePatch(deepFreeze(original), deepFreeze(patch), "Pod")).toEqual({
      spec: {
        containers: [
          { name: "toString", image: "b" },
          { name: "constructor", image: "c" },
        ],
      },
    });
  });

  it("The result shares no objects with the inputs.", () => {
    const original = { spec: { nodeSelector: { a: "1" }, containers: [{ name: "a" }] } };
    const patch = { spec: { tolerations: [{ key: "x" }] } };
    const result = applyStrategicMergePatch(original, patch, "Pod") as typeof original & typeof patch;
    expect(result.spec.nodeSelector).not.toBe(original.spec.nodeSelector);
    expect(result.spec.containers[0]).not.toBe(original.spec.containers[0]);
    expect(result.spec.tolerations[0]).not.toBe(patch.spec.tolerations[0]);
  });
});
