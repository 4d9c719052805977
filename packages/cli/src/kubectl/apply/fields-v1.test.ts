import { describe, expect, it } from "vitest";
import { fieldsV1Contains, unionFieldsV1 } from "./fields-v1.js";

describe("unionFieldsV1", () => {
  it.each([
    {
      name: "the empty set adds nothing (an empty root is no member)",
      left: { "f:metadata": { "f:name": {} } },
      right: {},
      union: '{"f:metadata":{"f:name":{}}}',
    },
    {
      name: "merges two disjoint sets and sorts field names",
      left: { "f:spec": { "f:b": {} } },
      right: { "f:spec": { "f:a": {} }, "f:metadata": { "f:labels": { "f:app": {} } } },
      union: '{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:a":{},"f:b":{}}}',
    },
    {
      name: "a leaf member that gains children is written with the self marker first",
      left: { "f:spec": { "f:template": {} } },
      right: { "f:spec": { "f:template": { "f:spec": {} } } },
      union: '{"f:spec":{"f:template":{".":{},"f:spec":{}}}}',
    },
    {
      name: "orders fields before keys, values and indexes, keys by their field values",
      left: { "i:2": {}, 'v:"b"': {}, 'k:{"containerPort":8080}': {}, "f:z": {} },
      right: { "i:10": {}, 'v:"a"': {}, 'k:{"containerPort":443}': {}, "v:3": {} },
      union:
        '{"f:z":{},"k:{\\"containerPort\\":443}":{},"k:{\\"containerPort\\":8080}":{},"v:3":{},"v:\\"a\\"":{},"v:\\"b\\"":{},"i:2":{},"i:10":{}}',
    },
    {
      name: "keys with several fields compare field by field",
      left: { 'k:{"containerPort":80,"protocol":"UDP"}': {} },
      right: { 'k:{"containerPort":80,"protocol":"TCP"}': {}, 'k:{"containerPort":80}': {} },
      union:
        '{"k:{\\"containerPort\\":80}":{},"k:{\\"containerPort\\":80,\\"protocol\\":\\"TCP\\"}":{},"k:{\\"containerPort\\":80,\\"protocol\\":\\"UDP\\"}":{}}',
    },
  ])("$name", ({ left, right, union }) => {
    expect(JSON.stringify(unionFieldsV1(left, right))).toBe(union);
  });

  it.each([
    { name: "a non-object node", fields: { "f:spec": 1 }, message: "expected an object at .f:spec" },
    { name: "a set that is not an object", fields: [], message: "expected an object at the root" },
    {
      name: "a key without a known prefix",
      fields: JSON.parse('{"__proto__":{}}'),
      message: 'unknown path element "__proto__"',
    },
  ])("rejects $name", ({ fields, message }) => {
    expect(() => unionFieldsV1(fields, {})).toThrow(`failed to convert fields to set: ${message}`);
  });
});

describe("fieldsV1Contains", () => {
  const path = ["metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration"];
  it.each([
    {
      name: "a leaf is a member",
      fields: {
        "f:metadata": { "f:annotations": { "f:kubectl.kubernetes.io/last-applied-configuration": {} } },
      },
      contains: true,
    },
    {
      name: "a node with the self marker is a member",
      fields: {
        "f:metadata": {
          "f:annotations": { "f:kubectl.kubernetes.io/last-applied-configuration": { ".": {}, "f:x": {} } },
        },
      },
      contains: true,
    },
    {
      name: "a parent of members is not itself a member",
      fields: {
        "f:metadata": {
          "f:annotations": { "f:kubectl.kubernetes.io/last-applied-configuration": { "f:x": {} } },
        },
      },
      contains: false,
    },
    {
      name: "a missing field is not a member",
      fields: { "f:metadata": { "f:labels": { "f:app": {} } } },
      contains: false,
    },
    { name: "a malformed set holds nothing", fields: "f:metadata", contains: false },
  ])("$name", ({ fields, contains }) => {
    expect(fieldsV1Contains(fields, path)).toBe(contains);
  });
});
