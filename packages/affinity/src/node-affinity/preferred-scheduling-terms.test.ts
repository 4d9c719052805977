import {
  type FieldError,
  goStringSlice,
  type Node,
  type PreferredSchedulingTerm,
  StatusError,
} from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { createPreferredSchedulingTerms } from "./preferred-scheduling-terms.js";

function node(name: string, labels?: Record<string, string>): Node {
  return { metadata: { name, ...(labels ? { labels } : {}) } };
}

const nameKeyDetail =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe("createPreferredSchedulingTerms scores (upstream TestPreferredSchedulingTermsScore)", () => {
  it.each<{ name: string; terms: PreferredSchedulingTerm[]; node: Node | undefined; want: number }>([
    {
      name: "An invalid term with weight 0 is skipped and its error is not reported.",
      terms: [
        {
          weight: 0,
          preference: {
            matchFields: [{ key: "metadata.name", operator: "In", values: ["host_1", "host_2"] }],
          },
        },
      ],
      node: node("host_1"),
      want: 0,
    },
    {
      name: "The first and third terms match, so the score is the sum of their weights.",
      terms: [
        {
          weight: 5,
          preference: { matchFields: [{ key: "metadata.name", operator: "In", values: ["host_1"] }] },
        },
        {
          weight: 7,
          preference: {
            matchExpressions: [{ key: "unknown_label", operator: "In", values: ["unknown_label_val"] }],
          },
        },
        {
          weight: 11,
          preference: { matchExpressions: [{ key: "label_1", operator: "In", values: ["label_1_val"] }] },
        },
      ],
      node: node("host_1", { label_1: "label_1_val" }),
      want: 16,
    },
    {
      name: "A term with an empty preference is skipped (it would otherwise match nothing anyway).",
      terms: [{ weight: 9, preference: {} }],
      node: node("host_1"),
      want: 0,
    },
    {
      name: "A term matching several expressions at once adds its weight once.",
      terms: [
        {
          weight: 5,
          preference: {
            matchExpressions: [
              { key: "foo", operator: "In", values: ["bar"] },
              { key: "key", operator: "In", values: ["value"] },
            ],
          },
        },
        { weight: 2, preference: { matchExpressions: [{ key: "foo", operator: "Exists" }] } },
      ],
      node: node("node5", { foo: "bar", key: "value" }),
      want: 7,
    },
    { name: "No terms score 0.", terms: [], node: node("a"), want: 0 },
    {
      name: "A missing node scores 0.",
      terms: [{ weight: 3, preference: { matchExpressions: [{ key: "a", operator: "DoesNotExist" }] } }],
      node: undefined,
      want: 0,
    },
  ])("$name", ({ terms, node: candidate, want }) => {
    expect(createPreferredSchedulingTerms(terms).score(candidate)).toBe(want);
  });
});

describe("createPreferredSchedulingTerms errors", () => {
  it("Errors of every weighted term are thrown at once, with index paths and no preference segment.", () => {
    const terms: PreferredSchedulingTerm[] = [
      {
        weight: 1,
        preference: { matchFields: [{ key: "metadata.name", operator: "In", values: ["host_1", "host_2"] }] },
      },
      {
        weight: 1,
        preference: {
          matchExpressions: [{ key: "label_1", operator: "In", values: ["label_1_val"] }],
          matchFields: [{ key: "metadata.name", operator: "In", values: ["host_1"] }],
        },
      },
      {
        weight: 1,
        preference: { matchExpressions: [{ key: "invalid key", operator: "In", values: ["label_value"] }] },
      },
    ];
    const expected: FieldError[] = [
      {
        type: "FieldValueInvalid",
        field: "[0].matchFields[0].values",
        badValue: goStringSlice(["host_1", "host_2"]),
        detail: "must have one element",
      },
      {
        type: "FieldValueInvalid",
        field: "[2].matchExpressions[0].key",
        badValue: "invalid key",
        detail: nameKeyDetail,
      },
    ];
    let thrown: unknown;
    try {
      createPreferredSchedulingTerms(terms);
    } catch (error) {
      thrown = error;
    }
    expect(StatusError.isInstance(thrown)).toBe(true);
    const error = thrown as StatusError;
    expect(error.errors).toEqual(expected);
    expect(error.message).toBe(
      `[[0].matchFields[0].values: Invalid value: []string{"host_1", "host_2"}: must have one element, [2].matchExpressions[0].key: Invalid value: "invalid key": ${nameKeyDetail}]`,
    );
    expect(error.reason).toBe("BadRequest");
  });

  it("A path option prefixes the index paths.", () => {
    const terms: PreferredSchedulingTerm[] = [
      { weight: 0, preference: { matchExpressions: [{ key: "a", operator: "Bad" }] } },
      { weight: 2, preference: { matchExpressions: [{ key: "a", operator: "Bad" }] } },
    ];
    expect(() =>
      createPreferredSchedulingTerms(terms, {
        path: "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution",
      }),
    ).toThrow(
      'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[1].matchExpressions[0].operator: Unsupported value: "Bad": supported values: "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"',
    );
  });
});
