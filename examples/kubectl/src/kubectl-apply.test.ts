import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectKubectlCase, type KubectlCase, ServedCluster } from "./served-cluster.js";

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
  fieldsType?: string | undefined;
  fieldsV1?: unknown;
}

/**
 * The managedFields entries of kubectl's managers (`kubectl`, `kubectl-last-applied`,
 * `kubectl-client-side-apply`), without their times, sorted by manager (the server orders
 * entries by time first, and the steps of one apply may fall in different seconds). The
 * DaemonSet controller's own status entry is left out: which status fields it owns
 * depends on where the rollout is.
 */
async function kubectlManagers(cluster: ServedCluster): Promise<ManagedFieldsEntry[]> {
  const text = await cluster.kubectlOk(["get", "ds", "nginx", "-o", "json", "--show-managed-fields"]);
  const entries = (JSON.parse(text) as { metadata?: { managedFields?: ManagedFieldsEntry[] } }).metadata
    ?.managedFields;
  return (entries ?? [])
    .filter((entry) => entry.manager?.startsWith("kubectl") === true)
    .map(({ manager, operation, apiVersion, fieldsType, fieldsV1 }) => ({
      manager,
      operation,
      apiVersion,
      fieldsType,
      fieldsV1,
    }))
    .sort((left, right) => (left.manager ?? "").localeCompare(right.manager ?? ""));
}

/**
 * Transcripts 20–26b in order: client-side apply three times, server-side apply over it
 * (conflict, then --force-conflicts and the migration of the last-applied annotation),
 * then a fresh DaemonSet applied server-side three times. Each step depends on the one before.
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
    name: "server-side apply of the old image conflicts with the client-side apply manager (23)",
    args: ["apply", "--server-side", "-f", "ds.yaml"],
    exitCode: 1,
    stdout: "",
    stderr: `error: Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.template.spec.containers[name="nginx"].image\n${conflictHelp}`,
  },
  {
    name: "server-side apply with --force-conflicts takes the field over (24)",
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

describe("kubectl apply, client-side and server-side, against kubesim serve", () => {
  let cluster: ServedCluster;

  beforeAll(async () => {
    cluster = await ServedCluster.open();
  }, 30_000);

  afterAll(async () => {
    await cluster?.close();
  });

  it.each(steps.slice(0, 5))(
    "$name",
    async (step) => {
      await expectKubectlCase(cluster, step);
    },
    30_000,
  );

  it("after --force-conflicts kubectl owns the manifest's fields and kubectl-last-applied the annotation (24b)", async () => {
    expect(await kubectlManagers(cluster)).toEqual([
      {
        manager: "kubectl",
        operation: "Apply",
        apiVersion: "apps/v1",
        fieldsType: "FieldsV1",
        fieldsV1: manifestFields,
      },
      {
        manager: "kubectl-last-applied",
        operation: "Apply",
        apiVersion: "apps/v1",
        fieldsType: "FieldsV1",
        fieldsV1: {
          "f:metadata": { "f:annotations": { "f:kubectl.kubernetes.io/last-applied-configuration": {} } },
        },
      },
    ]);
  }, 30_000);

  it.each(steps.slice(5))(
    "$name",
    async (step) => {
      await expectKubectlCase(cluster, step);
    },
    30_000,
  );

  it("a DaemonSet only ever applied server-side has the one kubectl Apply manager (26c)", async () => {
    expect(await kubectlManagers(cluster)).toEqual([
      {
        manager: "kubectl",
        operation: "Apply",
        apiVersion: "apps/v1",
        fieldsType: "FieldsV1",
        fieldsV1: manifestFields,
      },
    ]);
  }, 30_000);
});
