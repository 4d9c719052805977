import type { DaemonSet, Node } from "@kubesim/core";

/*
 * Test-only fixtures: the nginx DaemonSet and a kind node as the recorded kubectl v1.32
 * sessions show them (the shared kubectl-transcripts 07, 22, 31, 51).
 */

const lastAppliedConfiguration =
  '{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"annotations":{},"labels":{"app":"nginx"},"name":"nginx","namespace":"default"},"spec":{"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.25","name":"nginx","ports":[{"containerPort":80}]}]}}}}\n';

/** The nginx DaemonSet after `kubectl apply -f ds.yaml` (image nginx:1.25). */
export function makeNginxDaemonSet(): DaemonSet {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: {
      annotations: {
        "deprecated.daemonset.template.generation": "1",
        "kubectl.kubernetes.io/last-applied-configuration": lastAppliedConfiguration,
      },
      creationTimestamp: "2026-11-29T19:21:30Z",
      generation: 1,
      labels: { app: "nginx" },
      name: "nginx",
      namespace: "default",
      resourceVersion: "1034",
      uid: "cc9e6e06-4254-4f62-a2b5-c3ed1ebc59ea",
    },
    spec: {
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
    },
    status: {
      currentNumberScheduled: 2,
      desiredNumberScheduled: 2,
      numberAvailable: 2,
      numberMisscheduled: 0,
      numberReady: 2,
      observedGeneration: 1,
      updatedNumberScheduled: 2,
    },
  };
}

/** A ready worker node of a kind cluster. */
export function makeNode(name = "node-3"): Node {
  const time = "2026-11-29T19:21:27Z";
  const created = "2026-11-26T19:21:27Z";
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      labels: {
        "beta.kubernetes.io/arch": "amd64",
        "beta.kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
      },
      annotations: {
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
      uid: "e1e3a1dc-0c23-49df-b9db-d8bf419258b5",
      creationTimestamp: created,
      resourceVersion: "1161",
    },
    spec: { podCIDR: "10.244.2.0/24", podCIDRs: ["10.244.2.0/24"], providerID: `stub://${name}` },
    status: {
      capacity: { cpu: "4", memory: "8148440Ki", pods: "110" },
      allocatable: { cpu: "4", memory: "8148440Ki", pods: "110" },
      conditions: [
        {
          type: "MemoryPressure",
          status: "False",
          lastHeartbeatTime: time,
          lastTransitionTime: created,
          reason: "KubeletHasSufficientMemory",
          message: "kubelet has sufficient memory available",
        },
        {
          type: "Ready",
          status: "True",
          lastHeartbeatTime: time,
          lastTransitionTime: created,
          reason: "KubeletReady",
          message: "kubelet is posting ready status",
        },
      ],
      addresses: [
        { type: "InternalIP", address: "172.18.0.3" },
        { type: "Hostname", address: name },
      ],
    },
  };
}

/** Freezes `value` deeply, so any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}
