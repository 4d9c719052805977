import type { Cluster } from "@kubesim/cluster";
import type { ApiClient, PatchOptions, WriteOptions } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { registerApplyCommand, registerCreateCommand } from "../apply/index.js";
import { registerAnnotateCommand, registerLabelCommand } from "../label/index.js";
import { registerRolloutCommand } from "../rollout/index.js";
import { registerSetImageCommand } from "../set-image/index.js";
import { registerTaintCommand } from "../taint/index.js";
import {
  clientWithOverrides,
  commandHarness,
  createTestCluster,
  nginxDaemonSetYaml,
  writeManifests,
} from "./test-manifests.js";

/** The cluster with its client replaced by one that records each write's field manager. */
function recordingCluster(cluster: Cluster, managers: (string | undefined)[]): Cluster {
  const client = clientWithOverrides(cluster.client, {
    create: (async (object: never, options?: WriteOptions) => {
      managers.push(options?.fieldManager);
      return cluster.client.create(object, options);
    }) as ApiClient["create"],
    patch: (async (kind: string, name: string, patch: unknown, options: PatchOptions) => {
      managers.push(options.fieldManager);
      return cluster.client.patch(kind, name, patch, options);
    }) as ApiClient["patch"],
  });
  return new Proxy(cluster, {
    get(target, property) {
      if (property === "client") return client;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("--field-manager and --show-managed-fields on the mutating commands", () => {
  it.each([
    {
      name: "create takes --field-manager",
      args: ["create", "-f", "ds.yaml", "--field-manager=mine"],
      managers: ["mine"],
    },
    {
      name: "apply takes --field-manager",
      args: ["apply", "-f", "ds.yaml", "--field-manager", "mine"],
      managers: ["mine"],
    },
    {
      name: "apply --server-side takes --field-manager",
      args: ["apply", "-f", "ds.yaml", "--server-side", "--field-manager=mine"],
      managers: ["mine"],
    },
    {
      name: "label takes --field-manager",
      args: ["label", "node", "node-1", "a=b", "--field-manager=mine"],
      managers: ["mine"],
    },
    {
      name: "annotate takes --field-manager",
      args: ["annotate", "node", "node-1", "a=b", "--field-manager=mine"],
      managers: ["mine"],
    },
    {
      name: "taint takes --field-manager",
      args: ["taint", "node", "node-1", "a=b:NoSchedule", "--field-manager=mine"],
      managers: ["mine"],
    },
    {
      name: "set image takes --field-manager",
      setup: true,
      args: ["set", "image", "ds/nginx", "nginx=nginx:1.27", "--field-manager=mine"],
      managers: ["mine"],
    },
    {
      name: "rollout restart takes --field-manager",
      setup: true,
      args: ["rollout", "restart", "ds/nginx", "--field-manager=mine"],
      managers: ["mine"],
    },
    {
      name: "create accepts --show-managed-fields",
      args: ["create", "-f", "ds.yaml", "--show-managed-fields"],
      managers: ["kubectl-create"],
    },
  ])("$name", async ({ args, setup, managers }) => {
    const cluster = await createTestCluster();
    const cwd = await writeManifests({ "ds.yaml": nginxDaemonSetYaml() });
    if (setup === true) await cluster.apply(nginxDaemonSetYaml());
    const recorded: (string | undefined)[] = [];
    const harness = commandHarness(recordingCluster(cluster, recorded), cwd);
    for (const register of [
      registerCreateCommand,
      registerApplyCommand,
      registerLabelCommand,
      registerAnnotateCommand,
      registerTaintCommand,
      registerSetImageCommand,
      registerRolloutCommand,
    ]) {
      register(harness.program, harness.run);
    }
    const result = await harness.execute(args);
    expect({ exitCode: result.exitCode, stderr: result.stderr }).toEqual({ exitCode: 0, stderr: "" });
    expect(recorded).toEqual(managers);
    cluster.close();
  });
});
