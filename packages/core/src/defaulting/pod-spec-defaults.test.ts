import { describe, expect, it } from "vitest";
import type { PodSpec } from "../types/index.js";
import { defaultPodSpec } from "./pod-spec-defaults.js";

const templateBase = {
  dnsPolicy: "ClusterFirst",
  restartPolicy: "Always",
  schedulerName: "default-scheduler",
  securityContext: {},
  terminationGracePeriodSeconds: 30,
};

function defaultedContainer(container: Record<string, unknown>): unknown {
  const spec = defaultPodSpec({ containers: [container] } as unknown as PodSpec, { template: true });
  return spec.containers[0];
}

describe("defaultPodSpec", () => {
  it("with template true writes only the template defaults", () => {
    const spec = defaultPodSpec(
      {
        hostNetwork: true,
        containers: [
          { name: "a", image: "a:1", ports: [{ containerPort: 80 }], resources: { limits: { cpu: "1" } } },
        ],
      },
      { template: true },
    );
    expect(spec).toStrictEqual({
      ...templateBase,
      hostNetwork: true,
      containers: [
        {
          name: "a",
          image: "a:1",
          imagePullPolicy: "IfNotPresent",
          ports: [{ containerPort: 80, protocol: "TCP" }],
          resources: { limits: { cpu: "1" } },
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
        },
      ],
    });
  });

  it("with template false adds the pod-only defaults and the spec-level admission changes", () => {
    const spec = defaultPodSpec(
      {
        hostNetwork: true,
        containers: [
          { name: "a", image: "a:1", ports: [{ containerPort: 80 }], resources: { limits: { cpu: "1" } } },
        ],
      },
      { template: false },
    );
    expect(spec).toStrictEqual({
      ...templateBase,
      hostNetwork: true,
      enableServiceLinks: true,
      priority: 0,
      preemptionPolicy: "PreemptLowerPriority",
      serviceAccount: "default",
      serviceAccountName: "default",
      tolerations: [
        {
          key: "node.kubernetes.io/not-ready",
          operator: "Exists",
          effect: "NoExecute",
          tolerationSeconds: 300,
        },
        {
          key: "node.kubernetes.io/unreachable",
          operator: "Exists",
          effect: "NoExecute",
          tolerationSeconds: 300,
        },
      ],
      containers: [
        {
          name: "a",
          image: "a:1",
          imagePullPolicy: "IfNotPresent",
          ports: [{ containerPort: 80, hostPort: 80, protocol: "TCP" }],
          resources: { limits: { cpu: "1" }, requests: { cpu: "1" } },
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
        },
      ],
    });
  });

  it("keeps the deprecated serviceAccount alias in step with serviceAccountName in templates", () => {
    expect(defaultPodSpec({ containers: [], serviceAccount: "agent" }, { template: true })).toStrictEqual({
      ...templateBase,
      containers: [],
      serviceAccount: "agent",
      serviceAccountName: "agent",
    });
  });

  it.each([
    {
      name: "Probes get timing defaults and HTTP probes get path and scheme.",
      container: { name: "a", image: "a:1", livenessProbe: { httpGet: { port: 8080 } } },
      field: "livenessProbe",
      expected: {
        httpGet: { port: 8080, path: "/", scheme: "HTTP" },
        timeoutSeconds: 1,
        periodSeconds: 10,
        successThreshold: 1,
        failureThreshold: 3,
      },
    },
    {
      name: "Probe timings the user set are kept, and zero counts as unset.",
      container: {
        name: "a",
        image: "a:1",
        readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5, timeoutSeconds: 0 },
      },
      field: "readinessProbe",
      expected: {
        tcpSocket: { port: 80 },
        periodSeconds: 5,
        timeoutSeconds: 1,
        successThreshold: 1,
        failureThreshold: 3,
      },
    },
    {
      name: "gRPC probes get an empty service name.",
      container: { name: "a", image: "a:1", startupProbe: { grpc: { port: 9000 } } },
      field: "startupProbe",
      expected: {
        grpc: { port: 9000, service: "" },
        timeoutSeconds: 1,
        periodSeconds: 10,
        successThreshold: 1,
        failureThreshold: 3,
      },
    },
    {
      name: "HTTP lifecycle hooks get path and scheme.",
      container: {
        name: "a",
        image: "a:1",
        lifecycle: { preStop: { httpGet: { port: 80, path: "/stop" } } },
      },
      field: "lifecycle",
      expected: { preStop: { httpGet: { port: 80, path: "/stop", scheme: "HTTP" } } },
    },
    {
      name: "Downward API env references get apiVersion v1.",
      container: {
        name: "a",
        image: "a:1",
        env: [
          { name: "NODE", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } },
          { name: "X", value: "1" },
        ],
      },
      field: "env",
      expected: [
        { name: "NODE", valueFrom: { fieldRef: { fieldPath: "spec.nodeName", apiVersion: "v1" } } },
        { name: "X", value: "1" },
      ],
    },
    {
      name: "Resource quantities are stored in canonical form.",
      container: {
        name: "a",
        image: "a:1",
        resources: { limits: { cpu: "0.5", memory: "1024Mi" }, requests: { cpu: 0.25, memory: "1e3" } },
      },
      field: "resources",
      expected: { limits: { cpu: "500m", memory: "1Gi" }, requests: { cpu: "250m", memory: "1e3" } },
    },
    {
      name: "Resource quantities finer than a milli-unit are rounded up.",
      container: { name: "a", image: "a:1", resources: { requests: { cpu: "100u", memory: "invalid" } } },
      field: "resources",
      expected: { requests: { cpu: "1m", memory: "invalid" } },
    },
    {
      name: "An explicit imagePullPolicy is kept.",
      container: { name: "a", image: "a", imagePullPolicy: "Never" },
      field: "imagePullPolicy",
      expected: "Never",
    },
    {
      name: "A container without an image gets IfNotPresent.",
      container: { name: "a" },
      field: "imagePullPolicy",
      expected: "IfNotPresent",
    },
  ])("$name", ({ container, field, expected }) => {
    expect((defaultedContainer(container) as Record<string, unknown>)[field]).toStrictEqual(expected);
  });

  it.each([
    {
      name: "A volume without a source becomes an emptyDir.",
      volume: { name: "v" },
      expected: { name: "v", emptyDir: {} },
    },
    {
      name: "hostPath volumes get an empty type.",
      volume: { name: "v", hostPath: { path: "/var/log" } },
      expected: { name: "v", hostPath: { path: "/var/log", type: "" } },
    },
    {
      name: "Secret volumes get mode 0644.",
      volume: { name: "v", secret: { secretName: "s" } },
      expected: { name: "v", secret: { secretName: "s", defaultMode: 420 } },
    },
    {
      name: "ConfigMap volumes keep a set mode.",
      volume: { name: "v", configMap: { name: "c", defaultMode: 256 } },
      expected: { name: "v", configMap: { name: "c", defaultMode: 256 } },
    },
    {
      name: "Downward API volumes get mode 0644 and fieldRef apiVersion v1.",
      volume: {
        name: "v",
        downwardAPI: { items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels" } }] },
      },
      expected: {
        name: "v",
        downwardAPI: {
          defaultMode: 420,
          items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels", apiVersion: "v1" } }],
        },
      },
    },
    {
      name: "Projected volumes get mode 0644 and a one-hour token lifetime.",
      volume: {
        name: "v",
        projected: { sources: [{ serviceAccountToken: { path: "token" } }, { configMap: { name: "ca" } }] },
      },
      expected: {
        name: "v",
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { path: "token", expirationSeconds: 3600 } },
            { configMap: { name: "ca" } },
          ],
        },
      },
    },
    {
      name: "Generic ephemeral volumes get volumeMode Filesystem.",
      volume: { name: "v", ephemeral: { volumeClaimTemplate: { spec: { accessModes: ["ReadWriteOnce"] } } } },
      expected: {
        name: "v",
        ephemeral: {
          volumeClaimTemplate: { spec: { accessModes: ["ReadWriteOnce"], volumeMode: "Filesystem" } },
        },
      },
    },
    {
      name: "RBD volumes get pool, user and keyring.",
      volume: { name: "v", rbd: { monitors: ["m"], image: "i" } },
      expected: {
        name: "v",
        rbd: { monitors: ["m"], image: "i", pool: "rbd", user: "admin", keyring: "/etc/ceph/keyring" },
      },
    },
    {
      name: "Azure Disk volumes get caching, file system, read-only and kind.",
      volume: { name: "v", azureDisk: { diskName: "d", diskURI: "u" } },
      expected: {
        name: "v",
        azureDisk: {
          diskName: "d",
          diskURI: "u",
          cachingMode: "ReadWrite",
          fsType: "ext4",
          readOnly: false,
          kind: "Shared",
        },
      },
    },
    {
      name: "iSCSI and ScaleIO volumes get their declared defaults.",
      volume: {
        name: "v",
        iscsi: { targetPortal: "t", iqn: "q", lun: 0 },
        scaleIO: { gateway: "g", system: "s" },
      },
      expected: {
        name: "v",
        iscsi: { targetPortal: "t", iqn: "q", lun: 0, iscsiInterface: "default" },
        scaleIO: { gateway: "g", system: "s", storageMode: "ThinProvisioned", fsType: "xfs" },
      },
    },
  ])("$name", ({ volume, expected }) => {
    const spec = defaultPodSpec({ containers: [], volumes: [volume] } as PodSpec, { template: true });
    expect(spec.volumes).toStrictEqual([expected]);
  });
});
