import type { Taint } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { parseTaintArguments, validateTaintChanges } from "./parse-taint-arguments.js";
import { TaintArgumentError } from "./taint-argument-error.js";

const nameRegexError =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const labelValueError =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

interface ParseCase {
  readonly name: string;
  readonly args: string[];
  readonly toAdd: Taint[];
  readonly toRemove: Taint[];
}

const parseCases: readonly ParseCase[] = [
  // Ported from kubectl pkg/cmd/taint utils_test.go TestParseTaints.
  {
    name: "New taints with and without values are added in argument order.",
    args: [
      "foo=abc:NoSchedule",
      "bar=abc:NoSchedule",
      "baz:NoSchedule",
      "qux:NoSchedule",
      "foobar=:NoSchedule",
    ],
    toAdd: [
      { key: "foo", value: "abc", effect: "NoSchedule" },
      { key: "bar", value: "abc", effect: "NoSchedule" },
      { key: "baz", effect: "NoSchedule" },
      { key: "qux", effect: "NoSchedule" },
      { key: "foobar", effect: "NoSchedule" },
    ],
    toRemove: [],
  },
  {
    name: "Removals keep key and effect only, and key- removes every effect.",
    args: ["foo:NoSchedule-", "bar:NoSchedule-", "qux=:NoSchedule-", "dedicated-"],
    toAdd: [],
    toRemove: [
      { key: "foo", effect: "NoSchedule" },
      { key: "bar", effect: "NoSchedule" },
      { key: "qux", effect: "NoSchedule" },
      { key: "dedicated", effect: "" },
    ],
  },
  {
    name: "Adding and removing the same key in one list parses (kubectl rejects it later).",
    args: [
      "foo=abc:NoSchedule",
      "bar=abc:NoSchedule",
      "baz:NoSchedule",
      "qux:NoSchedule",
      "foobar=:NoSchedule",
      "foo:NoSchedule-",
      "bar:NoSchedule-",
      "baz=:NoSchedule-",
    ],
    toAdd: [
      { key: "foo", value: "abc", effect: "NoSchedule" },
      { key: "bar", value: "abc", effect: "NoSchedule" },
      { key: "baz", effect: "NoSchedule" },
      { key: "qux", effect: "NoSchedule" },
      { key: "foobar", effect: "NoSchedule" },
    ],
    toRemove: [
      { key: "foo", effect: "NoSchedule" },
      { key: "bar", effect: "NoSchedule" },
      { key: "baz", effect: "NoSchedule" },
    ],
  },
  // Further forms.
  {
    name: "A removal with a value drops the value.",
    args: ["dedicated=infra:NoSchedule-"],
    toAdd: [],
    toRemove: [{ key: "dedicated", effect: "NoSchedule" }],
  },
  {
    name: "A prefixed key is accepted.",
    args: ["example.com/gpu=a100:NoExecute"],
    toAdd: [{ key: "example.com/gpu", value: "a100", effect: "NoExecute" }],
    toRemove: [],
  },
  {
    name: "The same key with two effects is two taints.",
    args: ["foo=a:NoSchedule", "foo=a:PreferNoSchedule"],
    toAdd: [
      { key: "foo", value: "a", effect: "NoSchedule" },
      { key: "foo", value: "a", effect: "PreferNoSchedule" },
    ],
    toRemove: [],
  },
  {
    name: "A key spelled constructor with the value prototype is ordinary data.",
    args: ["constructor=prototype:NoSchedule", "toString-"],
    toAdd: [{ key: "constructor", value: "prototype", effect: "NoSchedule" }],
    toRemove: [{ key: "toString", effect: "" }],
  },
  {
    name: "No arguments parse to nothing.",
    args: [],
    toAdd: [],
    toRemove: [],
  },
];

describe("parseTaintArguments", () => {
  it.each(parseCases)("$name", ({ args, toAdd, toRemove }) => {
    expect(parseTaintArguments(args)).toStrictEqual({ toAdd, toRemove });
  });
});

interface ErrorCase {
  readonly name: string;
  readonly args: string[];
  readonly reason: string;
  readonly message: string;
}

const errorCases: readonly ErrorCase[] = [
  // Ported from kubectl utils_test.go TestParseTaints and taint_test.go TestTaint error cases.
  {
    name: "An empty argument has an empty key.",
    args: [""],
    reason: "InvalidTaintSpec",
    message: `invalid taint spec: , name part must be non-empty; ${nameRegexError}`,
  },
  {
    name: "A key=value without an effect is an invalid key.",
    args: ["foo=abc"],
    reason: "InvalidTaintSpec",
    message: `invalid taint spec: foo=abc, ${nameRegexError}`,
  },
  {
    name: "Two equals signs before the effect are rejected.",
    args: ["foo=abc=xyz:NoSchedule"],
    reason: "InvalidTaintSpec",
    message: "invalid taint spec: foo=abc=xyz:NoSchedule",
  },
  {
    name: "Two colons are rejected.",
    args: ["foo=abc:xyz:NoSchedule"],
    reason: "InvalidTaintSpec",
    message: "invalid taint spec: foo=abc:xyz:NoSchedule",
  },
  {
    name: "A bare key cannot be added because it has no effect.",
    args: ["foo"],
    reason: "InvalidTaintSpec",
    message: "invalid taint spec: foo",
  },
  {
    name: "An unknown effect on an added taint is rejected.",
    args: ["foo=abc:invalid_effect"],
    reason: "InvalidTaintEffect",
    message: "invalid taint effect: invalid_effect, unsupported taint effect",
  },
  {
    name: "An unknown effect on a removed taint is rejected.",
    args: ["foo:invalid_effect-"],
    reason: "InvalidTaintEffect",
    message: "invalid taint effect: invalid_effect, unsupported taint effect",
  },
  {
    name: "A misspelled effect is rejected.",
    args: ["foo=bar:NoExcute"],
    reason: "InvalidTaintEffect",
    message: "invalid taint effect: NoExcute, unsupported taint effect",
  },
  {
    name: "An empty effect after the colon is rejected.",
    args: ["foo=bar:"],
    reason: "InvalidTaintEffect",
    message: "invalid taint effect: , unsupported taint effect",
  },
  {
    name: "Special characters in the key are rejected with the qualified-name rule.",
    args: ["nospecialchars^@=banana:NoSchedule"],
    reason: "InvalidTaintSpec",
    message: `invalid taint spec: nospecialchars^@=banana:NoSchedule, ${nameRegexError}`,
  },
  {
    name: "A value that is not a label value is rejected.",
    args: ["foo=a b:NoSchedule"],
    reason: "InvalidTaintSpec",
    message: `invalid taint spec: foo=a b:NoSchedule, ${labelValueError}`,
  },
  {
    name: "An invalid removal reports the argument without its trailing dash.",
    args: ["foo=a=b:NoSchedule-"],
    reason: "InvalidTaintSpec",
    message: "invalid taint spec: foo=a=b:NoSchedule",
  },
  {
    name: "A lone dash removes an empty key, which is invalid.",
    args: ["-"],
    reason: "InvalidTaintSpec",
    message: `invalid taint spec: , name part must be non-empty; ${nameRegexError}`,
  },
  {
    name: "Two added taints with the same key and effect are rejected as Go prints the taint.",
    args: ["foo=bar:NoSchedule", "foo=barz:NoSchedule"],
    reason: "DuplicateTaint",
    message: "duplicated taints with the same key and effect: {foo barz NoSchedule <nil>}",
  },
  {
    name: "A duplicate without a value prints an empty value field.",
    args: ["foo:NoExecute", "foo=:NoExecute"],
    reason: "DuplicateTaint",
    message: "duplicated taints with the same key and effect: {foo  NoExecute <nil>}",
  },
  {
    name: "A key spelled __proto__ is rejected as an ordinary invalid key.",
    args: ["__proto__:NoSchedule"],
    reason: "InvalidTaintSpec",
    message: `invalid taint spec: __proto__:NoSchedule, ${nameRegexError}`,
  },
  {
    name: "The first bad argument stops parsing.",
    args: ["ok:NoSchedule", "bad", "worse=a=b:NoSchedule"],
    reason: "InvalidTaintSpec",
    message: "invalid taint spec: bad",
  },
];

describe("parseTaintArguments errors", () => {
  it.each(errorCases)("$name", ({ args, reason, message }) => {
    let thrown: unknown;
    try {
      parseTaintArguments(args);
    } catch (error) {
      thrown = error;
    }
    expect(TaintArgumentError.isInstance(thrown)).toBe(true);
    const error = thrown as TaintArgumentError;
    expect(error.reason).toBe(reason);
    expect(error.message).toBe(message);
    expect(error.isUsageError).toBe(true);
    expect(error.name).toBe("TaintArgumentError");
  });
});

describe("validateTaintChanges", () => {
  it.each([
    {
      name: "Adding and removing the same key and effect is rejected.",
      toAdd: [{ key: "foo", effect: "NoExecute" }],
      toRemove: [{ key: "foo", effect: "NoExecute" }],
      message: "can not both modify and remove the following taint(s) in the same command: foo=NoExecute",
    },
    {
      name: "Removing every effect of an added key is rejected with an empty effect.",
      toAdd: [{ key: "foo", value: "a", effect: "NoSchedule" }],
      toRemove: [{ key: "foo", effect: "" }],
      message: "can not both modify and remove the following taint(s) in the same command: foo=",
    },
    {
      name: "Every conflict is listed.",
      toAdd: [
        { key: "a", effect: "NoSchedule" },
        { key: "b", effect: "NoExecute" },
      ],
      toRemove: [
        { key: "b", effect: "NoExecute" },
        { key: "a", effect: "" },
      ],
      message: "can not both modify and remove the following taint(s) in the same command: a=, b=NoExecute",
    },
  ] satisfies ReadonlyArray<{ name: string; toAdd: Taint[]; toRemove: Taint[]; message: string }>)(
    "$name",
    ({ toAdd, toRemove, message }) => {
      let thrown: unknown;
      try {
        validateTaintChanges(toAdd, toRemove);
      } catch (error) {
        thrown = error;
      }
      expect(TaintArgumentError.isInstance(thrown)).toBe(true);
      expect((thrown as TaintArgumentError).message).toBe(message);
      expect((thrown as TaintArgumentError).reason).toBe("ModifyAndRemove");
      expect((thrown as TaintArgumentError).isUsageError).toBe(false);
    },
  );

  it.each([
    {
      name: "Adding one effect and removing another effect of the same key is allowed.",
      toAdd: [{ key: "foo", effect: "NoSchedule" }],
      toRemove: [{ key: "foo", effect: "NoExecute" }],
    },
    {
      name: "Adding and removing different keys is allowed.",
      toAdd: [{ key: "foo", effect: "NoSchedule" }],
      toRemove: [{ key: "bar", effect: "" }],
    },
  ] satisfies ReadonlyArray<{ name: string; toAdd: Taint[]; toRemove: Taint[] }>)(
    "$name",
    ({ toAdd, toRemove }) => {
      expect(() => validateTaintChanges(toAdd, toRemove)).not.toThrow();
    },
  );
});
