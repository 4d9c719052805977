import { createInvalidError, KubesimError, type Node, type Pod, VirtualClock } from "@kubesim/core";
import { CycleState } from "../framework/cycle-state.js";
import { createNodeInfo, createNodeInfoLister } from "../framework/node-info.js";
import type {
  FilterPlugin,
  NodeScore,
  Plugin,
  PreFilterPlugin,
  PreScorePlugin,
  ScorePlugin,
} from "../framework/plugin.js";
import { Code, errorStatus, type Status } from "../framework/status.js";
import { defaultFeatures, type Features, type Handle, type NodeInfo } from "../framework/types.js";
import type {
  EvaluatePluginOptions,
  EvaluatePluginResult,
  PluginStatusReport,
} from "./evaluate-plugin-types.js";
import { resolvePluginDefinition } from "./resolve-plugin-definition.js";
import { statusReport } from "./status-report.js";

/** The API group of plugin args in errors: `NodeResourcesFitArgs.kubescheduler.config.k8s.io "NodeResourcesFit" is invalid: …`. */
const argsGroup = "kubescheduler.config.k8s.io";

function hasMethod<T extends Plugin>(plugin: Plugin, method: keyof T): plugin is T {
  return typeof (plugin as unknown as Record<PropertyKey, unknown>)[method as PropertyKey] === "function";
}

// A plugin that throws (a bug, or input it did not expect) is reported as an Error status.
function guarded<T>(call: () => T, onError: (status: Status) => T): T {
  try {
    return call();
  } catch (error) {
    return onError(errorStatus(error));
  }
}

function buildNodeInfos(nodes: ReadonlyArray<Node | undefined>, existingPods: readonly Pod[]): NodeInfo[] {
  const podsByNode = new Map<string, Pod[]>();
  for (const pod of existingPods) {
    const nodeName = pod?.spec?.nodeName ?? "";
    const list = podsByNode.get(nodeName);
    if (list === undefined) podsByNode.set(nodeName, [pod]);
    else list.push(pod);
  }
  return nodes.map((node) =>
    createNodeInfo(node ?? undefined, podsByNode.get(node?.metadata?.name ?? "") ?? []),
  );
}

function checkOptions(name: unknown, options: EvaluatePluginOptions | undefined): void {
  if (typeof name !== "string") throw new KubesimError("evaluatePlugin: the plugin name must be a string");
  if (typeof options !== "object" || options === null) {
    throw new KubesimError("evaluatePlugin: options { pod, nodes, ... } are required");
  }
  if (typeof options.pod !== "object" || options.pod === null) {
    throw new KubesimError("evaluatePlugin: options.pod must be an object");
  }
  if (!Array.isArray(options.nodes)) throw new KubesimError("evaluatePlugin: options.nodes must be an array");
  if (options.existingPods !== undefined && !Array.isArray(options.existingPods)) {
    throw new KubesimError("evaluatePlugin: options.existingPods must be an array");
  }
}

/**
 * Runs one registered plugin (in-tree or your own) over plain objects, the way upstream
 * tests its plugins: no cluster, no queue, no other plugins.
 *
 * Stages, each only when the plugin implements it:
 * 1. PreFilter (unless `runPreFilter: false`) over all nodes → `preFilter`,
 *    `preFilterNodeNames` (sorted; `null` when it does not narrow).
 * 2. Filter on every node, in node order → `filter`. It runs even after PreFilter
 *    rejected the pod (as upstream's plugin tests do) and on nodes PreFilter narrowed
 *    away; only a PreFilter `Skip` stops it, as in the scheduler, and those nodes report
 *    Success. A plugin without Filter reports Success for every node.
 * 3. PreScore (unless `runPreScore: false`) over all nodes → `preScore`.
 * 4. Score on every node, then NormalizeScore → `scores`, `normalizedScores`,
 *    `scoreStatus` — unless PreScore returned anything but Success (Skip included), in
 *    which case Score does not run, as in the scheduler.
 *
 * A plugin that throws is reported as an Error status at that stage. The handle offers
 * the nodes as the snapshot (so ImageLocality counts them), the given clock and listers,
 * and no API client: DefaultBinder's factory therefore throws.
 *
 * @throws KubesimError for an unknown plugin name or malformed options.
 * @throws StatusError (reason Invalid) whose `errors` are the field errors of invalid
 *   args, e.g. `FieldValueInvalid` at `scoringStrategy.resources[0].weight`.
 * @example
 * const result = evaluatePlugin("TaintToleration", {
 *   pod: { spec: { containers: [] } },
 *   nodes: [{ metadata: { name: "a" }, spec: { taints: [{ key: "gpu", effect: "NoSchedule" }] } }],
 * });
 * result.filter; // => [{ code: "UnschedulableAndUnresolvable", reasons: ["node(s) had untolerated taint {gpu: }"] }]
 */
export function evaluatePlugin(name: string, options: EvaluatePluginOptions): EvaluatePluginResult {
  checkOptions(name, options);
  const definition = resolvePluginDefinition(name, options.registry);
  const args = definition.defaultArgs === undefined ? options.args : definition.defaultArgs(options.args);
  const argErrors = definition.validateArgs?.(args) ?? [];
  if (argErrors.length > 0) {
    throw createInvalidError(
      { group: argsGroup, kind: `${definition.name}Args` },
      definition.name,
      argErrors,
    );
  }

  const pod = options.pod;
  const nodeInfos = buildNodeInfos(options.nodes, options.existingPods ?? []);
  const lister = createNodeInfoLister(nodeInfos);
  const handle: Handle = {
    snapshotSharedLister: () => lister,
    clock: options.clock ?? new VirtualClock(0),
    ...(options.listers === undefined ? {} : { listers: options.listers }),
  };
  const features: Features = { ...defaultFeatures, ...options.features };
  const plugin = definition.factory(args, handle, features);
  const state = new CycleState();

  let preFilter: PluginStatusReport | undefined;
  let preFilterNodeNames: string[] | null | undefined;
  let filterSkipped = false;
  if (options.runPreFilter !== false && hasMethod<PreFilterPlugin>(plugin, "preFilter")) {
    const outcome = guarded(
      () => plugin.preFilter(state, pod, nodeInfos),
      (status) => ({ status }),
    );
    preFilter = statusReport(outcome.status);
    filterSkipped = outcome.status?.code === Code.Skip;
    const nodeNames = outcome.result?.nodeNames;
    preFilterNodeNames = nodeNames === undefined ? null : [...nodeNames].sort();
  }

  const filter: PluginStatusReport[] = nodeInfos.map((nodeInfo) =>
    !filterSkipped && hasMethod<FilterPlugin>(plugin, "filter")
      ? statusReport(
          guarded(
            () => plugin.filter(state, pod, nodeInfo),
            (status) => status,
          ),
        )
      : statusReport(undefined),
  );

  let preScore: PluginStatusReport | undefined;
  let scoring: Pick<EvaluatePluginResult, "scores" | "normalizedScores" | "scoreStatus"> = {};
  if (options.runPreScore !== false && hasMethod<PreScorePlugin>(plugin, "preScore")) {
    preScore = statusReport(
      guarded(
        () => plugin.preScore(state, pod, nodeInfos),
        (status) => status,
      ),
    );
  }
  if ((preScore === undefined || preScore.code === "Success") && hasMethod<ScorePlugin>(plugin, "score")) {
    scoring = runScore(plugin, state, pod, nodeInfos);
  }

  return {
    ...(preFilter === undefined ? {} : { preFilter, preFilterNodeNames: preFilterNodeNames ?? null }),
    filter,
    ...(preScore === undefined ? {} : { preScore }),
    ...scoring,
  };
}

function runScore(
  plugin: ScorePlugin,
  state: CycleState,
  pod: Pod,
  nodeInfos: readonly NodeInfo[],
): Pick<EvaluatePluginResult, "scores" | "normalizedScores" | "scoreStatus"> {
  const scores: number[] = [];
  for (const nodeInfo of nodeInfos) {
    const outcome = guarded(
      () => plugin.score(state, pod, nodeInfo),
      (status) => ({ score: 0, status }),
    );
    if (outcome.status !== undefined && outcome.status.code !== Code.Success) {
      return { scoreStatus: statusReport(outcome.status) };
    }
    scores.push(outcome.score);
  }
  const list: NodeScore[] = nodeInfos.map((nodeInfo, index) => ({
    name: nodeInfo.name,
    score: scores[index] ?? 0,
  }));
  const extensions = guarded(
    () => plugin.scoreExtensions?.(),
    () => undefined,
  );
  if (extensions !== undefined) {
    const status = guarded(
      () => extensions.normalizeScore(state, pod, list),
      (failure) => failure,
    );
    if (status !== undefined && status.code !== Code.Success) {
      return { scores, scoreStatus: statusReport(status) };
    }
  }
  return { scores, normalizedScores: list.map((entry) => entry.score), scoreStatus: statusReport(undefined) };
}
