import { type FieldError, goStringSlice, type Node, type NodeSelector, StatusError } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { createLazyNodeSelector, createNodeSelector } from "./node-selector.js";

function node(name: string | undefined, labels?: Record<string, string>): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { ...(name === undefined ? {} : { name }), ...(labels ? { labels } : {}) },
  };
}

function thrownBy(action: () => unknown): StatusError {
  try {
    action();
  } catch (error) {
    if (StatusError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a StatusError");
}

const nameKeyDetail =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const labelValueDetail =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe("createNodeSelector matching (upstream TestNodeSelectorMatch)", () => {
  const labelAndNameTerm = {
    matchExpressions: [{ key: "label_1", operator: "In", values: ["label_1_val"] }],
    matchFields: [{ key: "metadata.name", operator: "In", values: ["host_1"] }],
  };
  it.each<{ name: string; selector: NodeSelector; node: Node | undefined; want: boolean }>([
    {
      name: "A missing node matches nothing.",
      selector: { nodeSelectorTerms: [] },
      node: undefined,
      want: false,
    },
    {
      name: "A node that matches the field selector but not the labels does not match.",
      selector: { nodeSelectorTerms: [labelAndNameTerm] },
      node: node("host_1"),
      want: false,
    },
    {
      name: "A node that matches both the field selector and the label selector matches.",
      selector: { nodeSelectorTerms: [labelAndNameTerm] },
      node: node("host_1", { label_1: "label_1_val" }),
      want: true,
    },
    {
      name: "A node matches when the second term matches (terms are ORed).",
      selector: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: "label_1", operator: "In", values: ["label_1_val"] }] },
          { matchFields: [{ key: "metadata.name", operator: "In", values: ["host_1"] }] },
        ],
      },
      node: node("host_1"),
      want: true,
    },
    {
      name: "An empty term matches nothing, even a node with labels.",
      selector: { nodeSelectorTerms: [{}, { matchExpressions: [] }, { matchFields: [] }] },
      node: node("host_1", { a: "b" }),
      want: false,
    },
    {
      name: "A selector with no terms matches nothing.",
      selector: { nodeSelectorTerms: [] },
      node: node("host_1"),
      want: false,
    },
    {
      name: "A label named metadata.name is not the node name field.",
      selector: {
        nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["host_1"] }] }],
      },
      node: node("not_host_1", { "metadata.name": "host_1" }),
      want: false,
    },
    {
      name: "A matchExpressions key metadata.name reads the labels, not the node name.",
      selector: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: "metadata.name", operator: "In", values: ["host_1"] }] },
        ],
      },
      node: node("host_1"),
      want: false,
    },
    {
      name: "A node without a name ignores the matchFields of a term (upstream quirk).",
      selector: {
        nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["host_1"] }] }],
      },
      node: node(undefined),
      want: true,
    },
    {
      name: "A node without a name still has to satisfy the matchExpressions of the term.",
      selector: { nodeSelectorTerms: [labelAndNameTerm] },
      node: node(undefined, { label_1: "other" }),
      want: false,
    },
    {
      name: "A matchFields NotIn on the node name rejects that node.",
      selector: {
        nodeSelectorTerms: [
          { matchFields: [{ key: "metadata.name", operator: "NotIn", values: ["host_1"] }] },
        ],
      },
      node: node("host_1"),
      want: false,
    },
    {
      name: "A matchFields NotIn on the node name accepts other nodes.",
      selector: {
        nodeSelectorTerms: [
          { matchFields: [{ key: "metadata.name", operator: "NotIn", values: ["host_1"] }] },
        ],
      },
      node: node("host_2"),
      want: true,
    },
    {
      name: "A matchFields In on a field other than metadata.name never matches a real value.",
      selector: {
        nodeSelectorTerms: [
          { matchFields: [{ key: "spec.unschedulable", operator: "In", values: ["host_1"] }] },
        ],
      },
      node: node("host_1"),
      want: false,
    },
    {
      name: "A matchFields NotIn on a field other than metadata.name always matches a real value.",
      selector: {
        nodeSelectorTerms: [
          { matchFields: [{ key: "spec.unschedulable", operator: "NotIn", values: ["x"] }] },
        ],
      },
      node: node("host_1"),
      want: true,
    },
    {
      name: "A matchFields In with the empty value on an unknown field matches a named node (the field reads as empty).",
      selector: {
        nodeSelectorTerms: [{ matchFields: [{ key: "spec.unschedulable", operator: "In", values: [""] }] }],
      },
      node: node("host_1"),
      want: true,
    },
    {
      name: "The DaemonSet pin (matchFields metadata.name In [node]) matches its node.",
      selector: {
        nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["node-7"] }] }],
      },
      node: node("node-7", { "kubernetes.io/os": "linux" }),
      want: true,
    },
    {
      name: "The DaemonSet pin (matchFields metadata.name In [node]) rejects every other node.",
      selector: {
        nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["node-7"] }] }],
      },
      node: node("node-70"),
      want: false,
    },
    {
      name: "A DaemonSet pin merged into the template's terms needs both the pin and the template expression.",
      selector: {
        nodeSelectorTerms: [
          {
            matchExpressions: [{ key: "disk", operator: "In", values: ["ssd"] }],
            matchFields: [{ key: "metadata.name", operator: "In", values: ["node-7"] }],
          },
        ],
      },
      node: node("node-7", { disk: "hdd" }),
      want: false,
    },
  ])("$name", ({ selector, node: candidate, want }) => {
    expect(createNodeSelector(selector).matches(candidate)).toBe(want);
  });
});

describe("createNodeSelector operators", () => {
  function selectorFor(operator: string, values?: string[]): NodeSelector {
    return {
      nodeSelectorTerms: [
        { matchExpressions: [{ key: "version", operator, ...(values ? { values } : {}) }] },
      ],
    };
  }
  it.each<{
    name: string;
    operator: string;
    values?: string[];
    labels?: Record<string, string>;
    want: boolean;
  }>([
    {
      name: "In matches a listed value.",
      operator: "In",
      values: ["a", "b"],
      labels: { version: "b" },
      want: true,
    },
    { name: "In does not match an absent key.", operator: "In", values: ["a"], labels: {}, want: false },
    { name: "NotIn matches an absent key.", operator: "NotIn", values: ["a"], labels: {}, want: true },
    {
      name: "NotIn does not match a listed value.",
      operator: "NotIn",
      values: ["a"],
      labels: { version: "a" },
      want: false,
    },
    {
      name: "Exists matches a present key with the empty value.",
      operator: "Exists",
      labels: { version: "" },
      want: true,
    },
    { name: "DoesNotExist matches a node without labels.", operator: "DoesNotExist", want: true },
    {
      name: "DoesNotExist does not match a present key.",
      operator: "DoesNotExist",
      labels: { version: "1" },
      want: false,
    },
    {
      name: "Gt compares integers with leading zeros (0206 > 0204).",
      operator: "Gt",
      values: ["0204"],
      labels: { version: "0206" },
      want: true,
    },
    { name: "Gt is strict.", operator: "Gt", values: ["7"], labels: { version: "7" }, want: false },
    { name: "Lt is strict.", operator: "Lt", values: ["7"], labels: { version: "7" }, want: false },
    {
      name: "Lt compares numerically, not as text (10 < 9 is false).",
      operator: "Lt",
      values: ["9"],
      labels: { version: "10" },
      want: false,
    },
    {
      name: "Lt accepts a negative node label value.",
      operator: "Lt",
      values: ["1"],
      labels: { version: "-3" },
      want: true,
    },
    {
      name: "Gt accepts a node label with a plus sign.",
      operator: "Gt",
      values: ["2"],
      labels: { version: "+3" },
      want: true,
    },
    {
      name: "Gt does not match a non-integer label.",
      operator: "Gt",
      values: ["1"],
      labels: { version: "1.5" },
      want: false,
    },
    {
      name: "Gt does not match an empty label.",
      operator: "Gt",
      values: ["0"],
      labels: { version: "" },
      want: false,
    },
    {
      name: "Gt does not match a label with spaces.",
      operator: "Gt",
      values: ["0"],
      labels: { version: " 2" },
      want: false,
    },
    { name: "Lt does not match an absent key.", operator: "Lt", values: ["5"], labels: {}, want: false },
    {
      name: "Gt keeps int64 precision near the maximum.",
      operator: "Gt",
      values: ["9223372036854775806"],
      labels: { version: "9223372036854775807" },
      want: true,
    },
    {
      name: "Gt does not match a label beyond int64.",
      operator: "Gt",
      values: ["1"],
      labels: { version: "9223372036854775808" },
      want: false,
    },
  ])("$name", ({ operator, values, labels, want }) => {
    expect(createNodeSelector(selectorFor(operator, values)).matches(node("n", labels))).toBe(want);
  });
});

describe("createNodeSelector errors", () => {
  it.each<{ name: string; selector: NodeSelector; path?: string; errors: FieldError[]; message: string }>([
    {
      name: "Errors of every term are reported at once, with upstream's paths (upstream TestNodeSelectorMatch).",
      selector: {
        nodeSelectorTerms: [
          { matchFields: [{ key: "metadata.name", operator: "In", values: ["host_1", "host_2"] }] },
          {
            matchExpressions: [{ key: "label_1", operator: "In", values: ["label_1_val"] }],
            matchFields: [{ key: "metadata.name", operator: "In", values: ["host_1"] }],
          },
          { matchExpressions: [{ key: "invalid key", operator: "In", values: ["label_value"] }] },
        ],
      },
      errors: [
        {
          type: "FieldValueInvalid",
          field: "nodeSelectorTerms[0].matchFields[0].values",
          badValue: goStringSlice(["host_1", "host_2"]),
          detail: "must have one element",
        },
        {
          type: "FieldValueInvalid",
          field: "nodeSelectorTerms[2].matchExpressions[0].key",
          badValue: "invalid key",
          detail: nameKeyDetail,
        },
      ],
      message: `[nodeSelectorTerms[0].matchFields[0].values: Invalid value: []string{"host_1", "host_2"}: must have one element, nodeSelectorTerms[2].matchExpressions[0].key: Invalid value: "invalid key": ${nameKeyDetail}]`,
    },
    {
      name: "A matchFields operator other than In or NotIn is not supported.",
      selector: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "Exists" }] }] },
      errors: [
        {
          type: "FieldValueNotSupported",
          field: "nodeSelectorTerms[0].matchFields[0].operator",
          badValue: "Exists",
          detail: 'supported values: "In", "NotIn"',
        },
      ],
      message:
        'nodeSelectorTerms[0].matchFields[0].operator: Unsupported value: "Exists": supported values: "In", "NotIn"',
    },
    {
      name: "A matchFields NotIn without values reports a nil slice.",
      selector: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "NotIn" }] }] },
      errors: [
        {
          type: "FieldValueInvalid",
          field: "nodeSelectorTerms[0].matchFields[0].values",
          badValue: goStringSlice(undefined),
          detail: "must have one element",
        },
      ],
      message:
        "nodeSelectorTerms[0].matchFields[0].values: Invalid value: []string(nil): must have one element",
    },
    {
      name: "An unknown matchExpressions operator is not supported and its key is not checked.",
      selector: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: "bad key", operator: "Equals", values: ["a"] }] }],
      },
      errors: [
        {
          type: "FieldValueNotSupported",
          field: "nodeSelectorTerms[0].matchExpressions[0].operator",
          badValue: "Equals",
          detail: 'supported values: "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"',
        },
      ],
      message:
        'nodeSelectorTerms[0].matchExpressions[0].operator: Unsupported value: "Equals": supported values: "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"',
    },
    {
      name: "A Gt operand that is not an integer is invalid.",
      selector: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: "cpu", operator: "Gt", values: ["1.5"] }] }],
      },
      errors: [
        {
          type: "FieldValueInvalid",
          field: "nodeSelectorTerms[0].matchExpressions[0].values[0]",
          badValue: "1.5",
          detail: "for 'Gt', 'Lt' operators, the value must be an integer",
        },
      ],
      message:
        "nodeSelectorTerms[0].matchExpressions[0].values[0]: Invalid value: \"1.5\": for 'Gt', 'Lt' operators, the value must be an integer",
    },
    {
      name: "A negative Gt operand parses as an integer but is not a valid label value.",
      selector: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: "cpu", operator: "Lt", values: ["-1"] }] }],
      },
      errors: [
        {
          type: "FieldValueInvalid",
          field: "nodeSelectorTerms[0].matchExpressions[0].values[0][cpu]",
          badValue: "-1",
          detail: labelValueDetail,
        },
      ],
      message: `nodeSelectorTerms[0].matchExpressions[0].values[0][cpu]: Invalid value: "-1": ${labelValueDetail}`,
    },
    {
      name: "Lt with two values needs exactly one.",
      selector: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: "cpu", operator: "Lt", values: ["1", "2"] }] }],
      },
      errors: [
        {
          type: "FieldValueInvalid",
          field: "nodeSelectorTerms[0].matchExpressions[0].values",
          badValue: goStringSlice(["1", "2"]),
          detail: "for 'Gt', 'Lt' operators, exactly one value is required",
        },
      ],
      message:
        "nodeSelectorTerms[0].matchExpressions[0].values: Invalid value: []string{\"1\", \"2\"}: for 'Gt', 'Lt' operators, exactly one value is required",
    },
    {
      name: "Errors of matchExpressions come before those of matchFields in a term, and a path option prefixes them.",
      selector: {
        nodeSelectorTerms: [
          {
            matchFields: [{ key: "metadata.name", operator: "Gt", values: ["1"] }],
            matchExpressions: [{ key: "zone", operator: "In" }],
          },
        ],
      },
      path: "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution",
      errors: [
        {
          type: "FieldValueInvalid",
          field:
            "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values",
          badValue: goStringSlice(undefined),
          detail: "for 'in', 'notin' operators, values set can't be empty",
        },
        {
          type: "FieldValueNotSupported",
          field:
            "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].operator",
          badValue: "Gt",
          detail: 'supported values: "In", "NotIn"',
        },
      ],
      message:
        "[spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty, " +
        'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].operator: Unsupported value: "Gt": supported values: "In", "NotIn"]',
    },
  ])("$name", ({ selector, path, errors, message }) => {
    const error = thrownBy(() => createNodeSelector(selector, path === undefined ? {} : { path }));
    expect(error.errors).toEqual(errors);
    expect(error.message).toBe(message);
    expect(error.reason).toBe("BadRequest");
    expect(error.code).toBe(400);
  });

  it("Errors of an empty term are never reported, because the term is dropped before parsing.", () => {
    expect(createNodeSelector({ nodeSelectorTerms: [{ matchFields: [] }] }).matches(node("a"))).toBe(false);
  });
});

describe("createLazyNodeSelector", () => {
  const selector: NodeSelector = {
    nodeSelectorTerms: [
      { matchFields: [{ key: "metadata.name", operator: "In", values: ["host_1", "host_2"] }] },
      { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] },
    ],
  };
  const lazy = createLazyNodeSelector(selector);

  it("A valid term that matches wins over an invalid term, with no error.", () => {
    expect(lazy.match(node("host_1", { zone: "a" }))).toEqual({ matches: true });
  });

  it("When nothing matches, the errors of the invalid terms are reported.", () => {
    const result = lazy.match(node("host_1", { zone: "b" }));
    expect(result.matches).toBe(false);
    expect(result.error?.message).toBe(
      'nodeSelectorTerms[0].matchFields[0].values: Invalid value: []string{"host_1", "host_2"}: must have one element',
    );
    expect(result.error?.errors.map((error) => error.field)).toEqual([
      "nodeSelectorTerms[0].matchFields[0].values",
    ]);
  });

  it("matches ignores the parse errors, so an invalid term simply never matches.", () => {
    expect(lazy.matches(node("host_1", { zone: "b" }))).toBe(false);
  });

  it("A missing node matches nothing and reports no error.", () => {
    expect(lazy.match(undefined)).toEqual({ matches: false });
  });

  it("A missing selector matches nothing.", () => {
    expect(createLazyNodeSelector(undefined).match(node("a"))).toEqual({ matches: false });
  });

  it("Matching returns the same result objects every time, so it allocates nothing.", () => {
    const noMatch = node("host_9", { zone: "z" });
    expect(lazy.match(noMatch)).toBe(lazy.match(noMatch));
    expect(lazy.match(node("x", { zone: "a" }))).toBe(lazy.match(node("y", { zone: "a" })));
  });
});
