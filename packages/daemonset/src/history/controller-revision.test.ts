import type { ControllerRevision, DaemonSet } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import {
  controllerRevisionName,
  maxRevision,
  newControllerRevision,
  revisionMatchesTemplate,
  rollbackTemplate,
  templatePatchData,
} from "./controller-revision.js";

function web(image = "nginx:1.27"): DaemonSet {
  return {
    metadata: {
      name: "web",
      namespace: "default",
      uid: "uid-web",
      annotations: { "deprecated.daemonset.template.generation": "1", "kubernetes.io/change-cause": "first" },
    },
    spec: {
      selector: { matchLabels: { app: "web" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: { containers: [{ name: "web", image }] },
      },
    },
  };
}

describe("controllerRevisionName", () => {
  it("joins the DaemonSet name and the hash with a dash", () => {
    expect(controllerRevisionName("fluentd", "5d8f7b9c4")).toBe("fluentd-5d8f7b9c4");
  });
});

describe("templatePatchData", () => {
  it("serialises as upstream's getPatch: the template replaced as a whole, keys sorted", () => {
    expect(JSON.stringify(templatePatchData(web()))).toBe(
      '{"spec":{"template":{"$patch":"replace","metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.27","name":"web"}]}}}}',
    );
  });

  it("does not change the DaemonSet", () => {
    const daemonSet = web();
    const before = structuredClone(daemonSet);
    templatePatchData(daemonSet);
    expect(daemonSet).toEqual(before);
  });
});

describe("newControllerRevision", () => {
  it("builds the revision upstream's snapshot creates", () => {
    expect(newControllerRevision(web(), 3, undefined)).toEqual({
      apiVersion: "apps/v1",
      kind: "ControllerRevision",
      metadata: {
        name: "web-6c8d7489d5",
        namespace: "default",
        labels: { app: "web", "controller-revision-hash": "6c8d7489d5" },
        annotations: {
          "deprecated.daemonset.template.generation": "1",
          "kubernetes.io/change-cause": "first",
        },
        ownerReferences: [
          {
            apiVersion: "apps/v1",
            kind: "DaemonSet",
            name: "web",
            uid: "uid-web",
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      data: templatePatchData(web()),
      revision: 3,
    });
  });

  it.each([
    {
      name: "names the revision with the collision-free hash",
      collisionCount: undefined,
      expected: "web-6c8d7489d5",
    },
    { name: "mixes the collision count into the name", collisionCount: 1, expected: "web-d898ff9b" },
  ])("$name", ({ collisionCount, expected }) => {
    expect(newControllerRevision(web(), 1, collisionCount).metadata?.name).toBe(expected);
  });
});

describe("revisionMatchesTemplate", () => {
  const stored = newControllerRevision(web(), 1, undefined);
  it.each([
    { name: "matches the DaemonSet it was made from", revision: stored, daemonSet: web(), expected: true },
    {
      name: "matches stored data whose keys come in another order",
      revision: {
        ...stored,
        data: {
          spec: {
            template: {
              spec: { containers: [{ name: "web", image: "nginx:1.27" }] },
              metadata: { labels: { app: "web" } },
              $patch: "replace",
            },
          },
        },
      },
      daemonSet: web(),
      expected: true,
    },
    {
      name: "does not match a changed image",
      revision: stored,
      daemonSet: web("nginx:1.28"),
      expected: false,
    },
    {
      name: "does not match data without the $patch marker",
      revision: { ...stored, data: { spec: { template: web().spec?.template } } },
      daemonSet: web(),
      expected: false,
    },
    {
      name: "does not match a revision without data",
      revision: { revision: 1 },
      daemonSet: web(),
      expected: false,
    },
  ])("$name", ({ revision, daemonSet, expected }) => {
    expect(revisionMatchesTemplate(revision as ControllerRevision, daemonSet)).toBe(expected);
  });
});

describe("maxRevision", () => {
  it.each([
    { name: "is 0 without revisions", revisions: [], expected: 0 },
    {
      name: "is the highest number in any order",
      revisions: [{ revision: 2 }, { revision: 7 }, { revision: 3 }],
      expected: 7,
    },
  ])("$name", ({ revisions, expected }) => {
    expect(maxRevision(revisions)).toBe(expected);
  });
});

describe("rollbackTemplate", () => {
  it("gives back the stored template without the $patch marker", () => {
    expect(rollbackTemplate(newControllerRevision(web("nginx:1.25"), 1, undefined))).toEqual(
      web("nginx:1.25").spec?.template,
    );
  });

  it("returns a copy that can be changed freely", () => {
    const revision = newControllerRevision(web(), 1, undefined);
    const before = structuredClone(revision);
    const template = rollbackTemplate(revision);
    template.metadata = {};
    expect(revision).toEqual(before);
  });

  it.each([
    { name: "data without spec", data: { other: 1 } },
    { name: "data whose template is not an object", data: { spec: { template: "x" } } },
    { name: "no data at all", data: undefined },
  ])("rejects $name", ({ data }) => {
    const revision: ControllerRevision = {
      metadata: { name: "web-abc" },
      revision: 1,
      ...(data ? { data } : {}),
    };
    expect(() => rollbackTemplate(revision)).toThrow(
      'ControllerRevision "web-abc" has no spec.template in its data',
    );
  });
});
