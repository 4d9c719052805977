import type { ControllerRevision, DaemonSet } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import {
  controllerRevisionName,
  maxRevision,
  newControllerRevision,
  revisionDataText,
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

function withTemplate(template: unknown): DaemonSet {
  return { metadata: { name: "web" }, spec: { template } } as DaemonSet;
}

/** The nginx template as kube-apiserver stores it (defaults included). */
const storedNginxTemplate = {
  metadata: { labels: { app: "nginx" } },
  spec: {
    containers: [
      {
        name: "nginx",
        image: "nginx:1.25",
        ports: [{ containerPort: 80, protocol: "TCP" }],
        resources: {},
        terminationMessagePath: "/dev/termination-log",
        terminationMessagePolicy: "File",
        imagePullPolicy: "IfNotPresent",
      },
    ],
    restartPolicy: "Always",
    terminationGracePeriodSeconds: 30,
    dnsPolicy: "ClusterFirst",
    securityContext: {},
    schedulerName: "default-scheduler",
  },
};

describe("templatePatchData", () => {
  it.each([
    {
      name: "writes a stored template as upstream's getPatch bytes: keys sorted, $patch first, creationTimestamp null",
      template: storedNginxTemplate,
      expected:
        '{"spec":{"template":{"$patch":"replace","metadata":{"creationTimestamp":null,"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.25","imagePullPolicy":"IfNotPresent","name":"nginx","ports":[{"containerPort":80,"protocol":"TCP"}],"resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30}}}}',
    },
    {
      name: "adds the resources struct Go writes in every container, init containers included",
      template: {
        metadata: { labels: { app: "web" } },
        spec: {
          initContainers: [{ name: "init", image: "busybox" }],
          containers: [{ name: "web", image: "nginx:1.27", resources: { limits: { cpu: "1" } } }],
        },
      },
      expected:
        '{"spec":{"template":{"$patch":"replace","metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.27","name":"web","resources":{"limits":{"cpu":"1"}}}],"initContainers":[{"image":"busybox","name":"init","resources":{}}]}}}}',
    },
    {
      name: "writes the metadata Go always encodes when the template has none",
      template: { spec: { containers: [{ name: "web", image: "nginx" }] } },
      expected:
        '{"spec":{"template":{"$patch":"replace","metadata":{"creationTimestamp":null},"spec":{"containers":[{"image":"nginx","name":"web","resources":{}}]}}}}',
    },
    {
      name: "keeps annotations before creationTimestamp, as Go's sorted map keys put them",
      template: {
        metadata: { labels: { app: "web" }, annotations: { note: "x" } },
        spec: { containers: [{ name: "web", image: "nginx", resources: {} }] },
      },
      expected:
        '{"spec":{"template":{"$patch":"replace","metadata":{"annotations":{"note":"x"},"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx","name":"web","resources":{}}]}}}}',
    },
    {
      name: "keeps a creationTimestamp the template carries",
      template: {
        metadata: { creationTimestamp: "2024-01-01T00:00:00Z" },
        spec: { containers: [{ name: "web", image: "nginx", resources: {} }] },
      },
      expected:
        '{"spec":{"template":{"$patch":"replace","metadata":{"creationTimestamp":"2024-01-01T00:00:00Z"},"spec":{"containers":[{"image":"nginx","name":"web","resources":{}}]}}}}',
    },
    {
      name: "keeps a __proto__ key of the template as plain data",
      template: JSON.parse(
        '{"metadata":{"__proto__":{"x":1}},"spec":{"containers":[{"name":"web","image":"nginx","resources":{}}]}}',
      ),
      expected:
        '{"spec":{"template":{"$patch":"replace","metadata":{"__proto__":{"x":1},"creationTimestamp":null},"spec":{"containers":[{"image":"nginx","name":"web","resources":{}}]}}}}',
    },
  ])("$name", ({ template, expected }) => {
    expect(JSON.stringify(templatePatchData(withTemplate(template)))).toBe(expected);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("does not change the DaemonSet", () => {
    const daemonSet = web();
    const before = structuredClone(daemonSet);
    templatePatchData(daemonSet);
    expect(daemonSet).toEqual(before);
  });
});

describe("revisionDataText", () => {
  it.each([
    {
      name: "sorts keys at every level",
      data: { b: 1, a: { d: 2, c: 3 } },
      expected: '{"a":{"c":3,"d":2},"b":1}',
    },
    {
      name: "leaves out null members but keeps null items",
      data: { metadata: { creationTimestamp: null, labels: { app: "web" } }, list: [null] },
      expected: '{"list":[null],"metadata":{"labels":{"app":"web"}}}',
    },
    { name: "writes missing data as null", data: undefined, expected: "null" },
  ])("$name", ({ data, expected }) => {
    expect(revisionDataText(data)).toBe(expected);
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
              spec: { containers: [{ resources: {}, name: "web", image: "nginx:1.27" }] },
              metadata: { labels: { app: "web" }, creationTimestamp: null },
              $patch: "replace",
            },
          },
        },
      },
      daemonSet: web(),
      expected: true,
    },
    {
      name: "matches data an older kubesim wrote, without creationTimestamp null",
      revision: {
        ...stored,
        data: {
          spec: {
            template: {
              $patch: "replace",
              metadata: { labels: { app: "web" } },
              spec: { containers: [{ image: "nginx:1.27", name: "web", resources: {} }] },
            },
          },
        },
      },
      daemonSet: web(),
      expected: true,
    },
    {
      name: "does not match data without the resources Go writes",
      revision: {
        ...stored,
        data: {
          spec: {
            template: {
              $patch: "replace",
              metadata: { creationTimestamp: null, labels: { app: "web" } },
              spec: { containers: [{ image: "nginx:1.27", name: "web" }] },
            },
          },
        },
      },
      daemonSet: web(),
      expected: false,
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
  it.each([
    {
      name: "gives back the stored template without the $patch marker and the null creationTimestamp",
      data: templatePatchData(withTemplate(storedNginxTemplate)),
      expected: storedNginxTemplate,
    },
    {
      name: "gives back a template without metadata as Go reads it: an empty metadata",
      data: { spec: { template: { $patch: "replace", metadata: { creationTimestamp: null }, spec: {} } } },
      expected: { metadata: {}, spec: {} },
    },
    {
      name: "keeps a creationTimestamp that is set",
      data: { spec: { template: { metadata: { creationTimestamp: "2024-01-01T00:00:00Z" } } } },
      expected: { metadata: { creationTimestamp: "2024-01-01T00:00:00Z" } },
    },
  ])("$name", ({ data, expected }) => {
    expect(rollbackTemplate({ metadata: { name: "web-abc" }, revision: 1, data })).toEqual(expected);
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
