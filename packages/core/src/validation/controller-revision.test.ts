import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldErrorMessage, isInvalid, type StatusError } from "../errors/index.js";
import type { KubeObject } from "../types/index.js";
import { validateControllerRevision } from "./controller-revision.js";
import { goJsonText, goRawExtension, rawExtensionsEqual } from "./raw-extension.js";
import { assertValidObject, validateObject } from "./validate-object.js";

/** A revision as the DaemonSet controller writes it, stored (resourceVersion set). */
function revision(overrides: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}) {
  return {
    apiVersion: "apps/v1",
    kind: "ControllerRevision",
    metadata: { name: "nginx-6d5b9c7f4", namespace: "default", resourceVersion: "7", ...metadata },
    data: { spec: { template: { $patch: "replace", spec: { containers: [{ name: "nginx" }] } } } },
    revision: 1,
    ...overrides,
  };
}

/** Go's `%#v` of the runtime.Unknown wrapping these JSON bytes. */
function unknownOf(json: string): string {
  const bytes = [...new TextEncoder().encode(json)].map((byte) => `0x${byte.toString(16)}`);
  return `runtime.Unknown{TypeMeta:runtime.TypeMeta{APIVersion:"", Kind:""}, Raw:[]uint8{${bytes.join(", ")}}, ContentEncoding:"", ContentType:"application/json"}`;
}

describe("validateControllerRevision on create", () => {
  const cases: Array<{ name: string; revision: unknown; want: string[] }> = [
    { name: "A revision as the DaemonSet controller writes it is valid", revision: revision(), want: [] },
    {
      name: "A revision without data is rejected with upstream's detail",
      revision: revision({ data: undefined }),
      want: ["data: Required value: data is mandatory"],
    },
    {
      name: "A revision whose data is null is rejected like one without data",
      revision: revision({ data: null }),
      want: ["data: Required value: data is mandatory"],
    },
    { name: "Empty object data is valid", revision: revision({ data: {} }), want: [] },
    { name: "Data may be any JSON value, even a string", revision: revision({ data: "x" }), want: [] },
    {
      name: "A negative revision number is rejected with its value",
      revision: revision({ revision: -1 }),
      want: ["revision: Invalid value: -1: must be greater than or equal to 0"],
    },
    {
      name: "An absent revision number is zero and valid",
      revision: revision({ revision: undefined }),
      want: [],
    },
    {
      name: "A revision number that is not an integer is a type error",
      revision: revision({ revision: "1" }),
      want: ['revision: Invalid value: "string": revision in body must be of type integer: "string"'],
    },
    {
      name: "A name that is not a DNS subdomain is rejected",
      revision: revision({}, { name: "Nginx_1" }),
      want: [
        "metadata.name: Invalid value: \"Nginx_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
    },
    {
      name: "A revision outside a namespace is rejected",
      revision: revision({}, { namespace: undefined }),
      want: ["metadata.namespace: Required value"],
    },
    {
      name: "Every error is reported at once, metadata first",
      revision: revision({ data: undefined, revision: -2 }, { namespace: undefined }),
      want: [
        "metadata.namespace: Required value",
        "data: Required value: data is mandatory",
        "revision: Invalid value: -2: must be greater than or equal to 0",
      ],
    },
    {
      name: "A revision that is not an object is one type error, without a crash",
      revision: [1],
      want: [': Invalid value: "array":  in body must be of type object: "array"'],
    },
  ];

  it.each(cases)("$name", ({ revision: candidate, want }) => {
    expect(validateControllerRevision(candidate).map(fieldErrorMessage)).toEqual(want);
  });
});

describe("validateControllerRevision on update", () => {
  const cases: Array<{ name: string; revision: unknown; old: unknown; want: string[] }> = [
    {
      name: "Renumbering a revision, as the DaemonSet controller does, is allowed",
      revision: revision({ revision: 5 }),
      old: revision(),
      want: [],
    },
    {
      name: "The same data with its members in another order is unchanged",
      revision: revision({ data: { b: 1, a: [true, null] } }),
      old: revision({ data: { a: [true, null], b: 1 } }),
      want: [],
    },
    {
      name: "Changed data is immutable and printed as upstream's runtime.Unknown byte dump",
      revision: revision({ data: { a: 2 } }),
      old: revision({ data: { a: 1 } }),
      want: [`data: Invalid value: ${unknownOf('{"a":2}')}: field is immutable`],
    },
    {
      name: "The byte dump has Go's escapes and UTF-8 bytes, unpadded hex",
      revision: revision({ data: { a: "<é\n" } }),
      old: revision({ data: { a: "" } }),
      want: [
        'data: Invalid value: runtime.Unknown{TypeMeta:runtime.TypeMeta{APIVersion:"", Kind:""}, Raw:[]uint8{0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0x5c, 0x75, 0x30, 0x30, 0x33, 0x63, 0xc3, 0xa9, 0x5c, 0x6e, 0x22, 0x7d}, ContentEncoding:"", ContentType:"application/json"}: field is immutable',
      ],
    },
    {
      name: "A member set to null differs from an absent one",
      revision: revision({ data: { a: null } }),
      old: revision({ data: {} }),
      want: [`data: Invalid value: ${unknownOf('{"a":null}')}: field is immutable`],
    },
    {
      name: "Dropping the data is both missing and a change, printed as the quoted null",
      revision: revision({ data: undefined }),
      old: revision(),
      want: ["data: Required value: data is mandatory", 'data: Invalid value: "null": field is immutable'],
    },
    {
      name: "Metadata update errors come before the create rules and the data rule",
      revision: revision({ data: 1, revision: -1 }, { name: "other" }),
      old: revision({ data: 2 }),
      want: [
        'metadata.name: Invalid value: "other": field is immutable',
        "revision: Invalid value: -1: must be greater than or equal to 0",
        `data: Invalid value: ${unknownOf("1")}: field is immutable`,
      ],
    },
  ];

  it.each(cases)("$name", ({ revision: candidate, old, want }) => {
    expect(validateControllerRevision(candidate, old).map(fieldErrorMessage)).toEqual(want);
  });

  it("compares and prints data nested deeper than the call stack without throwing", () => {
    let deep: unknown = 1;
    let other: unknown = 2;
    for (let depth = 0; depth < 100_000; depth++) {
      deep = [deep];
      other = [other];
    }
    const messages = validateControllerRevision(revision({ data: deep }), revision({ data: other })).map(
      fieldErrorMessage,
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]?.startsWith("data: Invalid value: runtime.Unknown{")).toBe(true);
    expect(
      messages[0]?.endsWith(
        ', 0x5d}, ContentEncoding:"", ContentType:"application/json"}: field is immutable',
      ),
    ).toBe(true);
  });
});

describe("goJsonText", () => {
  const cases: Array<{ name: string; value: unknown; want: string }> = [
    { name: "Objects keep their member order", value: { b: 1, a: 2 }, want: '{"b":1,"a":2}' },
    { name: "HTML characters are escaped as Go does", value: "<a&b>", want: '"\\u003ca\\u0026b\\u003e"' },
    {
      name: "Control characters use short escapes where Go has them",
      value: "\b\f\n\r\t\u0001\u007f",
      want: '"\\b\\f\\n\\r\\t\\u0001\u007f"',
    },
    { name: "Line and paragraph separators are escaped", value: "\u2028\u2029", want: '"\\u2028\\u2029"' },
    { name: "A lone surrogate becomes the replacement character", value: "a\ud800b", want: '"a\\ufffdb"' },
    { name: "A surrogate pair stays as written", value: "😀", want: '"😀"' },
    {
      name: "Large and small numbers switch to exponents",
      value: [1e21, 1e-7, 0.5],
      want: "[1e+21,1e-7,0.5]",
    },
    {
      name: "Undefined members are dropped and undefined items are null",
      value: { a: undefined, b: [undefined] },
      want: '{"b":[null]}',
    },
    {
      name: "A __proto__ key is an ordinary member",
      value: JSON.parse('{"__proto__":{"x":1}}'),
      want: '{"__proto__":{"x":1}}',
    },
  ];

  it.each(cases)("$name", ({ value, want }) => {
    expect(goJsonText(value)).toBe(want);
  });

  it("writes JSON that decodes back to an equal value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(rawExtensionsEqual(JSON.parse(goJsonText(value)), value)).toBe(true);
      }),
    );
  });
});

describe("rawExtensionsEqual", () => {
  const cases: Array<{ name: string; left: unknown; right: unknown; want: boolean }> = [
    { name: "Absent and null payloads are both no payload", left: undefined, right: null, want: true },
    { name: "List order matters", left: [1, 2], right: [2, 1], want: false },
    { name: "A list is not an object with index keys", left: [1], right: { 0: 1 }, want: false },
    { name: "A number is not its string", left: { a: 1 }, right: { a: "1" }, want: false },
    { name: "An extra member makes objects differ", left: { a: 1 }, right: { a: 1, b: 1 }, want: false },
    {
      name: "An undefined member counts as absent",
      left: { a: 1, b: undefined },
      right: { a: 1 },
      want: true,
    },
  ];

  it.each(cases)("$name", ({ left, right, want }) => {
    expect(rawExtensionsEqual(left, right)).toBe(want);
    expect(rawExtensionsEqual(right, left)).toBe(want);
  });

  it("finds every JSON value equal to its copy", () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => rawExtensionsEqual(value, structuredClone(value))));
  });

  it("prints an absent payload as upstream prints a nil interface", () => {
    expect(goRawExtension(null).rendered).toBe('"null"');
  });
});

describe("validateObject with ControllerRevisions", () => {
  it("applies the ControllerRevision rules and throws the API server's Invalid error", () => {
    const object = revision({ data: undefined }) as unknown as KubeObject;
    expect(validateObject(object).map(fieldErrorMessage)).toEqual([
      "data: Required value: data is mandatory",
    ]);
    let thrown: unknown;
    try {
      assertValidObject(object);
    } catch (error) {
      thrown = error;
    }
    expect(isInvalid(thrown)).toBe(true);
    expect((thrown as StatusError).message).toBe(
      'ControllerRevision.apps "nginx-6d5b9c7f4" is invalid: data: Required value: data is mandatory',
    );
  });

  it("runs the update rules with an old object", () => {
    const object = revision({ data: { a: 2 } }) as unknown as KubeObject;
    const oldObject = revision({ data: { a: 1 } }) as unknown as KubeObject;
    expect(validateObject(object, { oldObject }).map(fieldErrorMessage)).toEqual([
      `data: Invalid value: ${unknownOf('{"a":2}')}: field is immutable`,
    ]);
  });
});
