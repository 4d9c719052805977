import { resolve } from "node:path";
import { parseTaintArguments } from "@kubesim/affinity";
import { readStaticPodManifests } from "@kubesim/cluster";
import {
  createAlreadyExistsError,
  isNotFound,
  KubesimError,
  type Pod,
  parseQuantity,
  type Taint,
} from "@kubesim/core";
import type { ExitCode, KubectlContext } from "../kubectl/kubectl-context.js";

/** Flags of `kubesim node add`, as commander hands them over. */
export interface NodeAddFlags {
  /** `--label KEY=VALUE`, repeatable. */
  readonly label?: readonly string[] | undefined;
  /** `--taint KEY[=VALUE]:EFFECT`, repeatable. */
  readonly taint?: readonly string[] | undefined;
  readonly cpu?: string | undefined;
  readonly memory?: string | undefined;
  readonly pods?: string | undefined;
  /** A kubelet static pod directory (`--pod-manifest-path`), relative to the working directory. */
  readonly staticPodManifests?: string | undefined;
}

function parseLabels(specs: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const spec of specs) {
    const equals = spec.indexOf("=");
    if (equals <= 0) throw new KubesimError(`invalid --label ${JSON.stringify(spec)}: expected KEY=VALUE`);
    const key = spec.slice(0, equals);
    if (Object.hasOwn(labels, key))
      throw new KubesimError(`invalid --label ${JSON.stringify(spec)}: duplicate key ${key}`);
    labels[key] = spec.slice(equals + 1);
  }
  return labels;
}

function parseTaints(specs: readonly string[]): Taint[] {
  for (const spec of specs) {
    if (spec.endsWith("-")) {
      throw new KubesimError(
        `invalid --taint ${JSON.stringify(spec)}: expected KEY[=VALUE]:EFFECT (a new node has no taint to remove)`,
      );
    }
  }
  return parseTaintArguments(specs).toAdd;
}

function parseCapacity(flags: NodeAddFlags): Record<string, string> | undefined {
  const capacity: Record<string, string> = {};
  for (const [flag, resource, value] of [
    ["--cpu", "cpu", flags.cpu],
    ["--memory", "memory", flags.memory],
    ["--pods", "pods", flags.pods],
  ] as const) {
    if (value === undefined) continue;
    try {
      parseQuantity(value);
    } catch (error) {
      throw new KubesimError(`invalid ${flag} ${JSON.stringify(value)}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    capacity[resource] = value;
  }
  return Object.keys(capacity).length === 0 ? undefined : capacity;
}

/**
 * `kubesim node add NAME [--label k=v]... [--taint k=v:Effect]... [--cpu Q] [--memory Q]
 * [--pods N] [--static-pod-manifests DIR]`: registers a node and starts its kubelet (Ready;
 * DaemonSets place their pods on it; its static pods appear as mirror pods `<pod>-NAME`).
 * Capacity not given keeps the simulated kubelet's default (2 CPU, 4Gi, 110 pods). Prints
 * `node/NAME added`.
 *
 * @throws KubesimError for a malformed flag; StatusError AlreadyExists / Invalid from the API.
 */
export async function runNodeAdd(
  context: KubectlContext,
  name: string,
  flags: NodeAddFlags,
): Promise<ExitCode> {
  const labels = parseLabels(flags.label ?? []);
  const taints = parseTaints(flags.taint ?? []);
  const capacity = parseCapacity(flags);
  const staticPods: Pod[] =
    flags.staticPodManifests === undefined
      ? []
      : readStaticPodManifests(resolve(context.cwd, flags.staticPodManifests));
  const exists = await context.client.get("Node", name).then(
    () => true,
    (error: unknown) => {
      if (isNotFound(error)) return false;
      throw error;
    },
  );
  if (exists) throw createAlreadyExistsError({ group: "", resource: "nodes" }, name);
  await context.cluster.addNode(name, {
    labels: { ...labels },
    taints,
    staticPods,
    ...(capacity === undefined ? {} : { capacity }),
  });
  context.io.stdout(`node/${name} added\n`);
  return 0;
}
