import type { Cluster } from "@kubesim/cluster";
import type { ApiClient, PatchOptions, WriteOptions } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { bufferedIo } from "../../io.js";
import { runApply } from "../apply/apply.js";
import { runCreate } from "../apply/create.js";
import { runCordon, runDrain, runUncordon } from "../drain/index.js";
import type { KubectlContext } from "../kubectl-context.js";
import { runAnnotate, runLabel } from "../label/index.js";
import { runRolloutRestart, runRolloutUndo } from "../rollout/index.js";
import { runSetImage } from "../set-image/index.js";
import { runTaint } from "../taint/index.js";
import { testContext } from "../test-context.js";
import {
  clientWithOverrides,
  createTestCluster,
  nginxDaemonSetYaml,
  writeManifests,
} from "./test-manifests.js";

/** One write a verb made, as the API server would see it. */
interface Write {
  readonly verb: "create" | "patch";
  readonly kind: string;
  readonly type?: string;
  readonly fieldManager: string | undefined;
}

/** A client that records the field manager of every create and patch, then passes them on. */
function recordingClient(base: ApiClient, writes: Write[]): ApiClient {
  return clientWithOverrides(base, {
    create: (async (object: { kind?: string }, options?: WriteOptions) => {
      writes.push({ verb: "create", kind: object.kind ?? "", fieldManager: options?.fieldManager });
      return base.create(object as never, options);
    }) as ApiClient["create"],
    patch: (async (kind: string, name: string, patch: unknown, options: PatchOptions) => {
      writes.push({ verb: "patch", kind, type: options.type, fieldManager: options.fieldManager });
      return base.patch(kind, name, patch, options);
    }) as ApiClient["patch"],
  });
}

interface ManagerCase {
  readonly name: string;
  /** Runs before the verb, without recording (e.g. creates the DaemonSet). */
  readonly setup?: (context: KubectlContext, cluster: Cluster) => Promise<unknown>;
  readonly run: (context: KubectlContext) => Promise<number>;
  readonly writes: readonly Write[];
}

const daemonSet = async (context: KubectlContext) =>
  runApply(context, { filenames: ["ds.yaml"], recursive: false });

describe("the fieldManager each kubectl verb sends (kubectl v1.32's defaults and --field-manager)", () => {
  it.each<ManagerCase>([
    {
      name: "create -f sends kubectl-create",
      run: (context) => runCreate(context, { filenames: ["ds.yaml"], recursive: false }),
      writes: [{ verb: "create", kind: "DaemonSet", fieldManager: "kubectl-create" }],
    },
    {
      name: "create -f --field-manager=mine sends mine",
      run: (context) =>
        runCreate(context, { filenames: ["ds.yaml"], recursive: false, fieldManager: "mine" }),
      writes: [{ verb: "create", kind: "DaemonSet", fieldManager: "mine" }],
    },
    {
      name: "a client-side apply that creates sends kubectl-client-side-apply",
      run: daemonSet,
      writes: [{ verb: "create", kind: "DaemonSet", fieldManager: "kubectl-client-side-apply" }],
    },
    {
      name: "a client-side apply that patches sends kubectl-client-side-apply with a strategic merge patch",
      setup: daemonSet,
      run: (context) => runApply(context, { filenames: ["ds-v2.yaml"], recursive: false }),
      writes: [
        { verb: "patch", kind: "DaemonSet", type: "strategic", fieldManager: "kubectl-client-side-apply" },
      ],
    },
    {
      name: "apply --server-side sends kubectl with an apply patch",
      run: (context) => runApply(context, { filenames: ["ds.yaml"], recursive: false, serverSide: true }),
      writes: [{ verb: "patch", kind: "DaemonSet", type: "apply", fieldManager: "kubectl" }],
    },
    {
      name: "apply --server-side --field-manager=mine sends mine",
      run: (context) =>
        runApply(context, {
          filenames: ["ds.yaml"],
          recursive: false,
          serverSide: true,
          fieldManager: "mine",
        }),
      writes: [{ verb: "patch", kind: "DaemonSet", type: "apply", fieldManager: "mine" }],
    },
    {
      name: "label sends kubectl-label with a merge patch",
      run: (context) => runLabel(context, { args: ["node", "node-1", "disktype=ssd"] }),
      writes: [{ verb: "patch", kind: "Node", type: "merge", fieldManager: "kubectl-label" }],
    },
    {
      name: "label --field-manager=mine sends mine",
      run: (context) => runLabel(context, { args: ["node", "node-1", "disktype=ssd"], fieldManager: "mine" }),
      writes: [{ verb: "patch", kind: "Node", type: "merge", fieldManager: "mine" }],
    },
    {
      name: "annotate sends kubectl-annotate with a merge patch",
      run: (context) => runAnnotate(context, { args: ["node", "node-1", "team=infra"] }),
      writes: [{ verb: "patch", kind: "Node", type: "merge", fieldManager: "kubectl-annotate" }],
    },
    {
      name: "taint sends kubectl-taint with a strategic merge patch",
      run: (context) => runTaint(context, { args: ["node", "node-1", "dedicated=infra:NoSchedule"] }),
      writes: [{ verb: "patch", kind: "Node", type: "strategic", fieldManager: "kubectl-taint" }],
    },
    {
      name: "taint --field-manager=mine sends mine",
      run: (context) =>
        runTaint(context, { args: ["node", "node-1", "dedicated=infra:NoSchedule"], fieldManager: "mine" }),
      writes: [{ verb: "patch", kind: "Node", type: "strategic", fieldManager: "mine" }],
    },
    {
      name: "set image sends kubectl-set with a strategic merge patch",
      setup: daemonSet,
      run: (context) => runSetImage(context, { args: ["ds/nginx", "nginx=nginx:1.27"] }),
      writes: [{ verb: "patch", kind: "DaemonSet", type: "strategic", fieldManager: "kubectl-set" }],
    },
    {
      name: "cordon sends no fieldManager, so the manager is kubectl, the User-Agent's",
      run: (context) => runCordon(context, { names: ["node-1"] }),
      writes: [{ verb: "patch", kind: "Node", type: "strategic", fieldManager: "kubectl" }],
    },
    {
      name: "uncordon is recorded under kubectl likewise",
      setup: (context) => runCordon(context, { names: ["node-1"] }),
      run: (context) => runUncordon(context, { names: ["node-1"] }),
      writes: [{ verb: "patch", kind: "Node", type: "strategic", fieldManager: "kubectl" }],
    },
    {
      name: "drain's cordon is recorded under kubectl likewise",
      run: (context) =>
        runDrain(context, {
          names: ["node-1"],
          ignoreDaemonSets: true,
          deleteEmptyDirData: false,
          force: false,
        }),
      writes: [{ verb: "patch", kind: "Node", type: "strategic", fieldManager: "kubectl" }],
    },
    {
      name: "rollout undo sends no fieldManager, so the manager is kubectl",
      setup: async (context, cluster) => {
        await daemonSet(context);
        await cluster.settle();
        await runSetImage(context, { args: ["ds/nginx", "nginx=nginx:1.27"] });
        await cluster.settle();
      },
      run: (context) => runRolloutUndo(context, { args: ["ds/nginx"] }),
      writes: [{ verb: "patch", kind: "DaemonSet", type: "strategic", fieldManager: "kubectl" }],
    },
    {
      name: "rollout restart sends kubectl-rollout",
      setup: daemonSet,
      run: (context) => runRolloutRestart(context, { args: ["ds/nginx"] }),
      writes: [{ verb: "patch", kind: "DaemonSet", type: "strategic", fieldManager: "kubectl-rollout" }],
    },
    {
      name: "rollout restart --field-manager=mine sends mine",
      setup: daemonSet,
      run: (context) => runRolloutRestart(context, { args: ["ds/nginx"], fieldManager: "mine" }),
      writes: [{ verb: "patch", kind: "DaemonSet", type: "strategic", fieldManager: "mine" }],
    },
  ])("$name", async ({ setup, run, writes }) => {
    const cluster = await createTestCluster();
    const cwd = await writeManifests({
      "ds.yaml": nginxDaemonSetYaml("nginx:1.25"),
      "ds-v2.yaml": nginxDaemonSetYaml("nginx:1.26"),
    });
    const base = testContext(cluster, { cwd, io: bufferedIo() });
    await setup?.(base, cluster);
    const recorded: Write[] = [];
    const io = bufferedIo();
    const exitCode = await run({ ...base, io, client: recordingClient(cluster.client, recorded) });
    expect({ exitCode, stderr: io.output.stderr }).toEqual({ exitCode: 0, stderr: expect.any(String) });
    expect(recorded).toEqual(writes);
    cluster.close();
  });
});
