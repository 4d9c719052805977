import type { Container, Node, Pod } from "@kubesim/core";
import { CycleState } from "../../framework/cycle-state.js";
import { createNodeInfo, type MutableNodeInfo } from "../../framework/node-info.js";
import type { NodeScore, PreScorePlugin, ScorePlugin } from "../../framework/plugin.js";
import type { Status } from "../../framework/status.js";

// Test builders shaped like upstream's st.MakePod()/st.MakeNode() and noderesources test
// helpers, so ported tables read the same. Not exported from the package.

/** A node whose capacity and allocatable are the given list (upstream `st.MakeNode().Capacity`). */
export function makeNode(name: string, allocatable: Record<string, string> = {}): Node {
  return { metadata: { name }, status: { capacity: allocatable, allocatable } };
}

/** Upstream `makeNode(name, milliCPU, memory, extended)`. */
export function makeSizedNode(
  name: string,
  milliCpu: number,
  memory: number,
  extended: Record<string, number> = {},
) {
  const allocatable: Record<string, string> = { cpu: `${milliCpu}m`, memory: String(memory) };
  for (const [resourceName, amount] of Object.entries(extended)) allocatable[resourceName] = String(amount);
  return makeNode(name, allocatable);
}

/** A pod description: one container per `requests` entry, optional sidecars, init containers, overhead. */
export interface PodShape {
  readonly node?: string;
  readonly requests?: readonly Record<string, string>[];
  /** Containers without any resources section (`st.MakePod().Container(...)`). */
  readonly bareContainers?: number;
  readonly initRequests?: readonly Record<string, string>[];
  readonly sidecarRequests?: readonly (Record<string, string> | undefined)[];
  readonly overhead?: Record<string, string>;
}

let podCounter = 0;

/** A pod built from a {@link PodShape}; each gets a unique name and uid. */
export function makePod(shape: PodShape = {}): Pod {
  podCounter += 1;
  const container = (name: string, requests: Record<string, string> | undefined): Container => ({
    name,
    image: "pause",
    ...(requests === undefined ? {} : { resources: { requests } }),
  });
  const containers: Container[] = (shape.requests ?? []).map((requests, index) =>
    container(`c${index}`, requests),
  );
  for (let index = 0; index < (shape.bareContainers ?? 0); index += 1)
    containers.push(container(`bare${index}`, undefined));
  const initContainers: Container[] = (shape.initRequests ?? []).map((requests, index) =>
    container(`i${index}`, requests),
  );
  for (const [index, requests] of (shape.sidecarRequests ?? []).entries()) {
    initContainers.push({ ...container(`s${index}`, requests), restartPolicy: "Always" });
  }
  return {
    metadata: { name: `pod-${podCounter}`, namespace: "default", uid: `uid-${podCounter}` },
    spec: {
      containers,
      ...(initContainers.length > 0 ? { initContainers } : {}),
      ...(shape.node === undefined ? {} : { nodeName: shape.node }),
      ...(shape.overhead === undefined ? {} : { overhead: shape.overhead }),
    },
  };
}

/** Node infos for the nodes, each holding the pods whose `spec.nodeName` names it (upstream `cache.NewSnapshot`). */
export function makeNodeInfos(nodes: readonly Node[], pods: readonly Pod[] = []): MutableNodeInfo[] {
  return nodes.map((node) =>
    createNodeInfo(
      node,
      pods.filter((pod) => pod.spec?.nodeName === node.metadata?.name),
    ),
  );
}

/** Runs PreScore (unless told not to) and Score on every node, as upstream's score tests do. */
export function scoreNodes(
  plugin: PreScorePlugin & ScorePlugin,
  pod: Pod,
  nodes: readonly Node[],
  existingPods: readonly Pod[] = [],
  runPreScore = true,
): { scores: NodeScore[]; statuses: (Status | undefined)[] } {
  const state = new CycleState();
  const nodeInfos = makeNodeInfos(nodes, existingPods);
  const scores: NodeScore[] = [];
  const statuses: (Status | undefined)[] = [];
  for (const nodeInfo of nodeInfos) {
    if (runPreScore) {
      const status = plugin.preScore(state, pod, nodeInfos);
      if (status !== undefined) throw new Error(`PreScore failed: ${status.reasons.join(", ")}`);
    }
    const result = plugin.score(state, pod, nodeInfo);
    scores.push({ name: nodeInfo.name, score: result.score });
    statuses.push(result.status);
  }
  return { scores, statuses };
}
