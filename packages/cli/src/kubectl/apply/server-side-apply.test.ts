/**
 * Golden tests of kubectl v1.32's apply flows around field managers, reproducing the
 * transcripts 20–26c of the shared kubectl-transcripts spec through the kubesim verbs
 * on a test cluster: what is printed, byte for byte, and which writes are made.
 * Timestamps, uids and resourceVersions differ from the transcripts' and are masked.
 *
 * Those transcripts were recorded against a stub API server, and where the stub's
 * field management differs from kube-apiserver v1.32 the goldens follow upstream:
 * - `f:selector: {}`: a LabelSelector is an atomic struct (`+structType=atomic`), owned whole;
 * - container ports are keyed by `containerPort` and `protocol` (`+listMapKey` both), the
 *   defaulted protocol included: `k:{"containerPort":80,"protocol":"TCP"}`;
 * - transcript 23's sequence does not conflict: for manager `kubectl`, kube-apiserver's
 *   last-applied manager takes over the conflicting fields whose live value still equals the
 *   `kubectl.kubernetes.io/last-applied-configuration` annotation (the image: live and
 *   last-applied are both nginx:1.26), so the unforced apply succeeds, the annotation is
 *   rewritten from the applied configuration, and kubectl migrates the client-side
 *   ownership right away. The byte-exact conflict output is reached with a field another
 *   manager changed (`set image`, manager `kubectl-set`) instead.
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
import { runSetImage } from "../set-image/index.js";
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

// Transcript 23's stderr, with the manager that owns the image `kubectl-set`.
const conflictStderr = `error: Apply failed with 1 conflict: conflict with "kubectl-set" using apps/v1: .spec.template.spec.containers[name="nginx"].image
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

/** The fields of ds.yaml as kubectl's Apply entry owns them (kube-apiserver v1.32), indented under `fieldsV1:`. */
const appliedFieldsYaml = `      f:metadata:
        f:labels:
          f:app: {}
      f:spec:
        f:selector: {}
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
                  k:{"containerPort":80,"protocol":"TCP"}:
                    .: {}
                    f:containerPort: {}
`;

/** What `get ds nginx -o yaml` prints after `metadata` for the settled nginx DaemonSet. */
function daemonSetBodyYaml(image: string, generation: number): string {
  return `spec:
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
      - image: ${image}
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
  observedGeneration: ${generation}
  updatedNumberScheduled: 2
`;
}

/*
 * Transcript 24b's stdout (`get ds nginx -o yaml --show-managed-fields` after the
 * migration) as kube-apiserver v1.32 leaves it after transcript 23's unforced apply: the
 * annotation rewritten from ds.yaml (nginx:1.25, no `"annotations":{}`), the image
 * nginx:1.25, and kubectl-last-applied's entry without a time, since its apply changed
 * nothing in the object (upstream stamps an Apply entry's time only when the object
 * changes) — which also sorts it first among the Apply entries.
 */
const afterMigrationYaml = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  annotations:
    deprecated.daemonset.template.generation: "3"
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"labels":{"app":"nginx"},"name":"nginx","namespace":"default"},"spec":{"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.25","name":"nginx","ports":[{"containerPort":80}]}]}}}}
  creationTimestamp: "2026-11-29T19:21:54Z"
  generation: 3
  labels:
    app: nginx
  managedFields:
  - apiVersion: apps/v1
    fieldsType: FieldsV1
    fieldsV1:
      f:metadata:
        f:annotations:
          f:kubectl.kubernetes.io/last-applied-configuration: {}
    manager: kubectl-last-applied
    operation: Apply
  - apiVersion: apps/v1
    fieldsType: FieldsV1
    fieldsV1:
${appliedFieldsYaml}    manager: kubectl
    operation: Apply
    time: "2026-11-29T19:21:58Z"
  name: nginx
  namespace: default
  resourceVersion: "1094"
  uid: 1668ba7e-a4cc-4275-98b7-fe3607305380
${daemonSetBodyYaml("nginx:1.25", 3)}`;

// Transcript 26c's stdout: the same after server-side applies only (ownership as kube-apiserver v1.32).
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
${appliedFieldsYaml}    manager: kubectl
    operation: Apply
    time: "2026-11-29T19:22:04Z"
  name: nginx
  namespace: default
  resourceVersion: "1121"
  uid: 03821233-6d2b-4bf4-b7a9-8f976b3af0b0
${daemonSetBodyYaml("nginx:1.26", 2)}`;

// After the forced apply that took the image back from kubectl-set: kubectl-set owned
// nothing else, so its entry is gone (upstream drops managers left with no fields).
const afterForcedYaml = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  annotations:
    deprecated.daemonset.template.generation: "3"
  creationTimestamp: "2026-11-29T19:22:02Z"
  generation: 3
  labels:
    app: nginx
  managedFields:
  - apiVersion: apps/v1
    fieldsType: FieldsV1
    fieldsV1:
${appliedFieldsYaml}    manager: kubectl
    operation: Apply
    time: "2026-11-29T19:22:04Z"
  name: nginx
  namespace: default
  resourceVersion: "1121"
  uid: 03821233-6d2b-4bf4-b7a9-8f976b3af0b0
${daemonSetBodyYaml("nginx:1.25", 3)}`;

describe("client-side apply, then server-side apply and its migration (transcripts 20–24b)", () => {
  it("creates, leaves unchanged, configures, then takes the client-side fields over and migrates", async () => {
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
    // 23, as kube-apiserver v1.32 answers it (the stub answered 409): the image
    // kubectl-client-side-apply owns still has its last-applied value, so manager kubectl
    // takes it over without --force-conflicts. kubectl then saves the annotation as
    // kubectl-last-applied, migrates managedFields by a JSON patch and applies again.
    expect(await apply(current, { filenames: ["ds.yaml"], serverSide: true })).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx serverside-applied\n",
      stderr: "",
      patches: [
        { type: "apply", fieldManager: "kubectl", force: false },
        { type: "apply", fieldManager: "kubectl-last-applied", force: undefined },
        { type: "json", fieldManager: "kubectl", force: undefined },
        { type: "apply", fieldManager: "kubectl", force: false },
      ],
    });
    // 24b: what get shows afterwards.
    const shown = await getYaml(current, true);
    expect({ ...shown, stdout: maskVolatile(shown.stdout) }).toEqual({
      exitCode: 0,
      stdout: maskVolatile(afterMigrationYaml),
      stderr: "",
    });
    // 24: a forced apply now has nothing to take over or migrate: a single PATCH.
    expect(await apply(current, { filenames: ["ds.yaml"], serverSide: true, forceConflicts: true })).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx serverside-applied\n",
      stderr: "",
      patches: [{ type: "apply", fieldManager: "kubectl", force: true }],
    });
    expect(await managersOf(current)).toEqual(["kubectl-last-applied Apply", "kubectl Apply"]);
    current.cluster.close();
  });
});

describe("server-side apply over a field another manager changed (transcript 23's conflict output)", () => {
  it("conflicts with kubectl-set's image, changes nothing, then takes it over with --force-conflicts", async () => {
    const current = await session();
    await apply(current, { filenames: ["ds.yaml"], serverSide: true });
    const io = bufferedIo();
    const setContext = { ...testContext(current.cluster, { io, cwd: current.cwd }), client: current.client };
    expect(await runSetImage(setContext, { args: ["ds/nginx", "nginx=nginx:1.27"] })).toBe(0);
    expect(io.output).toEqual({ stdout: "daemonset.apps/nginx image updated\n", stderr: "" });
    await current.cluster.settle();
    expect(await managersOf(current)).toEqual(["kubectl Apply", "kubectl-set Update"]);
    const before = await getYaml(current, true);
    expect(await apply(current, { filenames: ["ds.yaml"], serverSide: true })).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: conflictStderr,
      patches: [{ type: "apply", fieldManager: "kubectl", force: false }],
    });
    expect(await getYaml(current, true)).toEqual(before);
    // No last-applied annotation, nothing to migrate: a single forced PATCH.
    expect(await apply(current, { filenames: ["ds.yaml"], serverSide: true, forceConflicts: true })).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx serverside-applied\n",
      stderr: "",
      patches: [{ type: "apply", fieldManager: "kubectl", force: true }],
    });
    const shown = await getYaml(current, true);
    expect({ ...shown, stdout: maskVolatile(shown.stdout) }).toEqual({
      exitCode: 0,
      stdout: maskVolatile(afterForcedYaml),
      stderr: "",
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
