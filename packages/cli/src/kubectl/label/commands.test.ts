import { describe, expect, it } from "vitest";
import { commandHarness, createTestCluster } from "../resource-builder/test-manifests.js";
import { registerAnnotateCommand } from "./annotate-command.js";
import { registerLabelCommand } from "./label-command.js";

describe("label and annotate commands", () => {
  it("parse kubectl's flags and run the verbs", async () => {
    const cluster = await createTestCluster();
    const harness = commandHarness(cluster);
    registerLabelCommand(harness.program, harness.run);
    registerAnnotateCommand(harness.program, harness.run);
    expect(await harness.execute(["label", "node", "node-3", "disktype=ssd"])).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'Error from server (NotFound): nodes "node-3" not found\n',
    });
    expect(await harness.execute(["label", "nodes", "--all", "disktype=ssd"])).toMatchObject({
      exitCode: 0,
      stdout: "node/control-plane labeled\nnode/node-1 labeled\nnode/node-2 labeled\n",
    });
    expect(
      await harness.execute(["label", "--overwrite", "node", "node-1", "disktype=hdd", "-o", "name"]),
    ).toEqual({
      exitCode: 0,
      stdout: "node/node-1\n",
      stderr: "",
    });
    expect(await harness.execute(["label", "node", "node-1", "--resource-version=1", "team=a"])).toEqual({
      exitCode: 1,
      stdout: "",
      stderr:
        'Error from server (Conflict): Operation cannot be fulfilled on nodes "node-1": the object has been modified; please apply your changes to the latest version and try again\n',
    });
    expect(await harness.execute(["annotate", "nodes", "-l", "disktype=hdd", "owner=me"])).toEqual({
      exitCode: 0,
      stdout: "node/node-1 annotated\n",
      stderr: "",
    });
    cluster.close();
  });
});
