import type { Cluster } from "@kubesim/cluster";
import { loadManifests } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { bufferedIo } from "../../io.js";
import { createTestCluster, nginxDaemonSetYaml } from "../resource-builder/test-manifests.js";
import { testContext } from "../test-context.js";
import { runSetImage, type SetImageOptions } from "./set-image.js";

async function clusterWithNginx(): Promise<Cluster> {
  const cluster = await createTestCluster();
  for (const object of loadManifests(nginxDaemonSetYaml())) {
    await cluster.client.create({ ...object, metadata: { ...object.metadata, namespace: "default" } });
  }
  await cluster.settle();
  return cluster;
}

async function setImage(cluster: Cluster, options: SetImageOptions) {
  const io = bufferedIo();
  const exitCode = await runSetImage(testContext(cluster, { io }), options);
  return { exitCode, ...io.output };
}

async function nginxImage(cluster: Cluster): Promise<string | undefined> {
  const daemonSet = await cluster.client.get("DaemonSet", "nginx", { namespace: "default" });
  return daemonSet.spec?.template.spec?.containers[0]?.image;
}

describe("runSetImage", () => {
  it("updates the image twice as kubectl does and stays silent when nothing changes", async () => {
    const cluster = await clusterWithNginx();
    expect(await setImage(cluster, { args: ["ds/nginx", "nginx=nginx:1.26"] })).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx image updated\n",
      stderr: "",
    });
    expect(await setImage(cluster, { args: ["ds", "nginx", "nginx=nginx:1.27"] })).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx image updated\n",
      stderr: "",
    });
    expect(await nginxImage(cluster)).toBe("nginx:1.27");
    expect(await setImage(cluster, { args: ["ds/nginx", "nginx=nginx:1.27"] })).toEqual({
      exitCode: 0,
      stdout: "",
      stderr: "",
    });
    expect(await setImage(cluster, { args: ["ds/nginx", "*=nginx:1.28"] })).toMatchObject({ exitCode: 0 });
    expect(await nginxImage(cluster)).toBe("nginx:1.28");
    cluster.close();
  });

  it.each([
    {
      name: "an unknown container is kubectl's unable to find container error",
      args: ["ds/nginx", "web=nginx:1.26"],
      stderr: 'error: unable to find container named "web"\n',
    },
    {
      name: "two unknown containers print one line each",
      args: ["ds/nginx", "web=a", "db=b"],
      stderr: 'error: unable to find container named "web"\nerror: unable to find container named "db"\n',
    },
    {
      name: "an object without a pod template is refused",
      args: ["node/node-1", "nginx=nginx:1.26"],
      stderr: "error: nodes/node-1 the object is not a pod or does not have a pod template: *v1.Node\n",
    },
    {
      name: "no image is refused",
      args: ["ds/nginx"],
      stderr: "error: at least one image update is required\n",
    },
    {
      name: "a pair without a value is an invalid image format",
      args: ["ds/nginx", "nginx=x", "web-"],
      stderr: "error: invalid image format: web-\n",
    },
    {
      name: "a DaemonSet that does not exist is NotFound",
      args: ["ds/nope", "nginx=nginx:1.26"],
      stderr: 'Error from server (NotFound): daemonsets.apps "nope" not found\n',
    },
  ])("$name", async ({ args, stderr }) => {
    const cluster = await clusterWithNginx();
    expect(await setImage(cluster, { args })).toEqual({ exitCode: 1, stdout: "", stderr });
    expect(await nginxImage(cluster)).toBe("nginx:1.25");
    cluster.close();
  });
});
