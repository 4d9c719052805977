import type { PluginDefinition } from "../framework/plugin-definition.js";
import { imageLocalityDefinition } from "../plugins/imagelocality/index.js";
import { interPodAffinityDefinition } from "../plugins/interpodaffinity/index.js";
import { nodeAffinityDefinition } from "../plugins/nodeaffinity/index.js";
import { nodeNameDefinition } from "../plugins/nodename/index.js";
import { nodePortsDefinition } from "../plugins/nodeports/index.js";
import {
  nodeResourcesBalancedAllocationDefinition,
  nodeResourcesFitDefinition,
} from "../plugins/noderesources/index.js";
import { nodeUnschedulableDefinition } from "../plugins/nodeunschedulable/index.js";
import { podTopologySpreadDefinition } from "../plugins/podtopologyspread/index.js";
import { taintTolerationDefinition } from "../plugins/tainttoleration/index.js";

/**
 * The in-tree plugins whose Filter status and Score depend only on the pod's spec (with
 * the PreFilter/PreScore state they derive from it and their args), on the node's NodeInfo
 * and on the node list itself — no cluster-wide pod counts (PodTopologySpread,
 * InterPodAffinity). ImageLocality qualifies: its snapshot-wide inputs (the number of nodes,
 * how many nodes hold each image) are fixed for one node list and stored in the NodeInfos
 * (a change bumps their generation). Their answers may be remembered per node generation
 * and node list (see `NodeResultMemo`). Recognised by definition identity, so an out-of-tree
 * plugin never is.
 */
export const nodeLocalPluginDefinitions: ReadonlySet<PluginDefinition> = new Set([
  nodeUnschedulableDefinition,
  nodeNameDefinition,
  taintTolerationDefinition,
  nodeAffinityDefinition,
  nodePortsDefinition,
  nodeResourcesFitDefinition,
  nodeResourcesBalancedAllocationDefinition,
  imageLocalityDefinition,
]);

/**
 * The in-tree plugins whose NormalizeScore only rewrites the scores of the list it is
 * given and keeps no reference to the list or its entries, so the framework may hand them
 * the same list objects every cycle.
 */
export const listFreeNormalizerDefinitions: ReadonlySet<PluginDefinition> = new Set([
  taintTolerationDefinition,
  nodeAffinityDefinition,
  podTopologySpreadDefinition,
  interPodAffinityDefinition,
]);
