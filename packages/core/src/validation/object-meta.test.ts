import { describe, expect, it } from "vitest";
import { fieldErrorMessage } from "../errors/index.js";
import { validateAnnotations, validateLabels } from "./labels.js";
import { nameIsDnsLabel } from "./name-predicates.js";
import { validateObjectMeta } from "./object-meta.js";
import { validateObjectMetaUpdate } from "./object-meta-update.js";

const nameRegex =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const labelValueRegex =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const subdomainRegex =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe("validateObjectMeta", () => {
  const cases: Array<{ name: string; meta: unknown; namespaced?: boolean; want: string[] }> = [
    { name: "A named object in a namespace is valid", meta: { name: "web", namespace: "default" }, want: [] },
    {
      name: "A missing name asks for name or generateName",
      meta: { namespace: "default" },
      want: ["metadata.name: Required value: name or generateName is required"],
    },
    {
      name: "Missing metadata reports the name and the namespace",
      meta: undefined,
      want: [
        "metadata.name: Required value: name or generateName is required",
        "metadata.namespace: Required value",
      ],
    },
    {
      name: "An invalid generateName is checked with its trailing dash masked",
      meta: { generateName: "Web-", name: "web-x", namespace: "default" },
      want: [`metadata.generateName: Invalid value: "Web-": ${subdomainRegex}`],
    },
    {
      name: "A namespace must be a DNS label",
      meta: { name: "web", namespace: "team.a" },
      want: ['metadata.namespace: Invalid value: "team.a": must not contain dots'],
    },
    {
      name: "A namespace is forbidden on a cluster-scoped object",
      meta: { name: "node-1", namespace: "default" },
      namespaced: false,
      want: ["metadata.namespace: Forbidden: not allowed on this type"],
    },
    {
      name: "A negative generation is rejected",
      meta: { name: "web", namespace: "default", generation: -1 },
      want: ["metadata.generation: Invalid value: -1: must be greater than or equal to 0"],
    },
    {
      name: "Label keys and values are validated at metadata.labels",
      meta: { name: "web", namespace: "default", labels: { "-key": "ok", app: "web-" } },
      want: [
        `metadata.labels: Invalid value: "-key": name part ${nameRegex}`,
        `metadata.labels: Invalid value: "web-": ${labelValueRegex}`,
      ],
    },
    {
      name: "Annotation keys are qualified names in any case",
      meta: { name: "web", namespace: "default", annotations: { "Example.com/Note": "x", "bad key": "y" } },
      want: [`metadata.annotations: Invalid value: "bad key": name part ${nameRegex}`],
    },
    {
      name: "Annotations above 256 KiB in total are too long",
      meta: { name: "web", namespace: "default", annotations: { big: "x".repeat(256 * 1024) } },
      want: ["metadata.annotations: Too long: may not be more than 262144 bytes"],
    },
    {
      name: "An owner reference needs apiVersion, kind, name and uid",
      meta: { name: "web", namespace: "default", ownerReferences: [{}] },
      want: [
        'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty',
        'metadata.ownerReferences.kind: Invalid value: "": kind must not be empty',
        'metadata.ownerReferences.name: Invalid value: "": name must not be empty',
        'metadata.ownerReferences.uid: Invalid value: "": uid must not be empty',
      ],
    },
    {
      name: "An Event may not be an owner",
      meta: {
        name: "web",
        namespace: "default",
        ownerReferences: [{ apiVersion: "v1", kind: "Event", name: "e", uid: "1" }],
      },
      want: [
        'metadata.ownerReferences: Invalid value: v1.OwnerReference{APIVersion:"v1", Kind:"Event", Name:"e", UID:"1", Controller:(*bool)(nil), BlockOwnerDeletion:(*bool)(nil)}: /v1, Kind=Event is disallowed from being an owner',
      ],
    },
    {
      name: "Only one owner reference may be the controller",
      meta: {
        name: "web",
        namespace: "default",
        ownerReferences: [
          { apiVersion: "apps/v1", kind: "DaemonSet", name: "a", uid: "1", controller: true },
          { apiVersion: "apps/v1", kind: "ReplicaSet", name: "b", uid: "2", controller: true },
        ],
      },
      want: [
        'metadata.ownerReferences: Invalid value: []v1.OwnerReference{v1.OwnerReference{APIVersion:"apps/v1", Kind:"DaemonSet", Name:"a", UID:"1", Controller:(*bool)(0xc000010000), BlockOwnerDeletion:(*bool)(nil)}, v1.OwnerReference{APIVersion:"apps/v1", Kind:"ReplicaSet", Name:"b", UID:"2", Controller:(*bool)(0xc000010000), BlockOwnerDeletion:(*bool)(nil)}}: Only one reference can have Controller set to true. Found "true" in references for DaemonSet/a and ReplicaSet/b',
      ],
    },
    {
      name: "A finalizer without a domain must be a standard one",
      meta: {
        name: "web",
        namespace: "default",
        finalizers: ["kubernetes", "my-finalizer", "example.com/cleanup"],
      },
      want: [
        'metadata.finalizers[1]: Invalid value: "my-finalizer": name is neither a standard finalizer name nor is it fully qualified',
      ],
    },
    {
      name: "The orphan and foregroundDeletion finalizers conflict",
      meta: { name: "web", namespace: "default", finalizers: ["orphan", "foregroundDeletion"] },
      want: [
        'metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set',
      ],
    },
  ];

  it.each(cases)("$name", ({ meta, namespaced, want }) => {
    expect(validateObjectMeta(meta, { namespaced: namespaced ?? true }).map(fieldErrorMessage)).toEqual(want);
  });

  it("A namespace name rule can be passed for Namespaces", () => {
    expect(
      validateObjectMeta({ name: "a.b" }, { namespaced: false, validateName: nameIsDnsLabel }).map(
        fieldErrorMessage,
      ),
    ).toEqual(['metadata.name: Invalid value: "a.b": must not contain dots']);
  });
});

describe("validateLabels and validateAnnotations", () => {
  it.each([
    {
      name: "Labels given as a list are a type error",
      run: () => validateLabels([1], "metadata.labels"),
      want: [
        'metadata.labels: Invalid value: "array": metadata.labels in body must be of type object: "array"',
      ],
    },
    {
      name: "A numeric label value is a type error at its key",
      run: () => validateLabels({ app: 1 }, "metadata.labels"),
      want: [
        'metadata.labels[app]: Invalid value: "integer": metadata.labels[app] in body must be of type string: "integer"',
      ],
    },
    {
      name: "A null label value reads as the empty string, which is valid",
      run: () => validateLabels({ app: null }, "metadata.labels"),
      want: [],
    },
    {
      name: "A __proto__ label key is validated as a plain key",
      run: () => validateLabels(JSON.parse('{"__proto__": "x"}'), "metadata.labels"),
      want: [`metadata.labels: Invalid value: "__proto__": name part ${nameRegex}`],
    },
    {
      name: "Annotations given as a string are a type error",
      run: () => validateAnnotations("x", "metadata.annotations"),
      want: [
        'metadata.annotations: Invalid value: "string": metadata.annotations in body must be of type object: "string"',
      ],
    },
  ])("$name", ({ run, want }) => {
    expect(run().map(fieldErrorMessage)).toEqual(want);
  });
});

describe("validateObjectMetaUpdate", () => {
  const old = {
    name: "web",
    namespace: "default",
    uid: "u-1",
    resourceVersion: "5",
    generation: 3,
    creationTimestamp: "2024-05-01T10:00:00Z",
  };
  const cases: Array<{
    name: string;
    changes: Record<string, unknown>;
    oldChanges?: Record<string, unknown>;
    want: string[];
  }> = [
    { name: "An unchanged object is valid", changes: {}, want: [] },
    {
      name: "A new namespace is rejected",
      changes: { namespace: "prod" },
      want: ['metadata.namespace: Invalid value: "prod": field is immutable'],
    },
    {
      name: "A new creationTimestamp is rejected and printed as Go prints a time",
      changes: { creationTimestamp: "2024-05-02T10:00:00Z" },
      want: ["metadata.creationTimestamp: Invalid value: 2024-05-02 10:00:00 +0000 UTC: field is immutable"],
    },
    {
      name: "A creationTimestamp written differently but at the same second is unchanged",
      changes: { creationTimestamp: "2024-05-01T12:00:00.250+02:00" },
      want: [],
    },
    {
      name: "The same unparsable creationTimestamp text is unchanged",
      changes: { creationTimestamp: "yesterday" },
      oldChanges: { creationTimestamp: "yesterday" },
      want: [],
    },
    {
      name: "A lower generation is rejected",
      changes: { generation: 2 },
      want: ["metadata.generation: Invalid value: 2: must not be decremented"],
    },
    {
      name: "A new deletionTimestamp is rejected",
      changes: { deletionTimestamp: "2024-05-03T00:00:00Z" },
      want: ["metadata.deletionTimestamp: Invalid value: 2024-05-03 00:00:00 +0000 UTC: field is immutable"],
    },
    {
      name: "No finalizer may be added once deletion started",
      changes: { deletionTimestamp: "2024-05-03T00:00:00Z", finalizers: ["b.io/x", "a.io/y"] },
      oldChanges: { deletionTimestamp: "2024-05-03T00:00:00Z" },
      want: [
        'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"a.io/y", "b.io/x"}',
      ],
    },
  ];

  it.each(cases)("$name", ({ changes, oldChanges, want }) => {
    expect(
      validateObjectMetaUpdate({ ...old, ...changes }, { ...old, ...oldChanges }).map(fieldErrorMessage),
    ).toEqual(want);
  });
});
