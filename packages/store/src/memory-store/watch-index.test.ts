import type { ListOptions } from "@kubesim/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "./json-object.js";
import { resolveKind } from "./kind-info.js";
import { compileQuery, type ObjectQuery, pinFieldReader, queryPin } from "./object-query.js";
import { type IndexedChange, namespaceOptionField, WatchIndex } from "./watch-index.js";

const podInfo = resolveKind("Pod");
const nodeInfo = resolveKind("Node");

function pod(name: string, namespace: string, nodeName: string, phase = "Pending"): JsonObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace, labels: { app: name } },
    spec: nodeName === "" ? {} : { nodeName },
    status: { phase },
  };
}

describe("queryPin", () => {
  it.each([
    {
      name: "a kubelet's spec.nodeName watch is pinned to its node",
      options: { fieldSelector: "spec.nodeName=node-1" },
      expected: { field: "spec.nodeName", value: "node-1" },
    },
    {
      name: "a metadata.name term wins over every other term",
      options: { namespace: "team", fieldSelector: "spec.nodeName=node-1,metadata.name=web" },
      expected: { field: "metadata.name", value: "web" },
    },
    {
      name: "a field term wins over the namespace option",
      options: { namespace: "team", fieldSelector: "status.phase=Running" },
      expected: { field: "status.phase", value: "Running" },
    },
    {
      name: "the namespace option pins a namespaced watch",
      options: { namespace: "team", labelSelector: "app=web" },
      expected: { field: namespaceOptionField, value: "team" },
    },
    {
      name: "a metadata.namespace term pins when nothing else does",
      options: { fieldSelector: "metadata.namespace=team,status.phase!=Failed" },
      expected: { field: "metadata.namespace", value: "team" },
    },
    {
      name: "an empty value pins too (unbound pods)",
      options: { fieldSelector: "spec.nodeName=" },
      expected: { field: "spec.nodeName", value: "" },
    },
    {
      name: "a label selector alone pins nothing",
      options: { labelSelector: "app=web" },
      expected: undefined,
    },
    {
      name: "a != term alone pins nothing",
      options: { fieldSelector: "spec.nodeName!=node-1" },
      expected: undefined,
    },
    { name: "a watch of everything pins nothing", options: {}, expected: undefined },
  ])("$name", ({ options, expected }) => {
    expect(queryPin(compileQuery(podInfo, options))).toEqual(expected);
  });

  it("ignores the namespace option of a cluster-scoped kind", () => {
    expect(queryPin(compileQuery(nodeInfo, { namespace: "team" }))).toBeUndefined();
  });
});

describe("pinFieldReader", () => {
  const read = pinFieldReader(podInfo);
  it.each([
    {
      name: "spec.nodeName of a bound pod",
      field: "spec.nodeName",
      object: pod("a", "team", "n1"),
      value: "n1",
    },
    {
      name: "spec.nodeName of an unbound pod is empty",
      field: "spec.nodeName",
      object: pod("a", "team", ""),
      value: "",
    },
    {
      name: "the namespace option reads metadata.namespace",
      field: namespaceOptionField,
      object: pod("a", "team", ""),
      value: "team",
    },
    {
      name: "a field the kind does not have reads as empty",
      field: "spec.unschedulable",
      object: pod("a", "team", ""),
      value: "",
    },
    {
      name: "a wrongly typed field reads as empty, as the matcher reads it",
      field: "spec.nodeName",
      object: { metadata: { name: "a" }, spec: { nodeName: 7 } },
      value: "",
    },
  ])("reads $name", ({ field, object, value }) => {
    expect(read(field, object)).toBe(value);
  });
});

describe("WatchIndex", () => {
  function filed(): WatchIndex<string> {
    const index = new WatchIndex<string>(pinFieldReader(podInfo));
    index.add("all-1", undefined);
    index.add("node-1", { field: "spec.nodeName", value: "n1" });
    index.add("all-2", undefined);
    index.add("node-2", { field: "spec.nodeName", value: "n2" });
    index.add("team", { field: namespaceOptionField, value: "team" });
    index.add("node-1-again", { field: "spec.nodeName", value: "n1" });
    return index;
  }

  it.each<{ name: string; change: IndexedChange; expected: string[] }>([
    {
      name: "a new pod on n1 visits the unpinned watches and n1's, in registration order",
      change: { type: "ADDED", object: pod("a", "other", "n1"), previous: undefined },
      expected: ["all-1", "node-1", "all-2", "node-1-again"],
    },
    {
      name: "binding a pod visits the watches of its old (unbound) and new node",
      change: { type: "MODIFIED", object: pod("a", "team", "n2"), previous: pod("a", "team", "") },
      expected: ["all-1", "all-2", "node-2", "team"],
    },
    {
      name: "a change that keeps the node visits that node's watches once",
      change: {
        type: "MODIFIED",
        object: pod("a", "other", "n2", "Running"),
        previous: pod("a", "other", "n2"),
      },
      expected: ["all-1", "all-2", "node-2"],
    },
    {
      name: "a deletion visits the watches of the deleted object's node",
      change: { type: "DELETED", object: pod("a", "other", "n1"), previous: pod("a", "other", "n1") },
      expected: ["all-1", "node-1", "all-2", "node-1-again"],
    },
  ])("$name", ({ change, expected }) => {
    expect(filed().candidates(change)).toEqual(expected);
  });

  it("forgets a deleted watch and keeps the order of the others", () => {
    const index = filed();
    index.delete("node-1");
    index.delete("all-2");
    index.delete("unknown");
    expect(index.size).toBe(4);
    expect(index.candidates({ type: "ADDED", object: pod("a", "team", "n1"), previous: undefined })).toEqual([
      "all-1",
      "team",
      "node-1-again",
    ]);
  });

  it("places a watch added after a deletion after every earlier watch", () => {
    const index = filed();
    index.delete("all-1");
    index.add("all-1", undefined);
    expect(index.candidates({ type: "ADDED", object: pod("a", "x", "n2"), previous: undefined })).toEqual([
      "all-2",
      "node-2",
      "all-1",
    ]);
  });
});

const podNames = ["a", "b"] as const;
const namespaces = ["team", "other"] as const;
const nodeNames = ["", "n1", "n2"] as const;
const phases = ["Pending", "Running", "Succeeded"] as const;

const podArbitrary = fc
  .record({
    name: fc.constantFrom(...podNames),
    namespace: fc.constantFrom(...namespaces),
    nodeName: fc.constantFrom(...nodeNames),
    phase: fc.constantFrom(...phases),
  })
  .map(({ name, namespace, nodeName, phase }) => pod(name, namespace, nodeName, phase));

const optionsArbitrary: fc.Arbitrary<ListOptions> = fc.record(
  {
    namespace: fc.constantFrom(...namespaces),
    labelSelector: fc.constantFrom("app=a", "app!=b"),
    fieldSelector: fc.constantFrom(
      "spec.nodeName=n1",
      "spec.nodeName=",
      "spec.nodeName!=n2",
      "metadata.name=a",
      "metadata.namespace=team",
      "status.phase=Running",
      "spec.nodeName=n2,status.phase!=Succeeded",
    ),
  },
  { requiredKeys: [] },
);

const changeArbitrary: fc.Arbitrary<IndexedChange> = fc.oneof(
  podArbitrary.map((object): IndexedChange => ({ type: "ADDED", object, previous: undefined })),
  fc
    .tuple(podArbitrary, podArbitrary)
    .map(([previous, object]): IndexedChange => ({ type: "MODIFIED", object, previous })),
  podArbitrary.map((previous): IndexedChange => ({ type: "DELETED", object: previous, previous })),
);

/** Whether a watch queues anything for a change (see `MemoryWatch.offerChange`). */
function sees(query: ObjectQuery, change: IndexedChange): boolean {
  if (change.previous !== undefined && query.matches(change.previous)) return true;
  return change.type !== "DELETED" && query.matches(change.object);
}

describe("WatchIndex against a scan of every watch", () => {
  it("finds every watch that sees a change, in registration order, whatever the selectors", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(optionsArbitrary, fc.boolean()), { minLength: 1, maxLength: 12 }),
        fc.array(changeArbitrary, { minLength: 1, maxLength: 8 }),
        (watches, changes) => {
          const index = new WatchIndex<ObjectQuery>(pinFieldReader(podInfo));
          const open: ObjectQuery[] = [];
          for (const [options, closeAgain] of watches) {
            const query = compileQuery(podInfo, options);
            index.add(query, queryPin(query));
            open.push(query);
            if (closeAgain) {
              const closed = open.shift() as ObjectQuery;
              index.delete(closed);
            }
          }
          for (const change of changes) {
            const candidates = index.candidates(change);
            expect(candidates.filter((query) => sees(query, change))).toEqual(
              open.filter((query) => sees(query, change)),
            );
            expect(candidates.every((query) => open.includes(query))).toBe(true);
            expect(new Set(candidates).size).toBe(candidates.length);
          }
        },
      ),
    );
  });
});
