import { describe, expect, it } from "vitest";
import { fieldErrorMessage, formatKubectlError, StatusError } from "../errors/index.js";
import { validateDaemonSet, validateDaemonSetUpdate } from "./daemonset.js";
import { validateDaemonSetStatusUpdate } from "./daemonset-status.js";
import { defaultedContainer, defaultedDaemonSet, type LooseObject, setPath } from "./test-objects.js";
import { assertValidObject, validateObject } from "./validate-object.js";

const mismatch = "`selector` does not match template `labels`";
const percentHint =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
const subdomainHint =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const qualifiedNameHint =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

type Change = readonly [path: string, value: unknown];

function daemonSetWith(...changes: Change[]): LooseObject {
  return defaultedDaemonSet((daemonSet) => {
    for (const [path, value] of changes) setPath(daemonSet, path, value);
  });
}

function messages(errors: ReadonlyArray<Parameters<typeof fieldErrorMessage>[0]>): string[] {
  return errors.map(fieldErrorMessage);
}

describe("validateDaemonSet (§6.2 rules)", () => {
  const cases: Array<{ name: string; changes: Change[]; want: string[] }> = [
    { name: "A defaulted DaemonSet whose selector matches its template is valid", changes: [], want: [] },
    {
      name: "A selector that does not match the template labels is rejected at the template labels",
      changes: [["spec.template.metadata.labels", { app: "web" }]],
      want: [`spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: ${mismatch}`],
    },
    {
      name: "A missing selector matches nothing, so only the template-labels error is reported",
      changes: [["spec.selector", undefined]],
      want: [`spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: ${mismatch}`],
    },
    {
      name: "A missing selector with no template labels reports a nil label map",
      changes: [
        ["spec.selector", undefined],
        ["spec.template.metadata", undefined],
      ],
      want: [`spec.template.metadata.labels: Invalid value: map[string]string(nil): ${mismatch}`],
    },
    {
      name: "An empty selector selects everything but is invalid for a DaemonSet",
      changes: [["spec.selector", {}]],
      want: [
        "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for daemonset",
      ],
    },
    {
      name: "A selector with empty matchLabels and matchExpressions renders them as empty Go values",
      changes: [["spec.selector", { matchLabels: {}, matchExpressions: [] }]],
      want: [
        "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement{}}: empty selector is invalid for daemonset",
      ],
    },
    {
      name: "An invalid selector key is reported and the selector is not evaluated against the labels",
      changes: [["spec.selector.matchLabels", { "-app": "nginx" }]],
      want: [`spec.selector.matchLabels: Invalid value: "-app": ${qualifiedNameHint}`],
    },
    {
      name: "An unknown selector operator is not a valid selector operator",
      changes: [
        ["spec.selector", { matchExpressions: [{ key: "app", operator: "Foo", values: ["nginx"] }] }],
      ],
      want: [
        'spec.selector.matchExpressions[0].operator: Invalid value: "Foo": not a valid selector operator',
      ],
    },
    {
      name: "An In expression without values needs values",
      changes: [["spec.selector", { matchExpressions: [{ key: "app", operator: "In" }] }]],
      want: [
        "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      ],
    },
    {
      name: "An Exists expression with values is forbidden",
      changes: [["spec.selector", { matchExpressions: [{ key: "app", operator: "Exists", values: ["x"] }] }]],
      want: [
        "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      ],
    },
    {
      name: "An In expression that matches the template labels is valid",
      changes: [
        ["spec.selector", { matchExpressions: [{ key: "app", operator: "In", values: ["web", "nginx"] }] }],
      ],
      want: [],
    },
    {
      name: "A NotIn expression that excludes the template labels is a mismatch",
      changes: [
        ["spec.selector", { matchExpressions: [{ key: "app", operator: "NotIn", values: ["nginx"] }] }],
      ],
      want: [`spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: ${mismatch}`],
    },
    {
      name: "A template without containers reports the required containers",
      changes: [["spec.template.spec.containers", []]],
      want: ["spec.template.spec.containers: Required value"],
    },
    {
      name: "Invalid template labels are reported at spec.template.labels, without .metadata, as upstream does",
      changes: [["spec.template.metadata.labels", { app: "nginx", "bad key": "x" }]],
      want: [`spec.template.labels: Invalid value: "bad key": ${qualifiedNameHint}`],
    },
    {
      name: "Ephemeral containers are not allowed in a pod template",
      changes: [["spec.template.spec.ephemeralContainers", [{ name: "debug", image: "busybox" }]]],
      want: [
        "spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template",
      ],
    },
    {
      name: "A restartPolicy other than Always is not supported for a DaemonSet",
      changes: [["spec.template.spec.restartPolicy", "Never"]],
      want: ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    },
    {
      name: "An empty restartPolicy is required by the pod spec and unsupported by the DaemonSet",
      changes: [["spec.template.spec.restartPolicy", ""]],
      want: [
        "spec.template.spec.restartPolicy: Required value",
        'spec.template.spec.restartPolicy: Unsupported value: "": supported values: "Always"',
      ],
    },
    {
      name: "activeDeadlineSeconds is forbidden in a DaemonSet template",
      changes: [["spec.template.spec.activeDeadlineSeconds", 30]],
      want: [
        "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported",
      ],
    },
    {
      name: "A negative minReadySeconds is rejected",
      changes: [["spec.minReadySeconds", -1]],
      want: ["spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0"],
    },
    {
      name: "A negative revisionHistoryLimit is rejected",
      changes: [["spec.revisionHistoryLimit", -1]],
      want: ["spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0"],
    },
    {
      name: "A revisionHistoryLimit of zero is allowed",
      changes: [["spec.revisionHistoryLimit", 0]],
      want: [],
    },
    {
      name: "An unknown update strategy type is not supported",
      changes: [["spec.updateStrategy", { type: "Foo" }]],
      want: [
        'spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Foo", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"',
      ],
    },
    {
      name: "The OnDelete strategy needs no rollingUpdate",
      changes: [["spec.updateStrategy", { type: "OnDelete" }]],
      want: [],
    },
    {
      name: "A RollingUpdate strategy without rollingUpdate is missing its parameters",
      changes: [["spec.updateStrategy", { type: "RollingUpdate" }]],
      want: ["spec.updateStrategy.rollingUpdate: Required value"],
    },
    {
      name: "A maxUnavailable percent above 100% is rejected",
      changes: [["spec.updateStrategy.rollingUpdate.maxUnavailable", "120%"]],
      want: [
        'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"120%"}: must not be greater than 100%',
      ],
    },
    {
      name: "A maxUnavailable string that is not a percent is rejected and counts as zero",
      changes: [["spec.updateStrategy.rollingUpdate.maxUnavailable", "50x"]],
      want: [
        `spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"50x"}: ${percentHint}`,
        "spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0",
      ],
    },
    {
      name: "A negative maxUnavailable reports the plain integer",
      changes: [["spec.updateStrategy.rollingUpdate.maxUnavailable", -1]],
      want: [
        "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: -1: must be greater than or equal to 0",
      ],
    },
    {
      name: "A maxSurge percent above 100% is rejected",
      changes: [
        ["spec.updateStrategy.rollingUpdate.maxUnavailable", 0],
        ["spec.updateStrategy.rollingUpdate.maxSurge", "101%"],
      ],
      want: [
        'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"101%"}: must not be greater than 100%',
      ],
    },
    {
      name: "maxSurge may not be set when maxUnavailable is non-zero (the defaulting gotcha)",
      changes: [["spec.updateStrategy.rollingUpdate.maxSurge", 1]],
      want: [
        'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero',
      ],
    },
    {
      name: "maxUnavailable and maxSurge may not both be zero",
      changes: [["spec.updateStrategy.rollingUpdate.maxUnavailable", 0]],
      want: [
        "spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0",
      ],
    },
    {
      name: "0% counts as zero for the both-zero rule",
      changes: [["spec.updateStrategy.rollingUpdate.maxUnavailable", "0%"]],
      want: [
        "spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0",
      ],
    },
    {
      name: "0% counts as zero for the both-non-zero rule",
      changes: [["spec.updateStrategy.rollingUpdate.maxSurge", "0%"]],
      want: [],
    },
    {
      name: "A surge with maxUnavailable 0 is valid",
      changes: [
        ["spec.updateStrategy.rollingUpdate.maxUnavailable", 0],
        ["spec.updateStrategy.rollingUpdate.maxSurge", "10%"],
      ],
      want: [],
    },
    {
      name: "An upper-case DaemonSet name is not a DNS subdomain",
      changes: [["metadata.name", "Nginx"]],
      want: [`metadata.name: Invalid value: "Nginx": ${subdomainHint}`],
    },
    {
      name: "A DaemonSet without a namespace needs one",
      changes: [["metadata.namespace", undefined]],
      want: ["metadata.namespace: Required value"],
    },
  ];

  it.each(cases)("$name", ({ changes, want }) => {
    expect(messages(validateDaemonSet(daemonSetWith(...changes)))).toEqual(want);
  });

  it("Reports every error of a DaemonSet at once, in upstream's order", () => {
    const daemonSet = daemonSetWith(
      ["metadata.name", "Bad_Name"],
      ["spec.selector", { matchLabels: { app: "nginx" } }],
      ["spec.template.metadata.labels", { app: "other" }],
      ["spec.template.spec.containers", []],
      ["spec.template.spec.restartPolicy", "OnFailure"],
      ["spec.minReadySeconds", -5],
      ["spec.updateStrategy.rollingUpdate.maxUnavailable", "120%"],
      ["spec.revisionHistoryLimit", -1],
    );
    expect(messages(validateDaemonSet(daemonSet))).toEqual([
      `metadata.name: Invalid value: "Bad_Name": ${subdomainHint}`,
      `spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: ${mismatch}`,
      "spec.template.spec.containers: Required value",
      'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
      "spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0",
      'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"120%"}: must not be greater than 100%',
      "spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0",
    ]);
  });
});

describe("DaemonSet errors as kubectl prints them (§6.3)", () => {
  const cases: Array<{ name: string; changes: Change[]; want: string }> = [
    {
      name: "A selector mismatch",
      changes: [["spec.template.metadata.labels", { app: "web" }]],
      want: `The DaemonSet "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: ${mismatch}\n`,
    },
    {
      name: "A restartPolicy of Never",
      changes: [["spec.template.spec.restartPolicy", "Never"]],
      want: 'The DaemonSet "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"\n',
    },
    {
      name: "A maxUnavailable of 120%",
      changes: [["spec.updateStrategy.rollingUpdate.maxUnavailable", "120%"]],
      want: 'The DaemonSet "web" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"120%"}: must not be greater than 100%\n',
    },
    {
      name: "A maxSurge of 1 next to the defaulted maxUnavailable of 1",
      changes: [["spec.updateStrategy.rollingUpdate.maxSurge", 1]],
      want: 'The DaemonSet "web" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero\n',
    },
    {
      name: "A maxUnavailable of 0 next to the defaulted maxSurge of 0",
      changes: [["spec.updateStrategy.rollingUpdate.maxUnavailable", 0]],
      want: 'The DaemonSet "web" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0\n',
    },
    {
      name: "A minReadySeconds of -1",
      changes: [["spec.minReadySeconds", -1]],
      want: 'The DaemonSet "web" is invalid: spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0\n',
    },
  ];

  it.each(cases)("$name renders as kubectl prints it", ({ changes, want }) => {
    const daemonSet = daemonSetWith(["metadata.name", "web"], ...changes);
    let thrown: unknown;
    try {
      assertValidObject(daemonSet);
    } catch (error) {
      thrown = error;
    }
    expect(formatKubectlError(thrown)).toBe(want);
  });
});

/** The object of transcripts 72/72b after the API server's defaulting. */
function transcriptDaemonSet(name: string, containers: unknown[]): LooseObject {
  return daemonSetWith(
    ["metadata.name", name],
    ["spec.template.metadata.labels", { app: "other" }],
    ["spec.template.spec.containers", containers],
  );
}

function thrownBy(action: () => void): StatusError {
  try {
    action();
  } catch (error) {
    if (StatusError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a StatusError");
}

describe("The API server's Invalid responses (transcripts 72 and 72b)", () => {
  it("Transcript 72: one error gives the single-error message and one cause", () => {
    const daemonSet = transcriptDaemonSet("bad", [defaultedContainer("nginx")]);
    const error = thrownBy(() => assertValidObject(daemonSet));
    expect(error.status).toEqual({
      apiVersion: "v1",
      kind: "Status",
      metadata: {},
      status: "Failure",
      message: `DaemonSet.apps "bad" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: ${mismatch}`,
      reason: "Invalid",
      details: {
        name: "bad",
        group: "apps",
        kind: "DaemonSet",
        causes: [
          {
            reason: "FieldValueInvalid",
            message: `Invalid value: map[string]string{"app":"other"}: ${mismatch}`,
            field: "spec.template.metadata.labels",
          },
        ],
      },
      code: 422,
    });
    expect(formatKubectlError(error)).toBe(
      `The DaemonSet "bad" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: ${mismatch}\n`,
    );
  });

  it("Transcript 72b: two errors give the bracketed message and two causes", () => {
    const error = thrownBy(() => assertValidObject(transcriptDaemonSet("bad2", [])));
    expect(error.status.message).toBe(
      `DaemonSet.apps "bad2" is invalid: [spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: ${mismatch}, spec.template.spec.containers: Required value]`,
    );
    expect(error.status.details?.causes).toEqual([
      {
        reason: "FieldValueInvalid",
        message: `Invalid value: map[string]string{"app":"other"}: ${mismatch}`,
        field: "spec.template.metadata.labels",
      },
      { reason: "FieldValueRequired", message: "Required value", field: "spec.template.spec.containers" },
    ]);
    expect(formatKubectlError(error)).toBe(
      `The DaemonSet "bad2" is invalid: \n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: ${mismatch}\n* spec.template.spec.containers: Required value\n`,
    );
  });

  it("A valid DaemonSet passes assertValidObject", () => {
    expect(() => assertValidObject(defaultedDaemonSet())).not.toThrow();
  });
});

describe("DaemonSet updates", () => {
  const old = daemonSetWith(["metadata.resourceVersion", "7"], ["metadata.uid", "u-1"]);
  const cases: Array<{ name: string; changes: Change[]; want: string[] }> = [
    {
      name: "Changing only the template is allowed",
      changes: [["spec.template.spec.containers[0].image", "nginx:1.27"]],
      want: [],
    },
    {
      name: "Changing the selector is rejected as immutable, with the new selector as bad value",
      changes: [
        ["spec.selector.matchLabels", { app: "web" }],
        ["spec.template.metadata.labels", { app: "web" }],
      ],
      want: [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
      ],
    },
    {
      name: "Removing the selector is rejected with a null bad value",
      changes: [["spec.selector", undefined]],
      want: [
        `spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: ${mismatch}`,
        'spec.selector: Invalid value: "null": field is immutable',
      ],
    },
    {
      name: "Renaming the DaemonSet is rejected",
      changes: [["metadata.name", "other"]],
      want: ['metadata.name: Invalid value: "other": field is immutable'],
    },
    {
      name: "Changing the uid is rejected",
      changes: [["metadata.uid", "u-2"]],
      want: ['metadata.uid: Invalid value: "u-2": field is immutable'],
    },
    {
      name: "An update without a resourceVersion is rejected",
      changes: [["metadata.resourceVersion", undefined]],
      want: ['metadata.resourceVersion: Invalid value: "": must be specified for an update'],
    },
  ];

  it.each(cases)("$name", ({ changes, want }) => {
    const updated = defaultedDaemonSet((daemonSet) => {
      setPath(daemonSet, "metadata.resourceVersion", "7");
      setPath(daemonSet, "metadata.uid", "u-1");
      for (const [path, value] of changes) setPath(daemonSet, path, value);
    });
    expect(messages(validateDaemonSetUpdate(updated, old))).toEqual(want);
  });

  it("validateObject runs the create rules and then the update rules, so spec errors appear twice in the causes", () => {
    const updated = daemonSetWith(
      ["metadata.resourceVersion", "7"],
      ["metadata.uid", "u-1"],
      ["spec.minReadySeconds", -1],
    );
    const errors = validateObject(updated as never, { oldObject: old as never });
    expect(messages(errors)).toEqual([
      "spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0",
      "spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0",
    ]);
    const error = thrownBy(() => assertValidObject(updated as never, { oldObject: old as never }));
    expect(error.message).toBe(
      'DaemonSet.apps "nginx" is invalid: spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0',
    );
  });
});

describe("validateDaemonSetStatusUpdate", () => {
  const old = daemonSetWith(
    ["metadata.resourceVersion", "3"],
    ["status", { collisionCount: 2, numberReady: 1 }],
  );
  const cases: Array<{ name: string; status: unknown; want: string[] }> = [
    { name: "Non-negative counters are valid", status: { collisionCount: 2, numberReady: 3 }, want: [] },
    {
      name: "A negative counter is rejected",
      status: { collisionCount: 2, numberReady: -1 },
      want: ["status.numberReady: Invalid value: -1: must be greater than or equal to 0"],
    },
    {
      name: "Decrementing collisionCount is rejected",
      status: { collisionCount: 1 },
      want: ["status.collisionCount: Invalid value: 1: cannot be decremented"],
    },
    {
      name: "Removing collisionCount counts as decrementing it to 0",
      status: {},
      want: ["status.collisionCount: Invalid value: 0: cannot be decremented"],
    },
  ];

  it.each(cases)("$name", ({ status, want }) => {
    const updated = daemonSetWith(["metadata.resourceVersion", "3"], ["status", status]);
    expect(messages(validateDaemonSetStatusUpdate(updated, old))).toEqual(want);
  });
});
