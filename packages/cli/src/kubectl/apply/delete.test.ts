import type { Cluster } from "@kubesim/cluster";
import { loadManifests } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { bufferedIo } from "../../io.js";
import { createTestCluster, nginxDaemonSetYaml, writeManifests } from "../resource-builder/test-manifests.js";
import { testContext } from "../test-context.js";
import { type DeleteOptions, runDelete } from "./delete.js";

async function clusterWithNginx(): Promise<Cluster> {
  const cluster = await createTestCluster();
  for (const object of loadManifests(nginxDaemonSetYaml())) {
    await cluster.client.create({ ...object, metadata: { ...object.metadata, namespace: "default" } });
  }
  await cluster.settle();
  return cluster;
}

async function nginxPodNames(cluster: Cluster): Promise<string[]> {
  const pods = await cluster.client.list("Pod", { namespace: "default", labelSelector: "app=nginx" });
  return pods.items.map((pod) => pod.metadata?.name ?? "");
}

interface DeleteCase {
  readonly name: string;
  readonly options: DeleteOptions;
  readonly namespace?: string;
  readonly stdout: string | ((pods: string[]) => string);
  readonly stderr: string;
  readonly exitCode: number;
}

const cases: DeleteCase[] = [
  {
    name: "deleting a DaemonSet by type and name prints kubectl's deleted line",
    options: { args: ["ds", "nginx"] },
    stdout: 'daemonset.apps "nginx" deleted\n',
    stderr: "",
    exitCode: 0,
  },
  {
    name: "a DaemonSet that does not exist is NotFound",
    options: { args: ["ds", "nope"] },
    stdout: "",
    stderr: 'Error from server (NotFound): daemonsets.apps "nope" not found\n',
    exitCode: 1,
  },
  {
    name: "--ignore-not-found turns a missing object into silence",
    options: { args: ["ds", "nope"], ignoreNotFound: true },
    stdout: "",
    stderr: "",
    exitCode: 0,
  },
  {
    name: "the objects of a manifest file are deleted",
    options: { filenames: ["ds.yaml"] },
    stdout: 'daemonset.apps "nginx" deleted\n',
    stderr: "",
    exitCode: 0,
  },
  {
    name: "a missing object of a manifest file names the file",
    options: { filenames: ["other.yaml"] },
    stdout: "",
    stderr:
      'Error from server (NotFound): error when deleting "other.yaml": daemonsets.apps "other" not found\n',
    exitCode: 1,
  },
  {
    name: "TYPE/NAME arguments delete each, reporting the missing one at the end",
    options: { args: ["ds/nope", "ds/nginx"] },
    stdout: 'daemonset.apps "nginx" deleted\n',
    stderr: 'Error from server (NotFound): daemonsets.apps "nope" not found\n',
    exitCode: 1,
  },
  {
    name: "pods selected by label are each deleted, in name order",
    options: { args: ["pods"], labelSelector: "app=nginx" },
    stdout: (pods) => pods.map((pod) => `pod "${pod}" deleted\n`).join(""),
    stderr: "",
    exitCode: 0,
  },
  {
    name: "a selector matching nothing prints No resources found",
    options: { args: ["pods"], labelSelector: "app=none" },
    stdout: "No resources found\n",
    stderr: "",
    exitCode: 0,
  },
  {
    name: "--all deletes every DaemonSet of the namespace",
    options: { args: ["ds"], all: true },
    stdout: 'daemonset.apps "nginx" deleted\n',
    stderr: "",
    exitCode: 0,
  },
  {
    name: "-o name prints resource/name",
    options: { args: ["ds", "nginx"], output: "name" },
    stdout: "daemonset.apps/nginx\n",
    stderr: "",
    exitCode: 0,
  },
  {
    name: "a boolean --cascade is accepted with kubectl's deprecation warning",
    options: { args: ["ds", "nginx"], cascade: "true" },
    stdout: 'daemonset.apps "nginx" deleted\n',
    stderr:
      "warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n",
    exitCode: 0,
  },
  {
    name: "an unknown --cascade value is refused",
    options: { args: ["ds", "nginx"], cascade: "sometimes" },
    stdout: "",
    stderr: 'error: invalid cascade value (sometimes). Must be "background", "foreground", or "orphan"\n',
    exitCode: 1,
  },
  {
    name: "a type without a name is refused",
    options: { args: ["ds"] },
    stdout: "",
    stderr: "error: resource(s) were provided, but no name was specified\n",
    exitCode: 1,
  },
  {
    name: "no resource at all prints kubectl's resource specification help",
    options: {},
    stdout: "",
    stderr:
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    exitCode: 1,
  },
  {
    name: "an unknown resource type is refused before anything is deleted",
    options: { args: ["foos", "x"] },
    stdout: "",
    stderr: 'error: the server doesn\'t have a resource type "foos"\n',
    exitCode: 1,
  },
  {
    name: "mixing TYPE NAME and TYPE/NAME forms is refused",
    options: { args: ["ds", "ds/nginx"] },
    stdout: "",
    stderr:
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubesim get resource/<resource_name>' instead of 'kubesim get resource resource/<resource_name>'\n",
    exitCode: 1,
  },
  {
    name: "--now and --grace-period together are refused",
    options: { args: ["ds", "nginx"], now: true, gracePeriod: 5 },
    stdout: "",
    stderr: "error: --now and --grace-period cannot be specified together\n",
    exitCode: 1,
  },
  {
    name: "--force with a positive grace period is refused",
    options: { args: ["ds", "nginx"], force: true, gracePeriod: 5 },
    stdout: "",
    stderr: "error: --force and --grace-period greater than 0 cannot be specified together\n",
    exitCode: 1,
  },
  {
    name: "--force --grace-period=0 warns and force deletes",
    options: { args: ["ds", "nginx"], force: true, gracePeriod: 0 },
    stdout: 'daemonset.apps "nginx" force deleted\n',
    stderr:
      "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n",
    exitCode: 0,
  },
  {
    name: "an output other than name is refused",
    options: { args: ["ds", "nginx"], output: "yaml" },
    stdout: "",
    stderr: "error: unexpected -o output mode: yaml. We only support '-o name'\n",
    exitCode: 1,
  },
  {
    name: "a cluster-scoped object with an explicit namespace gets kubectl's warning",
    options: { args: ["node", "node-2"] },
    namespace: "default",
    stdout: 'node "node-2" deleted\n',
    stderr: "Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n",
    exitCode: 0,
  },
  {
    name: "files and resource arguments together are refused",
    options: { filenames: ["ds.yaml"], args: ["ds", "nginx"] },
    stdout: "",
    stderr:
      "error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n",
    exitCode: 1,
  },
];

describe("runDelete", () => {
  it.each(cases)("$name", async (testCase) => {
    const cluster = await clusterWithNginx();
    const pods = await nginxPodNames(cluster);
    const cwd = await writeManifests({
      "ds.yaml": nginxDaemonSetYaml(),
      "other.yaml": nginxDaemonSetYaml("nginx:1.25", "other"),
    });
    const io = bufferedIo();
    const context = testContext(cluster, {
      io,
      cwd,
      ...(testCase.namespace === undefined ? {} : { namespace: testCase.namespace }),
    });
    const exitCode = await runDelete(context, testCase.options);
    const stdout = typeof testCase.stdout === "string" ? testCase.stdout : testCase.stdout(pods);
    expect(io.output).toEqual({ stdout, stderr: testCase.stderr });
    expect(exitCode).toBe(testCase.exitCode);
    cluster.close();
  });

  it("waits until a deleted pod has terminated", async () => {
    const cluster = await clusterWithNginx();
    const [pod = ""] = await nginxPodNames(cluster);
    const context = testContext(cluster);
    expect(await runDelete(context, { args: ["pod", pod], cascade: "background" })).toBe(0);
    expect(context.io.output.stdout).toBe(`pod "${pod}" deleted\n`);
    await expect(cluster.client.get("Pod", pod, { namespace: "default" })).rejects.toMatchObject({
      status: { reason: "NotFound" },
    });
    cluster.close();
  });

  it("a foreground cascade removes the pods before the DaemonSet is gone", async () => {
    const cluster = await clusterWithNginx();
    const context = testContext(cluster);
    expect(await runDelete(context, { args: ["ds", "nginx"], cascade: "foreground" })).toBe(0);
    expect(context.io.output).toEqual({ stdout: 'daemonset.apps "nginx" deleted\n', stderr: "" });
    await expect(cluster.client.get("DaemonSet", "nginx", { namespace: "default" })).rejects.toMatchObject({
      status: { reason: "NotFound" },
    });
    expect(await nginxPodNames(cluster)).toEqual([]);
    cluster.close();
  });

  it("an orphan cascade leaves the pods behind without their owner", async () => {
    const cluster = await clusterWithNginx();
    const before = await nginxPodNames(cluster);
    const context = testContext(cluster);
    expect(await runDelete(context, { args: ["ds", "nginx"], cascade: "orphan" })).toBe(0);
    await cluster.settle();
    const pods = await cluster.client.list("Pod", { namespace: "default", labelSelector: "app=nginx" });
    expect(pods.items.map((pod) => pod.metadata?.name)).toEqual(before);
    expect(pods.items.every((pod) => (pod.metadata?.ownerReferences ?? []).length === 0)).toBe(true);
    cluster.close();
  });
});
