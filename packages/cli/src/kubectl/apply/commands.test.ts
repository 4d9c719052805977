import { describe, expect, it } from "vitest";
import {
  commandHarness,
  createTestCluster,
  nginxDaemonSetYaml,
  writeManifests,
} from "../resource-builder/test-manifests.js";
import { registerApplyCommand } from "./apply-command.js";
import { registerCreateCommand } from "./create-command.js";
import { registerDeleteCommand } from "./delete-command.js";

describe("create, apply and delete commands", () => {
  it("parse kubectl's flags and run the verbs", async () => {
    const cluster = await createTestCluster();
    const cwd = await writeManifests({
      "ds.yaml": nginxDaemonSetYaml(),
      "dir/pod.yaml":
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: web, image: nginx}]}\n",
    });
    const harness = commandHarness(cluster, cwd);
    registerCreateCommand(harness.program, harness.run);
    registerApplyCommand(harness.program, harness.run);
    registerDeleteCommand(harness.program, harness.run);
    expect(await harness.execute(["create", "-f", "ds.yaml", "-o", "name"])).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx\n",
      stderr: "",
    });
    expect(await harness.execute(["create", "--filename=dir", "-R", "--validate=false"])).toEqual({
      exitCode: 0,
      stdout: "pod/web created\n",
      stderr: "",
    });
    expect(await harness.execute(["apply", "-f", "ds.yaml", "--server-side", "--force-conflicts"])).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx serverside-applied\n",
      stderr: "",
    });
    expect(
      await harness.execute(["delete", "pod", "web", "--grace-period=0", "--force", "--wait=false"]),
    ).toEqual({
      exitCode: 0,
      stdout: 'pod "web" force deleted\n',
      stderr:
        "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n",
    });
    expect(await harness.execute(["delete", "-f", "ds.yaml", "--cascade=foreground"])).toEqual({
      exitCode: 0,
      stdout: 'daemonset.apps "nginx" deleted\n',
      stderr: "",
    });
    expect(await harness.execute(["delete", "ds", "nginx", "--grace-period=soon"])).toEqual({
      exitCode: 1,
      stdout: "",
      stderr:
        'error: invalid argument "soon" for "--grace-period" flag: strconv.ParseInt: parsing "soon": invalid syntax\nSee \'kubesim delete --help\' for usage.\n',
    });
    expect(
      await harness.execute(["-n", "kube-system", "delete", "ds", "nginx", "--ignore-not-found"]),
    ).toEqual({
      exitCode: 0,
      stdout: "",
      stderr: "",
    });
    cluster.close();
  });
});
