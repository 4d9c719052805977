import type { Node } from "@kubesim/core";

const zoneLabel = "topology.kubernetes.io/zone";
const betaZoneLabel = "failure-domain.beta.kubernetes.io/zone";
const regionLabel = "topology.kubernetes.io/region";
const betaRegionLabel = "failure-domain.beta.kubernetes.io/region";

function label(node: Node, key: string): string | undefined {
  const labels = node.metadata?.labels;
  if (labels === undefined || labels === null || !Object.hasOwn(labels, key)) return undefined;
  const value = labels[key];
  return typeof value === "string" ? value : undefined;
}

/**
 * The zone a node belongs to for snapshot ordering (upstream `utilnode.GetZoneKey`):
 * `region + ":\x00:" + zone` from the GA labels (falling back to the beta ones), or `""`
 * when the node has neither.
 */
export function zoneKeyOf(node: Node): string {
  const zone = label(node, zoneLabel) ?? label(node, betaZoneLabel) ?? "";
  const region = label(node, regionLabel) ?? label(node, betaRegionLabel) ?? "";
  if (region === "" && zone === "") return "";
  return `${region}:\x00:${zone}`;
}

/**
 * Node names grouped by zone, listed round robin across zones (upstream's `nodeTree`):
 * the first node of every zone, then the second of every zone, and so on, zones in the
 * order they first appeared and nodes in the order they were added. This is the order
 * of the scheduler's snapshot, so consecutive candidates come from different zones.
 */
export class NodeTree {
  private readonly zones: string[] = [];
  private readonly nodesByZone = new Map<string, string[]>();
  private readonly zoneOfNode = new Map<string, string>();

  /** How many nodes the tree holds. */
  get size(): number {
    return this.zoneOfNode.size;
  }

  /** Adds a node (nothing happens when it is already present). Returns true when it was added. */
  add(node: Node): boolean {
    const name = node.metadata?.name ?? "";
    if (this.zoneOfNode.has(name)) return false;
    const zone = zoneKeyOf(node);
    let names = this.nodesByZone.get(zone);
    if (names === undefined) {
      names = [];
      this.nodesByZone.set(zone, names);
      this.zones.push(zone);
    }
    names.push(name);
    this.zoneOfNode.set(name, zone);
    return true;
  }

  /** Removes a node by name; a zone left empty disappears from the zone order. */
  remove(name: string): void {
    const zone = this.zoneOfNode.get(name);
    if (zone === undefined) return;
    this.zoneOfNode.delete(name);
    const names = this.nodesByZone.get(zone);
    if (names === undefined) return;
    const index = names.indexOf(name);
    if (index >= 0) names.splice(index, 1);
    if (names.length === 0) {
      this.nodesByZone.delete(zone);
      const zoneIndex = this.zones.indexOf(zone);
      if (zoneIndex >= 0) this.zones.splice(zoneIndex, 1);
    }
  }

  /**
   * Moves a node whose zone labels changed to its new zone (at the end of it). Returns true
   * when the order changed.
   */
  update(node: Node): boolean {
    const name = node.metadata?.name ?? "";
    const currentZone = this.zoneOfNode.get(name);
    if (currentZone !== undefined && currentZone === zoneKeyOf(node)) return false;
    this.remove(name);
    this.add(node);
    return true;
  }

  /** Every node name, round robin across zones. */
  list(): string[] {
    const result: string[] = [];
    const zoneLists = this.zones.map((zone) => this.nodesByZone.get(zone) ?? []);
    if (zoneLists.length === 1) return [...(zoneLists[0] as string[])];
    for (let index = 0; result.length < this.zoneOfNode.size; index++) {
      let added = false;
      for (const names of zoneLists) {
        const name = names[index];
        if (name === undefined) continue;
        result.push(name);
        added = true;
      }
      if (!added) break;
    }
    return result;
  }
}
