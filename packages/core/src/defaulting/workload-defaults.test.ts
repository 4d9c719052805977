import { describe, expect, it } from "vitest";
import type { Deployment, ReplicaSet, Service } from "../types/index.js";
import { defaultService } from "./service-defaults.js";
import { defaultDeployment, defaultReplicaSet } from "./workload-defaults.js";

const templateSpec = {
  containers: [],
  dnsPolicy: "ClusterFirst",
  restartPolicy: "Always",
  schedulerName: "default-scheduler",
  securityContext: {},
  terminationGracePeriodSeconds: 30,
};

describe("defaultDeployment", () => {
  it("defaults a new Deployment as the API server does", () => {
    const deployment: Deployment = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web" },
      spec: { selector: { matchLabels: { app: "web" } }, template: { spec: { containers: [] } } },
    };
    expect(defaultDeployment(deployment)).toStrictEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", generation: 1 },
      spec: {
        progressDeadlineSeconds: 600,
        replicas: 1,
        revisionHistoryLimit: 10,
        selector: { matchLabels: { app: "web" } },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
        template: { spec: templateSpec },
      },
      status: {},
    });
  });

  it("gives a Recreate strategy no rollingUpdate block and keeps replicas 0", () => {
    const defaulted = defaultDeployment({
      spec: { replicas: 0, strategy: { type: "Recreate" } },
    } as Deployment);
    expect(defaulted.spec?.strategy).toStrictEqual({ type: "Recreate" });
    expect(defaulted.spec?.replicas).toBe(0);
  });
});

describe("defaultReplicaSet", () => {
  it("defaults a new ReplicaSet as the API server does", () => {
    const replicaSet = {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name: "web" },
      spec: { template: { spec: { containers: [] } } },
    };
    expect(defaultReplicaSet(replicaSet as unknown as ReplicaSet)).toStrictEqual({
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name: "web", generation: 1 },
      spec: { replicas: 1, template: { spec: templateSpec } },
      status: { replicas: 0 },
    });
  });
});

describe("defaultService", () => {
  it.each([
    {
      name: "A plain service becomes a ClusterIP service with TCP ports targeting the same port.",
      spec: { ports: [{ port: 80 }, { port: 53, protocol: "UDP", targetPort: "dns" }] },
      expected: {
        internalTrafficPolicy: "Cluster",
        ports: [
          { port: 80, protocol: "TCP", targetPort: 80 },
          { port: 53, protocol: "UDP", targetPort: "dns" },
        ],
        sessionAffinity: "None",
        type: "ClusterIP",
      },
    },
    {
      name: "A NodePort service gets the Cluster external traffic policy.",
      spec: { type: "NodePort", ports: [{ port: 80, targetPort: 0 }] },
      expected: {
        externalTrafficPolicy: "Cluster",
        internalTrafficPolicy: "Cluster",
        ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
        sessionAffinity: "None",
        type: "NodePort",
      },
    },
    {
      name: "A LoadBalancer service also allocates node ports by default.",
      spec: { type: "LoadBalancer" },
      expected: {
        allocateLoadBalancerNodePorts: true,
        externalTrafficPolicy: "Cluster",
        internalTrafficPolicy: "Cluster",
        sessionAffinity: "None",
        type: "LoadBalancer",
      },
    },
    {
      name: "ClientIP affinity gets a three-hour timeout.",
      spec: { sessionAffinity: "ClientIP" },
      expected: {
        internalTrafficPolicy: "Cluster",
        sessionAffinity: "ClientIP",
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
        type: "ClusterIP",
      },
    },
    {
      name: "An ExternalName service gets no traffic policies.",
      spec: {
        type: "ExternalName",
        externalName: "example.com",
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 5 } },
      },
      expected: { externalName: "example.com", sessionAffinity: "None", type: "ExternalName" },
    },
  ])("$name", ({ spec, expected }) => {
    expect(
      defaultService({ apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec } as Service).spec,
    ).toStrictEqual(expected);
  });
});
