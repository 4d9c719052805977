import { StatusError } from "@kubesim/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonObject, JsonValue } from "./json-value.js";
import { applyMergePatch } from "./merge-patch.js";
import { deepFreeze, makeNode } from "./patch-test-fixtures.js";

function statusOf(action: () => unknown) {
  try {
    action();
  } catch (error) {
    if (!StatusError.isInstance(error)) throw error;
    return { code: error.code, reason: error.reason, message: error.message };
  }
  throw new Error("expected a StatusError");
}

/** RFC 7386 Appendix A, every example whose patch is an object. */
const rfcExamples = [
  { name: "A.1 replaces a member value.", original: { a: "b" }, patch: { a: "c" }, expected: { a: "c" } },
  { name: "A.2 adds a member.", original: { a: "b" }, patch: { b: "c" }, expected: { a: "b", b: "c" } },
  { name: "A.3 removes a member with null.", original: { a: "b" }, patch: { a: null }, expected: {} },
  {
    name: "A.4 removes one member and keeps the other.",
    original: { a: "b", b: "c" },
    patch: { a: null },
    expected: { b: "c" },
  },
  {
    name: "A.5 replaces an array with a string.",
    original: { a: ["b"] },
    patch: { a: "c" },
    expected: { a: "c" },
  },
  {
    name: "A.6 replaces a string with an array.",
    original: { a: "c" },
    patch: { a: ["b"] },
    expected: { a: ["b"] },
  },
  {
    name: "A.7 merges nested objects and removes a nested member.",
    original: { a: { b: "c" } },
    patch: { a: { b: "d", c: null } },
    expected: { a: { b: "d" } },
  },
  {
    name: "A.8 replaces an array of objects wholesale.",
    original: { a: [{ b: "c" }] },
    patch: { a: [1] },
    expected: { a: [1] },
  },
  {
    name: "A.13 keeps a null member of the original that the patch does not touch.",
    original: { e: null },
    patch: { a: 1 },
    expected: { e: null, a: 1 },
  },
  {
    name: "A.14 treats a non-object original as an empty object.",
    original: [1, 2],
    patch: { a: "b", c: null },
    expected: { a: "b" },
  },
  {
    name: "A.15 drops null members of a newly added object.",
    original: {},
    patch: { a: { bb: { ccc: null } } },
    expected: { a: { bb: {} } },
  },
  {
    name: "Section 3's example updates the title, removes the phone number and replaces the tags.",
    original: {
      title: "Goodbye!",
      author: { givenName: "John", familyName: "Doe" },
      tags: ["example", "sample"],
      content: "This will be unchanged",
    },
    patch: {
      title: "Hello!",
      phoneNumber: "+01-123-456-7890",
      author: { familyName: null },
      tags: ["example"],
    },
    expected: {
      title: "Hello!",
      author: { givenName: "John" },
      tags: ["example"],
      content: "This will be unchanged",
      phoneNumber: "+01-123-456-7890",
    },
  },
  {
    name: "A.9 to A.12 (non-object values) replace a member when nested one level down.",
    original: { x: { a: "foo" }, y: ["a", "b"], z: { a: "b" } },
    patch: { x: "bar", y: ["c", "d"], z: ["c"] },
    expected: { x: "bar", y: ["c", "d"], z: ["c"] },
  },
  {
    name: "Null members of objects inside a replaced array are dropped, as upstream's library does.",
    original: { spec: { containers: [{ name: "a" }] } },
    patch: { spec: { containers: [{ name: "b", image: null }, null] } },
    expected: { spec: { containers: [{ name: "b" }, null] } },
  },
];

describe("applyMergePatch", () => {
  it.each(rfcExamples)("$name", ({ original, patch, expected }) => {
    expect(applyMergePatch(deepFreeze(original), deepFreeze(patch))).toEqual(expected);
  });

  it.each([
    {
      name: "A top-level null patch (RFC A.11) is rejected as the API server's Invalid JSON Patch.",
      patch: null,
      status: { code: 400, reason: "BadRequest", message: "Invalid JSON Patch" },
    },
    {
      name: "A top-level string patch (RFC A.12) is a 400 decoding error.",
      patch: "bar",
      status: {
        code: 400,
        reason: "BadRequest",
        message:
          "error decoding patch: json: cannot unmarshal string into Go value of type map[string]interface {}",
      },
    },
    {
      name: "A top-level array patch (RFC A.9, A.10) is a 400 decoding error.",
      patch: ["c"],
      status: {
        code: 400,
        reason: "BadRequest",
        message:
          "error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}",
      },
    },
  ])("$name", ({ patch, status }) => {
    expect(statusOf(() => applyMergePatch({ a: "foo" }, patch))).toEqual(status);
  });

  it("kubectl label (transcript 50) adds the label and keeps the rest of the node.", () => {
    const node = deepFreeze(makeNode());
    const expected = makeNode();
    if (expected.metadata?.labels === undefined) throw new Error("fixture has labels");
    expected.metadata.labels.disktype = "ssd";
    expect(applyMergePatch(node, JSON.parse('{"metadata":{"labels":{"disktype":"ssd"}}}'))).toEqual(expected);
  });

  it("kubectl label disktype- sends null and removes the label.", () => {
    const labelled = makeNode();
    if (labelled.metadata?.labels === undefined) throw new Error("fixture has labels");
    labelled.metadata.labels.disktype = "ssd";
    expect(applyMergePatch(deepFreeze(labelled), { metadata: { labels: { disktype: null } } })).toEqual(
      makeNode(),
    );
  });

  it("Keys named __proto__ and constructor stay plain data and pollute nothing.", () => {
    const patch = JSON.parse(
      '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"a":1}',
    );
    const result = applyMergePatch(deepFreeze({ b: 2 }), patch) as Record<string, unknown>;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.keys(result)).toEqual(["b", "__proto__", "constructor", "a"]);
    expect(Object.getOwnPropertyDescriptor(result, "__proto__")?.value).toEqual({ polluted: "yes" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("A merge into an own __proto__ member merges that member's data.", () => {
    const original = JSON.parse('{"__proto__":{"a":1}}');
    const result = applyMergePatch(deepFreeze(original), JSON.parse('{"__proto__":{"b":2}}'));
    expect(JSON.stringify(result)).toBe('{"__proto__":{"a":1,"b":2}}');
  });

  it("The result shares no objects with the inputs.", () => {
    const original = { kept: { a: 1 } };
    const patch = { added: { b: 2 } };
    const result = applyMergePatch(original, patch) as Record<string, unknown>;
    expect(result.kept).not.toBe(original.kept);
    expect(result.added).not.toBe(patch.added);
  });
});

/** The merge patch that turns `from` into `to` (neither may hold null members). */
function createMergePatch(from: JsonObject, to: JsonObject): JsonObject {
  const patch: JsonObject = {};
  const set = (key: string, value: JsonValue) =>
    Object.defineProperty(patch, key, { value, enumerable: true, writable: true, configurable: true });
  for (const key of Object.keys(to)) {
    const target = to[key] ?? null;
    const source = Object.hasOwn(from, key) ? from[key] : undefined;
    if (isObject(source) && isObject(target)) {
      const nested = createMergePatch(source, target);
      if (Object.keys(nested).length > 0) set(key, nested);
    } else if (source === undefined || JSON.stringify(source) !== JSON.stringify(target)) {
      set(key, target);
    }
  }
  for (const key of Object.keys(from)) if (!Object.hasOwn(to, key)) set(key, null);
  return patch;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const key = fc.oneof(fc.constantFrom("a", "b", "c", "__proto__", "constructor"), fc.string({ maxLength: 3 }));
const { document } = fc.letrec<{ value: JsonValue; document: JsonObject }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string({ maxLength: 4 }),
    fc.integer(),
    fc.boolean(),
    fc.array(fc.oneof(fc.integer(), fc.constant(null), fc.string({ maxLength: 2 })), { maxLength: 3 }),
    tie("document"),
  ),
  document: fc.dictionary(key, tie("value"), { maxKeys: 4 }),
}));

describe("applyMergePatch properties", () => {
  it("Applying the difference of two documents to the first yields the second.", () => {
    fc.assert(
      fc.property(document, document, (from, to) => {
        expect(applyMergePatch(from, createMergePatch(from, to))).toEqual(to);
      }),
    );
  });
});
