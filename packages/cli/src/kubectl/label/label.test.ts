import type { Cluster } from "@kubesim/cluster";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bufferedIo } from "../../io.js";
import { createTestCluster, writeManifests } from "../resource-builder/test-manifests.js";
import { testContext } from "../test-context.js";
import { runAnnotate } from "./annotate.js";
import { type LabelOptions, runLabel } from "./label.js";

async function label(cluster: Cluster, options: LabelOptions, cwd?: string) {
  const io = bufferedIo();
  const exitCode = await runLabel(
    testContext(cluster, { io, ...(cwd === undefined ? {} : { cwd }) }),
    options,
  );
  return { exitCode, ...io.output };
}

async function annotate(cluster: Cluster, options: LabelOptions) {
  const io = bufferedIo();
  const exitCode = await runAnnotate(testContext(cluster, { io }), options);
  return { exitCode, ...io.output };
}

describe("runLabel argument and flag errors", () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await createTestCluster();
  });
  afterAll(() => cluster.close());

  it.each([
    {
      name: "an existing key with another value needs --overwrite",
      options: { args: ["node", "control-plane", "kubernetes.io/os=windows"] },
      stderr: "error: 'kubernetes.io/os' already has a value (linux), and --overwrite is false\n",
    },
    {
      name: "two such keys print one bare line each",
      options: { args: ["node", "control-plane", "kubernetes.io/os=windows", "kubernetes.io/arch=arm64"] },
      stderr:
        "'kubernetes.io/os' already has a value (linux), and --overwrite is false\n'kubernetes.io/arch' already has a value (amd64), and --overwrite is false\n",
    },
    {
      name: "a label value that is not valid is refused before the server is asked",
      options: { args: ["node", "node-1", "tier=a b"] },
      stderr:
        "error: invalid label value: \"tier=a b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n",
    },
    {
      name: "a pair with two equals signs is an invalid label spec",
      options: { args: ["node", "node-1", "a=b=c"] },
      stderr: "error: invalid label spec: a=b=c\n",
    },
    {
      name: "a resource after the label changes is refused",
      options: { args: ["node", "node-1", "a=b", "node-2"] },
      stderr: "error: all resources must be specified before label changes: node-2\n",
    },
    {
      name: "modifying and removing the same key is refused",
      options: { args: ["node", "node-1", "a=b", "a-"] },
      stderr: "error: can not both modify and remove a label in the same command\n",
    },
    {
      name: "no change at all is refused",
      options: { args: ["node", "node-1"] },
      stderr: "error: at least one label update is required\n",
    },
    {
      name: "no resource is refused",
      options: { args: ["a=b"] },
      stderr: "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n",
    },
    {
      name: "--resource-version with several objects is refused",
      options: { args: ["nodes", "a=b"], all: true, resourceVersion: "1" },
      stderr: "error: --resource-version may only be used with a single resource\n",
    },
    {
      name: "--all together with a selector is refused",
      options: { args: ["nodes", "a=b"], all: true, labelSelector: "x=y" },
      stderr: "error: cannot set --all and --selector at the same time\n",
    },
    {
      name: "a node that does not exist is NotFound",
      options: { args: ["node", "nope", "a=b"] },
      stderr: 'Error from server (NotFound): nodes "nope" not found\n',
    },
    {
      name: "an unknown resource type is refused",
      options: { args: ["foos", "x", "a=b"] },
      stderr: 'error: the server doesn\'t have a resource type "foos"\n',
    },
    {
      name: "a stale --resource-version is a Conflict without a file prefix",
      options: { args: ["node", "node-1", "team=a"], resourceVersion: "1" },
      stderr:
        'Error from server (Conflict): Operation cannot be fulfilled on nodes "node-1": the object has been modified; please apply your changes to the latest version and try again\n',
    },
  ])("$name", async ({ options, stderr }) => {
    expect(await label(cluster, options)).toEqual({ exitCode: 1, stdout: "", stderr });
  });
});

describe("runLabel", () => {
  it("labels a node, refuses to overwrite, overwrites and removes as kubectl does", async () => {
    const cluster = await createTestCluster();
    expect(await label(cluster, { args: ["node", "node-2", "disktype=ssd"] })).toEqual({
      exitCode: 0,
      stdout: "node/node-2 labeled\n",
      stderr: "",
    });
    expect(await label(cluster, { args: ["node", "node-2", "disktype=hdd"] })).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "error: 'disktype' already has a value (ssd), and --overwrite is false\n",
    });
    expect(await label(cluster, { args: ["node/node-2", "disktype=hdd"], overwrite: true })).toEqual({
      exitCode: 0,
      stdout: "node/node-2 labeled\n",
      stderr: "",
    });
    expect(await label(cluster, { args: ["node", "node-2", "disktype=hdd"] })).toEqual({
      exitCode: 0,
      stdout: "node/node-2 not labeled\n",
      stderr: "",
    });
    expect(await label(cluster, { args: ["node", "node-2", "disktype-", "missing-"] })).toEqual({
      exitCode: 0,
      stdout: 'label "missing" not found.\nnode/node-2 unlabeled\n',
      stderr: "",
    });
    const node = await cluster.client.get("Node", "node-2");
    expect(node.metadata?.labels?.disktype).toBeUndefined();
    cluster.close();
  });

  it("labels every node with --all and the selected ones with -l", async () => {
    const cluster = await createTestCluster();
    expect(await label(cluster, { args: ["nodes", "zone=a"], all: true })).toEqual({
      exitCode: 0,
      stdout: "node/control-plane labeled\nnode/node-1 labeled\nnode/node-2 labeled\n",
      stderr: "",
    });
    expect(
      await label(cluster, {
        args: ["nodes", "zone=b"],
        labelSelector: "kubernetes.io/hostname=node-1",
        overwrite: true,
      }),
    ).toEqual({
      exitCode: 0,
      stdout: "node/node-1 labeled\n",
      stderr: "",
    });
    cluster.close();
  });

  it("a concurrent update between reading and writing makes --resource-version a Conflict", async () => {
    const cluster = await createTestCluster();
    const read = await cluster.client.get("Node", "node-1");
    const staleVersion = read.metadata?.resourceVersion ?? "";
    await cluster.client.patch(
      "Node",
      "node-1",
      { metadata: { labels: { owner: "someone-else" } } },
      { type: "merge" },
    );
    expect(
      await label(cluster, { args: ["node", "node-1", "team=a"], resourceVersion: staleVersion }),
    ).toEqual({
      exitCode: 1,
      stdout: "",
      stderr:
        'Error from server (Conflict): Operation cannot be fulfilled on nodes "node-1": the object has been modified; please apply your changes to the latest version and try again\n',
    });
    const current = (await cluster.client.get("Node", "node-1")).metadata?.resourceVersion ?? "";
    expect(await label(cluster, { args: ["node", "node-1", "team=a"], resourceVersion: current })).toEqual({
      exitCode: 0,
      stdout: "node/node-1 labeled\n",
      stderr: "",
    });
    cluster.close();
  });

  it("labels the objects of a manifest file after reading them from the cluster", async () => {
    const cluster = await createTestCluster();
    const cwd = await writeManifests({
      "node.yaml": "apiVersion: v1\nkind: Node\nmetadata:\n  name: node-1\n",
    });
    expect(await label(cluster, { args: ["tier=web"], filenames: ["node.yaml"] }, cwd)).toEqual({
      exitCode: 0,
      stdout: "node/node-1 labeled\n",
      stderr: "",
    });
    cluster.close();
  });

  it("--list prints the labels of a single object in key order", async () => {
    const cluster = await createTestCluster();
    expect(await label(cluster, { args: ["node", "node-1"], list: true })).toEqual({
      exitCode: 0,
      stdout: "kubernetes.io/arch=amd64\nkubernetes.io/hostname=node-1\nkubernetes.io/os=linux\n",
      stderr: "",
    });
    cluster.close();
  });
});

describe("runAnnotate", () => {
  it("annotates, refuses to overwrite, overwrites and removes", async () => {
    const cluster = await createTestCluster();
    expect(await annotate(cluster, { args: ["node", "node-1", "owner=team-a"] })).toEqual({
      exitCode: 0,
      stdout: "node/node-1 annotated\n",
      stderr: "",
    });
    expect(await annotate(cluster, { args: ["node", "node-1", "owner=team-b"] })).toEqual({
      exitCode: 1,
      stdout: "",
      stderr:
        "error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (team-a)\n",
    });
    expect(
      await annotate(cluster, { args: ["node", "node-1", "owner=team-b"], overwrite: true }),
    ).toMatchObject({
      exitCode: 0,
      stdout: "node/node-1 annotated\n",
    });
    expect(await annotate(cluster, { args: ["node", "node-1", "owner-"] })).toMatchObject({
      exitCode: 0,
      stdout: "node/node-1 annotated\n",
    });
    const node = await cluster.client.get("Node", "node-1");
    expect(node.metadata?.annotations?.owner).toBeUndefined();
    cluster.close();
  });

  it.each([
    {
      name: "modifying and removing the same annotation is refused",
      args: ["node", "node-1", "a=b", "a-"],
      stderr: "error: can not both modify and remove the following annotation(s) in the same command: a\n",
    },
    {
      name: "a pair starting with an equals sign is an invalid annotation format",
      args: ["node", "node-1", "a=b", "=c"],
      stderr: "error: all resources must be specified before annotation changes: =c\n",
    },
    {
      name: "no change is refused",
      args: ["node", "node-1"],
      stderr: "error: at least one annotation update is required\n",
    },
  ])("$name", async ({ args, stderr }) => {
    const cluster = await createTestCluster();
    expect(await annotate(cluster, { args })).toEqual({ exitCode: 1, stdout: "", stderr });
    cluster.close();
  });
});
