import type { Pod } from "@kubesim/core";
import { podInfoOf } from "../../framework/pod-requests.js";
import { isScalarResourceName, resourceNames } from "../../framework/resource.js";
import { errorStatus, type Status } from "../../framework/status.js";
import type { NodeInfo, Resource } from "../../framework/types.js";

/** The `Error` reason of Score when the strategy lists no resources. */
export const resourcesNotFoundReason = "resources not found";

/** A resource a scorer looks at, with its (validated, 1..100) weight. */
export interface WeightedResource {
  readonly name: string;
  readonly weight: number;
}

/**
 * Turns per-resource requested/allocatable amounts into a node score. Entries whose
 * allocatable is 0 are to be skipped (the resource is absent on the node or not requested).
 */
export type ResourceScorer = (requested: readonly number[], allocatable: readonly number[]) => number;

/** The amount of one named resource in a {@link Resource}. */
function amountOf(resource: Resource, name: string): number {
  switch (name) {
    case resourceNames.cpu:
      return resource.milliCpu;
    case resourceNames.memory:
      return resource.memory;
    case resourceNames.ephemeralStorage:
      return resource.ephemeralStorage;
    default:
      return resource.scalarResources.get(name) ?? 0;
  }
}

/**
 * Upstream's `resourceAllocationScorer`, shared by NodeResourcesFit's strategies and
 * NodeResourcesBalancedAllocation: it pairs each configured resource's node allocatable with
 * what the node already has requested plus what the pod requests, and hands both lists to
 * the strategy. Scratch arrays are reused across calls (Score runs synchronously).
 */
export class ResourceAllocationScorer {
  private readonly requested: number[];
  private readonly allocatable: number[];
  private readonly scalarFlags: boolean[];

  /**
   * @param resources - the configured resources; `undefined` (explicit null) makes every Score an Error.
   * @param scorer - the strategy.
   * @param useRequested - true: raw requests (BalancedAllocation); false: cpu/memory left unset count 100m/200Mi.
   */
  constructor(
    readonly resources: readonly WeightedResource[] | undefined,
    private readonly scorer: ResourceScorer,
    private readonly useRequested: boolean,
  ) {
    const count = resources?.length ?? 0;
    this.requested = new Array<number>(count).fill(0);
    this.allocatable = new Array<number>(count).fill(0);
    this.scalarFlags = (resources ?? []).map((resource) => isScalarResourceName(resource.name));
  }

  /** The pod's request of each configured resource, in configuration order (PreScore state). */
  podRequests(pod: Pod): number[] {
    const resources = this.resources ?? [];
    if (resources.length === 0) return [];
    const podInfo = podInfoOf(pod);
    // The non-zero requests differ from the requests in cpu and memory only.
    const requests = this.useRequested ? podInfo.requests : podInfo.nonZeroRequests;
    return resources.map((resource) => amountOf(requests, resource.name));
  }

  /**
   * The node's score for a pod whose {@link podRequests} are given, or an `Error` status
   * `resources not found` when no resources are configured.
   */
  score(nodeInfo: NodeInfo, podRequests: readonly number[]): { score: number; status?: Status } {
    const resources = this.resources;
    if (resources === undefined || resources.length === 0) {
      return { score: 0, status: errorStatus(new Error(resourcesNotFoundReason)) };
    }
    const nodeRequested = this.useRequested ? nodeInfo.requested : nodeInfo.nonZeroRequested;
    for (let index = 0; index < resources.length; index += 1) {
      const name = (resources[index] as WeightedResource).name;
      const podRequest = podRequests[index] ?? 0;
      let allocatable = 0;
      let requested = 0;
      // A scalar resource the pod does not request is left out of the score.
      if (!(podRequest === 0 && this.scalarFlags[index] === true)) {
        switch (name) {
          case resourceNames.cpu:
            allocatable = nodeInfo.allocatable.milliCpu;
            requested = nodeRequested.milliCpu + podRequest;
            break;
          case resourceNames.memory:
            allocatable = nodeInfo.allocatable.memory;
            requested = nodeRequested.memory + podRequest;
            break;
          case resourceNames.ephemeralStorage:
            allocatable = nodeInfo.allocatable.ephemeralStorage;
            requested = nodeInfo.requested.ephemeralStorage + podRequest;
            break;
          default: {
            const nodeAllocatable = nodeInfo.allocatable.scalarResources.get(name);
            if (nodeAllocatable !== undefined) {
              allocatable = nodeAllocatable;
              requested = (nodeInfo.requested.scalarResources.get(name) ?? 0) + podRequest;
            }
          }
        }
      }
      this.allocatable[index] = allocatable;
      this.requested[index] = allocatable === 0 ? 0 : requested;
    }
    return { score: this.scorer(this.requested, this.allocatable) };
  }
}
