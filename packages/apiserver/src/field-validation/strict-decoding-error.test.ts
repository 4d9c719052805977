import { StatusError } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { strictDecodingError, unknownFieldWarnings } from "./index.js";

describe("strictDecodingError", () => {
  it.each([
    {
      name: "one unknown field gives upstream's message (transcript 73)",
      kind: "DaemonSet",
      version: "v1",
      fields: ["spec.replicas"],
      message:
        'DaemonSet in version "v1" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec.replicas"',
    },
    {
      name: "several unknown fields are joined with a comma and a space",
      kind: "Pod",
      version: "v1",
      fields: ["metadata.foo", "spec.containers[0].bar"],
      message:
        'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadata.foo", unknown field "spec.containers[0].bar"',
    },
    {
      name: "quotes and control characters in a field name are escaped as Go's %q",
      kind: "Node",
      version: "v1",
      fields: ['spec.a"b\n'],
      message:
        'Node in version "v1" cannot be handled as a Node: strict decoding error: unknown field "spec.a\\"b\\n"',
    },
  ])("$name", ({ kind, version, fields, message }) => {
    const error = strictDecodingError(kind, version, fields);
    expect(StatusError.isInstance(error)).toBe(true);
    expect(error.status).toEqual({
      apiVersion: "v1",
      kind: "Status",
      metadata: {},
      status: "Failure",
      message,
      reason: "BadRequest",
      code: 400,
    });
  });
});

describe("unknownFieldWarnings", () => {
  it.each([
    { name: "no fields give no warnings", fields: [], warnings: [] },
    {
      name: "each field gives one warning",
      fields: ["spec.replicas", "spec.template.spec.containers[0].foo"],
      warnings: ['unknown field "spec.replicas"', 'unknown field "spec.template.spec.containers[0].foo"'],
    },
  ])("$name", ({ fields, warnings }) => {
    expect(unknownFieldWarnings(fields)).toEqual(warnings);
  });
});
