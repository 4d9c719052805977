import { describe, expect, it } from "vitest";
import { commandHarness, createTestCluster } from "../resource-builder/test-manifests.js";
import { registerCordonCommand, registerUncordonCommand } from "./cordon-command.js";
import { registerDrainCommand } from "./drain-command.js";

describe("cordon, uncordon and drain commands", () => {
  it("parse kubectl's flags and run the verbs", async () => {
    const cluster = await createTestCluster();
    const harness = commandHarness(cluster);
    registerCordonCommand(harness.program, harness.run);
    registerUncordonCommand(harness.program, harness.run);
    registerDrainCommand(harness.program, harness.run);
    expect(await harness.execute(["cordon", "node-2"])).toEqual({
      exitCode: 0,
      stdout: "node/node-2 cordoned\n",
      stderr: "",
    });
    expect(await harness.execute(["uncordon", "-l", "kubernetes.io/hostname=node-2"])).toEqual({
      exitCode: 0,
      stdout: "node/node-2 uncordoned\n",
      stderr: "",
    });
    const drained = await harness.execute([
      "drain",
      "node-1",
      "--ignore-daemonsets",
      "--delete-emptydir-data",
      "--grace-period=5",
      "--timeout=30s",
    ]);
    expect(drained.exitCode).toBe(0);
    expect(drained.stdout).toBe("node/node-1 cordoned\nnode/node-1 drained\n");
    expect(await harness.execute(["drain", "node-2", "--timeout=soon"])).toEqual({
      exitCode: 1,
      stdout: "",
      stderr:
        'error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"\nSee \'kubesim drain --help\' for usage.\n',
    });
    cluster.close();
  });
});
