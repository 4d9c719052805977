import { describe, it } from "vitest";
import { normaliseObjectMetadata, normaliseTableAges } from "./normalise-output.js";
import {
  createRolledOutNginx,
  expectKubectlCase,
  type KubectlCase,
  useServedCluster,
} from "./served-cluster.js";

const dsHeader = "NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE";
const dsRow = "nginx   2         2         2       2            2           <none>          2s";
const allNamespacesDs = `NAMESPACE      NAME                  DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
default        nginx                 2         2         2       2            2           <none>                   2s
kube-flannel   kube-flannel-ds       3         3         3       3            3           <none>                   2m22s
kube-system    kube-keepalived-vip   0         0         0       0            0           keepalived-vip=true      2m22s
kube-system    kube-proxy            3         3         3       3            3           kubernetes.io/os=linux   2m22s
`;
const podsWide = `NAME          READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
nginx-c9b92   1/1     Running   0          3s    10.244.1.2   node-1   <none>           <none>
nginx-lnlmd   1/1     Running   0          3s    10.244.2.2   node-2   <none>           <none>
`;

const nginxYaml = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  annotations:
    deprecated.daemonset.template.generation: "1"
  creationTimestamp: "2026-11-29T19:21:30Z"
  generation: 1
  labels:
    app: nginx
  name: nginx
  namespace: default
  resourceVersion: "1034"
  uid: cc9e6e06-4254-4f62-a2b5-c3ed1ebc59ea
spec:
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - image: nginx:1.25
        imagePullPolicy: IfNotPresent
        name: nginx
        ports:
        - containerPort: 80
          protocol: TCP
        resources: {}
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
      dnsPolicy: ClusterFirst
      restartPolicy: Always
      schedulerName: default-scheduler
      securityContext: {}
      terminationGracePeriodSeconds: 30
  updateStrategy:
    rollingUpdate:
      maxSurge: 0
      maxUnavailable: 1
    type: RollingUpdate
status:
  currentNumberScheduled: 2
  desiredNumberScheduled: 2
  numberAvailable: 2
  numberMisscheduled: 0
  numberReady: 2
  observedGeneration: 1
  updatedNumberScheduled: 2
`;

/** The same object as kubectl prints it with -o json inside its List (transcript 08). */
const nginxJsonList = `{
    "apiVersion": "v1",
    "items": [
        {
            "apiVersion": "apps/v1",
            "kind": "DaemonSet",
            "metadata": {
                "annotations": {
                    "deprecated.daemonset.template.generation": "1"
                },
                "creationTimestamp": "2026-11-29T19:21:30Z",
                "generation": 1,
                "labels": {
                    "app": "nginx"
                },
                "name": "nginx",
                "namespace": "default",
                "resourceVersion": "1034",
                "uid": "cc9e6e06-4254-4f62-a2b5-c3ed1ebc59ea"
            },
            "spec": {
                "revisionHistoryLimit": 10,
                "selector": {
                    "matchLabels": {
                        "app": "nginx"
                    }
                },
                "template": {
                    "metadata": {
                        "labels": {
                            "app": "nginx"
                        }
                    },
                    "spec": {
                        "containers": [
                            {
                                "image": "nginx:1.25",
                                "imagePullPolicy": "IfNotPresent",
                                "name": "nginx",
                                "ports": [
                                    {
                                        "containerPort": 80,
                                        "protocol": "TCP"
                                    }
                                ],
                                "resources": {},
                                "terminationMessagePath": "/dev/termination-log",
                                "terminationMessagePolicy": "File"
                            }
                        ],
                        "dnsPolicy": "ClusterFirst",
                        "restartPolicy": "Always",
                        "schedulerName": "default-scheduler",
                        "securityContext": {},
                        "terminationGracePeriodSeconds": 30
                    }
                },
                "updateStrategy": {
                    "rollingUpdate": {
                        "maxSurge": 0,
                        "maxUnavailable": 1
                    },
                    "type": "RollingUpdate"
                }
            },
            "status": {
                "currentNumberScheduled": 2,
                "desiredNumberScheduled": 2,
                "numberAvailable": 2,
                "numberMisscheduled": 0,
                "numberReady": 2,
                "observedGeneration": 1,
                "updatedNumberScheduled": 2
            }
        }
    ],
    "kind": "List",
    "metadata": {
        "resourceVersion": ""
    }
}
`;

/** Transcripts 03–16 on `kubesim cluster create demo` plus the nginx DaemonSet (ages ignored). */
const tableCases: KubectlCase[] = [
  {
    name: "get ds lists the DaemonSet of the default namespace with server-side columns (03)",
    args: ["get", "ds"],
    exitCode: 0,
    stdout: `${dsHeader}\n${dsRow}\n`,
    stderr: "",
  },
  {
    name: "get ds -A adds the NAMESPACE column and the cluster's own DaemonSets (04)",
    args: ["get", "ds", "-A"],
    exitCode: 0,
    stdout: allNamespacesDs,
    stderr: "",
  },
  {
    name: "get ds --all-namespaces is the same as -A (05)",
    args: ["get", "ds", "--all-namespaces"],
    exitCode: 0,
    stdout: allNamespacesDs,
    stderr: "",
  },
  {
    name: "get ds -o wide adds the priority-1 columns CONTAINERS, IMAGES and SELECTOR (06)",
    args: ["get", "ds", "-o", "wide"],
    exitCode: 0,
    stdout: `${dsHeader}   CONTAINERS   IMAGES       SELECTOR\n${dsRow}    nginx        nginx:1.25   app=nginx\n`,
    stderr: "",
  },
  {
    name: "get ds -o name prints kind.group/name (09)",
    args: ["get", "ds", "-o", "name"],
    exitCode: 0,
    stdout: "daemonset.apps/nginx\n",
    stderr: "",
  },
  {
    name: "get pods -o wide shows one Running nginx pod per worker with its IP and node (10)",
    args: ["get", "pods", "-o", "wide"],
    exitCode: 0,
    stdout: podsWide,
    stderr: "",
  },
  {
    name: "get nodes shows the control plane's role and every node Ready (11)",
    args: ["get", "nodes"],
    exitCode: 0,
    stdout: `NAME            STATUS   ROLES           AGE     VERSION
control-plane   Ready    control-plane   2m23s   v1.32.2
node-1          Ready    <none>          2m23s   v1.32.2
node-2          Ready    <none>          2m23s   v1.32.2
`,
    stderr: "",
  },
  {
    name: "get nodes -o wide adds addresses, OS image, kernel and container runtime (11b)",
    args: ["get", "nodes", "-o", "wide"],
    exitCode: 0,
    stdout: `NAME            STATUS   ROLES           AGE     VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION     CONTAINER-RUNTIME
control-plane   Ready    control-plane   2m23s   v1.32.2   172.18.0.2    <none>        Ubuntu 24.04.1 LTS   6.8.0-49-generic   containerd://1.7.24
node-1          Ready    <none>          2m23s   v1.32.2   172.18.0.3    <none>        Ubuntu 24.04.1 LTS   6.8.0-49-generic   containerd://1.7.24
node-2          Ready    <none>          2m23s   v1.32.2   172.18.0.4    <none>        Ubuntu 24.04.1 LTS   6.8.0-49-generic   containerd://1.7.24
`,
    stderr: "",
  },
  {
    name: "get all prints a table per non-empty kind of the all category, names prefixed by kind (12)",
    args: ["get", "all"],
    exitCode: 0,
    stdout: `NAME              READY   STATUS    RESTARTS   AGE
pod/nginx-c9b92   1/1     Running   0          3s
pod/nginx-lnlmd   1/1     Running   0          3s

NAME                   DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
daemonset.apps/nginx   2         2         2       2            2           <none>          3s
`,
    stderr: "",
  },
  {
    name: "get ds -l app=nginx is filtered by the server's label selector (13)",
    args: ["get", "ds", "-l", "app=nginx"],
    exitCode: 0,
    stdout: `${dsHeader}\n${dsRow}\n`,
    stderr: "",
  },
  {
    name: "get ds -l app=none finds nothing and says so on stderr (01)",
    args: ["get", "ds", "-l", "app=none"],
    exitCode: 0,
    stdout: "",
    stderr: "No resources found in default namespace.\n",
  },
  {
    name: "get ds -A --show-labels -L app reads labels from the rows' objects (13b)",
    args: ["get", "ds", "-A", "--show-labels", "-L", "app"],
    exitCode: 0,
    stdout: `NAMESPACE      NAME                  DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE     APP       LABELS
default        nginx                 2         2         2       2            2           <none>                   3s      nginx     app=nginx
kube-flannel   kube-flannel-ds       3         3         3       3            3           <none>                   2m23s   flannel   app=flannel,k8s-app=flannel
kube-system    kube-keepalived-vip   0         0         0       0            0           keepalived-vip=true      2m23s             name=kube-keepalived-vip
kube-system    kube-proxy            3         3         3       3            3           kubernetes.io/os=linux   2m23s             k8s-app=kube-proxy
`,
    stderr: "",
  },
  {
    name: "get pods -A --sort-by=.spec.nodeName orders the rows by the full objects' node names (16)",
    args: ["get", "pods", "-A", "--sort-by=.spec.nodeName", "-o", "wide"],
    exitCode: 0,
    stdout: `NAMESPACE      NAME                                    READY   STATUS    RESTARTS   AGE     IP           NODE            NOMINATED NODE   READINESS GATES
kube-flannel   kube-flannel-ds-jrmhp                   1/1     Running   0          2m22s   172.18.0.2   control-plane   <none>           <none>
kube-system    etcd-control-plane                      1/1     Running   0          2m22s   172.18.0.2   control-plane   <none>           <none>
kube-system    kube-apiserver-control-plane            1/1     Running   0          2m22s   172.18.0.2   control-plane   <none>           <none>
kube-system    kube-controller-manager-control-plane   1/1     Running   0          2m22s   172.18.0.2   control-plane   <none>           <none>
kube-system    kube-proxy-wgkx5                        1/1     Running   0          2m22s   172.18.0.2   control-plane   <none>           <none>
kube-system    kube-scheduler-control-plane            1/1     Running   0          2m22s   172.18.0.2   control-plane   <none>           <none>
default        nginx-c9b92                             1/1     Running   0          2s      10.244.1.2   node-1          <none>           <none>
kube-flannel   kube-flannel-ds-xnlj6                   1/1     Running   0          2m22s   172.18.0.3   node-1          <none>           <none>
kube-system    kube-proxy-dg9k2                        1/1     Running   0          2m22s   172.18.0.3   node-1          <none>           <none>
default        nginx-lnlmd                             1/1     Running   0          2s      10.244.2.2   node-2          <none>           <none>
kube-flannel   kube-flannel-ds-9fh6x                   1/1     Running   0          2m22s   172.18.0.4   node-2          <none>           <none>
kube-system    kube-proxy-7vqb6                        1/1     Running   0          2m22s   172.18.0.4   node-2          <none>           <none>
`,
    stderr: "",
  },
];

/** Transcripts 07 and 08: plain objects, with what the server generates per object ignored. */
const objectCases: KubectlCase[] = [
  {
    name: "get ds nginx -o yaml prints the defaulted object with its status, without managedFields (07)",
    args: ["get", "ds", "nginx", "-o", "yaml"],
    exitCode: 0,
    stdout: nginxYaml,
    stderr: "",
  },
  {
    name: "get ds -o json wraps the items into kubectl's own List (08)",
    args: ["get", "ds", "-o", "json"],
    exitCode: 0,
    stdout: nginxJsonList,
    stderr: "",
  },
];

describe("kubectl get against kubesim serve", () => {
  const cluster = useServedCluster(createRolledOutNginx);

  it.each(tableCases)("$name", async (kubectlCase) => {
    await expectKubectlCase(cluster(), kubectlCase, normaliseTableAges);
  });

  it.each(objectCases)("$name", async (kubectlCase) => {
    await expectKubectlCase(cluster(), kubectlCase, normaliseObjectMetadata);
  });
});
