import { Code, type Status } from "../framework/status.js";
import type { NodeInfo, NodeInfoLister } from "../framework/types.js";

const defaultAbsentNodesStatus: Status = Object.freeze({
  code: Code.UnschedulableAndUnresolvable,
  reasons: Object.freeze([]) as readonly string[],
});

/**
 * The statuses of the nodes a scheduling cycle rejected, as upstream's `NodeToStatus`:
 * explicit statuses by node name plus one status shared by every node that has no
 * explicit entry (nodes a PreFilter rejection or a PreFilterResult never let reach
 * Filter). It is a `ReadonlyMap`, so PostFilter plugins that only know the framework's
 * `NodeToStatus` type can read the explicit entries; DefaultPreemption also reads
 * {@link NodeStatusMap.absentNodesStatus}.
 */
export class NodeStatusMap extends Map<string, Status> {
  /** The status of every node without an explicit entry (default: UnschedulableAndUnresolvable, no reasons). */
  absentNodesStatus: Status = defaultAbsentNodesStatus;

  /** The status of a node: its explicit entry, otherwise {@link NodeStatusMap.absentNodesStatus}. */
  statusOf(nodeName: string): Status {
    return this.get(nodeName) ?? this.absentNodesStatus;
  }

  /**
   * The nodes of `lister` whose status (explicit or absent) has `code`, in snapshot
   * order (upstream walks a Go map here; snapshot order keeps runs reproducible).
   */
  nodesForStatusCode(lister: NodeInfoLister, code: Code): NodeInfo[] {
    const nodes: NodeInfo[] = [];
    if (this.absentNodesStatus.code === code) {
      for (const nodeInfo of lister.list()) {
        const status = this.get(nodeInfo.name);
        if (status === undefined || status.code === code) nodes.push(nodeInfo);
      }
      return nodes;
    }
    for (const nodeInfo of lister.list()) {
      if (this.get(nodeInfo.name)?.code === code) nodes.push(nodeInfo);
    }
    return nodes;
  }
}

/** True when `statuses` carries an absent-node status (a {@link NodeStatusMap}). */
export function isNodeStatusMap(statuses: ReadonlyMap<string, Status>): statuses is NodeStatusMap {
  return statuses instanceof NodeStatusMap;
}
