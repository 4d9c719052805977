import { aggregateFieldErrors, KubesimError, type Pod } from "@kubesim/core";
import type { CycleState } from "../../framework/cycle-state.js";
import type { PreScorePlugin, ScorePlugin } from "../../framework/plugin.js";
import type { PluginDefinition } from "../../framework/plugin-definition.js";
import type { Status } from "../../framework/status.js";
import type { NodeInfo } from "../../framework/types.js";
import {
  defaultNodeResourcesBalancedAllocationArgs,
  defaultNodeResourcesBalancedAllocationArgsV1,
  type NodeResourcesBalancedAllocationArgs,
  validateNodeResourcesBalancedAllocationArgs,
} from "./args.js";
import { balancedResourceScorer } from "./balanced-allocation-scorer.js";
import { ResourceAllocationScorer } from "./resource-allocation.js";

const name = "NodeResourcesBalancedAllocation";
const preScoreStateKey = `PreScore${name}`;

interface PreScoreState {
  readonly podRequests: readonly number[];
}

/** The NodeResourcesBalancedAllocation plugin's extension points. */
export type NodeResourcesBalancedAllocationPlugin = PreScorePlugin & ScorePlugin;

/**
 * The NodeResourcesBalancedAllocation plugin (upstream `noderesources.BalancedAllocation`,
 * v1.32): favours nodes whose configured resources would be used in equal shares after
 * placing the pod, using raw requests (no 100m/200Mi defaults). Scalar resources the pod does
 * not request and resources the node lacks are left out; `resources not found` Error when
 * the resource list is null. No normalization.
 *
 * @throws KubesimError when the args are invalid (as upstream `NewBalancedAllocation`).
 */
export function createNodeResourcesBalancedAllocation(args: unknown): NodeResourcesBalancedAllocationPlugin {
  const errors = validateNodeResourcesBalancedAllocationArgs(args);
  if (errors.length > 0) throw new KubesimError(aggregateFieldErrors(errors));
  const resources = (args as NodeResourcesBalancedAllocationArgs | undefined)?.resources;
  const scorer = new ResourceAllocationScorer(
    resources === null || resources === undefined
      ? undefined
      : resources.map((resource) => ({ name: resource.name, weight: resource.weight ?? 0 })),
    balancedResourceScorer,
    true,
  );
  return {
    name,
    preScore(state: CycleState, pod: Pod): Status | undefined {
      const preScoreState: PreScoreState = { podRequests: scorer.podRequests(pod) };
      state.write(preScoreStateKey, preScoreState);
      return undefined;
    },
    score(state: CycleState, pod: Pod, nodeInfo: NodeInfo) {
      // Recomputed when PreScore did not run.
      const podRequests = state.read<PreScoreState>(preScoreStateKey)?.podRequests ?? scorer.podRequests(pod);
      return scorer.score(nodeInfo, podRequests);
    },
    scoreExtensions: () => undefined,
  } satisfies NodeResourcesBalancedAllocationPlugin;
}

/**
 * The in-tree NodeResourcesBalancedAllocation plugin with its args defaulted (cpu and
 * memory) and validated as upstream.
 */
export const nodeResourcesBalancedAllocationDefinition: PluginDefinition = {
  name,
  factory: (args) => createNodeResourcesBalancedAllocation(args),
  defaultArgs: defaultNodeResourcesBalancedAllocationArgs,
  versionedDefaultArgs: defaultNodeResourcesBalancedAllocationArgsV1,
  validateArgs: validateNodeResourcesBalancedAllocationArgs,
};
