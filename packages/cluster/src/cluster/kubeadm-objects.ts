import type { DaemonSet, Namespace, Pod } from "@kubesim/core";

/** The node name of the control plane `bootstrap: "kubeadm"` creates. */
export const controlPlaneNodeName = "control-plane";
/** The role label kubeadm puts on control-plane nodes (value `""`). */
export const controlPlaneRoleLabel = "node-role.kubernetes.io/control-plane";
/** The label selecting nodes for the kube-keepalived-vip DaemonSet. */
export const keepalivedNodeLabel = "keepalived-vip";

const kubernetesVersion = "v1.32.2";

function controlPlaneStaticPod(
  component: string,
  image: string,
  command: string[],
  requestsCpu: string,
): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: component,
      namespace: "kube-system",
      labels: { component, tier: "control-plane" },
    },
    spec: {
      hostNetwork: true,
      priorityClassName: "system-node-critical",
      priority: 2000001000,
      securityContext: { seccompProfile: { type: "RuntimeDefault" } },
      tolerations: [{ operator: "Exists", effect: "NoExecute" }],
      containers: [
        {
          name: component,
          image,
          imagePullPolicy: "IfNotPresent",
          command,
          resources: { requests: { cpu: requestsCpu } },
        },
      ],
    },
  };
}

/**
 * The static pod manifests kubeadm writes to `/etc/kubernetes/manifests` on a control-plane
 * node: etcd, kube-apiserver, kube-controller-manager and kube-scheduler (their mirror pods
 * are `<component>-<node>` in kube-system).
 */
export function kubeadmStaticPods(): Pod[] {
  return [
    controlPlaneStaticPod("etcd", "registry.k8s.io/etcd:3.5.16-0", ["etcd"], "100m"),
    controlPlaneStaticPod(
      "kube-apiserver",
      `registry.k8s.io/kube-apiserver:${kubernetesVersion}`,
      ["kube-apiserver"],
      "250m",
    ),
    controlPlaneStaticPod(
      "kube-controller-manager",
      `registry.k8s.io/kube-controller-manager:${kubernetesVersion}`,
      ["kube-controller-manager"],
      "200m",
    ),
    controlPlaneStaticPod(
      "kube-scheduler",
      `registry.k8s.io/kube-scheduler:${kubernetesVersion}`,
      ["kube-scheduler"],
      "100m",
    ),
  ];
}

function daemonSet(
  namespace: string,
  name: string,
  labels: Record<string, string>,
  podSpec: NonNullable<NonNullable<DaemonSet["spec"]>["template"]["spec"]>,
): DaemonSet {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name, namespace, labels },
    spec: {
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: podSpec },
    },
  };
}

/**
 * What a new kubeadm + flannel cluster (with a keepalived VIP add-on) holds besides its
 * nodes: the kube-flannel namespace and the DaemonSets kube-proxy (every Linux node,
 * tolerates everything), kube-flannel-ds (every node, tolerates NoSchedule) and
 * kube-keepalived-vip (nodes labelled `keepalived-vip=true`).
 */
export function kubeadmAddOns(): Array<Namespace | DaemonSet> {
  return [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: "kube-flannel" } },
    daemonSet(
      "kube-system",
      "kube-proxy",
      { "k8s-app": "kube-proxy" },
      {
        nodeSelector: { "kubernetes.io/os": "linux" },
        priorityClassName: "system-node-critical",
        hostNetwork: true,
        tolerations: [{ operator: "Exists" }],
        containers: [
          {
            name: "kube-proxy",
            image: `registry.k8s.io/kube-proxy:${kubernetesVersion}`,
            command: ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf"],
            securityContext: { privileged: true },
          },
        ],
      },
    ),
    daemonSet(
      "kube-flannel",
      "kube-flannel-ds",
      { app: "flannel", "k8s-app": "flannel" },
      {
        priorityClassName: "system-node-critical",
        hostNetwork: true,
        tolerations: [{ operator: "Exists", effect: "NoSchedule" }],
        containers: [
          {
            name: "kube-flannel",
            image: "ghcr.io/flannel-io/flannel:v0.26.1",
            command: ["/opt/bin/flanneld"],
            args: ["--ip-masq", "--kube-subnet-mgr"],
            resources: { requests: { cpu: "100m", memory: "50Mi" } },
          },
        ],
      },
    ),
    daemonSet(
      "kube-system",
      "kube-keepalived-vip",
      { name: "kube-keepalived-vip" },
      {
        nodeSelector: { [keepalivedNodeLabel]: "true" },
        hostNetwork: true,
        containers: [
          {
            name: "kube-keepalived-vip",
            image: "registry.k8s.io/kube-keepalived-vip:0.11",
            securityContext: { privileged: true },
          },
        ],
      },
    ),
  ];
}
