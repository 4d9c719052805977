import { StatusError } from "@kubesim/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyJsonPatch } from "./json-patch.js";
import type { JsonObject, JsonValue } from "./json-value.js";
import { deepFreeze, makeNginxDaemonSet } from "./patch-test-fixtures.js";

function statusOf(action: () => unknown) {
  try {
    action();
  } catch (error) {
    if (!StatusError.isInstance(error)) throw error;
    const cause = error.cause instanceof Error ? error.cause.message : undefined;
    return { code: error.code, reason: error.reason, message: error.message, cause };
  }
  throw new Error("expected a StatusError");
}

const rejected = (cause: string) => ({
  code: 422,
  reason: "Invalid",
  message: "the server rejected our request due to an error in our request",
  cause,
});

/** RFC 6902 Appendix A (A.13, a duplicate "op" member, cannot be expressed as parsed JSON). */
const rfcExamples = [
  {
    name: "A.1 adds an object member.",
    original: { foo: "bar" },
    patch: [{ op: "add", path: "/baz", value: "qux" }],
    expected: { baz: "qux", foo: "bar" },
  },
  {
    name: "A.2 inserts an array element.",
    original: { foo: ["bar", "baz"] },
    patch: [{ op: "add", path: "/foo/1", value: "qux" }],
    expected: { foo: ["bar", "qux", "baz"] },
  },
  {
    name: "A.3 removes an object member.",
    original: { baz: "qux", foo: "bar" },
    patch: [{ op: "remove", path: "/baz" }],
    expected: { foo: "bar" },
  },
  {
    name: "A.4 removes an array element.",
    original: { foo: ["bar", "qux", "baz"] },
    patch: [{ op: "remove", path: "/foo/1" }],
    expected: { foo: ["bar", "baz"] },
  },
  {
    name: "A.5 replaces a value.",
    original: { baz: "qux", foo: "bar" },
    patch: [{ op: "replace", path: "/baz", value: "boo" }],
    expected: { baz: "boo", foo: "bar" },
  },
  {
    name: "A.6 moves a value between objects.",
    original: { foo: { bar: "baz", waldo: "fred" }, qux: { corge: "grault" } },
    patch: [{ op: "move", from: "/foo/waldo", path: "/qux/thud" }],
    expected: { foo: { bar: "baz" }, qux: { corge: "grault", thud: "fred" } },
  },
  {
    name: "A.7 moves an array element.",
    original: { foo: ["all", "grass", "cows", "eat"] },
    patch: [{ op: "move", from: "/foo/1", path: "/foo/3" }],
    expected: { foo: ["all", "cows", "eat", "grass"] },
  },
  {
    name: "A.8 passes tests of a string and a number.",
    original: { baz: "qux", foo: ["a", 2, "c"] },
    patch: [
      { op: "test", path: "/baz", value: "qux" },
      { op: "test", path: "/foo/1", value: 2 },
    ],
    expected: { baz: "qux", foo: ["a", 2, "c"] },
  },
  {
    name: "A.10 adds a nested member object.",
    original: { foo: "bar" },
    patch: [{ op: "add", path: "/child", value: { grandchild: {} } }],
    expected: { foo: "bar", child: { grandchild: {} } },
  },
  {
    name: "A.11 ignores unrecognized members of an operation.",
    original: { foo: "bar" },
    patch: [{ op: "add", path: "/baz", value: "qux", xyz: 123 }],
    expected: { foo: "bar", baz: "qux" },
  },
  {
    name: "A.14 decodes ~01 as ~1 (not /).",
    original: { "/": 9, "~1": 10 },
    patch: [{ op: "test", path: "/~01", value: 10 }],
    expected: { "/": 9, "~1": 10 },
  },
  {
    name: "A.16 appends an array value with the - index.",
    original: { foo: ["bar"] },
    patch: [{ op: "add", path: "/foo/-", value: ["abc", "def"] }],
    expected: { foo: ["bar", ["abc", "def"]] },
  },
  {
    name: "~1 in a token addresses a member whose name contains a slash.",
    original: { metadata: { labels: { "kubernetes.io/os": "linux" } } },
    patch: [{ op: "replace", path: "/metadata/labels/kubernetes.io~1os", value: "windows" }],
    expected: { metadata: { labels: { "kubernetes.io/os": "windows" } } },
  },
  {
    name: "copy duplicates a value without linking the two.",
    original: { a: { b: [1] } },
    patch: [
      { op: "copy", from: "/a", path: "/c" },
      { op: "add", path: "/c/b/-", value: 2 },
    ],
    expected: { a: { b: [1] }, c: { b: [1, 2] } },
  },
  {
    name: "replace of the empty pointer replaces the whole document.",
    original: { a: 1 },
    patch: [{ op: "replace", path: "", value: { b: 2 } }],
    expected: { b: 2 },
  },
];

/** Behaviour of the json-patch library the API server uses (evanphx/json-patch v4). */
const upstreamLeniencies = [
  {
    name: "replace of a missing object member adds it.",
    original: { a: 1 },
    patch: [{ op: "replace", path: "/b", value: 2 }],
    expected: { a: 1, b: 2 },
  },
  {
    name: "A negative index counts from the end: add at -1 appends, remove at -1 drops the last element.",
    original: { list: ["a", "b", "c"] },
    patch: [
      { op: "remove", path: "/list/-1" },
      { op: "add", path: "/list/-1", value: "z" },
    ],
    expected: { list: ["a", "b", "z"] },
  },
  {
    name: "copy from a missing object member copies null.",
    original: { a: 1 },
    patch: [{ op: "copy", from: "/missing", path: "/b" }],
    expected: { a: 1, b: null },
  },
  {
    name: "A test for null passes on a missing member.",
    original: { a: 1 },
    patch: [{ op: "test", path: "/missing", value: null }],
    expected: { a: 1 },
  },
  {
    name: "add without a value sets null.",
    original: {},
    patch: [{ op: "add", path: "/a" }],
    expected: { a: null },
  },
  {
    name: "A pointer without a leading slash loses its first token.",
    original: { a: { b: 1 } },
    patch: [{ op: "add", path: "a/b", value: 2 }],
    expected: { a: { b: 1 }, b: 2 },
  },
  {
    name: "replace of the empty pointer with a scalar is silently ignored.",
    original: { a: 1 },
    patch: [{ op: "replace", path: "", value: 5 }],
    expected: { a: 1 },
  },
  {
    name: "A null operation list changes nothing.",
    original: { a: 1 },
    patch: null,
    expected: { a: 1 },
  },
];

describe("applyJsonPatch", () => {
  it.each([...rfcExamples, ...upstreamLeniencies])("$name", ({ original, patch, expected }) => {
    expect(applyJsonPatch(deepFreeze(original), deepFreeze(patch))).toEqual(expected);
  });

  it("kubectl's server-side apply migration patch (transcript 24) replaces managedFields and resourceVersion.", () => {
    const managedFields = [
      {
        manager: "kubectl",
        operation: "Apply",
        apiVersion: "apps/v1",
        time: "2026-11-29T19:21:58Z",
        fieldsType: "FieldsV1",
        fieldsV1: { "f:metadata": { "f:labels": { "f:app": {} } } },
      },
    ];
    const patch = [
      { op: "replace", path: "/metadata/managedFields", value: managedFields },
      { op: "replace", path: "/metadata/resourceVersion", value: "1079" },
    ];
    const daemonSet = makeNginxDaemonSet();
    const expected = {
      ...daemonSet,
      metadata: { ...daemonSet.metadata, managedFields, resourceVersion: "1079" },
    };
    expect(applyJsonPatch(deepFreeze(makeNginxDaemonSet()), deepFreeze(patch))).toEqual(expected);
  });
});

const errorCases = [
  {
    name: "A.9 fails a test of a different value.",
    original: { baz: "qux" },
    patch: [{ op: "test", path: "/baz", value: "bar" }],
    status: rejected("testing value /baz failed: test failed"),
  },
  {
    name: "A.12 fails to add below a missing member.",
    original: { foo: "bar" },
    patch: [{ op: "add", path: "/baz/bat", value: "qux" }],
    status: rejected('add operation does not apply: doc is missing path: "/baz/bat": missing value'),
  },
  {
    name: "A.15 fails a test comparing the string 10 with the number 10.",
    original: { "/": 9, "~1": 10 },
    patch: [{ op: "test", path: "/~01", value: "10" }],
    status: rejected("testing value /~01 failed: test failed"),
  },
  {
    name: "Removing a missing member fails.",
    original: { a: 1 },
    patch: [{ op: "remove", path: "/b" }],
    status: rejected("error in remove for path: '/b': Unable to remove nonexistent key: b: missing value"),
  },
  {
    name: "Removing past the end of an array fails.",
    original: { list: [1, 2] },
    patch: [{ op: "remove", path: "/list/5" }],
    status: rejected(
      "error in remove for path: '/list/5': Unable to access invalid index: 5: invalid index referenced",
    ),
  },
  {
    name: "Adding at a non-numeric array index fails.",
    original: { list: [1] },
    patch: [{ op: "add", path: "/list/x", value: 2 }],
    status: rejected(
      `error in add for path: '/list/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax`,
    ),
  },
  {
    name: "Replacing past the end of an array fails.",
    original: { list: [1] },
    patch: [{ op: "replace", path: "/list/3", value: 2 }],
    status: rejected("replace operation does not apply: doc is missing key: /list/3: missing value"),
  },
  {
    name: "Moving a missing member fails.",
    original: { a: 1 },
    patch: [{ op: "move", from: "/nope", path: "/b" }],
    status: rejected("error in move for path: 'nope': Unable to remove nonexistent key: nope: missing value"),
  },
  {
    name: "Moving a value into its own child fails, and nothing is half-applied.",
    original: { a: { b: 1 } },
    patch: [
      { op: "add", path: "/c", value: 3 },
      { op: "move", from: "/a", path: "/a/b" },
    ],
    status: rejected("move operation does not apply: doc is missing destination path: /a/b: missing value"),
  },
  {
    name: "An unknown op fails.",
    original: {},
    patch: [{ op: "merge", path: "/a", value: 1 }],
    status: rejected("Unexpected kind: merge"),
  },
  {
    name: "An operation without a path fails.",
    original: {},
    patch: [{ op: "add", value: 1 }],
    status: rejected("add operation failed to decode path: missing value"),
  },
  {
    name: "A test of a missing member against a value fails.",
    original: {},
    patch: [{ op: "test", path: "/a", value: 1 }],
    status: rejected("testing value /a failed: test failed"),
  },
  {
    name: "A pointer through __proto__ finds no member and never reaches Object.prototype.",
    original: {},
    patch: [{ op: "add", path: "/__proto__/polluted", value: true }],
    status: rejected(
      'add operation does not apply: doc is missing path: "/__proto__/polluted": missing value',
    ),
  },
  {
    name: "A patch that is an object, not a list, is a 400.",
    original: {},
    patch: { op: "add" },
    status: {
      code: 400,
      reason: "BadRequest",
      message:
        "error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp",
      cause: undefined,
    },
  },
  {
    name: "An operation that is not an object is a 400.",
    original: {},
    patch: ["add"],
    status: {
      code: 400,
      reason: "BadRequest",
      message:
        "error decoding patch: json: cannot unmarshal string into Go value of type handlers.jsonPatchOp",
      cause: undefined,
    },
  },
  {
    name: "A path that is not a string is a 400.",
    original: {},
    patch: [{ op: "add", path: 5 }],
    status: {
      code: 400,
      reason: "BadRequest",
      message:
        "error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.path of type string",
      cause: undefined,
    },
  },
  {
    name: "More than 10,000 operations are refused with 413.",
    original: {},
    patch: Array.from({ length: 10_001 }, () => ({ op: "test", path: "", value: {} })),
    status: {
      code: 413,
      reason: "RequestEntityTooLarge",
      message: "Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001",
      cause: undefined,
    },
  },
];

describe("applyJsonPatch errors", () => {
  it.each(errorCases)("$name", ({ original, patch, status }) => {
    expect(statusOf(() => applyJsonPatch(deepFreeze(original), deepFreeze(patch)))).toEqual(status);
  });

  it("Adding a member named __proto__ stores it as data.", () => {
    const result = applyJsonPatch({}, [{ op: "add", path: "/__proto__", value: { polluted: true } }]);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(JSON.stringify(result)).toBe('{"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

const member = fc.oneof(fc.constantFrom("a", "~", "/", "~1", "__proto__", "constructor", ""), fc.string());
const value: fc.Arbitrary<JsonValue> = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>;
const documentArbitrary = fc.dictionary(member, value, { maxKeys: 5 }) as fc.Arbitrary<JsonObject>;

function pointerToken(name: string): string {
  return name.replaceAll("~", "~0").replaceAll("/", "~1");
}

describe("applyJsonPatch properties", () => {
  it("A test of the value just added succeeds and the document holds that value.", () => {
    fc.assert(
      fc.property(documentArbitrary, member, value, (document, name, added) => {
        const path = `/${pointerToken(name)}`;
        const result = applyJsonPatch(document, [
          { op: "add", path, value: added },
          { op: "test", path, value: added },
        ]) as JsonObject;
        expect(Object.getOwnPropertyDescriptor(result, name)?.value).toEqual(added);
      }),
    );
  });
});
