/**
 * The cluster `get`'s tests run against: a kubeadm-style cluster (control plane and two
 * workers) on a pinned clock, the tutorial's nginx DaemonSet, and the `web` Deployment,
 * ReplicaSet and `kubernetes` Service a `kubectl get all` shows, settled.
 */
import { type Cluster, createCluster } from "@kubesim/cluster";

/** The nginx DaemonSet of the tutorial (examples/daemonset-story/manifests/nginx-ds.yaml). */
export const nginxDaemonSetManifest = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports:
        - containerPort: 80
`;

const listOnlyManifests = `apiVersion: v1
kind: Service
metadata: { name: kubernetes, namespace: default, labels: { component: apiserver, provider: kubernetes } }
spec:
  type: ClusterIP
  clusterIP: 10.96.0.1
  ports: [{ name: https, port: 443, protocol: TCP, targetPort: 6443 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: default, labels: { app: web } }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: "nginx:1.25" }] }
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: web-6d4cf56db6, namespace: default, labels: { app: web, pod-template-hash: 6d4cf56db6 } }
spec:
  replicas: 2
  selector: { matchLabels: { app: web, pod-template-hash: 6d4cf56db6 } }
  template:
    metadata: { labels: { app: web, pod-template-hash: 6d4cf56db6 } }
    spec: { containers: [{ name: web, image: "nginx:1.25" }] }
`;

/** Creates and settles the fixture cluster (close it when done). */
export async function createFixtureCluster(): Promise<Cluster> {
  const cluster = await createCluster({ seed: 1, nodes: 2, startTime: Date.parse("2026-01-01T00:00:00Z") });
  await cluster.apply(nginxDaemonSetManifest);
  await cluster.apply(listOnlyManifests);
  await cluster.settle();
  return cluster;
}
