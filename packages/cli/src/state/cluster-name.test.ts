import { describe, expect, it } from "vitest";
import { validateClusterName } from "./cluster-name.js";

describe("validateClusterName", () => {
  it.each(["kubesim", "a", "demo-2", "0cluster", "x".repeat(63)])("Accepts the DNS-1123 label %j", (name) => {
    expect(() => validateClusterName(name)).not.toThrow();
  });

  it.each([
    {
      name: "Upper-case letters are refused",
      value: "Demo",
      want: `invalid cluster name "Demo": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    },
    {
      name: "A path is refused, so the name stays a plain file name",
      value: "../etc",
      want: `invalid cluster name "../etc": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    },
    {
      name: "Dots are refused",
      value: "a.b",
      want: `invalid cluster name "a.b": must not contain dots`,
    },
    {
      name: "More than 63 characters are refused",
      value: "x".repeat(64),
      want: `invalid cluster name "${"x".repeat(64)}": must be no more than 63 characters`,
    },
  ])("$name", ({ value, want }) => {
    expect(() => validateClusterName(value)).toThrow(want);
  });
});
