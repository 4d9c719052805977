import { join } from "node:path";
import type { Node, Pod } from "@kubesim/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openClusterSession } from "../state/index.js";
import { createTestKubesim, type TestKubesim } from "./test-kubesim.js";

const now = Date.parse("2026-03-01T00:00:00Z");

async function readCluster(kubesim: TestKubesim): Promise<{ nodes: Node[]; pods: Pod[] }> {
  const session = await openClusterSession({ home: kubesim.home, name: "kubesim", now });
  try {
    return {
      nodes: (await session.cluster.client.list("Node")).items,
      pods: (await session.cluster.client.list("Pod")).items,
    };
  } finally {
    session.close();
  }
}

describe("kubesim node", () => {
  let kubesim: TestKubesim;
  beforeEach(async () => {
    kubesim = createTestKubesim("2026-03-01T00:00:00Z");
    await kubesim.run(["cluster", "create"]);
  });
  afterEach(() => {
    kubesim.cleanup();
  });

  it("add registers a node with its labels, taints and capacity, and DaemonSets place pods on it", async () => {
    const result = await kubesim.run([
      "node",
      "add",
      "node-3",
      "--label",
      "disktype=ssd",
      "--label",
      "keepalived-vip=true",
      "--taint",
      "dedicated=gpu:NoSchedule",
      "--cpu",
      "4",
      "--memory",
      "8Gi",
      "--pods",
      "30",
    ]);
    expect(result).toEqual({ code: 0, stdout: "node/node-3 added\n", stderr: "" });
    const { nodes, pods } = await readCluster(kubesim);
    const node = nodes.find((candidate) => candidate.metadata?.name === "node-3");
    expect(node?.metadata?.labels).toMatchObject({ disktype: "ssd", "keepalived-vip": "true" });
    expect(node?.spec?.taints).toEqual([{ key: "dedicated", value: "gpu", effect: "NoSchedule" }]);
    expect(node?.status?.capacity).toMatchObject({ cpu: "4", memory: "8Gi", pods: "30" });
    // kube-proxy and flannel tolerate every taint; keepalived-vip selects the label but not the taint.
    expect(
      pods.filter((pod) => pod.spec?.nodeName === "node-3").map((pod) => pod.metadata?.generateName),
    ).toEqual(["kube-flannel-ds-", "kube-proxy-"]);
  });

  it("add with --static-pod-manifests runs the directory's pods as mirror pods named after the node", async () => {
    const directory = join(import.meta.dirname, "__fixtures__");
    const result = await kubesim.run(["node", "add", "node-3", "--static-pod-manifests", "static-pods"], {
      cwd: directory,
    });
    expect(result).toEqual({ code: 0, stdout: "node/node-3 added\n", stderr: "" });
    const { pods } = await readCluster(kubesim);
    expect(
      pods.filter((pod) => pod.metadata?.name === "web-node-3").map((pod) => pod.spec?.nodeName),
    ).toEqual(["node-3"]);
  });

  it("remove deletes the node; its DaemonSet pods go once pod GC has run", async () => {
    expect(await kubesim.run(["node", "remove", "node-2"])).toEqual({
      code: 0,
      stdout: "node/node-2 removed\n",
      stderr: "",
    });
    const { nodes } = await readCluster(kubesim);
    expect(nodes.map((node) => node.metadata?.name)).toEqual(["control-plane", "node-1"]);
    expect(await kubesim.run(["advance", "1m"])).toEqual({
      code: 0,
      stdout: "advanced 1m to 2026-03-01T00:01:00Z\n",
      stderr: "",
    });
    const later = await openClusterSession({ home: kubesim.home, name: "kubesim", now });
    const left = (await later.cluster.client.list("Pod")).items.filter(
      (pod) => pod.spec?.nodeName === "node-2",
    );
    later.close();
    expect(left).toEqual([]);
  });

  it("set-ready false makes the node NotReady and tainted; true makes it Ready again", async () => {
    expect(await kubesim.run(["node", "set-ready", "node-1", "false"])).toEqual({
      code: 0,
      stdout: "node/node-1 marked NotReady\n",
      stderr: "",
    });
    let node = (await readCluster(kubesim)).nodes.find((candidate) => candidate.metadata?.name === "node-1");
    expect(node?.status?.conditions?.find((condition) => condition.type === "Ready")?.status).toBe("False");
    expect(node?.spec?.taints?.map((taint) => `${taint.key}:${taint.effect}`)).toEqual([
      "node.kubernetes.io/not-ready:NoSchedule",
      "node.kubernetes.io/not-ready:NoExecute",
    ]);
    expect(await kubesim.run(["node", "set-ready", "node-1", "true"])).toEqual({
      code: 0,
      stdout: "node/node-1 marked Ready\n",
      stderr: "",
    });
    node = (await readCluster(kubesim)).nodes.find((candidate) => candidate.metadata?.name === "node-1");
    expect(node?.status?.conditions?.find((condition) => condition.type === "Ready")?.status).toBe("True");
    expect(node?.spec?.taints ?? []).toEqual([]);
  });

  it.each([
    {
      name: "add of an existing node is AlreadyExists",
      args: ["node", "add", "node-1"],
      stderr: 'Error from server (AlreadyExists): nodes "node-1" already exists\n',
    },
    {
      name: "add of an invalid node name is Invalid, as the API server says",
      args: ["node", "add", "Bad_Name"],
      stderr: `The Node "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n`,
    },
    {
      name: "A label without = is refused",
      args: ["node", "add", "n", "--label", "disktype"],
      stderr: 'error: invalid --label "disktype": expected KEY=VALUE\n',
    },
    {
      name: "A label given twice is refused",
      args: ["node", "add", "n", "--label", "a=1", "--label", "a=2"],
      stderr: 'error: invalid --label "a=2": duplicate key a\n',
    },
    {
      name: "A taint without an effect is refused",
      args: ["node", "add", "n", "--taint", "dedicated=gpu"],
      stderr:
        "error: invalid taint spec: dedicated=gpu, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n",
    },
    {
      name: "A taint with an unknown effect is refused",
      args: ["node", "add", "n", "--taint", "dedicated=gpu:Sometimes"],
      stderr: "error: invalid taint effect: Sometimes, unsupported taint effect\n",
    },
    {
      name: "A taint removal is refused",
      args: ["node", "add", "n", "--taint", "dedicated-"],
      stderr:
        'error: invalid --taint "dedicated-": expected KEY[=VALUE]:EFFECT (a new node has no taint to remove)\n',
    },
    {
      name: "A capacity that is not a quantity is refused",
      args: ["node", "add", "n", "--memory", "lots"],
      stderr: `error: invalid --memory "lots": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n`,
    },
    {
      name: "A missing static pod directory is refused",
      args: ["node", "add", "n", "--static-pod-manifests", "/nonexistent-kubesim"],
      stderr: `error: unable to read static pod manifest directory "/nonexistent-kubesim": ENOENT: no such file or directory, scandir '/nonexistent-kubesim'\n`,
    },
    {
      name: "remove of an unknown node is NotFound",
      args: ["node", "remove", "nope"],
      stderr: 'Error from server (NotFound): nodes "nope" not found\n',
    },
    {
      name: "set-ready of an unknown node is NotFound",
      args: ["node", "set-ready", "nope", "true"],
      stderr: 'Error from server (NotFound): nodes "nope" not found\n',
    },
    {
      name: "set-ready takes only true or false",
      args: ["node", "set-ready", "node-1", "yes"],
      stderr: 'error: invalid ready value "yes": must be true or false\n',
    },
    {
      name: "set-ready needs a value",
      args: ["node", "set-ready", "node-1"],
      stderr: "error: missing required argument 'ready'\nSee 'kubesim node set-ready --help' for usage.\n",
    },
  ])("$name", async ({ args, stderr }) => {
    expect(await kubesim.run(args)).toEqual({ code: 1, stdout: "", stderr });
    const { nodes } = await readCluster(kubesim);
    expect(nodes.map((node) => node.metadata?.name)).toEqual(["control-plane", "node-1", "node-2"]);
  });

  it("Refuses to run without a current cluster", async () => {
    await kubesim.run(["cluster", "delete", "kubesim"]);
    expect(await kubesim.run(["node", "add", "node-3"])).toEqual({
      code: 1,
      stdout: "",
      stderr:
        'error: no current cluster; run "kubesim cluster create" to create one, or "kubesim cluster use NAME" to pick one\n',
    });
  });

  it("--cluster runs against another cluster than the current one", async () => {
    await kubesim.run(["cluster", "create", "other"]);
    expect(await kubesim.run(["--cluster", "kubesim", "node", "add", "node-9"])).toEqual({
      code: 0,
      stdout: "node/node-9 added\n",
      stderr: "",
    });
    const { nodes } = await readCluster(kubesim);
    expect(nodes.map((node) => node.metadata?.name)).toContain("node-9");
  });
});
