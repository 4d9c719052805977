import { describe, expect, it } from "vitest";
import type { DaemonSet } from "../types/index.js";
import { defaultDaemonSet } from "./daemonset-defaults.js";

// The request body `kubectl create -f ds.yaml` sent (transcript 02-create-f.txt).
const nginxRequestBody = {
  apiVersion: "apps/v1",
  kind: "DaemonSet",
  metadata: { labels: { app: "nginx" }, name: "nginx", namespace: "default" },
  spec: {
    selector: { matchLabels: { app: "nginx" } },
    template: {
      metadata: { labels: { app: "nginx" } },
      spec: { containers: [{ image: "nginx:1.25", name: "nginx", ports: [{ containerPort: 80 }] }] },
    },
  },
} satisfies DaemonSet as DaemonSet;

// `spec` of `kubectl get ds nginx -o yaml` from a v1.32 API server (transcript 07-get-ds-yaml.txt).
const nginxServerSpec = {
  revisionHistoryLimit: 10,
  selector: { matchLabels: { app: "nginx" } },
  template: {
    metadata: { labels: { app: "nginx" } },
    spec: {
      containers: [
        {
          image: "nginx:1.25",
          imagePullPolicy: "IfNotPresent",
          name: "nginx",
          ports: [{ containerPort: 80, protocol: "TCP" }],
          resources: {},
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
        },
      ],
      dnsPolicy: "ClusterFirst",
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    },
  },
  updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: "RollingUpdate" },
};

function daemonSetWithSpec(spec: Record<string, unknown>): DaemonSet {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: "web" },
    spec,
  } as unknown as DaemonSet;
}

describe("defaultDaemonSet", () => {
  it("defaults the transcript's nginx DaemonSet to exactly the spec the API server returned", () => {
    const defaulted = defaultDaemonSet(nginxRequestBody);
    expect(defaulted.spec).toStrictEqual(nginxServerSpec);
  });

  it("gives the created nginx DaemonSet the server's metadata additions and a zero status", () => {
    const defaulted = defaultDaemonSet(nginxRequestBody);
    expect(defaulted.metadata).toStrictEqual({
      annotations: { "deprecated.daemonset.template.generation": "1" },
      generation: 1,
      labels: { app: "nginx" },
      name: "nginx",
      namespace: "default",
    });
    expect(defaulted.status).toStrictEqual({
      currentNumberScheduled: 0,
      desiredNumberScheduled: 0,
      numberMisscheduled: 0,
      numberReady: 0,
    });
  });

  it.each([
    {
      name: "An empty update strategy becomes RollingUpdate with maxUnavailable 1 and maxSurge 0.",
      updateStrategy: {},
      expected: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    },
    {
      name: "An OnDelete strategy gets no rollingUpdate block.",
      updateStrategy: { type: "OnDelete" },
      expected: { type: "OnDelete" },
    },
    {
      name: "A user-set maxSurge is kept and only maxUnavailable is defaulted.",
      updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1 } },
      expected: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    },
    {
      name: "User-set percentages are kept as strings.",
      updateStrategy: { rollingUpdate: { maxSurge: "10%", maxUnavailable: 0 } },
      expected: { type: "RollingUpdate", rollingUpdate: { maxSurge: "10%", maxUnavailable: 0 } },
    },
    {
      name: "An unknown strategy type is left for validation and gets no rollingUpdate block.",
      updateStrategy: { type: "Recreate" },
      expected: { type: "Recreate" },
    },
  ])("$name", ({ updateStrategy, expected }) => {
    const defaulted = defaultDaemonSet(daemonSetWithSpec({ updateStrategy }));
    expect(defaulted.spec?.updateStrategy).toStrictEqual(expected);
  });

  it.each([
    { name: "An unset revisionHistoryLimit becomes 10.", spec: {}, expected: 10 },
    { name: "A revisionHistoryLimit of 0 is kept.", spec: { revisionHistoryLimit: 0 }, expected: 0 },
    { name: "A revisionHistoryLimit of 3 is kept.", spec: { revisionHistoryLimit: 3 }, expected: 3 },
  ])("$name", ({ spec, expected }) => {
    expect(defaultDaemonSet(daemonSetWithSpec(spec)).spec?.revisionHistoryLimit).toBe(expected);
  });

  it("does not write pod-only defaults into the template", () => {
    const defaulted = defaultDaemonSet(
      daemonSetWithSpec({
        template: {
          spec: {
            hostNetwork: true,
            containers: [
              {
                name: "agent",
                image: "agent:1",
                ports: [{ containerPort: 9100 }],
                resources: { limits: { cpu: "1" } },
              },
            ],
          },
        },
      }),
    );
    expect(defaulted.spec?.template.spec).toStrictEqual({
      hostNetwork: true,
      containers: [
        {
          name: "agent",
          image: "agent:1",
          imagePullPolicy: "IfNotPresent",
          ports: [{ containerPort: 9100, protocol: "TCP" }],
          resources: { limits: { cpu: "1" } },
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
        },
      ],
      dnsPolicy: "ClusterFirst",
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
  });

  it("creates the spec, template and pod spec when the manifest has none, as Go allocates them", () => {
    const empty: DaemonSet = { apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "empty" } };
    const defaulted = defaultDaemonSet(empty);
    expect(defaulted.spec).toStrictEqual({
      revisionHistoryLimit: 10,
      template: {
        spec: {
          dnsPolicy: "ClusterFirst",
          restartPolicy: "Always",
          schedulerName: "default-scheduler",
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
      updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: "RollingUpdate" },
    });
  });

  it.each([
    { name: "A sent template generation of 5 is kept.", sent: "5", expected: "5" },
    { name: "A sent template generation of 0 is raised to 1.", sent: "0", expected: "1" },
    { name: "A negative sent template generation is raised to 1.", sent: "-4", expected: "1" },
    { name: "A sent template generation with a plus sign is normalized.", sent: "+007", expected: "7" },
    {
      name: "A sent template generation that is not an integer is left for the caller to reject.",
      sent: "two",
      expected: "two",
    },
  ])("$name", ({ sent, expected }) => {
    const defaulted = defaultDaemonSet({
      ...daemonSetWithSpec({}),
      metadata: { name: "web", annotations: { "deprecated.daemonset.template.generation": sent } },
    });
    expect(defaulted.metadata?.annotations).toStrictEqual({
      "deprecated.daemonset.template.generation": expected,
    });
  });

  it("replaces a client-sent status on create", () => {
    const defaulted = defaultDaemonSet({
      ...daemonSetWithSpec({}),
      status: { currentNumberScheduled: 7, desiredNumberScheduled: 7, numberMisscheduled: 1, numberReady: 3 },
    });
    expect(defaulted.status).toStrictEqual({
      currentNumberScheduled: 0,
      desiredNumberScheduled: 0,
      numberMisscheduled: 0,
      numberReady: 0,
    });
  });

  it("leaves status, generation and annotations alone on update", () => {
    const daemonSet = {
      ...daemonSetWithSpec({}),
      metadata: {
        name: "web",
        generation: 4,
        annotations: { "deprecated.daemonset.template.generation": "3" },
      },
      status: { currentNumberScheduled: 2, desiredNumberScheduled: 2, numberMisscheduled: 0, numberReady: 2 },
    };
    const defaulted = defaultDaemonSet(daemonSet, { operation: "update" });
    expect(defaulted.metadata).toStrictEqual(daemonSet.metadata);
    expect(defaulted.status).toStrictEqual(daemonSet.status);
    expect(defaulted.spec?.revisionHistoryLimit).toBe(10);
  });

  it("does not modify its input", () => {
    const input = structuredClone(nginxRequestBody);
    defaultDaemonSet(input);
    expect(input).toStrictEqual(nginxRequestBody);
  });
});

describe("defaultDaemonSet drops the status fields Go's JSON encoding omits at zero", () => {
  const counters = {
    currentNumberScheduled: 0,
    numberMisscheduled: 0,
    desiredNumberScheduled: 0,
    numberReady: 0,
  };
  it.each([
    {
      name: "omitempty counters at 0 and empty conditions disappear, the four required counters stay",
      status: {
        ...counters,
        observedGeneration: 0,
        updatedNumberScheduled: 0,
        numberAvailable: 0,
        numberUnavailable: 0,
        conditions: [],
      },
      expected: counters,
    },
    {
      name: "non-zero omitempty counters stay",
      status: { ...counters, observedGeneration: 2, numberAvailable: 3, numberUnavailable: 1 },
      expected: { ...counters, observedGeneration: 2, numberAvailable: 3, numberUnavailable: 1 },
    },
    {
      name: "collisionCount 0 stays because it is a pointer",
      status: { ...counters, collisionCount: 0 },
      expected: { ...counters, collisionCount: 0 },
    },
  ])("$name", ({ status, expected }) => {
    const daemonSet = { ...nginxRequestBody, status } as DaemonSet;
    expect(defaultDaemonSet(daemonSet, { operation: "update" }).status).toEqual(expected);
  });
});
