import { type ApiClient, createConflictError, StatusError } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { bufferedIo } from "../../io.js";
import { createThreeWayMergePatch, goCompactJson, type JsonObject } from "../resource-builder/index.js";
import {
  clientWithOverrides,
  createTestCluster,
  nginxDaemonSetYaml,
  writeManifests,
} from "../resource-builder/test-manifests.js";
import { testContext } from "../test-context.js";
import { type ApplyOptions, runApply } from "./apply.js";
import { runCreate } from "./create.js";

const lastApplied125 =
  '{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"annotations":{},"labels":{"app":"nginx"},"name":"nginx","namespace":"default"},"spec":{"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.25","name":"nginx","ports":[{"containerPort":80}]}]}}}}\n';

const files = {
  "ds.yaml": nginxDaemonSetYaml("nginx:1.25"),
  "ds-v2.yaml": nginxDaemonSetYaml("nginx:1.26"),
  "ds-unlabeled.yaml": nginxDaemonSetYaml("nginx:1.25").replace("  labels:\n    app: nginx\nspec:", "spec:"),
  "ds-invalid.yaml": nginxDaemonSetYaml("nginx:1.25", "bad").replace(
    "      labels:\n        app: nginx\n    spec:",
    "      labels:\n        app: other\n    spec:",
  ),
};

async function applyIn(
  cluster: Awaited<ReturnType<typeof createTestCluster>>,
  cwd: string,
  options: Omit<ApplyOptions, "recursive">,
  client?: ApiClient,
) {
  const io = bufferedIo();
  const base = testContext(cluster, { io, cwd });
  const context = client === undefined ? base : { ...base, client };
  const exitCode = await runApply(context, { recursive: false, ...options });
  return { exitCode, ...io.output };
}

describe("runApply (client-side)", () => {
  it("applies, re-applies and changes a DaemonSet as kubectl does: created, unchanged, configured", async () => {
    const cluster = await createTestCluster();
    const cwd = await writeManifests(files);
    expect(await applyIn(cluster, cwd, { filenames: ["ds.yaml"] })).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx created\n",
      stderr: "",
    });
    const created = await cluster.client.get("DaemonSet", "nginx", { namespace: "default" });
    expect(created.metadata?.annotations?.["kubectl.kubernetes.io/last-applied-configuration"]).toBe(
      lastApplied125,
    );
    await cluster.settle();
    expect(await applyIn(cluster, cwd, { filenames: ["ds.yaml"] })).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx unchanged\n",
      stderr: "",
    });
    expect(await applyIn(cluster, cwd, { filenames: ["ds-v2.yaml"] })).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx configured\n",
      stderr: "",
    });
    const changed = await cluster.client.get("DaemonSet", "nginx", { namespace: "default" });
    expect(changed.spec?.template.spec?.containers[0]?.image).toBe("nginx:1.26");
    expect(changed.metadata?.generation).toBe(2);
    cluster.close();
  });

  it("a field dropped from the manifest is removed from the live object", async () => {
    const cluster = await createTestCluster();
    const cwd = await writeManifests(files);
    await applyIn(cluster, cwd, { filenames: ["ds.yaml"] });
    expect(await applyIn(cluster, cwd, { filenames: ["ds-unlabeled.yaml"] })).toMatchObject({
      exitCode: 0,
      stdout: "daemonset.apps/nginx configured\n",
    });
    const changed = await cluster.client.get("DaemonSet", "nginx", { namespace: "default" });
    expect(changed.metadata?.labels).toBeUndefined();
    cluster.close();
  });

  it("an object created without the annotation gets kubectl's warning and is then patched", async () => {
    const cluster = await createTestCluster();
    const cwd = await writeManifests(files);
    await runCreate(testContext(cluster, { cwd }), { filenames: ["ds.yaml"], recursive: false });
    expect(await applyIn(cluster, cwd, { filenames: ["ds.yaml"] })).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx configured\n",
      stderr:
        "Warning: resource daemonsets/nginx is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubesim apply. kubesim apply should only be used on resources created declaratively by either kubesim create --save-config or kubesim apply. The missing annotation will be patched automatically.\n",
    });
    cluster.close();
  });

  it("an invalid object prints the Invalid block", async () => {
    const cluster = await createTestCluster();
    const cwd = await writeManifests(files);
    expect(await applyIn(cluster, cwd, { filenames: ["ds-invalid.yaml"] })).toEqual({
      exitCode: 1,
      stdout: "",
      stderr:
        'The DaemonSet "bad" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`\n',
    });
    cluster.close();
  });

  it("a patch that meets a stale resourceVersion is recomputed from a fresh read and succeeds", async () => {
    const cluster = await createTestCluster();
    const cwd = await writeManifests(files);
    await applyIn(cluster, cwd, { filenames: ["ds.yaml"] });
    let conflicts = 0;
    const client = clientWithOverrides(cluster.client, {
      patch: async (kind, name, patch, options) => {
        if (conflicts++ === 0) throw createConflictError({ group: "apps", resource: "daemonsets" }, name);
        return cluster.client.patch(kind, name, patch, options);
      },
    });
    expect(await applyIn(cluster, cwd, { filenames: ["ds-v2.yaml"] }, client)).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx configured\n",
      stderr: "",
    });
    expect(conflicts).toBe(2);
    cluster.close();
  });

  it("a conflict that never clears is reported after kubectl's five retries", async () => {
    const cluster = await createTestCluster();
    const cwd = await writeManifests(files);
    await applyIn(cluster, cwd, { filenames: ["ds.yaml"] });
    let attempts = 0;
    const client = clientWithOverrides(cluster.client, {
      patch: async (_kind, name) => {
        attempts++;
        throw createConflictError({ group: "apps", resource: "daemonsets" }, name);
      },
    });
    const result = await applyIn(cluster, cwd, { filenames: ["ds-v2.yaml"] }, client);
    expect(attempts).toBe(6);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /^Error from server \(Conflict\): error when applying patch:\n\{"metadata":.*\}\nto:\nResource: "apps\/v1, Resource=daemonsets", GroupVersionKind: "apps\/v1, Kind=DaemonSet"\nName: "nginx", Namespace: "default"\nfor: "ds-v2.yaml": error when patching "ds-v2.yaml": Operation cannot be fulfilled on daemonsets.apps "nginx": the object has been modified; please apply your changes to the latest version and try again\n$/,
    );
    cluster.close();
  });

  it("the three-way patch of a changed image is the body kubectl sends", () => {
    const original = JSON.parse(lastApplied125) as JsonObject;
    const modifiedAnnotation = lastApplied125.replace("nginx:1.25", "nginx:1.26");
    const modified = JSON.parse(modifiedAnnotation) as JsonObject;
    (modified.metadata as JsonObject).annotations = {
      "kubectl.kubernetes.io/last-applied-configuration": modifiedAnnotation,
    };
    const current = JSON.parse(lastApplied125) as JsonObject;
    (current.metadata as JsonObject).annotations = {
      "deprecated.daemonset.template.generation": "1",
      "kubectl.kubernetes.io/last-applied-configuration": lastApplied125,
    };
    const containers = (((current.spec as JsonObject).template as JsonObject).spec as JsonObject)
      .containers as JsonObject[];
    containers[0] = {
      ...containers[0],
      imagePullPolicy: "IfNotPresent",
      ports: [{ containerPort: 80, protocol: "TCP" }],
    };
    expect(goCompactJson(createThreeWayMergePatch(original, modified, current, "DaemonSet"))).toBe(
      '{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\\"apiVersion\\":\\"apps/v1\\",\\"kind\\":\\"DaemonSet\\",\\"metadata\\":{\\"annotations\\":{},\\"labels\\":{\\"app\\":\\"nginx\\"},\\"name\\":\\"nginx\\",\\"namespace\\":\\"default\\"},\\"spec\\":{\\"selector\\":{\\"matchLabels\\":{\\"app\\":\\"nginx\\"}},\\"template\\":{\\"metadata\\":{\\"labels\\":{\\"app\\":\\"nginx\\"}},\\"spec\\":{\\"containers\\":[{\\"image\\":\\"nginx:1.26\\",\\"name\\":\\"nginx\\",\\"ports\\":[{\\"containerPort\\":80}]}]}}}}\\n"}},"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.26","name":"nginx"}]}}}}',
    );
  });
});

describe("runApply (server-side)", () => {
  it("prints serverside-applied for a first and a repeated apply", async () => {
    const cluster = await createTestCluster();
    const cwd = await writeManifests(files);
    for (const file of ["ds.yaml", "ds.yaml", "ds-v2.yaml"]) {
      expect(await applyIn(cluster, cwd, { filenames: [file], serverSide: true })).toEqual({
        exitCode: 0,
        stdout: "daemonset.apps/nginx serverside-applied\n",
        stderr: "",
      });
    }
    const applied = await cluster.client.get("DaemonSet", "nginx", { namespace: "default" });
    expect(applied.spec?.template.spec?.containers[0]?.image).toBe("nginx:1.26");
    cluster.close();
  });

  it("a field manager conflict prints the server's message and kubectl's help", async () => {
    const cluster = await createTestCluster();
    const cwd = await writeManifests(files);
    let sentOptions: unknown;
    const client = clientWithOverrides(cluster.client, {
      patch: async (_kind, _name, _patch, options) => {
        sentOptions = options;
        throw new StatusError({
          message:
            'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.template.spec.containers[name="nginx"].image',
          reason: "Conflict",
          code: 409,
          details: {
            causes: [
              {
                reason: "FieldManagerConflict",
                message: 'conflict with "kubectl-client-side-apply" using apps/v1',
                field: '.spec.template.spec.containers[name="nginx"].image',
              },
            ],
          },
        });
      },
    });
    expect(await applyIn(cluster, cwd, { filenames: ["ds.yaml"], serverSide: true }, client)).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: `error: Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.template.spec.containers[name="nginx"].image
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
`,
    });
    expect(sentOptions).toEqual({
      type: "apply",
      namespace: "default",
      fieldManager: "kubectl",
      force: false,
    });
    cluster.close();
  });

  it.each([
    {
      name: "--force-conflicts without --server-side is refused",
      options: { filenames: ["ds.yaml"], forceConflicts: true },
      stderr: "error: --force-conflicts only works with --server-side\n",
    },
    {
      name: "apply without -f asks for one",
      options: { filenames: [] },
      stderr: "error: must specify one of -f and -k\n",
    },
    {
      name: "a missing file is reported",
      options: { filenames: ["nope.yaml"] },
      stderr: 'error: the path "nope.yaml" does not exist\n',
    },
    {
      name: "a file without objects is an error",
      options: { filenames: ["empty.yaml"] },
      stderr: "error: no objects passed to apply\n",
    },
  ])("$name", async ({ options, stderr }) => {
    const cluster = await createTestCluster();
    const cwd = await writeManifests({ ...files, "empty.yaml": "" });
    expect(await applyIn(cluster, cwd, options)).toEqual({ exitCode: 1, stdout: "", stderr });
    cluster.close();
  });
});
