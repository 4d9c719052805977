import type { Node, Pod, PodSpec } from "@kubesim/core";

/**
 * The node scheduler_perf creates (`node-default.yaml`): 4 CPUs, 32Gi, 110 pods, Ready,
 * untainted, with the hostname label and any extra labels.
 */
export function perfNode(name: string, labels: Readonly<Record<string, string>> = {}): Node {
  const capacity = { cpu: "4", memory: "32Gi", pods: "110" };
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, labels: { "kubernetes.io/hostname": name, ...labels } },
    status: {
      capacity,
      allocatable: capacity,
      conditions: [{ type: "Ready", status: "True", reason: "KubeletReady" }],
      phase: "Running",
    },
  };
}

/** One pause container requesting (and limited to) `cpu` and 500Mi, as scheduler_perf's pod templates. */
function pauseContainer(cpu: string): PodSpec["containers"][number] {
  return {
    name: "pause",
    image: "registry.k8s.io/pause:3.10",
    ports: [{ containerPort: 80 }],
    resources: { limits: { cpu, memory: "500Mi" }, requests: { cpu, memory: "500Mi" } },
  };
}

/** `pod-default.yaml`: one pause container, 100m / 500Mi. */
export function defaultPod(): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { generateName: "pod-", namespace: "default" },
    spec: { containers: [pauseContainer("100m")] },
  };
}

/** `pod-with-node-affinity.yaml`: required affinity to zone1 or zone2. */
export function nodeAffinityPod(): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { generateName: "node-affinity-", namespace: "default" },
    spec: {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              {
                matchExpressions: [
                  { key: "topology.kubernetes.io/zone", operator: "In", values: ["zone1", "zone2"] },
                ],
              },
            ],
          },
        },
      },
      containers: [pauseContainer("100m")],
    },
  };
}

/** `pod-with-topology-spreading.yaml`: maxSkew 5 over zones, DoNotSchedule, `color: blue`. */
export function topologySpreadingPod(): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { generateName: "spreading-pod-", namespace: "default", labels: { color: "blue" } },
    spec: {
      topologySpreadConstraints: [
        {
          maxSkew: 5,
          topologyKey: "topology.kubernetes.io/zone",
          whenUnsatisfiable: "DoNotSchedule",
          labelSelector: { matchLabels: { color: "blue" } },
        },
      ],
      containers: [pauseContainer("100m")],
    },
  };
}

/** `pod-low-priority.yaml`: 900m, deleted at once when preempted (grace period 0). */
export function lowPriorityPod(): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { generateName: "pod-", namespace: "default" },
    spec: { terminationGracePeriodSeconds: 0, containers: [pauseContainer("900m")] },
  };
}

/** `pod-high-priority.yaml`: priority 10, 3000m — fits only after preempting low-priority pods. */
export function highPriorityPod(): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { generateName: "pod-", namespace: "default" },
    spec: { priority: 10, containers: [pauseContainer("3000m")] },
  };
}
