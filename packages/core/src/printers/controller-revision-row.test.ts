import type { ControllerRevision } from "kubernetes-types/apps/v1";
import type { OwnerReference } from "kubernetes-types/meta/v1";
import { describe, expect, it } from "vitest";
import { KubesimError } from "../errors/index.js";
import { controllerRevisionCells } from "./controller-revision-row.js";

const now = new Date("2026-11-29T19:21:30Z");

function revision(ownerReferences?: Partial<OwnerReference>[]): ControllerRevision {
  return {
    apiVersion: "apps/v1",
    kind: "ControllerRevision",
    metadata: {
      name: "fluentd-6b8f4c9d7",
      creationTimestamp: "2026-11-29T19:20:30Z",
      ...(ownerReferences === undefined ? {} : { ownerReferences: ownerReferences as OwnerReference[] }),
    },
    revision: 2,
  };
}
const owner = (fields: Partial<OwnerReference>): Partial<OwnerReference> => ({
  name: "fluentd",
  uid: "u",
  ...fields,
});

describe("controllerRevisionCells", () => {
  it("prints NAME, CONTROLLER, REVISION as a number, and AGE", () => {
    expect(
      controllerRevisionCells(
        revision([owner({ apiVersion: "apps/v1", kind: "DaemonSet", controller: true })]),
        now,
      ),
    ).toEqual(["fluentd-6b8f4c9d7", "daemonset.apps/fluentd", 2, "60s"]);
  });

  it.each([
    { name: "no owner references print <none>", owners: undefined, expected: "<none>" },
    {
      name: "owners that are not the controller print <none>",
      owners: [owner({ apiVersion: "apps/v1", kind: "DaemonSet" })],
      expected: "<none>",
    },
    {
      name: "the first controller reference is used",
      owners: [
        owner({ apiVersion: "v1", kind: "Pod", name: "other" }),
        owner({ apiVersion: "apps/v1", kind: "StatefulSet", name: "web", controller: true }),
      ],
      expected: "statefulset.apps/web",
    },
    {
      name: "a core-group controller prints kind/name",
      owners: [owner({ apiVersion: "v1", kind: "ReplicationController", controller: true })],
      expected: "replicationcontroller/fluentd",
    },
    {
      name: "a controller without group or kind prints the name alone",
      owners: [owner({ apiVersion: "", kind: "", controller: true })],
      expected: "fluentd",
    },
  ])("$name", ({ owners, expected }) => {
    expect(controllerRevisionCells(revision(owners), now)[1]).toBe(expected);
  });

  it("fails like the API server on a controller reference with a malformed apiVersion", () => {
    const input = revision([owner({ apiVersion: "a/b/c", kind: "DaemonSet", controller: true })]);
    expect(() => controllerRevisionCells(input, now)).toThrowError(KubesimError);
    expect(() => controllerRevisionCells(input, now)).toThrowError("unexpected GroupVersion string: a/b/c");
  });
});
