import { describe, expect, it } from "vitest";
import { type FieldError, fieldErrorMessage } from "../errors/index.js";
import { FieldReader, sortedEntries, sortedKeys, wrongType } from "./field-reader.js";

describe("sortedKeys", () => {
  it.each([
    {
      name: "Keys already in order come back in that order",
      map: { a: "", b: "", c: "" },
      want: ["a", "b", "c"],
    },
    { name: "Keys out of order are sorted", map: { c: "", a: "", b: "" }, want: ["a", "b", "c"] },
    {
      name: "Integer-like keys sort as strings, not as numbers",
      map: { "9": "", "10": "" },
      want: ["10", "9"],
    },
    {
      name: "Upper case sorts before lower case, as Go compares bytes",
      map: { b: "", B: "" },
      want: ["B", "b"],
    },
    { name: "No map has no keys", map: undefined, want: [] },
  ])("$name", ({ map, want }) => {
    expect(sortedKeys(map)).toStrictEqual(want);
  });
});

describe("sortedEntries", () => {
  it.each([
    {
      name: "Entries already in order keep it",
      entries: [
        ["cpu", 1],
        ["memory", 2],
      ] as const,
      want: [
        ["cpu", 1],
        ["memory", 2],
      ],
    },
    {
      name: "Entries out of order are sorted by key",
      entries: [
        ["pods", 3],
        ["cpu", 1],
        ["memory", 2],
      ] as const,
      want: [
        ["cpu", 1],
        ["memory", 2],
        ["pods", 3],
      ],
    },
  ])("$name", ({ entries, want }) => {
    expect(sortedEntries(entries)).toStrictEqual(want);
  });

  it("leaves the given entries as they were when it sorts", () => {
    const entries = [["b", 2] as const, ["a", 1] as const];
    sortedEntries(entries);
    expect(entries).toStrictEqual([
      ["b", 2],
      ["a", 1],
    ]);
  });
});

describe("FieldReader scalar reads", () => {
  const fields = { name: "web", replicas: 3, paused: true, bad: [1], missing: null };
  it.each([
    {
      name: "A string field is read",
      read: (reader: FieldReader) => reader.string("name"),
      want: "web",
      errors: [],
    },
    {
      name: "An integer field is read",
      read: (reader: FieldReader) => reader.integer("replicas"),
      want: 3,
      errors: [],
    },
    {
      name: "A boolean field is read",
      read: (reader: FieldReader) => reader.boolean("paused"),
      want: true,
      errors: [],
    },
    {
      name: "A null field reads as absent",
      read: (reader: FieldReader) => reader.string("missing"),
      want: undefined,
      errors: [],
    },
    {
      name: "An absent field reads as absent",
      read: (reader: FieldReader) => reader.integer("other"),
      want: undefined,
      errors: [],
    },
    {
      name: "A string field of the wrong type is reported at its path",
      read: (reader: FieldReader) => reader.string("replicas"),
      want: wrongType,
      errors: [
        'spec.replicas: Invalid value: "integer": spec.replicas in body must be of type string: "integer"',
      ],
    },
    {
      name: "An integer field of the wrong type is reported at its path",
      read: (reader: FieldReader) => reader.integer("bad"),
      want: wrongType,
      errors: ['spec.bad: Invalid value: "array": spec.bad in body must be of type integer: "array"'],
    },
    {
      name: "A boolean field of the wrong type is reported at its path",
      read: (reader: FieldReader) => reader.boolean("name"),
      want: wrongType,
      errors: ['spec.name: Invalid value: "string": spec.name in body must be of type boolean: "string"'],
    },
  ])("$name", ({ read, want, errors }) => {
    const reported: FieldError[] = [];
    const reader = FieldReader.of(fields, "spec", reported);
    if (reader === wrongType) throw new Error("the fields are an object");
    expect(read(reader)).toBe(want);
    expect(reported.map(fieldErrorMessage)).toStrictEqual(errors);
  });
});
