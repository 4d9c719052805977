import { loadManifests } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { commandHarness, createTestCluster, nginxDaemonSetYaml } from "../resource-builder/test-manifests.js";
import { registerSetImageCommand } from "../set-image/set-image-command.js";
import { registerRolloutCommand } from "./rollout-command.js";

describe("rollout and set image commands", () => {
  it("parse kubectl's flags and run the verbs", async () => {
    const cluster = await createTestCluster();
    for (const object of loadManifests(nginxDaemonSetYaml())) {
      await cluster.client.create({ ...object, metadata: { ...object.metadata, namespace: "default" } });
    }
    await cluster.settle();
    const harness = commandHarness(cluster);
    registerRolloutCommand(harness.program, harness.run);
    registerSetImageCommand(harness.program, harness.run);
    expect(await harness.execute(["set", "image", "ds/nginx", "nginx=nginx:1.26"])).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx image updated\n",
      stderr: "",
    });
    expect(await harness.execute(["rollout", "status", "ds/nginx", "--watch=false"])).toEqual({
      exitCode: 0,
      stdout: "Waiting for daemon set spec update to be observed...\n",
      stderr: "",
    });
    const status = await harness.execute(["rollout", "status", "daemonset", "nginx", "--timeout=5m"]);
    expect(status.stdout.endsWith('daemon set "nginx" successfully rolled out\n')).toBe(true);
    expect(await harness.execute(["rollout", "history", "ds/nginx", "--revision=1"])).toMatchObject({
      exitCode: 0,
      stdout: expect.stringContaining(
        "daemonset.apps/nginx with revision #1\nPod Template:\n",
      ) as unknown as string,
    });
    expect(await harness.execute(["rollout", "undo", "ds/nginx", "--to-revision=1"])).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx rolled back\n",
      stderr: "",
    });
    expect(await harness.execute(["rollout", "restart", "ds/nginx"])).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx restarted\n",
      stderr: "",
    });
    expect(await harness.execute(["rollout", "undo", "ds/nginx", "--to-revision=x"])).toEqual({
      exitCode: 1,
      stdout: "",
      stderr:
        'error: invalid argument "x" for "--to-revision" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubesim rollout undo --help\' for usage.\n',
    });
    cluster.close();
  });
});
