/** Which describer serves each kind kubesim knows. */
import { KubesimError, type ResourceInfo } from "@kubesim/core";
import { groupResourceName } from "../resource-builder/index.js";
import { describeDaemonSet } from "./describe-daemon-set.js";
import { genericDescriber } from "./describe-generic.js";
import { describeNamespace } from "./describe-namespace.js";
import { describeNode } from "./describe-node.js";
import { describePod } from "./describe-pod.js";
import type { Describer } from "./describer.js";

/** Kinds with a describer of their own in kubectl, and the kinds kubectl describes generically. */
const describers: ReadonlyMap<string, Describer> = new Map<string, Describer>([
  ["DaemonSet", describeDaemonSet],
  ["Pod", describePod],
  ["Node", describeNode],
  ["Namespace", describeNamespace],
  ["Event", genericDescriber("Event")],
  ["ControllerRevision", genericDescriber("ControllerRevision")],
  ["Lease", genericDescriber("Lease")],
]);

/**
 * The describer for a resource.
 *
 * @throws KubesimError for the kinds whose kubectl describer kubesim does not have yet
 * (services, deployments, replicasets): printing them generically would differ from kubectl.
 */
export function describerFor(resource: ResourceInfo): Describer {
  const describer = describers.get(resource.kind);
  if (describer === undefined) {
    throw new KubesimError(`kubesim cannot describe ${groupResourceName(resource)} yet`);
  }
  return describer;
}
