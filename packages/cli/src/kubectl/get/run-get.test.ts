import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Cluster, createCluster } from "@kubesim/cluster";
import type { KubeObject } from "@kubesim/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../test-context.js";
import { createFixtureCluster } from "./fixture-cluster.js";
import type { GetFlags } from "./get-flags.js";
import { runGet } from "./run-get.js";

interface GetCase {
  readonly name: string;
  readonly args: readonly string[];
  readonly flags: GetFlags;
  /** `-n`; the default namespace when left out. */
  readonly namespace?: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

describe("runGet on a settled kubeadm cluster (control plane and two workers) with the nginx DaemonSet", () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await createFixtureCluster();
  });

  afterAll(() => {
    cluster.close();
  });

  it.each<GetCase>([
    {
      name: "lists the DaemonSets of the default namespace",
      args: ["ds"],
      flags: {},
      stdout: `NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
nginx   2         2         2       2            2           <none>          2m20s
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "lists every namespace's DaemonSets with -A",
      args: ["ds"],
      flags: { allNamespaces: true },
      stdout: `NAMESPACE      NAME                  DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
default        nginx                 2         2         2       2            2           <none>                   2m20s
kube-flannel   kube-flannel-ds       3         3         3       3            3           <none>                   4m40s
kube-system    kube-keepalived-vip   0         0         0       0            0           keepalived-vip=true      4m40s
kube-system    kube-proxy            3         3         3       3            3           kubernetes.io/os=linux   4m40s
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "shows the wide columns with -o wide",
      args: ["ds"],
      flags: { output: "wide" },
      stdout: `NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE     CONTAINERS   IMAGES       SELECTOR
nginx   2         2         2       2            2           <none>          2m20s   nginx        nginx:1.25   app=nginx
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "lists pods with their IPs and nodes with -o wide",
      args: ["pods"],
      flags: { output: "wide" },
      stdout: `NAME          READY   STATUS    RESTARTS   AGE     IP           NODE     NOMINATED NODE   READINESS GATES
nginx-rnzbx   1/1     Running   0          2m20s   10.244.2.2   node-2   <none>           <none>
nginx-xcb45   1/1     Running   0          2m20s   10.244.1.2   node-1   <none>           <none>
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "lists the nodes",
      args: ["nodes"],
      flags: {},
      stdout: `NAME            STATUS   ROLES           AGE     VERSION
control-plane   Ready    control-plane   4m40s   v1.32.2
node-1          Ready    <none>          4m40s   v1.32.2
node-2          Ready    <none>          4m40s   v1.32.2
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "lists the nodes with -o wide",
      args: ["no"],
      flags: { output: "wide" },
      stdout: `NAME            STATUS   ROLES           AGE     VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION     CONTAINER-RUNTIME
control-plane   Ready    control-plane   4m40s   v1.32.2   172.18.0.2    <none>        Ubuntu 24.04.1 LTS   6.8.0-49-generic   containerd://1.7.24
node-1          Ready    <none>          4m40s   v1.32.2   172.18.0.3    <none>        Ubuntu 24.04.1 LTS   6.8.0-49-generic   containerd://1.7.24
node-2          Ready    <none>          4m40s   v1.32.2   172.18.0.4    <none>        Ubuntu 24.04.1 LTS   6.8.0-49-generic   containerd://1.7.24
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "lists the namespaces",
      args: ["ns"],
      flags: {},
      stdout: `NAME              STATUS   AGE
default           Active   4m40s
kube-flannel      Active   4m40s
kube-node-lease   Active   4m40s
kube-public       Active   4m40s
kube-system       Active   4m40s
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "lists events across namespaces",
      args: ["ev"],
      flags: { allNamespaces: true },
      namespace: "kube-flannel",
      stdout: `NAMESPACE      LAST SEEN   TYPE     REASON             OBJECT                      MESSAGE
default        2m20s       Normal   Scheduled          pod/nginx-rnzbx             Successfully assigned default/nginx-rnzbx to node-2
default        2m20s       Normal   Scheduled          pod/nginx-xcb45             Successfully assigned default/nginx-xcb45 to node-1
default        2m20s       Normal   SuccessfulCreate   daemonset/nginx             Created pod: nginx-xcb45
default        2m20s       Normal   SuccessfulCreate   daemonset/nginx             Created pod: nginx-rnzbx
kube-flannel   4m40s       Normal   Scheduled          pod/kube-flannel-ds-9fh6x   Successfully assigned kube-flannel/kube-flannel-ds-9fh6x to node-2
kube-flannel   4m40s       Normal   Scheduled          pod/kube-flannel-ds-jrmhp   Successfully assigned kube-flannel/kube-flannel-ds-jrmhp to control-plane
kube-flannel   4m40s       Normal   Scheduled          pod/kube-flannel-ds-xnlj6   Successfully assigned kube-flannel/kube-flannel-ds-xnlj6 to node-1
kube-flannel   4m40s       Normal   SuccessfulCreate   daemonset/kube-flannel-ds   Created pod: kube-flannel-ds-jrmhp
kube-flannel   4m40s       Normal   SuccessfulCreate   daemonset/kube-flannel-ds   Created pod: kube-flannel-ds-xnlj6
kube-flannel   4m40s       Normal   SuccessfulCreate   daemonset/kube-flannel-ds   Created pod: kube-flannel-ds-9fh6x
kube-system    4m40s       Normal   Scheduled          pod/kube-proxy-7vqb6        Successfully assigned kube-system/kube-proxy-7vqb6 to node-2
kube-system    4m40s       Normal   Scheduled          pod/kube-proxy-dg9k2        Successfully assigned kube-system/kube-proxy-dg9k2 to node-1
kube-system    4m40s       Normal   Scheduled          pod/kube-proxy-wgkx5        Successfully assigned kube-system/kube-proxy-wgkx5 to control-plane
kube-system    4m40s       Normal   SuccessfulCreate   daemonset/kube-proxy        Created pod: kube-proxy-wgkx5
kube-system    4m40s       Normal   SuccessfulCreate   daemonset/kube-proxy        Created pod: kube-proxy-dg9k2
kube-system    4m40s       Normal   SuccessfulCreate   daemonset/kube-proxy        Created pod: kube-proxy-7vqb6
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "lists ControllerRevisions",
      args: ["controllerrevisions"],
      flags: { allNamespaces: true },
      stdout: `NAMESPACE      NAME                             CONTROLLER                           REVISION   AGE
default        nginx-6c45fbff4c                 daemonset.apps/nginx                 1          2m20s
kube-flannel   kube-flannel-ds-796d97bfc        daemonset.apps/kube-flannel-ds       1          4m40s
kube-system    kube-keepalived-vip-54c8bbcc4f   daemonset.apps/kube-keepalived-vip   1          4m40s
kube-system    kube-proxy-68d85cd8d4            daemonset.apps/kube-proxy            1          4m40s
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "lists services, deployments and replicasets",
      args: ["svc,deploy,rs"],
      flags: {},
      stdout: `NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   2m20s

NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/web   0/2     0            0           2m20s

NAME                             DESIRED   CURRENT   READY   AGE
replicaset.apps/web-6d4cf56db6   2         0         0       2m20s
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "expands all to pods, services, daemonsets, deployments and replicasets",
      args: ["all"],
      flags: {},
      stdout: `NAME              READY   STATUS    RESTARTS   AGE
pod/nginx-rnzbx   1/1     Running   0          2m20s
pod/nginx-xcb45   1/1     Running   0          2m20s

NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   2m20s

NAME                   DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
daemonset.apps/nginx   2         2         2       2            2           <none>          2m20s

NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/web   0/2     0            0           2m20s

NAME                             DESIRED   CURRENT   READY   AGE
replicaset.apps/web-6d4cf56db6   2         0         0       2m20s
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "prints all across namespaces with a NAMESPACE column",
      args: ["all"],
      flags: { allNamespaces: true },
      namespace: "kube-system",
      stdout: `NAMESPACE      NAME                                        READY   STATUS    RESTARTS   AGE
default        pod/nginx-rnzbx                             1/1     Running   0          2m20s
default        pod/nginx-xcb45                             1/1     Running   0          2m20s
kube-flannel   pod/kube-flannel-ds-9fh6x                   1/1     Running   0          4m40s
kube-flannel   pod/kube-flannel-ds-jrmhp                   1/1     Running   0          4m40s
kube-flannel   pod/kube-flannel-ds-xnlj6                   1/1     Running   0          4m40s
kube-system    pod/etcd-control-plane                      1/1     Running   0          4m40s
kube-system    pod/kube-apiserver-control-plane            1/1     Running   0          4m40s
kube-system    pod/kube-controller-manager-control-plane   1/1     Running   0          4m40s
kube-system    pod/kube-proxy-7vqb6                        1/1     Running   0          4m40s
kube-system    pod/kube-proxy-dg9k2                        1/1     Running   0          4m40s
kube-system    pod/kube-proxy-wgkx5                        1/1     Running   0          4m40s
kube-system    pod/kube-scheduler-control-plane            1/1     Running   0          4m40s

NAMESPACE   NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
default     service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   2m20s

NAMESPACE      NAME                                 DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
default        daemonset.apps/nginx                 2         2         2       2            2           <none>                   2m20s
kube-flannel   daemonset.apps/kube-flannel-ds       3         3         3       3            3           <none>                   4m40s
kube-system    daemonset.apps/kube-keepalived-vip   0         0         0       0            0           keepalived-vip=true      4m40s
kube-system    daemonset.apps/kube-proxy            3         3         3       3            3           kubernetes.io/os=linux   4m40s

NAMESPACE   NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
default     deployment.apps/web   0/2     0            0           2m20s

NAMESPACE   NAME                             DESIRED   CURRENT   READY   AGE
default     replicaset.apps/web-6d4cf56db6   2         0         0       2m20s
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "prefixes names with kind.group and separates tables for several types",
      args: ["ds,no"],
      flags: {},
      stdout: `NAME                   DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
daemonset.apps/nginx   2         2         2       2            2           <none>          2m20s

NAME                 STATUS   ROLES           AGE     VERSION
node/control-plane   Ready    control-plane   4m40s   v1.32.2
node/node-1          Ready    <none>          4m40s   v1.32.2
node/node-2          Ready    <none>          4m40s   v1.32.2
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "gets one object by name",
      args: ["ds", "nginx"],
      flags: {},
      stdout: `NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
nginx   2         2         2       2            2           <none>          2m20s
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "gets several objects of one type in one table",
      args: ["ds", "kube-proxy", "kube-keepalived-vip"],
      flags: {},
      namespace: "kube-system",
      stdout: `NAME                  DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
kube-proxy            3         3         3       3            3           kubernetes.io/os=linux   4m40s
kube-keepalived-vip   0         0         0       0            0           keepalived-vip=true      4m40s
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "gets TYPE/NAME pairs as separate tables",
      args: ["ds/nginx", "no/node-1", "ds/nginx"],
      flags: {},
      stdout: `NAME                   DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
daemonset.apps/nginx   2         2         2       2            2           <none>          2m20s

NAME          STATUS   ROLES    AGE     VERSION
node/node-1   Ready    <none>   4m40s   v1.32.2

NAME                   DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
daemonset.apps/nginx   2         2         2       2            2           <none>          2m20s
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "gets each name of each type for TYPE,TYPE NAME",
      args: ["ds,deploy", "nginx"],
      flags: {},
      stdout: `NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
nginx   2         2         2       2            2           <none>          2m20s
`,
      stderr: `Error from server (NotFound): deployments.apps "nginx" not found
`,
      exitCode: 1,
    },
    {
      name: "filters with a label selector",
      args: ["ds"],
      flags: { selector: "app=nginx" },
      stdout: `NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
nginx   2         2         2       2            2           <none>          2m20s
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "filters with a set-based label selector across namespaces",
      args: ["ds"],
      flags: { selector: "k8s-app in (kube-proxy, flannel)", allNamespaces: true },
      stdout: `NAMESPACE      NAME              DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
kube-flannel   kube-flannel-ds   3         3         3       3            3           <none>                   4m40s
kube-system    kube-proxy        3         3         3       3            3           kubernetes.io/os=linux   4m40s
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "filters with a field selector",
      args: ["pods"],
      flags: { fieldSelector: "spec.nodeName=node-1", allNamespaces: true },
      stdout: `NAMESPACE      NAME                    READY   STATUS    RESTARTS   AGE
default        nginx-xcb45             1/1     Running   0          2m20s
kube-flannel   kube-flannel-ds-xnlj6   1/1     Running   0          4m40s
kube-system    kube-proxy-dg9k2        1/1     Running   0          4m40s
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "shows labels and label columns",
      args: ["ds"],
      flags: { allNamespaces: true, showLabels: true, labelColumns: ["app"] },
      stdout: `NAMESPACE      NAME                  DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE     APP       LABELS
default        nginx                 2         2         2       2            2           <none>                   2m20s   nginx     app=nginx
kube-flannel   kube-flannel-ds       3         3         3       3            3           <none>                   4m40s   flannel   app=flannel,k8s-app=flannel
kube-system    kube-keepalived-vip   0         0         0       0            0           keepalived-vip=true      4m40s             name=kube-keepalived-vip
kube-system    kube-proxy            3         3         3       3            3           kubernetes.io/os=linux   4m40s             k8s-app=kube-proxy
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "shows several label columns from one comma-separated flag",
      args: ["pods"],
      flags: { labelColumns: ["app,controller-revision-hash"] },
      stdout: `NAME          READY   STATUS    RESTARTS   AGE     APP     CONTROLLER-REVISION-HASH
nginx-rnzbx   1/1     Running   0          2m20s   nginx   6c45fbff4c
nginx-xcb45   1/1     Running   0          2m20s   nginx   6c45fbff4c
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "prints no headers and no blank line between tables with --no-headers",
      args: ["ds,no"],
      flags: { noHeaders: true },
      stdout: `daemonset.apps/nginx   2     2     2     2     2     <none>   2m20s
node/control-plane   Ready   control-plane   4m40s   v1.32.2
node/node-1          Ready   <none>          4m40s   v1.32.2
node/node-2          Ready   <none>          4m40s   v1.32.2
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "prints kind prefixes for one type with --show-kind",
      args: ["ds"],
      flags: { showKind: true },
      stdout: `NAME                   DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
daemonset.apps/nginx   2         2         2       2            2           <none>          2m20s
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "sorts pods by node with --sort-by",
      args: ["pods"],
      flags: { sortBy: ".spec.nodeName", allNamespaces: true, output: "wide" },
      stdout: `NAMESPACE      NAME                                    READY   STATUS    RESTARTS   AGE     IP           NODE            NOMINATED NODE   READINESS GATES
kube-flannel   kube-flannel-ds-jrmhp                   1/1     Running   0          4m40s   172.18.0.2   control-plane   <none>           <none>
kube-system    etcd-control-plane                      1/1     Running   0          4m40s   172.18.0.2   control-plane   <none>           <none>
kube-system    kube-apiserver-control-plane            1/1     Running   0          4m40s   172.18.0.2   control-plane   <none>           <none>
kube-system    kube-controller-manager-control-plane   1/1     Running   0          4m40s   172.18.0.2   control-plane   <none>           <none>
kube-system    kube-proxy-wgkx5                        1/1     Running   0          4m40s   172.18.0.2   control-plane   <none>           <none>
kube-system    kube-scheduler-control-plane            1/1     Running   0          4m40s   172.18.0.2   control-plane   <none>           <none>
default        nginx-xcb45                             1/1     Running   0          2m20s   10.244.1.2   node-1          <none>           <none>
kube-flannel   kube-flannel-ds-xnlj6                   1/1     Running   0          4m40s   172.18.0.3   node-1          <none>           <none>
kube-system    kube-proxy-dg9k2                        1/1     Running   0          4m40s   172.18.0.3   node-1          <none>           <none>
default        nginx-rnzbx                             1/1     Running   0          2m20s   10.244.2.2   node-2          <none>           <none>
kube-flannel   kube-flannel-ds-9fh6x                   1/1     Running   0          4m40s   172.18.0.4   node-2          <none>           <none>
kube-system    kube-proxy-7vqb6                        1/1     Running   0          4m40s   172.18.0.4   node-2          <none>           <none>
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "sorts by a braced field path",
      args: ["pods"],
      flags: { sortBy: "{.metadata.name}", allNamespaces: true },
      stdout: `NAMESPACE      NAME                                    READY   STATUS    RESTARTS   AGE
kube-system    etcd-control-plane                      1/1     Running   0          4m40s
kube-system    kube-apiserver-control-plane            1/1     Running   0          4m40s
kube-system    kube-controller-manager-control-plane   1/1     Running   0          4m40s
kube-flannel   kube-flannel-ds-9fh6x                   1/1     Running   0          4m40s
kube-flannel   kube-flannel-ds-jrmhp                   1/1     Running   0          4m40s
kube-flannel   kube-flannel-ds-xnlj6                   1/1     Running   0          4m40s
kube-system    kube-proxy-7vqb6                        1/1     Running   0          4m40s
kube-system    kube-proxy-dg9k2                        1/1     Running   0          4m40s
kube-system    kube-proxy-wgkx5                        1/1     Running   0          4m40s
kube-system    kube-scheduler-control-plane            1/1     Running   0          4m40s
default        nginx-rnzbx                             1/1     Running   0          2m20s
default        nginx-xcb45                             1/1     Running   0          2m20s
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "sorts by resourceVersion strings read as numbers",
      args: ["pods"],
      flags: { sortBy: ".metadata.resourceVersion", allNamespaces: true },
      stdout: `NAMESPACE      NAME                                    READY   STATUS    RESTARTS   AGE
kube-system    etcd-control-plane                      1/1     Running   0          4m40s
kube-system    kube-proxy-dg9k2                        1/1     Running   0          4m40s
kube-system    kube-proxy-7vqb6                        1/1     Running   0          4m40s
kube-system    kube-apiserver-control-plane            1/1     Running   0          4m40s
kube-flannel   kube-flannel-ds-xnlj6                   1/1     Running   0          4m40s
kube-flannel   kube-flannel-ds-9fh6x                   1/1     Running   0          4m40s
kube-system    kube-controller-manager-control-plane   1/1     Running   0          4m40s
kube-system    kube-scheduler-control-plane            1/1     Running   0          4m40s
kube-system    kube-proxy-wgkx5                        1/1     Running   0          4m40s
kube-flannel   kube-flannel-ds-jrmhp                   1/1     Running   0          4m40s
default        nginx-xcb45                             1/1     Running   0          2m20s
default        nginx-rnzbx                             1/1     Running   0          2m20s
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "drops a table when no row has the sort field, as kubectl does",
      args: ["pods"],
      flags: { sortBy: ".metadata.labels.nothing" },
      stdout: "",
      stderr: `No resources found in default namespace.
`,
      exitCode: 0,
    },
    {
      name: "stops on values kubectl cannot sort",
      args: ["pods"],
      flags: { sortBy: ".metadata.labels" },
      stdout: "",
      stderr: `Field {.metadata.labels} in [][][]reflect.Value is an unsortable type: interface, err: unsortable type: map[string]interface {}
`,
      exitCode: 1,
    },
    {
      name: "refuses to sort several tables by an object field",
      args: ["ds,pods"],
      flags: { sortBy: ".metadata.name" },
      stdout: "",
      stderr: `error: couldn't find any field with path "{.metadata.name}" in the list of objects
`,
      exitCode: 1,
    },
    {
      name: "says no resources were found in the namespace",
      args: ["ds"],
      flags: {},
      namespace: "nosuch",
      stdout: "",
      stderr: `No resources found in nosuch namespace.
`,
      exitCode: 0,
    },
    {
      name: "says no resources were found for cluster-scoped types",
      args: ["nodes"],
      flags: { selector: "nothing=here" },
      stdout: "",
      stderr: `No resources found
`,
      exitCode: 0,
    },
    {
      name: "says no resources were found across namespaces",
      args: ["ds"],
      flags: { selector: "nothing=here", allNamespaces: true },
      stdout: "",
      stderr: `No resources found
`,
      exitCode: 0,
    },
    {
      name: "prints a NotFound error for a missing name",
      args: ["ds", "nope"],
      flags: {},
      stdout: "",
      stderr: `Error from server (NotFound): daemonsets.apps "nope" not found
`,
      exitCode: 1,
    },
    {
      name: "prints found objects and an error per missing name",
      args: ["ds", "nope", "nginx", "gone"],
      flags: {},
      stdout: `NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
nginx   2         2         2       2            2           <none>          2m20s
`,
      stderr: `Error from server (NotFound): daemonsets.apps "nope" not found
Error from server (NotFound): daemonsets.apps "gone" not found
`,
      exitCode: 1,
    },
    {
      name: "reports an unknown resource type",
      args: ["foos"],
      flags: {},
      stdout: "",
      stderr: `error: the server doesn't have a resource type "foos"
`,
      exitCode: 1,
    },
    {
      name: "reports an unknown type among several",
      args: ["ds,foo.example.com"],
      flags: {},
      stdout: "",
      stderr: `error: the server doesn't have a resource type "foo"
`,
      exitCode: 1,
    },
    {
      name: "reports a label selector that does not parse",
      args: ["ds"],
      flags: { selector: "app in (nginx" },
      stdout: "",
      stderr: `Error from server (BadRequest): Unable to find "apps/v1, Resource=daemonsets" that match label selector "app in (nginx", field selector "": unable to parse requirement: found '', expected: ',' or ')'
`,
      exitCode: 1,
    },
    {
      name: "reports a field selector on an unsupported field",
      args: ["ds"],
      flags: { fieldSelector: "spec.foo=x" },
      stdout: "",
      stderr: `Error from server (BadRequest): Unable to find "apps/v1, Resource=daemonsets" that match label selector "", field selector "spec.foo=x": "spec.foo" is not a known field selector: only "metadata.name", "metadata.namespace"
`,
      exitCode: 1,
    },
    {
      name: "refuses a name with --all-namespaces",
      args: ["ds", "nginx"],
      flags: { allNamespaces: true },
      stdout: "",
      stderr: `error: a resource cannot be retrieved by name across all namespaces
`,
      exitCode: 1,
    },
    {
      name: "accepts a cluster-scoped name with --all-namespaces",
      args: ["no", "node-1"],
      flags: { allNamespaces: true },
      stdout: `NAME     STATUS   ROLES    AGE     VERSION
node-1   Ready    <none>   4m40s   v1.32.2
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "refuses a name with a selector",
      args: ["ds", "nginx"],
      flags: { selector: "app=nginx" },
      stdout: "",
      stderr: `error: name cannot be provided when a selector is specified
`,
      exitCode: 1,
    },
    {
      name: "refuses TYPE/NAME with a selector",
      args: ["ds/nginx"],
      flags: { selector: "app=nginx" },
      stdout: "",
      stderr: `error: selectors and the all flag cannot be used when passing resource/name arguments
`,
      exitCode: 1,
    },
    {
      name: "refuses a type before TYPE/NAME arguments",
      args: ["ds", "ds/nginx"],
      flags: {},
      stdout: "",
      stderr: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubesim get resource/<resource_name>' instead of 'kubesim get resource resource/<resource_name>'
`,
      exitCode: 1,
    },
    {
      name: "refuses a category with a name",
      args: ["all", "nginx"],
      flags: {},
      stdout: "",
      stderr: `error: you must specify only one resource
`,
      exitCode: 1,
    },
    {
      name: "refuses TYPE/NAME with two slashes",
      args: ["ds/nginx/x"],
      flags: {},
      stdout: "",
      stderr: `error: arguments in resource/name form may not have more than one slash
`,
      exitCode: 1,
    },
    {
      name: "ignores missing names with --ignore-not-found",
      args: ["ds", "nope"],
      flags: { ignoreNotFound: true },
      stdout: "",
      stderr: "",
      exitCode: 0,
    },
    {
      name: "prints a single object as YAML",
      args: ["ds", "nginx"],
      flags: { output: "yaml" },
      stdout: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  annotations:
    deprecated.daemonset.template.generation: "1"
  creationTimestamp: "2026-01-01T00:02:20Z"
  generation: 1
  labels:
    app: nginx
  name: nginx
  namespace: default
  resourceVersion: "97"
  uid: 00220c50-0e96-4864-b3e9-d58edebc7320
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
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "prints a list as YAML",
      args: ["ds"],
      flags: { output: "yaml" },
      stdout: `apiVersion: v1
items:
- apiVersion: apps/v1
  kind: DaemonSet
  metadata:
    annotations:
      deprecated.daemonset.template.generation: "1"
    creationTimestamp: "2026-01-01T00:02:20Z"
    generation: 1
    labels:
      app: nginx
    name: nginx
    namespace: default
    resourceVersion: "97"
    uid: 00220c50-0e96-4864-b3e9-d58edebc7320
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
kind: List
metadata:
  resourceVersion: ""
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "prints an empty List as YAML",
      args: ["ds"],
      flags: { output: "yaml" },
      namespace: "nosuch",
      stdout: `apiVersion: v1
items: []
kind: List
metadata:
  resourceVersion: ""
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "prints a list as JSON",
      args: ["ds"],
      flags: { output: "json" },
      stdout: `{
    "apiVersion": "v1",
    "items": [
        {
            "apiVersion": "apps/v1",
            "kind": "DaemonSet",
            "metadata": {
                "annotations": {
                    "deprecated.daemonset.template.generation": "1"
                },
                "creationTimestamp": "2026-01-01T00:02:20Z",
                "generation": 1,
                "labels": {
                    "app": "nginx"
                },
                "name": "nginx",
                "namespace": "default",
                "resourceVersion": "97",
                "uid": "00220c50-0e96-4864-b3e9-d58edebc7320"
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
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "prints a single object as JSON",
      args: ["no", "node-1"],
      flags: { output: "JSON" },
      stdout: `{
    "apiVersion": "v1",
    "kind": "Node",
    "metadata": {
        "creationTimestamp": "2026-01-01T00:00:00Z",
        "labels": {
            "kubernetes.io/arch": "amd64",
            "kubernetes.io/hostname": "node-1",
            "kubernetes.io/os": "linux"
        },
        "name": "node-1",
        "resourceVersion": "14",
        "uid": "a9fa6c9c-0a4b-4416-8efa-7c9cb16ff9c0"
    },
    "spec": {
        "podCIDR": "10.244.1.0/24",
        "podCIDRs": [
            "10.244.1.0/24"
        ]
    },
    "status": {
        "addresses": [
            {
                "address": "172.18.0.3",
                "type": "InternalIP"
            },
            {
                "address": "node-1",
                "type": "Hostname"
            }
        ],
        "allocatable": {
            "cpu": "2",
            "memory": "4Gi",
            "pods": "110"
        },
        "capacity": {
            "cpu": "2",
            "memory": "4Gi",
            "pods": "110"
        },
        "conditions": [
            {
                "lastHeartbeatTime": "2026-01-01T00:00:00Z",
                "lastTransitionTime": "2026-01-01T00:00:00Z",
                "message": "kubelet has sufficient memory available",
                "reason": "KubeletHasSufficientMemory",
                "status": "False",
                "type": "MemoryPressure"
            },
            {
                "lastHeartbeatTime": "2026-01-01T00:00:00Z",
                "lastTransitionTime": "2026-01-01T00:00:00Z",
                "message": "kubelet has no disk pressure",
                "reason": "KubeletHasNoDiskPressure",
                "status": "False",
                "type": "DiskPressure"
            },
            {
                "lastHeartbeatTime": "2026-01-01T00:00:00Z",
                "lastTransitionTime": "2026-01-01T00:00:00Z",
                "message": "kubelet has sufficient PID available",
                "reason": "KubeletHasSufficientPID",
                "status": "False",
                "type": "PIDPressure"
            },
            {
                "lastHeartbeatTime": "2026-01-01T00:00:00Z",
                "lastTransitionTime": "2026-01-01T00:00:00Z",
                "message": "kubelet is posting ready status",
                "reason": "KubeletReady",
                "status": "True",
                "type": "Ready"
            }
        ],
        "daemonEndpoints": {
            "kubeletEndpoint": {
                "Port": 10250
            }
        },
        "nodeInfo": {
            "architecture": "amd64",
            "bootID": "a9594da0-110d-a201-0c4f-6daeb8497c0f",
            "containerRuntimeVersion": "containerd://1.7.24",
            "kernelVersion": "6.8.0-49-generic",
            "kubeProxyVersion": "v1.32.2",
            "kubeletVersion": "v1.32.2",
            "machineID": "bce3424f7d2d54900bed94d5caccc256",
            "operatingSystem": "linux",
            "osImage": "Ubuntu 24.04.1 LTS",
            "systemUUID": "4f440073-29a4-b522-f375-8fed4cf103ac"
        }
    }
}
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "prints names with -o name",
      args: ["all"],
      flags: { output: "name" },
      stdout: `pod/nginx-rnzbx
pod/nginx-xcb45
service/kubernetes
daemonset.apps/nginx
deployment.apps/web
replicaset.apps/web-6d4cf56db6
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "prints nothing for no objects with -o name",
      args: ["ds"],
      flags: { output: "name" },
      namespace: "nosuch",
      stdout: "",
      stderr: "",
      exitCode: 0,
    },
    {
      name: "prints the objects found and the errors with -o name",
      args: ["ds", "nope", "nginx"],
      flags: { output: "name" },
      stdout: `daemonset.apps/nginx
`,
      stderr: `Error from server (NotFound): daemonsets.apps "nope" not found
`,
      exitCode: 1,
    },
    {
      name: "prints only the error for one missing name with -o yaml",
      args: ["ds", "nope"],
      flags: { output: "yaml" },
      stdout: "",
      stderr: `Error from server (NotFound): daemonsets.apps "nope" not found
`,
      exitCode: 1,
    },
    {
      name: "sorts a list printed with -o name",
      args: ["pods"],
      flags: { output: "name", allNamespaces: true, sortBy: ".spec.nodeName" },
      stdout: `pod/kube-flannel-ds-jrmhp
pod/etcd-control-plane
pod/kube-apiserver-control-plane
pod/kube-controller-manager-control-plane
pod/kube-proxy-wgkx5
pod/kube-scheduler-control-plane
pod/nginx-xcb45
pod/kube-flannel-ds-xnlj6
pod/kube-proxy-dg9k2
pod/nginx-rnzbx
pod/kube-flannel-ds-9fh6x
pod/kube-proxy-7vqb6
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "fails to sort a list printed with -o name by a missing field",
      args: ["ds"],
      flags: { output: "name", sortBy: ".nothing" },
      stdout: "",
      stderr: `error: couldn't find any field with path "{.nothing}" in the list of objects
`,
      exitCode: 1,
    },
    {
      name: "prints a jsonpath over the List",
      args: ["pods"],
      flags: { output: "jsonpath={.items[*].metadata.name}", allNamespaces: true },
      stdout:
        "nginx-rnzbx nginx-xcb45 kube-flannel-ds-9fh6x kube-flannel-ds-jrmhp kube-flannel-ds-xnlj6 etcd-control-plane kube-apiserver-control-plane kube-controller-manager-control-plane kube-proxy-7vqb6 kube-proxy-dg9k2 kube-proxy-wgkx5 kube-scheduler-control-plane",
      stderr: "",
      exitCode: 0,
    },
    {
      name: "prints a jsonpath over one object",
      args: ["ds", "nginx"],
      flags: { output: "jsonpath={.spec.template.spec.containers[0].image}" },
      stdout: "nginx:1.25",
      stderr: "",
      exitCode: 0,
    },
    {
      name: "prints a jsonpath range with newlines",
      args: ["nodes"],
      flags: {
        output:
          'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.addresses[?(@.type=="InternalIP")].address}{"\\n"}{end}',
      },
      stdout: `control-plane\t172.18.0.2
node-1\t172.18.0.3
node-2\t172.18.0.4
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "prints nothing for a missing key by default",
      args: ["ds", "nginx"],
      flags: { output: "jsonpath={.nothing}" },
      stdout: "",
      stderr: "",
      exitCode: 0,
    },
    {
      name: "dumps the object when a key is missing and missing keys are not allowed",
      args: ["ns", "default"],
      flags: { output: "jsonpath={.nothing}", allowMissingTemplateKeys: false },
      stdout: "",
      stderr: `error: error executing jsonpath "{.nothing}": Error executing template: nothing is not found. Printing more information for debugging the template:
\ttemplate was:
\t\t{.nothing}
\tobject given to jsonpath engine was:
\t\tmap[string]interface {}{"apiVersion":"v1", "kind":"Namespace", "metadata":map[string]interface {}{"creationTimestamp":"2026-01-01T00:00:00Z", "labels":map[string]interface {}{"kubernetes.io/metadata.name":"default"}, "name":"default", "resourceVersion":"1", "uid":"230b44e2-dc77-4a3d-9678-a37cd2bfdfe6"}, "spec":map[string]interface {}{"finalizers":[]interface {}{"kubernetes"}}, "status":map[string]interface {}{"phase":"Active"}}


`,
      exitCode: 1,
    },
    {
      name: "reports an index out of range on an empty list",
      args: ["ds"],
      flags: { output: "jsonpath={.items[0].metadata.name}" },
      namespace: "nosuch",
      stdout: "",
      stderr: `error: error executing jsonpath "{.items[0].metadata.name}": Error executing template: array index out of bounds: index 0, length 0. Printing more information for debugging the template:
\ttemplate was:
\t\t{.items[0].metadata.name}
\tobject given to jsonpath engine was:
\t\tmap[string]interface {}{"apiVersion":"v1", "items":[]interface {}{}, "kind":"List", "metadata":map[string]interface {}{"resourceVersion":""}}


`,
      exitCode: 1,
    },
    {
      name: "prints each group as JSON with jsonpath-as-json",
      args: ["ds"],
      flags: { output: "jsonpath-as-json={.items[*].metadata.name}", allNamespaces: true },
      stdout: `[
    "nginx",
    "kube-flannel-ds",
    "kube-keepalived-vip",
    "kube-proxy"
]
`,
      stderr: "",
      exitCode: 0,
    },
    {
      name: "takes the template from --template",
      args: ["ds", "nginx"],
      flags: { output: "jsonpath", template: "{.metadata.uid}" },
      stdout: "00220c50-0e96-4864-b3e9-d58edebc7320",
      stderr: "",
      exitCode: 0,
    },
    {
      name: "reports a jsonpath that does not parse",
      args: ["ds"],
      flags: { output: "jsonpath={.items[*]" },
      stdout: "",
      stderr: `error: error parsing jsonpath {.items[*], unclosed action
`,
      exitCode: 1,
    },
    {
      name: "reports a jsonpath format without a template",
      args: ["ds"],
      flags: { output: "jsonpath=" },
      stdout: "",
      stderr: `error: template format specified but no template given
`,
      exitCode: 1,
    },
    {
      name: "reports a missing jsonpath file",
      args: ["ds"],
      flags: { output: "jsonpath-file=missing.txt" },
      stdout: "",
      stderr: `error: error reading --template missing.txt, open missing.txt: no such file or directory
`,
      exitCode: 1,
    },
    {
      name: "reports an unknown output format with kubectl's list",
      args: ["ds"],
      flags: { output: "foo" },
      stdout: "",
      stderr: `error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml
`,
      exitCode: 1,
    },
    {
      name: "treats -o WIDE as an unknown format",
      args: ["ds"],
      flags: { output: "WIDE" },
      stdout: "",
      stderr: `error: unable to match a printer suitable for the output format "WIDE", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml
`,
      exitCode: 1,
    },
    {
      name: "says go-template is not supported",
      args: ["ds"],
      flags: { output: "go-template={{.metadata.name}}" },
      stdout: "",
      stderr: `error: kubesim does not support the "go-template" output format
`,
      exitCode: 1,
    },
    {
      name: "refuses --show-labels with -o yaml",
      args: ["ds"],
      flags: { output: "yaml", showLabels: true },
      stdout: "",
      stderr: `error: --show-labels option cannot be used with yaml printer
`,
      exitCode: 1,
    },
    {
      name: "asks for a resource type without arguments",
      args: [],
      flags: {},
      stdout: "",
      stderr: `You must specify the type of resource to get. Use "kubesim api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubesim explain <resource>" for a detailed description of that resource (e.g. kubesim explain pods).
See 'kubesim get -h' for help and examples
`,
      exitCode: 1,
    },
    {
      name: "refuses --watch",
      args: ["pods"],
      flags: { watch: true },
      stdout: "",
      stderr: `error: --watch is not supported by kubesim: every command settles the simulated cluster before it prints, so there are no further changes to watch
`,
      exitCode: 1,
    },
  ])("$name", async ({ args, flags, namespace, stdout, stderr, exitCode }) => {
    const context = testContext(cluster, namespace === undefined ? {} : { namespace });
    const code = await runGet(context, args, flags);
    expect(context.io.output.stdout).toBe(stdout);
    expect(context.io.output.stderr).toBe(stderr);
    expect(code).toBe(exitCode);
  });

  it.each([
    { name: "the short name", type: "ds" },
    { name: "the plural", type: "daemonsets" },
    { name: "the singular", type: "daemonset" },
    { name: "the kind", type: "DaemonSet" },
    { name: "the plural with its group", type: "daemonsets.apps" },
    { name: "the plural with version and group", type: "daemonsets.v1.apps" },
    { name: "upper case", type: "DS" },
  ])("resolves the DaemonSet type from $name", async ({ type }) => {
    const context = testContext(cluster);
    await runGet(context, [type], {});
    expect(context.io.output.stdout).toBe(
      "NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\n" +
        "nginx   2         2         2       2            2           <none>          2m20s\n",
    );
  });

  it("reads a jsonpath-file relative to the working directory", async () => {
    const directory = mkdtempSync(join(tmpdir(), "kubesim-get-"));
    writeFileSync(join(directory, "names.jsonpath"), '{range .items[*]}{.metadata.name}{"\\n"}{end}');
    const context = testContext(cluster, { cwd: directory, namespace: "kube-system" });
    const code = await runGet(context, ["ds"], { output: "jsonpath-file=names.jsonpath" });
    expect(context.io.output.stdout).toBe("kube-keepalived-vip\nkube-proxy\n");
    expect(code).toBe(0);
  });
});

describe("runGet of leases (coordination.k8s.io/v1, stored but kept by no kubelet)", () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await createCluster({ seed: 1, bootstrap: "empty" });
  });

  afterAll(() => {
    cluster.close();
  });

  it("answers a cluster without leases as kubectl does", async () => {
    const context = testContext(cluster);
    const code = await runGet(context, ["leases"], { allNamespaces: true });
    expect(context.io.output).toEqual({ stdout: "", stderr: "No resources found\n" });
    expect(code).toBe(0);
  });

  it("prints upstream's NAME, HOLDER and AGE columns, by the plural with its group too", async () => {
    await cluster.client.create({
      apiVersion: "coordination.k8s.io/v1",
      kind: "Lease",
      metadata: { name: "node-1", namespace: "kube-node-lease" },
      spec: { holderIdentity: "node-1", leaseDurationSeconds: 40 },
    } as KubeObject);
    await cluster.client.create({
      apiVersion: "coordination.k8s.io/v1",
      kind: "Lease",
      metadata: { name: "unheld", namespace: "default" },
    } as KubeObject);
    for (const type of ["leases", "lease", "leases.coordination.k8s.io"]) {
      const context = testContext(cluster);
      const code = await runGet(context, [type], { allNamespaces: true });
      expect(context.io.output).toEqual({
        stdout:
          "NAMESPACE         NAME     HOLDER   AGE\n" +
          "default           unheld            0s\n" +
          "kube-node-lease   node-1   node-1   0s\n",
        stderr: "",
      });
      expect(code).toBe(0);
    }
  });
});
