import { describe, expect, it } from "vitest";
import { fieldErrorMessage } from "../errors/index.js";
import { validateLease } from "./lease.js";
import { assertValidObject } from "./validate-object.js";

function lease(spec: unknown, metadata: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: "coordination.k8s.io/v1",
    kind: "Lease",
    metadata: { name: "node-1", namespace: "kube-node-lease", ...metadata },
    spec,
  };
}

describe("validateLease", () => {
  const cases: Array<{ name: string; lease: unknown; want: string[] }> = [
    {
      name: "A kubelet's node lease is valid",
      lease: lease({
        holderIdentity: "node-1",
        leaseDurationSeconds: 40,
        renewTime: "2026-11-29T19:21:27.685000Z",
      }),
      want: [],
    },
    { name: "A lease without a spec is valid", lease: lease(undefined), want: [] },
    {
      name: "A zero lease duration is rejected with the value",
      lease: lease({ leaseDurationSeconds: 0 }),
      want: ["spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0"],
    },
    {
      name: "A negative lease transition count is rejected",
      lease: lease({ leaseTransitions: -1 }),
      want: ["spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0"],
    },
    {
      name: "A zero lease transition count is valid",
      lease: lease({ leaseTransitions: 0 }),
      want: [],
    },
    {
      name: "An unknown strategy without a slash is not supported, at upstream's doubled path",
      lease: lease({ strategy: "Newest" }),
      want: [
        'spec.strategy.strategy: Unsupported value: "Newest": supported values: "OldestEmulationVersion"',
      ],
    },
    {
      name: "A vendor strategy with a slash must be a qualified name",
      lease: lease({ strategy: "example.com/-bad" }),
      want: [
        "spec.strategy.strategy: Invalid value: \"example.com/-bad\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    },
    {
      name: "A preferred holder without a strategy is forbidden",
      lease: lease({ preferredHolder: "node-2" }),
      want: ["spec.preferredHolder: Forbidden: may only be specified if `strategy` is defined"],
    },
    {
      name: "A preferred holder with a known strategy is valid",
      lease: lease({ preferredHolder: "node-2", strategy: "OldestEmulationVersion" }),
      want: [],
    },
    {
      name: "A lease outside a namespace is rejected by the metadata rules",
      lease: lease({}, { namespace: undefined }),
      want: ["metadata.namespace: Required value"],
    },
    {
      name: "Fields of the wrong JSON type are reported once each",
      lease: lease({ holderIdentity: 7, leaseDurationSeconds: "40" }),
      want: [
        'spec.holderIdentity: Invalid value: "integer": spec.holderIdentity in body must be of type string: "integer"',
        'spec.leaseDurationSeconds: Invalid value: "string": spec.leaseDurationSeconds in body must be of type integer: "string"',
      ],
    },
    {
      name: "A spec that is not an object is a type error",
      lease: lease([]),
      want: ['spec: Invalid value: "array": spec in body must be of type object: "array"'],
    },
  ];

  it.each(cases)("$name", ({ lease: value, want }) => {
    expect(validateLease(value).map(fieldErrorMessage)).toEqual(want);
  });

  it("applies the metadata update rules and the spec rules on update", () => {
    const old = lease({ leaseDurationSeconds: 40 }, { resourceVersion: "5", uid: "u-1" });
    const updated = lease({ leaseDurationSeconds: -3 }, { resourceVersion: "5", uid: "u-2" });
    expect(validateLease(updated, old).map(fieldErrorMessage)).toEqual([
      'metadata.uid: Invalid value: "u-2": field is immutable',
      "spec.leaseDurationSeconds: Invalid value: -3: must be greater than 0",
    ]);
  });

  it("makes assertValidObject throw the API server's Invalid error for leases", () => {
    expect(() => assertValidObject(lease({ leaseDurationSeconds: 0 }))).toThrow(
      'Lease.coordination.k8s.io "node-1" is invalid: spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
    );
  });
});
