import { describe, expect, it } from "vitest";
import {
  expectKubectlCase,
  type KubectlCase,
  type ServedCluster,
  useServedCluster,
} from "./served-cluster.js";

const conflictHelp = `Please review the fields above--they currently have other managers. Here
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

/**
 * What kubectl's manifest makes the applier own (transcripts 24b and 26c), as
 * kube-apiserver records it: `spec.selector` is an atomic struct (so `f:selector: {}`), and
 * container ports are keyed by containerPort and protocol, the defaulted `TCP` included.
 * (The stub of the transcripts recorded `f:matchLabels` and a containerPort-only key.)
 */
const manifestFields = {
  "f:metadata": { "f:labels": { "f:app": {} } },
  "f:spec": {
    "f:selector": {},
    "f:template": {
      "f:metadata": { "f:labels": { "f:app": {} } },
      "f:spec": {
        "f:containers": {
          'k:{"name":"nginx"}': {
            ".": {},
            "f:image": {},
            "f:name": {},
            "f:ports": { 'k:{"containerPort":80,"protocol":"TCP"}': { ".": {}, "f:containerPort": {} } },
          },
        },
      },
    },
  },
};

interface ManagedFieldsEntry {
  manager?: string | undefined;
  operation?: string | undefined;
  apiVersion?: string | undefined;
  time?: string | undefined;
  fieldsType?: string | undefined;
  fieldsV1?: unknown;
}

/**
 * The managedFields entries of kubectl's managers (`kubectl`, `kubectl-last-applied`,
 * `kubectl-client-side-apply`, `kubectl-set`), sorted by manager (the server orders
 * entries by time first, and the steps of one apply may fall in different seconds), with
 * `timed` in place of the time: whether the entry has one at all (upstream stamps an Apply
 * entry only when its apply changed the object). The DaemonSet controller's own status
 * entry is left out: which status fields it owns depends on where the rollout is.
 */
async function kubectlManagers(cluster: ServedCluster) {
  const text = await cluster.kubectlOk(["get", "ds", "nginx", "-o", "json", "--show-managed-fields"]);
  const entries = (JSON.parse(text) as { metadata?: { managedFields?: ManagedFieldsEntry[] } }).metadata
    ?.managedFields;
  return (entries ?? [])
    .filter((entry) => entry.manager?.startsWith("kubectl") === true)
    .map(({ manager, operation, apiVersion, time, fieldsType, fieldsV1 }) => ({
      manager,
      operation,
      apiVersion,
      timed: time !== undefined,
      fieldsType,
      fieldsV1,
    }))
    .sort((left, right) => (left.manager ?? "").localeCompare(right.manager ?? ""));
}

/** The DaemonSet's last-applied annotation and image, as `kubectl get -o jsonpath` prints them. */
async function lastAppliedAndImage(cluster: ServedCluster): Promise<{ lastApplied: unknown; image: string }> {
  const text = await cluster.kubectlOk([
    "get",
    "ds",
    "nginx",
    "-o",
    "jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}",
  ]);
  const image = await cluster.kubectlOk([
    "get",
    "ds",
    "nginx",
    "-o",
    "jsonpath={.spec.template.spec.containers[0].image}",
  ]);
  return { lastApplied: text, image };
}

/** ds.yaml as kubectl writes it into the last-applied annotation when applying it server-side. */
const dsYamlLastApplied =
  '{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"labels":{"app":"nginx"},"name":"nginx","namespace":"default"},"spec":{"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.25","name":"nginx","ports":[{"containerPort":80}]}]}}}}\n';

/**
 * Transcripts 20–26b in order: client-side apply three times, server-side apply over it
 * (it takes the fields over and migrates the last-applied annotation; --force-conflicts
 * then has nothing left to force), then a fresh DaemonSet applied server-side three times,
 * and transcript 23's conflict output from a field `kubectl set image` changed. Each step
 * depends on the one before.
 *
 * Transcript 23 was recorded against a stub that answered 409. kube-apiserver v1.32 does
 * not: for manager `kubectl` its last-applied manager takes over the conflicting fields
 * whose live value still equals the `kubectl.kubernetes.io/last-applied-configuration`
 * annotation (the image: nginx:1.26 in both), so the unforced apply succeeds, kubectl saves
 * the annotation (manager `kubectl-last-applied`) and migrates the client-side ownership.
 */
const steps: KubectlCase[] = [
  {
    name: "client-side apply of a new DaemonSet creates it (20)",
    args: ["apply", "-f", "ds.yaml"],
    exitCode: 0,
    stdout: "daemonset.apps/nginx created\n",
    stderr: "",
  },
  {
    name: "client-side apply of the same file again changes nothing (21)",
    args: ["apply", "-f", "ds.yaml"],
    exitCode: 0,
    stdout: "daemonset.apps/nginx unchanged\n",
    stderr: "",
  },
  {
    name: "client-side apply of a new image patches the DaemonSet (22)",
    args: ["apply", "-f", "ds-v2.yaml"],
    exitCode: 0,
    stdout: "daemonset.apps/nginx configured\n",
    stderr: "",
  },
  {
    name: "server-side apply of the old image takes over the fields the last-applied annotation still holds (23, as kube-apiserver answers it)",
    args: ["apply", "--server-side", "-f", "ds.yaml"],
    exitCode: 0,
    stdout: "daemonset.apps/nginx serverside-applied\n",
    stderr: "",
  },
  {
    name: "server-side apply with --force-conflicts has nothing left to force (24)",
    args: ["apply", "--server-side", "--force-conflicts", "-f", "ds.yaml"],
    exitCode: 0,
    stdout: "daemonset.apps/nginx serverside-applied\n",
    stderr: "",
  },
  {
    name: "delete of the DaemonSet makes room for a server-side-only one (40)",
    args: ["delete", "ds", "nginx"],
    exitCode: 0,
    stdout: 'daemonset.apps "nginx" deleted\n',
    stderr: "",
  },
  {
    name: "server-side apply of a new DaemonSet creates it (25)",
    args: ["apply", "--server-side", "-f", "ds.yaml"],
    exitCode: 0,
    stdout: "daemonset.apps/nginx serverside-applied\n",
    stderr: "",
  },
  {
    name: "server-side apply of the same file again reports serverside-applied (26)",
    args: ["apply", "--server-side", "-f", "ds.yaml"],
    exitCode: 0,
    stdout: "daemonset.apps/nginx serverside-applied\n",
    stderr: "",
  },
  {
    name: "server-side apply of a new image reports serverside-applied (26b)",
    args: ["apply", "--server-side", "-f", "ds-v2.yaml"],
    exitCode: 0,
    stdout: "daemonset.apps/nginx serverside-applied\n",
    stderr: "",
  },
];

/** Transcript 23's conflict, reached the way kube-apiserver gives it: a field another manager changed. */
const conflictSteps: KubectlCase[] = [
  {
    name: "server-side apply of ds.yaml takes the image back to nginx:1.25",
    args: ["apply", "--server-side", "-f", "ds.yaml"],
    exitCode: 0,
    stdout: "daemonset.apps/nginx serverside-applied\n",
    stderr: "",
  },
  {
    name: "set image changes the image as manager kubectl-set",
    args: ["set", "image", "ds/nginx", "nginx=nginx:1.27"],
    exitCode: 0,
    stdout: "daemonset.apps/nginx image updated\n",
    stderr: "",
  },
  {
    name: "server-side apply of ds.yaml then conflicts with kubectl-set over the image (23's output)",
    args: ["apply", "--server-side", "-f", "ds.yaml"],
    exitCode: 1,
    stdout: "",
    stderr: `error: Apply failed with 1 conflict: conflict with "kubectl-set" using apps/v1: .spec.template.spec.containers[name="nginx"].image\n${conflictHelp}`,
  },
  {
    name: "server-side apply with --force-conflicts takes the image over from kubectl-set (24)",
    args: ["apply", "--server-side", "--force-conflicts", "-f", "ds.yaml"],
    exitCode: 0,
    stdout: "daemonset.apps/nginx serverside-applied\n",
    stderr: "",
  },
];

/** The managedFields entry of kubectl's server-side apply of ds.yaml, as {@link kubectlManagers} shows it. */
const kubectlApplyEntry = {
  manager: "kubectl",
  operation: "Apply",
  apiVersion: "apps/v1",
  timed: true,
  fieldsType: "FieldsV1",
  fieldsV1: manifestFields,
};

describe("kubectl apply, client-side and server-side, against kubesim serve", () => {
  const cluster = useServedCluster();
  /** Runs one step of the tables on the suite's cluster. */
  const runStep = (step: KubectlCase) => expectKubectlCase(cluster(), step);

  it.each(steps.slice(0, 5))("$name", runStep, 30_000);

  it("after the migration kubectl owns the manifest's fields and kubectl-last-applied, untimed, the annotation (24b)", async () => {
    expect(await kubectlManagers(cluster())).toEqual([
      kubectlApplyEntry,
      {
        // Its apply changed nothing in the object, so upstream gives the entry no time.
        manager: "kubectl-last-applied",
        operation: "Apply",
        apiVersion: "apps/v1",
        timed: false,
        fieldsType: "FieldsV1",
        fieldsV1: {
          "f:metadata": { "f:annotations": { "f:kubectl.kubernetes.io/last-applied-configuration": {} } },
        },
      },
    ]);
    // The annotation is rewritten from ds.yaml (without the `"annotations":{}` of client-side apply).
    expect(await lastAppliedAndImage(cluster())).toEqual({
      lastApplied: dsYamlLastApplied,
      image: "nginx:1.25",
    });
  }, 30_000);

  it.each(steps.slice(5))("$name", runStep, 30_000);

  it("a DaemonSet only ever applied server-side has the one kubectl Apply manager (26c)", async () => {
    expect(await kubectlManagers(cluster())).toEqual([kubectlApplyEntry]);
  }, 30_000);

  it.each(conflictSteps)("$name", runStep, 30_000);

  it("after the forced apply kubectl-set, left owning nothing, is gone", async () => {
    expect(
      (await kubectlManagers(cluster())).map(({ manager, operation }) => `${manager} ${operation}`),
    ).toEqual(["kubectl Apply"]);
    expect((await lastAppliedAndImage(cluster())).image).toBe("nginx:1.25");
  }, 30_000);
});
