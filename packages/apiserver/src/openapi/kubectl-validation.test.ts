/**
 * The real kubectl (v1.32) against createApiServer: `--validate=strict` (the default)
 * reads our /openapi/v3 documents, leaves validation to the server, and prints the
 * server's strict-decoding errors and warnings as it does with kube-apiserver.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type KubectlResult, KubectlSandbox, kubectlPath } from "../test-kubectl.js";
import { startTestServer, type TestServer } from "../test-server.js";

const manifests: Record<string, string> = {
  "ds.yaml": `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: nginx
  namespace: default
  labels: {app: nginx}
spec:
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports: [{containerPort: 80}]
`,
  "ds-unknown-field.yaml": `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: typo, namespace: default}
spec:
  replicas: 3
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec: {containers: [{name: nginx, image: "nginx:1.25"}]}
`,
  "pod-unknown-fields.yaml": `apiVersion: v1
kind: Pod
metadata: {name: typo, namespace: default, labelz: {a: b}}
spec:
  containers:
  - {name: a, image: busybox}
  - {name: b, image: busybox, imagePullPolicyy: Always}
`,
  "pod-warn.yaml": `apiVersion: v1
kind: Pod
metadata: {name: warned, namespace: default}
spec:
  containers: [{name: a, image: busybox, imagePullPolicyy: Always}]
`,
  "full-pod.yaml": `apiVersion: v1
kind: Pod
metadata:
  name: full
  namespace: default
  labels: {app: full}
  annotations: {note: "x"}
spec:
  nodeSelector: {kubernetes.io/os: linux}
  tolerations: [{key: k, operator: Exists, effect: NoExecute, tolerationSeconds: 5}]
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms: [{matchExpressions: [{key: a, operator: In, values: [x]}]}]
  volumes: [{name: v, emptyDir: {sizeLimit: 1Gi}}, {name: c, configMap: {name: cm, items: [{key: a, path: b}]}}]
  securityContext: {runAsUser: 1000, fsGroup: 2000}
  containers:
  - name: a
    image: busybox
    command: [sh, -c, "sleep 1"]
    env: [{name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}, {name: ONE, value: "1"}]
    resources: {limits: {cpu: 500m, memory: 128Mi}, requests: {cpu: 0.1}}
    ports: [{containerPort: 8080, name: http}]
    livenessProbe: {httpGet: {path: /, port: http}, periodSeconds: 3}
    readinessProbe: {tcpSocket: {port: 8080}}
    volumeMounts: [{name: v, mountPath: /v}]
`,
  "others.yaml": `apiVersion: v1
kind: Namespace
metadata: {name: team-a, labels: {team: a}}
---
apiVersion: v1
kind: Node
metadata: {name: node-9, labels: {kubernetes.io/hostname: node-9}}
spec:
  taints: [{key: dedicated, value: gpu, effect: NoSchedule}]
status:
  capacity: {cpu: "4", memory: 8Gi, pods: "110"}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: default}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: http, protocol: TCP}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  replicas: 2
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
`,
  "applied.yaml": `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: applied, namespace: default}
spec:
  selector: {matchLabels: {app: applied}}
  template:
    metadata: {labels: {app: applied}}
    spec:
      containers:
      - {name: a, image: "busybox:1", env: [{name: A, value: "1"}]}
      - {name: b, image: "busybox:1"}
`,
  "applied-changed.yaml": `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: applied, namespace: default}
spec:
  selector: {matchLabels: {app: applied}}
  template:
    metadata: {labels: {app: applied}}
    spec:
      containers:
      - {name: a, image: "busybox:2", env: [{name: A, value: "1"}, {name: B, value: "2"}]}
      - {name: b, image: "busybox:1"}
`,
};

let server: TestServer;
let sandbox: KubectlSandbox;

beforeAll(async () => {
  server = await startTestServer();
  sandbox = await KubectlSandbox.create();
  for (const [name, text] of Object.entries(manifests)) await sandbox.writeManifest(name, text);
});

afterAll(async () => {
  await server.close();
  await sandbox.remove();
});

/** Runs kubectl against the test server (manifests are named relative to the sandbox folder). */
function kubectl(...args: string[]): Promise<KubectlResult> {
  return sandbox.run(server.base, args);
}

describe.skipIf(!existsSync(kubectlPath))("the real kubectl with --validate=strict", () => {
  it.each([
    {
      name: "creating a valid DaemonSet succeeds",
      args: ["create", "-f", "ds.yaml"],
      expected: { code: 0, stdout: "daemonset.apps/nginx created\n", stderr: "" },
    },
    {
      name: "a DaemonSet with spec.replicas is refused with upstream's message (transcript 73)",
      args: ["create", "-f", "ds-unknown-field.yaml"],
      expected: {
        code: 1,
        stdout: "",
        stderr:
          'Error from server (BadRequest): error when creating "ds-unknown-field.yaml": DaemonSet in version "v1" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec.replicas"\n',
      },
    },
    {
      name: "several unknown fields of a Pod are listed in document order",
      args: ["create", "-f", "pod-unknown-fields.yaml"],
      expected: {
        code: 1,
        stdout: "",
        stderr:
          'Error from server (BadRequest): error when creating "pod-unknown-fields.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadata.labelz", unknown field "spec.containers[1].imagePullPolicyy"\n',
      },
    },
    {
      name: "with --validate=warn the object is created and kubectl prints one warning per unknown field",
      args: ["create", "-f", "pod-warn.yaml", "--validate=warn"],
      expected: {
        code: 0,
        stdout: "pod/warned created\n",
        stderr: 'Warning: unknown field "spec.containers[0].imagePullPolicyy"\n',
      },
    },
    {
      name: "a Pod using many valid fields is not rejected by validation",
      args: ["create", "-f", "full-pod.yaml"],
      expected: { code: 0, stdout: "pod/full created\n", stderr: "" },
    },
    {
      name: "a Namespace, Node, Service and Deployment with valid fields are created",
      args: ["create", "-f", "others.yaml"],
      expected: {
        code: 0,
        stdout:
          "namespace/team-a created\nnode/node-9 created\nservice/web created\ndeployment.apps/web created\n",
        stderr: "",
      },
    },
    {
      name: "client-side apply creates a DaemonSet",
      args: ["apply", "-f", "applied.yaml"],
      expected: { code: 0, stdout: "daemonset.apps/applied created\n", stderr: "" },
    },
    {
      name: "client-side apply patches it without an OpenAPI patch warning",
      args: ["apply", "-f", "applied-changed.yaml"],
      expected: { code: 0, stdout: "daemonset.apps/applied configured\n", stderr: "" },
    },
    {
      name: "client-side apply of the same manifest again changes nothing",
      args: ["apply", "-f", "applied-changed.yaml"],
      expected: { code: 0, stdout: "daemonset.apps/applied unchanged\n", stderr: "" },
    },
    {
      name: "kubectl explain walks the generated component schemas",
      args: ["explain", "daemonset.spec.updateStrategy"],
      expected: {
        code: 0,
        stdout:
          "GROUP:      apps\nKIND:       DaemonSet\nVERSION:    v1\n\nFIELD: updateStrategy <DaemonSetUpdateStrategy>\n\n\n" +
          "DESCRIPTION:\n    <empty>\nFIELDS:\n  rollingUpdate\t<RollingUpdateDaemonSet>\n    <no description>\n\n" +
          "  type\t<string>\n    <no description>\n\n\n",
        stderr: "",
      },
    },
  ])(
    "$name",
    async ({ args, expected }) => {
      expect(await kubectl(...args)).toEqual(expected);
    },
    60_000,
  );

  it("the applied DaemonSet keeps both containers and merges the env list", async () => {
    const result = await kubectl(
      "get",
      "ds",
      "applied",
      "-o",
      "jsonpath={range .spec.template.spec.containers[*]}{.name}={.image}:{.env[*].name};{end}",
    );
    expect(result).toEqual({ code: 0, stdout: "a=busybox:2:A B;b=busybox:1:;", stderr: "" });
  }, 60_000);
});
