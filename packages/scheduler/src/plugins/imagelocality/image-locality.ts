import type { Container, Pod } from "@kubesim/core";
import type { ScorePlugin } from "../../framework/plugin.js";
import type { PluginDefinition } from "../../framework/plugin-definition.js";
import type { Handle, NodeInfo } from "../../framework/types.js";
import { maxNodeScore } from "../helper/default-normalize-score.js";

const name = "ImageLocality";

const mebibyte = 1024 * 1024;
// Bounds of the image-size range that maps to scores 0..100 (per container for the upper one):
// most images in public registries fall inside it.
const minThreshold = 23 * mebibyte;
const maxContainerThreshold = 1000 * mebibyte;

/**
 * The name a node reports for a container image: an image without a tag (no `:` after
 * the last `/`) gets `:latest`; digests and tags are kept, and no registry is added.
 *
 * @example
 * normalizedImageName("gcr.io:5000/root"); // => "gcr.io:5000/root:latest"
 * normalizedImageName("root:tag"); // => "root:tag"
 */
export function normalizedImageName(image: string): string {
  return image.lastIndexOf(":") <= image.lastIndexOf("/") ? `${image}:latest` : image;
}

const zeroScore: { readonly score: number } = Object.freeze({ score: 0 });

function sumImageScores(
  nodeInfo: NodeInfo,
  containers: readonly Container[] | undefined,
  totalNumNodes: number,
): number {
  if (!Array.isArray(containers)) return 0;
  let sum = 0;
  for (const container of containers) {
    const state = nodeInfo.imageStates.get(normalizedImageName(container?.image ?? ""));
    if (state === undefined) continue;
    // The image size scaled by how widely it has spread, so pods do not all pile onto
    // the few nodes that pulled an image first; truncated per image as upstream.
    sum += Math.trunc(state.size * (state.numNodes / totalNumNodes));
  }
  return sum;
}

function calculatePriority(sumScores: number, numContainers: number): number {
  if (numContainers === 0) return 0;
  const maxThreshold = maxContainerThreshold * numContainers;
  const clamped = Math.min(Math.max(sumScores, minThreshold), maxThreshold);
  return Math.trunc((maxNodeScore * (clamped - minThreshold)) / (maxThreshold - minThreshold));
}

/**
 * Builds the ImageLocality Score plugin (weight 1 in the default profile): favours nodes
 * that already have the pod's images.
 *
 * For each init and regular container whose image the node has:
 * `size × nodesHavingImage / totalNodes` (truncated), summed and clamped to
 * [23 MiB, 1000 MiB × containers], then scaled to 0..100. `totalNodes` counts every node
 * of the snapshot. No normalization.
 */
export function createImageLocality(handle: Handle): ScorePlugin {
  return {
    name,
    score(_state, pod: Pod, nodeInfo: NodeInfo) {
      // A node without images scores 0 whatever the pod runs (the sum stays below the minimum).
      if (nodeInfo.imageStates.size === 0) return zeroScore;
      const totalNumNodes = handle.snapshotSharedLister().list().length;
      if (totalNumNodes === 0) return { score: 0 };
      const initContainers = pod.spec?.initContainers;
      const containers = pod.spec?.containers;
      const numContainers =
        (Array.isArray(initContainers) ? initContainers.length : 0) +
        (Array.isArray(containers) ? containers.length : 0);
      const sum =
        sumImageScores(nodeInfo, initContainers, totalNumNodes) +
        sumImageScores(nodeInfo, containers, totalNumNodes);
      return { score: calculatePriority(sum, numContainers) };
    },
  } satisfies ScorePlugin;
}

/** The in-tree ImageLocality plugin (upstream `imagelocality.ImageLocality`). Takes no args. */
export const imageLocalityDefinition: PluginDefinition = {
  name,
  factory: (_args, handle) => createImageLocality(handle),
};
