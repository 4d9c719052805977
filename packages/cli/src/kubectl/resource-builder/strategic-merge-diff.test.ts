import { describe, expect, it } from "vitest";
import { goCompactJson } from "./go-json.js";
import { createMergePatch } from "./json-merge-diff.js";
import type { JsonObject } from "./json-values.js";
import { createThreeWayMergePatch, createTwoWayMergePatch } from "./strategic-merge-diff.js";

const daemonSet = (containers: JsonObject[], extra: JsonObject = {}): JsonObject => ({
  apiVersion: "apps/v1",
  kind: "DaemonSet",
  metadata: { name: "nginx" },
  spec: { template: { spec: { containers, ...extra } } },
});

describe("createTwoWayMergePatch", () => {
  it.each([
    {
      name: "a changed image is sent with the element order, as set image sends it",
      original: daemonSet([
        { name: "nginx", image: "nginx:1.25", ports: [{ containerPort: 80, protocol: "TCP" }] },
      ]),
      modified: daemonSet([
        { name: "nginx", image: "nginx:1.26", ports: [{ containerPort: 80, protocol: "TCP" }] },
      ]),
      kind: "DaemonSet",
      patch:
        '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.26","name":"nginx"}]}}}}',
    },
    {
      name: "removing every taint sends null, as taint sends it",
      original: { spec: { taints: [{ key: "dedicated", value: "infra", effect: "NoSchedule" }] } },
      modified: { spec: {} },
      kind: "Node",
      patch: '{"spec":{"taints":null}}',
    },
    {
      name: "an atomic list is replaced whole",
      original: { spec: { taints: [{ key: "a", effect: "NoSchedule" }] } },
      modified: {
        spec: {
          taints: [
            { key: "b", effect: "NoSchedule" },
            { key: "a", effect: "NoSchedule" },
          ],
        },
      },
      kind: "Node",
      patch: '{"spec":{"taints":[{"effect":"NoSchedule","key":"b"},{"effect":"NoSchedule","key":"a"}]}}',
    },
    {
      name: "a removed container becomes a delete directive",
      original: daemonSet([
        { name: "a", image: "x" },
        { name: "b", image: "y" },
      ]),
      modified: daemonSet([{ name: "a", image: "x" }]),
      kind: "DaemonSet",
      patch:
        '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"$patch":"delete","name":"b"}]}}}}',
    },
    {
      name: "a removed finalizer goes through the primitive deletion list",
      original: { metadata: { finalizers: ["a", "b"] } },
      modified: { metadata: { finalizers: ["a"] } },
      kind: "Pod",
      patch: '{"metadata":{"$deleteFromPrimitiveList/finalizers":["b"],"$setElementOrder/finalizers":["a"]}}',
    },
    {
      name: "a changed volume carries the retained keys",
      original: daemonSet([], { volumes: [{ name: "data", emptyDir: {} }] }),
      modified: daemonSet([], { volumes: [{ name: "data", hostPath: { path: "/d" } }] }),
      kind: "DaemonSet",
      patch:
        '{"spec":{"template":{"spec":{"$setElementOrder/volumes":[{"name":"data"}],"volumes":[{"$retainKeys":["hostPath","name"],"emptyDir":null,"hostPath":{"path":"/d"},"name":"data"}]}}}}',
    },
    {
      name: "nothing changed gives an empty patch",
      original: daemonSet([]),
      modified: daemonSet([]),
      kind: "DaemonSet",
      patch: "{}",
    },
  ])("$name", ({ original, modified, kind, patch }) => {
    expect(goCompactJson(createTwoWayMergePatch(original, modified, kind))).toBe(patch);
  });

  it("a merged list element without its merge key is refused", () => {
    expect(() =>
      createTwoWayMergePatch(
        daemonSet([{ name: "a", image: "x" }]),
        daemonSet([{ image: "y" }]),
        "DaemonSet",
      ),
    ).toThrow('map: {"image":"y"} does not contain declared merge key: name');
  });

  it("a __proto__ key stays plain data in the patch", () => {
    const modified = JSON.parse('{"metadata":{"labels":{"__proto__":"x"}}}') as JsonObject;
    const patch = createTwoWayMergePatch({ metadata: { labels: {} } }, modified, "Pod");
    expect(goCompactJson(patch)).toBe('{"metadata":{"labels":{"__proto__":"x"}}}');
    expect(Object.getPrototypeOf((patch.metadata as JsonObject).labels)).toBe(Object.prototype);
  });
});

describe("createThreeWayMergePatch", () => {
  const lastApplied = { metadata: { labels: { app: "nginx", tier: "web" } }, spec: { minReadySeconds: 5 } };
  it.each([
    {
      name: "fields only the server set are kept",
      original: lastApplied,
      modified: lastApplied,
      current: {
        ...lastApplied,
        status: { numberReady: 2 },
        metadata: { labels: { app: "nginx", tier: "web" }, uid: "u" },
      },
      patch: "{}",
    },
    {
      name: "a field dropped from the configuration is deleted",
      original: lastApplied,
      modified: { metadata: { labels: { app: "nginx" } }, spec: { minReadySeconds: 5 } },
      current: lastApplied,
      patch: '{"metadata":{"labels":{"tier":null}}}',
    },
    {
      name: "a field changed on the server is set back",
      original: lastApplied,
      modified: lastApplied,
      current: { ...lastApplied, spec: { minReadySeconds: 9 } },
      patch: '{"spec":{"minReadySeconds":5}}',
    },
  ])("$name", ({ original, modified, current, patch }) => {
    expect(goCompactJson(createThreeWayMergePatch(original, modified, current, "DaemonSet"))).toBe(patch);
  });
});

describe("createMergePatch", () => {
  it("sets added and changed keys and nulls removed ones, as label and annotate send them", () => {
    expect(
      goCompactJson(
        createMergePatch(
          { metadata: { labels: { a: "1", b: "2" }, resourceVersion: "5" } },
          { metadata: { labels: { a: "1", c: "3" }, resourceVersion: "5" } },
        ),
      ),
    ).toBe('{"metadata":{"labels":{"b":null,"c":"3"}}}');
  });
});
