/**
 * Builders for the PodTopologySpread tests, shaped like upstream's `st.MakePod()` /
 * `st.MakeNode()` wrappers so the ported tables read the same. Test-only: not exported
 * from the package.
 */
import {
  type Clock,
  type LabelSelector,
  type Node,
  type ObjectMeta,
  type Pod,
  type PodSpec,
  type Taint,
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

  node(nodeName: string): this {
    this.spec.nodeName = nodeName;
    return this;
  }

  terminating(): this {
    this.metadata = { ...this.metadata, deletionTimestamp: "2024-01-01T00:00:00Z" };
    return this;
  }

  nodeSelector(selector: Record<string, string>): this {
    this.spec.nodeSelector = selector;
    return this;
  }

  /** A required node affinity term `key In values` (st.NodeAffinityIn with match expressions). */
  nodeAffinityIn(key: string, values: string[]): this {
    return this.nodeAffinity(key, "In", values);
  }

  /** A required node affinity term `key NotIn values`. */
  nodeAffinityNotIn(key: string, values: string[]): this {
    return this.nodeAffinity(key, "NotIn", values);
  }

  private nodeAffinity(key: string, operator: string, values: string[]): this {
    const spec = this.spec;
    spec.affinity = {
      ...spec.affinity,
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key, operator, values }] }],
        },
      },
    };
    return this;
  }

  /** Tolerates `key` with operator Exists and effect NoSchedule (st.Toleration). */
  toleration(key: string): this {
    const spec = this.spec;
    spec.tolerations = [...(spec.tolerations ?? []), { key, operator: "Exists", effect: "NoSchedule" }];
    return this;
  }

  /** A controller owner reference (st.OwnerReference). */
  ownerReference(name: string, apiVersion: string, kind: string): this {
    this.metadata.ownerReferences = [{ apiVersion, kind, name, uid: `${name}-uid`, controller: true }];
    return this;
  }

  /** Appends a topology spread constraint, arguments in st.SpreadConstraint's order. */
  spreadConstraint(
    maxSkew: number,
    topologyKey: string,
    whenUnsatisfiable: "DoNotSchedule" | "ScheduleAnyway",
    labelSelector: LabelSelector | undefined,
    minDomains?: number,
    nodeAffinityPolicy?: string,
    nodeTaintsPolicy?: string,
    matchLabelKeys?: string[],
  ): this {
    const spec = this.spec;
    spec.topologySpreadConstraints = [
      ...(spec.topologySpreadConstraints ?? []),
      {
        maxSkew,
        topologyKey,
        whenUnsatisfiable,
        ...(labelSelector === undefined ? {} : { labelSelector }),
        ...(minDomains === undefined ? {} : { minDomains }),
        ...(nodeAffinityPolicy === undefined ? {} : { nodeAffinityPolicy }),
        ...(nodeTaintsPolicy === undefined ? {} : { nodeTaintsPolicy }),
        ...(matchLabelKeys === undefined ? {} : { matchLabelKeys }),
      },
    ];
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

/** A node with a name, labels and optional taints (st.MakeNode().Name(..).Label(..).Taints(..)). */
export function makeNode(name: string, labels: Record<string, string>, taints?: Taint[]): Node {
  return { metadata: { name, labels }, ...(taints === undefined ? {} : { spec: { taints } }) };
}

/** `{matchExpressions: [{key, operator: Exists}]}`. */
export function existsSelector(key: string): LabelSelector {
  return { matchExpressions: [{ key, operator: "Exists" }] };
}

/** `{matchLabels}`. */
export function labelsSelector(matchLabels: Record<string, string>): LabelSelector {
  return { matchLabels };
}

/** The taint of an unschedulable node, as upstream's test `taints`. */
export const unschedulableTaints: Taint[] = [
  { key: "node.kubernetes.io/unschedulable", value: "", effect: "NoSchedule" },
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

/** Builds node infos (existing pods go to the node named by their spec.nodeName) and a handle. */
export function createTestCluster(
  nodes: readonly Node[],
  existingPods: readonly Pod[] = [],
  objects?: readonly object[],
): TestCluster {
  const nodeInfos = nodes.map((node) =>
    createNodeInfo(
      node,
      existingPods.filter((pod) => pod.spec?.nodeName === node.metadata?.name),
    ),
  );
  const lister = createNodeInfoLister(nodeInfos);
  const handle: Handle = {
    snapshotSharedLister: () => lister,
    clock,
    ...(objects === undefined ? {} : { listers: objectListers(objects) }),
  };
  return {
    nodeInfos,
    handle,
    nodeInfo(name) {
      const found = lister.get(name);
      if (found === undefined) throw new Error(`no node ${name}`);
      return found;
    },
  };
}

/** Upstream's test features: every gate off unless the case turns it on. */
export function testFeatures(nodeInclusionPolicy = false, matchLabelKeys = false): Features {
  return {
    ...defaultFeatures,
    enableNodeInclusionPolicyInPodTopologySpread: nodeInclusionPolicy,
    enableMatchLabelKeysInPodTopologySpread: matchLabelKeys,
  };
}
