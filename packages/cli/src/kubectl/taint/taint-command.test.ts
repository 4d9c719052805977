import { describe, expect, it } from "vitest";
import { commandHarness, createTestCluster } from "../resource-builder/test-manifests.js";
import { registerTaintCommand } from "./taint-command.js";

describe("taint command", () => {
  it("parses kubectl's flags and runs the verb", async () => {
    const cluster = await createTestCluster();
    const harness = commandHarness(cluster);
    registerTaintCommand(harness.program, harness.run);
    expect(await harness.execute(["taint", "node", "node-2", "dedicated=infra:NoSchedule"])).toEqual({
      exitCode: 0,
      stdout: "node/node-2 tainted\n",
      stderr: "",
    });
    expect(
      await harness.execute(["taint", "node", "node-2", "dedicated=db:NoSchedule", "--overwrite"]),
    ).toEqual({
      exitCode: 0,
      stdout: "node/node-2 modified\n",
      stderr: "",
    });
    expect(
      await harness.execute(["taint", "nodes", "-l", "kubernetes.io/hostname=node-2", "dedicated-"]),
    ).toEqual({
      exitCode: 0,
      stdout: "node/node-2 untainted\n",
      stderr: "",
    });
    cluster.close();
  });
});
