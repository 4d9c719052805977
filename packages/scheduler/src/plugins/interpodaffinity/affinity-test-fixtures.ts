/**
 * Builders for the InterPodAffinity tests, shaped like upstream's `st.MakePod()` wrappers
 * so the ported tables read the same. Test-only: not exported from the package.
 */
import {
  type Affinity,
  type Clock,
  type LabelSelector,
  type Node,
  type ObjectMeta,
  type Pod,
  type PodAffinityTerm,
  type PodSpec,
  VirtualClock,
} from "@kubesim/core";
import {
  type ClusterListers,
  defaultFeatures,
  type Features,
  type Handle,
  type NodeInfo,
} from "../../framework/index.js";
import { createNodeInfo, createNodeInfoLister } from "../../framework/node-info.js";

type TermKind = "required" | "preferred";

/** A mutable pod under construction. */
export class PodBuilder {
  private metadata: ObjectMeta = {};
  private readonly spec: PodSpec = { containers: [] };

  name(name: string): this {
    this.metadata.name = name;
    return this;
  }

  namespace(namespace: string): this {
    this.metadata.namespace = namespace;
    return this;
  }

  label(key: string, value: string): this {
    const metadata = this.metadata;
    metadata.labels = { ...metadata.labels, [key]: value };
    return this;
  }

  labels(labels: Record<string, string>): this {
    const metadata = this.metadata;
    metadata.labels = { ...metadata.labels, ...labels };
    return this;
  }

  node(nodeName: string): this {
    this.spec.nodeName = nodeName;
    return this;
  }

  affinity(affinity: Affinity): this {
    this.spec.affinity = affinity;
    return this;
  }

  /** A pod affinity term `key In values` on `topologyKey` (st.PodAffinityIn). */
  podAffinityIn(key: string, topologyKey: string, values: string[], kind: TermKind = "required"): this {
    return this.addTerm(
      "podAffinity",
      { matchExpressions: [{ key, operator: "In", values }] },
      topologyKey,
      kind,
    );
  }

  /** A pod affinity term `key NotIn values` (st.PodAffinityNotIn). */
  podAffinityNotIn(key: string, topologyKey: string, values: string[], kind: TermKind = "required"): this {
    return this.addTerm(
      "podAffinity",
      { matchExpressions: [{ key, operator: "NotIn", values }] },
      topologyKey,
      kind,
    );
  }

  /** A pod affinity term `key Exists` (st.PodAffinityExists). */
  podAffinityExists(key: string, topologyKey: string, kind: TermKind = "required"): this {
    return this.addTerm(
      "podAffinity",
      { matchExpressions: [{ key, operator: "Exists" }] },
      topologyKey,
      kind,
    );
  }

  /** A pod anti-affinity term `key In values` (st.PodAntiAffinityIn). */
  podAntiAffinityIn(key: string, topologyKey: string, values: string[], kind: TermKind = "required"): this {
    return this.addTerm(
      "podAntiAffinity",
      { matchExpressions: [{ key, operator: "In", values }] },
      topologyKey,
      kind,
    );
  }

  /** A pod anti-affinity term `key NotIn values` (st.PodAntiAffinityNotIn). */
  podAntiAffinityNotIn(
    key: string,
    topologyKey: string,
    values: string[],
    kind: TermKind = "required",
  ): this {
    return this.addTerm(
      "podAntiAffinity",
      { matchExpressions: [{ key, operator: "NotIn", values }] },
      topologyKey,
      kind,
    );
  }

  /** A pod anti-affinity term `key Exists` (st.PodAntiAffinityExists). */
  podAntiAffinityExists(key: string, topologyKey: string, kind: TermKind = "required"): this {
    return this.addTerm(
      "podAntiAffinity",
      { matchExpressions: [{ key, operator: "Exists" }] },
      topologyKey,
      kind,
    );
  }

  private addTerm(
    which: "podAffinity" | "podAntiAffinity",
    labelSelector: LabelSelector,
    topologyKey: string,
    kind: TermKind,
  ): this {
    const spec = this.spec;
    const affinity: Affinity = { ...spec.affinity };
    const current = affinity[which] ?? {};
    const term: PodAffinityTerm = { labelSelector, topologyKey };
    affinity[which] =
      kind === "required"
        ? {
            ...current,
            requiredDuringSchedulingIgnoredDuringExecution: [
              ...(current.requiredDuringSchedulingIgnoredDuringExecution ?? []),
              term,
            ],
          }
        : {
            ...current,
            preferredDuringSchedulingIgnoredDuringExecution: [
              ...(current.preferredDuringSchedulingIgnoredDuringExecution ?? []),
              { weight: 1, podAffinityTerm: term },
            ],
          };
    spec.affinity = affinity;
    return this;
  }

  obj(): Pod {
    return structuredClone({ metadata: this.metadata, spec: this.spec });
  }
}

/** Starts a pod (st.MakePod()). */
export function makePod(): PodBuilder {
  return new PodBuilder();
}

/** A node with a name and labels. */
export function makeNode(name: string, labels: Record<string, string>): Node {
  return { metadata: { name, labels } };
}

/** The namespaces of upstream's tests: team1 owns subteam1/2.team1, team2 owns subteam1/2.team2. */
export const testNamespaces: readonly object[] = [
  { kind: "Namespace", metadata: { name: "subteam1.team1", labels: { team: "team1" } } },
  { kind: "Namespace", metadata: { name: "subteam2.team1", labels: { team: "team1" } } },
  { kind: "Namespace", metadata: { name: "subteam1.team2", labels: { team: "team2" } } },
  { kind: "Namespace", metadata: { name: "subteam2.team2", labels: { team: "team2" } } },
];

/** Listers over fixed objects: a kind's objects in a namespace (every namespace for Namespace). */
export function objectListers(objects: readonly object[]): ClusterListers {
  return {
    list(kind, namespace) {
      return objects.filter((object) => {
        const typed = object as { kind?: string; metadata?: { namespace?: string } };
        if (typed.kind !== kind) return false;
        return kind === "Namespace" || (typed.metadata?.namespace ?? "") === namespace;
      });
    },
  };
}

/** The snapshot of a test: node infos in node order and a handle over them. */
export interface TestCluster {
  readonly nodeInfos: readonly NodeInfo[];
  readonly handle: Handle;
  nodeInfo(name: string): NodeInfo;
}

const clock: Clock = new VirtualClock();

/** Builds node infos (existing pods go to the node named by their spec.nodeName) and a handle with listers. */
export function createTestCluster(
  nodes: readonly Node[],
  existingPods: readonly Pod[] = [],
  objects: readonly object[] = testNamespaces,
): TestCluster {
  const nodeInfos = nodes.map((node) =>
    createNodeInfo(
      node,
      existingPods.filter((pod) => pod.spec?.nodeName === node.metadata?.name),
    ),
  );
  const lister = createNodeInfoLister(nodeInfos);
  return {
    nodeInfos,
    handle: { snapshotSharedLister: () => lister, clock, listers: objectListers(objects) },
    nodeInfo(name) {
      const found = lister.get(name);
      if (found === undefined) throw new Error(`no node ${name}`);
      return found;
    },
  };
}

/** The features of the tests (v1.32 defaults). */
export const testFeatures: Features = defaultFeatures;
