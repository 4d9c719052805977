import { describe, expect, it } from "vitest";
import { fieldErrorMessage } from "../errors/index.js";
import { validateLabelSelector } from "./label-selector.js";
import { validateNodeAffinity, validateNodeSelector } from "./node-affinity.js";
import { validatePodSpec } from "./pod-spec.js";
import { validateTaints } from "./taints.js";
import { defaultedPodSpec } from "./test-objects.js";
import { validateTolerations } from "./tolerations.js";

const labelValueRegex =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const nameRegex =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const subdomainRegex =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe("validateTolerations", () => {
  const cases: Array<{ name: string; toleration: unknown; want: string[] }> = [
    {
      name: "A key-value toleration with Equal is valid",
      toleration: { key: "gpu", operator: "Equal", value: "true", effect: "NoSchedule" },
      want: [],
    },
    { name: "An empty key with Exists tolerates everything", toleration: { operator: "Exists" }, want: [] },
    {
      name: "An empty key needs the Exists operator",
      toleration: { operator: "Equal", value: "x" },
      want: [
        'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      ],
    },
    {
      name: "A value with Exists must be empty",
      toleration: { key: "gpu", operator: "Exists", value: "true" },
      want: [
        "spec.tolerations[0].operator: Invalid value: \"true\": value must be empty when `operator` is 'Exists'",
      ],
    },
    {
      name: "An invalid value with Equal is reported at the operator",
      toleration: { key: "gpu", value: "-x" },
      want: [`spec.tolerations[0].operator: Invalid value: "-x": ${labelValueRegex}`],
    },
    {
      name: "An unknown operator is not supported",
      toleration: { key: "gpu", operator: "In" },
      want: ['spec.tolerations[0].operator: Unsupported value: "In": supported values: "Equal", "Exists"'],
    },
    {
      name: "tolerationSeconds needs the NoExecute effect",
      toleration: { key: "gpu", operator: "Exists", effect: "NoSchedule", tolerationSeconds: 30 },
      want: [
        "spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
      ],
    },
    {
      name: "An unknown effect is not supported",
      toleration: { key: "gpu", operator: "Exists", effect: "NoRun" },
      want: [
        'spec.tolerations[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      ],
    },
    {
      name: "An invalid key is a qualified-name error",
      toleration: { key: "bad key", operator: "Exists" },
      want: [`spec.tolerations[0].key: Invalid value: "bad key": name part ${nameRegex}`],
    },
  ];

  it.each(cases)("$name", ({ toleration, want }) => {
    expect(validateTolerations([toleration], "spec.tolerations").map(fieldErrorMessage)).toEqual(want);
  });
});

describe("validateTaints", () => {
  const cases: Array<{ name: string; taints: unknown[]; want: string[] }> = [
    {
      name: "A keyed NoSchedule taint is valid",
      taints: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }],
      want: [],
    },
    {
      name: "A taint needs an effect",
      taints: [{ key: "dedicated" }],
      want: ["metadata.taints[0].effect: Required value"],
    },
    {
      name: "A taint key is a qualified name, even when empty",
      taints: [{ effect: "NoSchedule" }],
      want: [
        'metadata.taints[0].key: Invalid value: "": name part must be non-empty',
        `metadata.taints[0].key: Invalid value: "": name part ${nameRegex}`,
      ],
    },
    {
      name: "A taint value must be a label value",
      taints: [{ key: "a", value: "x y", effect: "NoExecute" }],
      want: [`metadata.taints[0].value: Invalid value: "x y": ${labelValueRegex}`],
    },
    {
      name: "A key and effect pair may appear once",
      taints: [
        { key: "a", value: "1", effect: "NoSchedule" },
        { key: "a", value: "2", effect: "NoSchedule" },
        { key: "a", value: "3", effect: "NoExecute" },
      ],
      want: [
        'metadata.taints[1]: Duplicate value: core.Taint{Key:"a", Value:"2", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair',
      ],
    },
  ];

  it.each(cases)("$name", ({ taints, want }) => {
    expect(validateTaints(taints, "metadata.taints").map(fieldErrorMessage)).toEqual(want);
  });
});

describe("validateNodeSelector and validateNodeAffinity", () => {
  const path = "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution";
  const term = (requirement: unknown, kind = "matchExpressions") => ({
    nodeSelectorTerms: [{ [kind]: [requirement] }],
  });
  const cases: Array<{ name: string; selector: unknown; want: string[] }> = [
    {
      name: "An In requirement with values is valid",
      selector: term({ key: "zone", operator: "In", values: ["a"] }),
      want: [],
    },
    {
      name: "A selector needs at least one term",
      selector: { nodeSelectorTerms: [] },
      want: [`${path}.nodeSelectorTerms: Required value: must have at least one node selector term`],
    },
    {
      name: "In needs values",
      selector: term({ key: "zone", operator: "In" }),
      want: [
        `${path}.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`,
      ],
    },
    {
      name: "DoesNotExist forbids values",
      selector: term({ key: "zone", operator: "DoesNotExist", values: ["a"] }),
      want: [
        `${path}.nodeSelectorTerms[0].matchExpressions[0].values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`,
      ],
    },
    {
      name: "Gt needs exactly one value",
      selector: term({ key: "cores", operator: "Gt", values: ["1", "2"] }),
      want: [
        `${path}.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified single value when \`operator\` is 'Lt' or 'Gt'`,
      ],
    },
    {
      name: "An unknown operator is not a valid selector operator",
      selector: term({ key: "zone", operator: "Near", values: ["a"] }),
      want: [
        `${path}.nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: "Near": not a valid selector operator`,
      ],
    },
    {
      name: "Required values must be label values",
      selector: term({ key: "zone", operator: "In", values: ["a b"] }),
      want: [
        `${path}.nodeSelectorTerms[0].matchExpressions[0].values[0]: Invalid value: "a b": ${labelValueRegex}`,
      ],
    },
    {
      name: "matchFields on metadata.name with one value is valid (the DaemonSet pin)",
      selector: term({ key: "metadata.name", operator: "In", values: ["node-1"] }, "matchFields"),
      want: [],
    },
    {
      name: "matchFields needs exactly one value",
      selector: term({ key: "metadata.name", operator: "In", values: ["a", "b"] }, "matchFields"),
      want: [
        `${path}.nodeSelectorTerms[0].matchFields[0].values: Required value: must be only one value when \`operator\` is 'In' or 'NotIn' for node field selector`,
      ],
    },
    {
      name: "matchFields only supports metadata.name with In or NotIn",
      selector: term({ key: "metadata.labels", operator: "Exists" }, "matchFields"),
      want: [
        `${path}.nodeSelectorTerms[0].matchFields[0].operator: Invalid value: "Exists": not a valid selector operator`,
        `${path}.nodeSelectorTerms[0].matchFields[0].key: Invalid value: "metadata.labels": not a valid field selector key`,
      ],
    },
    {
      name: "matchFields values must be node names",
      selector: term({ key: "metadata.name", operator: "NotIn", values: ["Node_1"] }, "matchFields"),
      want: [
        `${path}.nodeSelectorTerms[0].matchFields[0].values[0]: Invalid value: "Node_1": ${subdomainRegex}`,
      ],
    },
  ];

  it.each(cases)("$name", ({ selector, want }) => {
    expect(validateNodeSelector(selector, path).map(fieldErrorMessage)).toEqual(want);
  });

  it("Preferred terms need a weight of 1-100 and allow invalid label values", () => {
    const affinity = {
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 0, preference: { matchExpressions: [{ key: "zone", operator: "In", values: ["a b"] }] } },
      ],
    };
    expect(validateNodeAffinity(affinity, "spec.affinity.nodeAffinity").map(fieldErrorMessage)).toEqual([
      "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100",
    ]);
  });
});

describe("pod affinity inside a pod spec", () => {
  it("A pod affinity term needs a topology key and a valid selector", () => {
    const spec = {
      ...defaultedPodSpec(),
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { labelSelector: { matchExpressions: [{ key: "app", operator: "In" }] } },
          ],
        },
      },
    };
    const base = "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]";
    expect(validatePodSpec(spec, "spec").map(fieldErrorMessage)).toEqual([
      `${base}.labelSelector.matchExpressions[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`,
      `${base}.topologyKey: Required value: can not be empty`,
      `${base}.topologyKey: Invalid value: "": name part must be non-empty`,
      `${base}.topologyKey: Invalid value: "": name part ${nameRegex}`,
    ]);
  });
});

describe("validateLabelSelector", () => {
  it.each([
    {
      name: "A DoesNotExist expression without values is valid",
      selector: { matchExpressions: [{ key: "a", operator: "DoesNotExist" }] },
      want: [],
    },
    {
      name: "Expression values must be label values",
      selector: { matchExpressions: [{ key: "a", operator: "In", values: ["ok", "not ok"] }] },
      want: [`spec.selector.matchExpressions[0].values[1]: Invalid value: "not ok": ${labelValueRegex}`],
    },
    {
      name: "A selector given as a string is a type error",
      selector: "app=web",
      want: [
        'spec.selector: Invalid value: "string": spec.selector in body must be of type object: "string"',
      ],
    },
  ])("$name", ({ selector, want }) => {
    expect(validateLabelSelector(selector, "spec.selector").map(fieldErrorMessage)).toEqual(want);
  });
});
