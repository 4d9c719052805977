/** The cells of a node row (`kubectl get nodes`), and the STATUS and ROLES helpers. */
import type { Node } from "kubernetes-types/core/v1";
import { sortedGoStrings } from "./go-strings.js";
import { asArray, asRecord, field, path, stringAt, stringMapAt } from "./object-fields.js";
import { translateTimestampSince } from "./timestamp.js";

const nodeRolePrefix = "node-role.kubernetes.io/";
const nodeRoleLabel = "kubernetes.io/role";

/**
 * The roles of a node, sorted and without duplicates: the suffix of every
 * `node-role.kubernetes.io/<role>` label (any value) and the value of a non-empty
 * `kubernetes.io/role` label (upstream `findNodeRoles`).
 */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [key, value] of stringMapAt(node, "metadata", "labels")) {
    if (key.startsWith(nodeRolePrefix)) {
      const role = key.slice(nodeRolePrefix.length);
      if (role.length > 0) roles.add(role);
    } else if (key === nodeRoleLabel && value !== "") {
      roles.add(value);
    }
  }
  return sortedGoStrings(roles);
}

/** The ROLES cell: the roles joined by `,`, or `<none>`. */
export function formatNodeRoles(node: Node): string {
  return nodeRoles(node).join(",") || "<none>";
}

/**
 * The STATUS cell: `Ready`/`NotReady` from the Ready condition (`Unknown` without one),
 * with `,SchedulingDisabled` appended for a cordoned node.
 */
export function nodeStatus(node: Node): string {
  let ready: unknown;
  // Upstream indexes conditions by type, so the last Ready condition wins.
  for (const condition of asArray(path(node, "status", "conditions"))) {
    if (stringAt(condition, "type") === "Ready") ready = condition;
  }
  const status = [
    ready === undefined ? "Unknown" : stringAt(ready, "status") === "True" ? "Ready" : "NotReady",
  ];
  if (field(asRecord(path(node, "spec")), "unschedulable") === true) status.push("SchedulingDisabled");
  return status.join(",");
}

/** NAME, STATUS, ROLES, AGE, VERSION, INTERNAL-IP, EXTERNAL-IP, OS-IMAGE, KERNEL-VERSION, CONTAINER-RUNTIME. */
export function nodeCells(node: Node, now: Date): unknown[] {
  return [
    stringAt(node, "metadata", "name"),
    nodeStatus(node),
    formatNodeRoles(node),
    translateTimestampSince(path(node, "metadata", "creationTimestamp"), now),
    stringAt(node, "status", "nodeInfo", "kubeletVersion"),
    firstAddress(node, "InternalIP"),
    firstAddress(node, "ExternalIP"),
    stringAt(node, "status", "nodeInfo", "osImage") || "<unknown>",
    stringAt(node, "status", "nodeInfo", "kernelVersion") || "<unknown>",
    stringAt(node, "status", "nodeInfo", "containerRuntimeVersion") || "<unknown>",
  ];
}

function firstAddress(node: Node, type: string): string {
  const address = asArray(path(node, "status", "addresses")).find(
    (entry) => stringAt(entry, "type") === type,
  );
  return address === undefined ? "<none>" : stringAt(address, "address");
}
