import type { Cluster } from "@kubesim/cluster";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bufferedIo } from "../../io.js";
import { createTestCluster } from "../resource-builder/test-manifests.js";
import { testContext } from "../test-context.js";
import { runTaint, type TaintOptions } from "./taint.js";

async function taint(cluster: Cluster, options: TaintOptions) {
  const io = bufferedIo();
  const exitCode = await runTaint(testContext(cluster, { io }), options);
  return { exitCode, ...io.output };
}

describe("runTaint", () => {
  it("taints, refuses a duplicate, overwrites and untaints a node as kubectl does", async () => {
    const cluster = await createTestCluster();
    expect(await taint(cluster, { args: ["node", "node-2", "dedicated=infra:NoSchedule"] })).toEqual({
      exitCode: 0,
      stdout: "node/node-2 tainted\n",
      stderr: "",
    });
    expect((await cluster.client.get("Node", "node-2")).spec?.taints).toEqual([
      { key: "dedicated", value: "infra", effect: "NoSchedule" },
    ]);
    expect(await taint(cluster, { args: ["node", "node-2", "dedicated=db:NoSchedule"] })).toEqual({
      exitCode: 1,
      stdout: "",
      stderr:
        "error: node node-2 already has dedicated taint(s) with same effect(s) and --overwrite is false\n",
    });
    expect(
      await taint(cluster, { args: ["node", "node-2", "dedicated=db:NoSchedule"], overwrite: true }),
    ).toEqual({
      exitCode: 0,
      stdout: "node/node-2 modified\n",
      stderr: "",
    });
    expect(await taint(cluster, { args: ["node", "node-2", "dedicated=infra:NoSchedule-"] })).toEqual({
      exitCode: 0,
      stdout: "node/node-2 untainted\n",
      stderr: "",
    });
    expect((await cluster.client.get("Node", "node-2")).spec?.taints ?? []).toEqual([]);
    expect(await taint(cluster, { args: ["node", "node-2", "dedicated:NoSchedule-"] })).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: taint "dedicated:NoSchedule" not found\n',
    });
    cluster.close();
  });

  it("--all taints every node, keeping the control plane's own taint", async () => {
    const cluster = await createTestCluster();
    expect(await taint(cluster, { args: ["nodes", "maintenance=true:NoExecute"], all: true })).toEqual({
      exitCode: 0,
      stdout: "node/control-plane tainted\nnode/node-1 tainted\nnode/node-2 tainted\n",
      stderr: "",
    });
    expect((await cluster.client.get("Node", "control-plane")).spec?.taints).toEqual([
      { key: "maintenance", value: "true", effect: "NoExecute" },
      { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" },
    ]);
    cluster.close();
  });

  describe("errors", () => {
    let cluster: Cluster;
    beforeAll(async () => {
      cluster = await createTestCluster();
    });
    afterAll(() => cluster.close());

    it.each([
      {
        name: "an unsupported effect is a usage error",
        options: { args: ["node", "node-1", "a=b:Sometimes"] },
        stderr:
          "error: invalid taint effect: Sometimes, unsupported taint effect\nSee 'kubesim taint -h' for help and examples\n",
      },
      {
        name: "an empty effect is a usage error",
        options: { args: ["node", "node-1", "dedicated:"] },
        stderr:
          "error: invalid taint effect: , unsupported taint effect\nSee 'kubesim taint -h' for help and examples\n",
      },
      {
        name: "a resource other than a node is refused",
        options: { args: ["pod", "web", "a=b:NoSchedule"] },
        stderr: "error: invalid resource type pod, only node types are supported\n",
      },
      {
        name: "a node name is required without --all",
        options: { args: ["node", "a=b:NoSchedule"] },
        stderr: "error: at least one resource name must be specified since 'all' parameter is not set\n",
      },
      {
        name: "adding and removing the same taint is refused",
        options: { args: ["node", "node-1", "a=b:NoSchedule", "a-"] },
        stderr: "error: can not both modify and remove the following taint(s) in the same command: a=\n",
      },
      {
        name: "a node that does not exist is NotFound",
        options: { args: ["node", "nope", "a=b:NoSchedule"] },
        stderr: 'Error from server (NotFound): nodes "nope" not found\n',
      },
      {
        name: "no resource at all is refused",
        options: { args: ["a=b:NoSchedule"] },
        stderr: "error: one or more resources must be specified as <resource> <name>\n",
      },
      {
        name: "no taint change is refused",
        options: { args: ["node", "node-1"] },
        stderr: "error: at least one taint update is required\n",
      },
      {
        name: "a node name after the taints is refused",
        options: { args: ["node", "a=b:NoSchedule", "node-1"] },
        stderr: "error: all resources must be specified before taint changes: node-1\n",
      },
      {
        name: "--all with a selector is refused",
        options: { args: ["node", "a=b:NoSchedule"], all: true, labelSelector: "x=y" },
        stderr: "error: setting 'all' parameter with a non empty selector is prohibited\n",
      },
    ])("$name", async ({ options, stderr }) => {
      expect(await taint(cluster, options)).toEqual({ exitCode: 1, stdout: "", stderr });
    });
  });
});
