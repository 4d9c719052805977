import { describe, expect, it } from "vitest";
import type { Pod } from "../types/index.js";
import { defaultPod } from "./pod-defaults.js";

function pod(spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: "web" }): Pod {
  return { apiVersion: "v1", kind: "Pod", metadata, spec } as unknown as Pod;
}

const container = { name: "app", image: "nginx:1.25" };

describe("defaultPod", () => {
  it("defaults a minimal pod to exactly what the API server stores on create", () => {
    expect(defaultPod(pod({ containers: [container] }))).toStrictEqual({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "web" },
      spec: {
        containers: [
          {
            name: "app",
            image: "nginx:1.25",
            imagePullPolicy: "IfNotPresent",
            resources: {},
            terminationMessagePath: "/dev/termination-log",
            terminationMessagePolicy: "File",
          },
        ],
        dnsPolicy: "ClusterFirst",
        enableServiceLinks: true,
        preemptionPolicy: "PreemptLowerPriority",
        priority: 0,
        restartPolicy: "Always",
        schedulerName: "default-scheduler",
        securityContext: {},
        serviceAccount: "default",
        serviceAccountName: "default",
        terminationGracePeriodSeconds: 30,
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
      },
      status: { phase: "Pending", qosClass: "BestEffort" },
    });
  });

  it.each([
    {
      name: "An unset dnsPolicy becomes ClusterFirst.",
      field: "dnsPolicy",
      spec: {},
      expected: "ClusterFirst",
    },
    {
      name: "A set dnsPolicy is kept.",
      field: "dnsPolicy",
      spec: { dnsPolicy: "Default" },
      expected: "Default",
    },
    { name: "An unset restartPolicy becomes Always.", field: "restartPolicy", spec: {}, expected: "Always" },
    {
      name: "A set restartPolicy is kept.",
      field: "restartPolicy",
      spec: { restartPolicy: "Never" },
      expected: "Never",
    },
    {
      name: "An unset schedulerName becomes default-scheduler.",
      field: "schedulerName",
      spec: {},
      expected: "default-scheduler",
    },
    {
      name: "An unset terminationGracePeriodSeconds becomes 30.",
      field: "terminationGracePeriodSeconds",
      spec: {},
      expected: 30,
    },
    {
      name: "A terminationGracePeriodSeconds of 0 is kept.",
      field: "terminationGracePeriodSeconds",
      spec: { terminationGracePeriodSeconds: 0 },
      expected: 0,
    },
    {
      name: "A negative terminationGracePeriodSeconds becomes 1 on pods.",
      field: "terminationGracePeriodSeconds",
      spec: { terminationGracePeriodSeconds: -5 },
      expected: 1,
    },
    {
      name: "An unset securityContext becomes an empty object.",
      field: "securityContext",
      spec: {},
      expected: {},
    },
    {
      name: "An unset enableServiceLinks becomes true.",
      field: "enableServiceLinks",
      spec: {},
      expected: true,
    },
    {
      name: "A false enableServiceLinks is kept.",
      field: "enableServiceLinks",
      spec: { enableServiceLinks: false },
      expected: false,
    },
    {
      name: "An unset serviceAccountName becomes default.",
      field: "serviceAccountName",
      spec: {},
      expected: "default",
    },
    {
      name: "The deprecated serviceAccount is read as serviceAccountName.",
      field: "serviceAccountName",
      spec: { serviceAccount: "builder" },
      expected: "builder",
    },
    {
      name: "serviceAccountName wins over a different deprecated serviceAccount.",
      field: "serviceAccount",
      spec: { serviceAccountName: "a", serviceAccount: "b" },
      expected: "a",
    },
  ])("$name", ({ field, spec, expected }) => {
    const defaulted = defaultPod(pod({ containers: [container], ...spec }));
    expect((defaulted.spec as unknown as Record<string, unknown>)[field]).toStrictEqual(expected);
  });

  it("copies limits into missing requests of regular and init containers, but not ephemeral ones", () => {
    const limits = { cpu: "500m", memory: "128Mi" };
    const defaulted = defaultPod(
      pod({
        containers: [{ ...container, resources: { limits, requests: { cpu: "100m" } } }],
        initContainers: [{ name: "init", image: "busybox", resources: { limits } }],
        ephemeralContainers: [{ name: "debug", image: "busybox", resources: { limits } }],
      }),
    );
    expect(defaulted.spec?.containers[0]?.resources).toStrictEqual({
      limits,
      requests: { cpu: "100m", memory: "128Mi" },
    });
    expect(defaulted.spec?.initContainers?.[0]?.resources).toStrictEqual({ limits, requests: limits });
    expect(defaulted.spec?.ephemeralContainers?.[0]?.resources).toStrictEqual({ limits });
  });

  it("sets hostPort to containerPort under hostNetwork, keeping explicit host ports", () => {
    const defaulted = defaultPod(
      pod({
        hostNetwork: true,
        containers: [
          { ...container, ports: [{ containerPort: 80 }, { containerPort: 443, hostPort: 8443 }] },
        ],
        initContainers: [
          { name: "init", image: "busybox", ports: [{ containerPort: 9000, protocol: "UDP" }] },
        ],
      }),
    );
    expect(defaulted.spec?.containers[0]?.ports).toStrictEqual([
      { containerPort: 80, hostPort: 80, protocol: "TCP" },
      { containerPort: 443, hostPort: 8443, protocol: "TCP" },
    ]);
    expect(defaulted.spec?.initContainers?.[0]?.ports).toStrictEqual([
      { containerPort: 9000, hostPort: 9000, protocol: "UDP" },
    ]);
  });

  it("leaves host ports unset without hostNetwork", () => {
    const defaulted = defaultPod(pod({ containers: [{ ...container, ports: [{ containerPort: 80 }] }] }));
    expect(defaulted.spec?.containers[0]?.ports).toStrictEqual([{ containerPort: 80, protocol: "TCP" }]);
  });

  it("applies the container defaults to init and ephemeral containers", () => {
    const defaulted = defaultPod(
      pod({
        containers: [container],
        initContainers: [{ name: "init", image: "busybox" }],
        ephemeralContainers: [{ name: "debug", image: "busybox:1.36" }],
      }),
    );
    const expectedCommon = {
      resources: {},
      terminationMessagePath: "/dev/termination-log",
      terminationMessagePolicy: "File",
    };
    expect(defaulted.spec?.initContainers).toStrictEqual([
      { name: "init", image: "busybox", imagePullPolicy: "Always", ...expectedCommon },
    ]);
    expect(defaulted.spec?.ephemeralContainers).toStrictEqual([
      { name: "debug", image: "busybox:1.36", imagePullPolicy: "IfNotPresent", ...expectedCommon },
    ]);
  });

  it("replaces a client-sent status with Pending and the computed QoS class", () => {
    const defaulted = defaultPod({
      ...pod({ containers: [{ ...container, resources: { limits: { cpu: "1", memory: "1Gi" } } }] }),
      status: { phase: "Running", podIP: "10.0.0.1" },
    });
    expect(defaulted.status).toStrictEqual({ phase: "Pending", qosClass: "Guaranteed" });
  });

  it("adds a SchedulingGated condition when the pod has scheduling gates", () => {
    const defaulted = defaultPod(
      pod({ containers: [container], schedulingGates: [{ name: "example.com/wait" }] }),
    );
    expect(defaulted.status).toStrictEqual({
      phase: "Pending",
      qosClass: "BestEffort",
      conditions: [
        {
          type: "PodScheduled",
          status: "False",
          reason: "SchedulingGated",
          message: "Scheduling is blocked due to non-empty scheduling gates",
          lastProbeTime: null,
          lastTransitionTime: null,
        },
      ],
    });
  });

  it.each([
    {
      name: "A system-node-critical pod gets priority 2000001000.",
      spec: { priorityClassName: "system-node-critical" },
      expected: {
        priorityClassName: "system-node-critical",
        priority: 2000001000,
        preemptionPolicy: "PreemptLowerPriority",
      },
    },
    {
      name: "A system-cluster-critical pod gets priority 2000000000.",
      spec: { priorityClassName: "system-cluster-critical" },
      expected: {
        priorityClassName: "system-cluster-critical",
        priority: 2000000000,
        preemptionPolicy: "PreemptLowerPriority",
      },
    },
    {
      name: "A pod naming an unknown class is left for the caller to reject.",
      spec: { priorityClassName: "gold" },
      expected: { priorityClassName: "gold" },
    },
    {
      name: "A pod whose priority disagrees with its class is left for the caller to reject.",
      spec: { priority: 7 },
      expected: { priority: 7 },
    },
  ])("$name", ({ spec, expected }) => {
    const defaulted = defaultPod(pod({ containers: [container], ...spec }));
    const { priorityClassName, priority, preemptionPolicy } = defaulted.spec ?? {};
    const picked = Object.fromEntries(
      Object.entries({ priorityClassName, priority, preemptionPolicy }).filter(
        ([, value]) => value !== undefined,
      ),
    );
    expect(picked).toStrictEqual(expected);
  });

  it("resolves a configured global-default PriorityClass for pods without a class", () => {
    const defaulted = defaultPod(pod({ containers: [container] }), {
      priorityClasses: [
        { name: "high", value: 1000, globalDefault: true },
        { name: "low", value: 10, globalDefault: true, preemptionPolicy: "Never" },
      ],
    });
    expect(defaulted.spec?.priorityClassName).toBe("low");
    expect(defaulted.spec?.priority).toBe(10);
    expect(defaulted.spec?.preemptionPolicy).toBe("Never");
  });

  it("does not set a service account on mirror pods", () => {
    const defaulted = defaultPod(
      pod(
        { containers: [container] },
        { name: "etcd-node-1", annotations: { "kubernetes.io/config.mirror": "abc" } },
      ),
    );
    expect(defaulted.spec?.serviceAccountName).toBeUndefined();
    expect(defaulted.spec?.serviceAccount).toBeUndefined();
  });

  it("merges matchLabelKeys and mismatchLabelKeys into pod affinity selectors on create", () => {
    const defaulted = defaultPod(
      pod(
        {
          containers: [container],
          affinity: {
            podAntiAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [
                {
                  topologyKey: "kubernetes.io/hostname",
                  labelSelector: { matchLabels: { app: "web" } },
                  matchLabelKeys: ["pod-template-hash", "missing"],
                  mismatchLabelKeys: ["tenant"],
                },
              ],
            },
          },
        },
        { name: "web", labels: { app: "web", "pod-template-hash": "abc", tenant: "blue" } },
      ),
    );
    expect(
      defaulted.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.[0]
        ?.labelSelector,
    ).toStrictEqual({
      matchLabels: { app: "web" },
      matchExpressions: [
        { key: "pod-template-hash", operator: "In", values: ["abc"] },
        { key: "tenant", operator: "NotIn", values: ["blue"] },
      ],
    });
  });

  it("with admission off applies only scheme defaults and the create strategy", () => {
    const defaulted = defaultPod(pod({ containers: [container] }), { admission: false });
    const spec = defaulted.spec as unknown as Record<string, unknown>;
    expect(spec.serviceAccountName).toBeUndefined();
    expect(spec.priority).toBeUndefined();
    expect(spec.tolerations).toBeUndefined();
    expect(defaulted.status).toStrictEqual({ phase: "Pending", qosClass: "BestEffort" });
  });

  it("on update keeps the status, reconciles podIP with podIPs and adds no create-only fields", () => {
    const defaulted = defaultPod(
      {
        ...pod({
          containers: [container],
          serviceAccountName: "default",
          tolerations: [{ operator: "Exists" }],
        }),
        status: { phase: "Running", podIP: "10.0.0.7", hostIPs: [{ ip: "192.168.0.2" }] },
      },
      { operation: "update" },
    );
    expect(defaulted.status).toStrictEqual({
      phase: "Running",
      podIP: "10.0.0.7",
      podIPs: [{ ip: "10.0.0.7" }],
      hostIP: "192.168.0.2",
      hostIPs: [{ ip: "192.168.0.2" }],
    });
    expect(defaulted.spec?.priority).toBeUndefined();
    expect(defaulted.spec?.tolerations).toStrictEqual([{ operator: "Exists" }]);
  });
});
