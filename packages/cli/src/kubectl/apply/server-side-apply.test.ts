/**
 * Golden tests of kubectl v1.32's apply flows around field managers, reproducing the
 * transcripts 20–26c of /work/shared/spec/kubectl-transcripts through the kubesim verbs
 * on a test cluster: what is printed, byte for byte, and which writes are made.
 * Timestamps, uids and resourceVersions differ from the transcripts' and are masked.
 */
import type { Cluster } from "@kubesim/cluster";
import type { ApiClient, KubeObject, PatchOptions } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { bufferedIo } from "../../io.js";
import { runGet } from "../get/index.js";
import {
  clientWithOverrides,
  createTestCluster,
  nginxDaemonSetYaml,
  writeManifests,
} from "../resource-builder/test-manifests.js";
import { testContext } from "../test-context.js";
import { type ApplyOptions, runApply } from "./apply.js";

/** A PATCH as kube-apiserver would see it: its type and query parameters. */
interface SentPatch {
  readonly type: string;
  readonly fieldManager: string | undefined;
  readonly force: boolean | undefined;
}

interface Session {
  readonly cluster: Cluster;
  readonly cwd: string;
  readonly patches: SentPatch[];
  readonly client: ApiClient;
}

async function session(): Promise<Session> {
  const cluster = await createTestCluster();
  const cwd = await writeManifests({
    "ds.yaml": nginxDaemonSetYaml("nginx:1.25"),
    "ds-v2.yaml": nginxDaemonSetYaml("nginx:1.26"),
  });
  const patches: SentPatch[] = [];
  const client = clientWithOverrides(cluster.client, {
    patch: (async (kind: string, name: string, patch: unknown, options: PatchOptions) => {
      patches.push({ type: options.type, fieldManager: options.fieldManager, force: options.force });
      return cluster.client.patch(kind, name, patch, options);
    }) as ApiClient["patch"],
  });
  return { cluster, cwd, patches, client };
}

async function apply(current: Session, options: Omit<ApplyOptions, "recursive">) {
  const io = bufferedIo();
  current.patches.length = 0;
  const context = { ...testContext(current.cluster, { io, cwd: current.cwd }), client: current.client };
  const exitCode = await runApply(context, { recursive: false, ...options });
  await current.cluster.settle();
  return { exitCode, ...io.output, patches: [...current.patches] };
}

async function getYaml(current: Session, showManagedFields: boolean) {
  const io = bufferedIo();
  const exitCode = await runGet(testContext(current.cluster, { io }), ["ds", "nginx"], {
    output: "yaml",
    showManagedFields,
  });
  return { exitCode, ...io.output };
}

/** Masks what differs between two runs of the same flow: times, uids, resourceVersions. */
function maskVolatile(yaml: string): string {
  return yaml.replace(/^(\s*-? ?)(creationTimestamp|time|uid|resourceVersion): .*$/gm, "$1$2: <masked>");
}

async function managersOf(current: Session): Promise<string[]> {
  const object: KubeObject = await current.cluster.client.get("DaemonSet", "nginx", { namespace: "default" });
  return (object.metadata?.managedFields ?? [])
    .filter((entry) => (entry.subresource ?? "") === "")
    .map((entry) => `${entry.manager ?? ""} ${entry.operation ?? ""}`);
}

// Transcript 23's stderr.
const conflictStderr = `error: Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.template.spec.containers[name="nginx"].image
Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts
`;

// Transcript 24b's stdout: `get ds nginx -o yaml --show-managed-fields` after the migration.
const afterMigrationYaml = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  annotations:
    deprecated.daemonset.template.generation: "3"
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"annotations":{},"labels":{"app":"nginx"},"name":"nginx","namespace":"default"},"spec":{"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.26","name":"nginx","ports":[{"containerPort":80}]}]}}}}
  creationTimestamp: "2026-11-29T19:21:54Z"
  generation: 3
  labels:
    app: nginx
  managedFields:
  - apiVersion: apps/v1
    fieldsType: FieldsV1
    fieldsV1:
      f:metadata:
        f:labels:
          f:app: {}
      f:spec:
        f:selector:
          f:matchLabels:
            f:app: {}
        f:template:
          f:metadata:
            f:labels:
              f:app: {}
          f:spec:
            f:containers:
              k:{"name":"nginx"}:
                .: {}
                f:image: {}
                f:name: {}
                f:ports:
                  k:{"containerPort":80}:
                    .: {}
                    f:containerPort: {}
    manager: kubectl
    operation: Apply
    time: "2026-11-29T19:21:58Z"
  - apiVersion: apps/v1
    fieldsType: FieldsV1
    fieldsV1:
      f:metadata:
        f:annotations:
          f:kubectl.kubernetes.io/last-applied-configuration: {}
    manager: kubectl-last-applied
    operation: Apply
    time: "2026-11-29T19:21:58Z"
  name: nginx
  namespace: default
  resourceVersion: "1094"
  uid: 1668ba7e-a4cc-4275-98b7-fe3607305380
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
  observedGeneration: 3
  updatedNumberScheduled: 2
`;

// Transcript 26c's stdout: the same after server-side applies only.
const serverSideOnlyYaml = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  annotations:
    deprecated.daemonset.template.generation: "2"
  creationTimestamp: "2026-11-29T19:22:02Z"
  generation: 2
  labels:
    app: nginx
  managedFields:
  - apiVersion: apps/v1
    fieldsType: FieldsV1
    fieldsV1:
      f:metadata:
        f:labels:
          f:app: {}
      f:spec:
        f:selector:
          f:matchLabels:
            f:app: {}
        f:template:
          f:metadata:
            f:labels:
              f:app: {}
          f:spec:
            f:containers:
              k:{"name":"nginx"}:
                .: {}
                f:image: {}
                f:name: {}
                f:ports:
                  k:{"containerPort":80}:
                    .: {}
                    f:containerPort: {}
    manager: kubectl
    operation: Apply
    time: "2026-11-29T19:22:04Z"
  name: nginx
  namespace: default
  resourceVersion: "1121"
  uid: 03821233-6d2b-4bf4-b7a9-8f976b3af0b0
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
      - image: nginx:1.26
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
  observedGeneration: 2
  updatedNumberScheduled: 2
`;

describe("client-side apply, then server-side apply and its migration (transcripts 20–24b)", () => {
  it("creates, leaves unchanged, configures, conflicts, then migrates with --force-conflicts", async () => {
    const current = await session();
    // 20: created by kubectl-client-side-apply (an Update manager).
    expect(await apply(current, { filenames: ["ds.yaml"] })).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx created\n",
      stderr: "",
      patches: [],
    });
    expect(await managersOf(current)).toEqual(["kubectl-client-side-apply Update"]);
    // 21: nothing to patch.
    expect(await apply(current, { filenames: ["ds.yaml"] })).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx unchanged\n",
      stderr: "",
      patches: [],
    });
    // 22: a strategic merge patch by kubectl-client-side-apply.
    expect(await apply(current, { filenames: ["ds-v2.yaml"] })).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx configured\n",
      stderr: "",
      patches: [{ type: "strategic", fieldManager: "kubectl-client-side-apply", force: undefined }],
    });
    // 23: the image belongs to kubectl-client-side-apply: a conflict, with kubectl's help.
    expect(await apply(current, { filenames: ["ds.yaml"], serverSide: true })).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: conflictStderr,
      patches: [{ type: "apply", fieldManager: "kubectl", force: false }],
    });
    // 24: forced; then the annotation is saved by kubectl-last-applied, managedFields are
    // migrated by a JSON patch, and the configuration is applied again.
    expect(await apply(current, { filenames: ["ds.yaml"], serverSide: true, forceConflicts: true })).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx serverside-applied\n",
      stderr: "",
      patches: [
        { type: "apply", fieldManager: "kubectl", force: true },
        { type: "apply", fieldManager: "kubectl-last-applied", force: undefined },
        { type: "json", fieldManager: "kubectl", force: undefined },
        { type: "apply", fieldManager: "kubectl", force: true },
      ],
    });
    // 24b: what get shows afterwards.
    const shown = await getYaml(current, true);
    expect({ ...shown, stdout: maskVolatile(shown.stdout) }).toEqual({
      exitCode: 0,
      stdout: maskVolatile(afterMigrationYaml),
      stderr: "",
    });
    // A second forced apply has nothing left to migrate: a single PATCH.
    expect(
      await apply(current, { filenames: ["ds.yaml"], serverSide: true, forceConflicts: true }),
    ).toMatchObject({
      exitCode: 0,
      patches: [{ type: "apply", fieldManager: "kubectl", force: true }],
    });
    current.cluster.close();
  });
});

describe("server-side apply only (transcripts 25–26c)", () => {
  it("applies, re-applies and changes with one PATCH each; get shows the kubectl Apply entry", async () => {
    const current = await session();
    for (const file of ["ds.yaml", "ds.yaml", "ds-v2.yaml"]) {
      expect(await apply(current, { filenames: [file], serverSide: true })).toEqual({
        exitCode: 0,
        stdout: "daemonset.apps/nginx serverside-applied\n",
        stderr: "",
        patches: [{ type: "apply", fieldManager: "kubectl", force: false }],
      });
    }
    const shown = await getYaml(current, true);
    expect({ ...shown, stdout: maskVolatile(shown.stdout) }).toEqual({
      exitCode: 0,
      stdout: maskVolatile(serverSideOnlyYaml),
      stderr: "",
    });
    current.cluster.close();
  });

  it.each([
    { name: "get -o yaml hides managedFields without --show-managed-fields", output: "yaml", hidden: true },
    { name: "get -o json hides managedFields without --show-managed-fields", output: "json", hidden: true },
    { name: "get -o yaml --show-managed-fields shows them", output: "yaml", show: true, hidden: false },
    { name: "get -o json --show-managed-fields shows them", output: "json", show: true, hidden: false },
    {
      name: "get -o jsonpath shows them (kubectl only drops them from json and yaml)",
      output: "jsonpath={.metadata.managedFields[*].manager}",
      hidden: false,
    },
  ])("$name", async ({ output, show, hidden }) => {
    const current = await session();
    await apply(current, { filenames: ["ds.yaml"], serverSide: true });
    const io = bufferedIo();
    const exitCode = await runGet(testContext(current.cluster, { io }), ["ds", "nginx"], {
      output,
      showManagedFields: show === true,
    });
    expect(exitCode).toBe(0);
    expect(io.output.stdout.includes("managedFields")).toBe(!hidden && !output.startsWith("jsonpath"));
    if (output.startsWith("jsonpath")) expect(io.output.stdout).toBe("kubectl");
    current.cluster.close();
  });
});
