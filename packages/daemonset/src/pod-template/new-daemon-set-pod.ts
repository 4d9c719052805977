import { addOrUpdateTolerations, daemonSetDefaultTolerations } from "@kubesim/affinity";
import {
  type Affinity,
  type DaemonSet,
  type NodeSelectorTerm,
  nameIsDnsSubdomain,
  type ObjectMeta,
  type Pod,
  type PodSpec,
  type PodTemplateSpec,
} from "@kubesim/core";
import { daemonSetControllerReference } from "./controller-reference.js";
import { copyJsonData } from "./copy-json.js";
import { controllerRevisionHashLabel, podTemplateGenerationLabel } from "./daemon-pod-labels.js";
import { daemonSetTemplateGeneration } from "./template-generation.js";

/**
 * How created daemon pods reach their node: `"scheduler"` (Kubernetes 1.12 and later:
 * pinned by node affinity, bound by the scheduler) or `"legacy"` (before 1.12: the
 * controller sets `spec.nodeName` itself and the scheduler never sees the pod).
 */
export type DaemonPodScheduling = "scheduler" | "legacy";

/** Options of {@link newDaemonSetPod}. */
export interface NewDaemonSetPodOptions {
  /** The current revision's hash, for the `controller-revision-hash` label; `""` adds no label. */
  readonly hash: string;
  /** The placement mode; see {@link DaemonPodScheduling}. */
  readonly scheduling: DaemonPodScheduling;
}

function nodeNamePinTerm(nodeName: string): NodeSelectorTerm {
  return { matchFields: [{ key: "metadata.name", operator: "In", values: [nodeName] }] };
}

/**
 * Upstream's `ReplaceDaemonSetPodNodeNameNodeAffinity`: pins a pod to one node by making
 * its required node affinity exactly one term `matchFields metadata.name In [nodeName]`.
 *
 * Every other required term is dropped (the DaemonSet's placement predicate already
 * checked them); preferred node affinity and pod (anti-)affinity are kept. Missing
 * `affinity` / `nodeAffinity` / required selector are created. Returns a new object; the
 * input is not changed. Never throws.
 *
 * @example
 * replaceDaemonSetPodNodeNameNodeAffinity(undefined, "node-1")
 * // => { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {
 * //      nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["node-1"] }] }] } } }
 */
export function replaceDaemonSetPodNodeNameNodeAffinity(
  affinity: Affinity | null | undefined,
  nodeName: string,
): Affinity {
  const nodeAffinity = affinity?.nodeAffinity ?? undefined;
  const required = nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? undefined;
  return {
    ...(affinity ?? {}),
    nodeAffinity: {
      ...(nodeAffinity ?? {}),
      requiredDuringSchedulingIgnoredDuringExecution: {
        ...(required ?? {}),
        nodeSelectorTerms: [nodeNamePinTerm(nodeName)],
      },
    },
  };
}

/**
 * Upstream's `CreatePodTemplate`: a deep copy of the DaemonSet's pod template made ready
 * for the pods of the current revision.
 *
 * The default DaemonSet tolerations are merged into `spec.tolerations`
 * (`daemonSetDefaultTolerations(hostNetwork)` through `addOrUpdateTolerations`), and the
 * labels gain `pod-template-generation: <generation>` when `generation` is defined and
 * `controller-revision-hash: <hash>` when `hash` is non-empty (in that order, after the
 * template's own labels, which they override). The input is not changed. Never throws.
 *
 * @example
 * createDaemonPodTemplate({ metadata: { labels: { app: "web" } }, spec: { containers: [] } }, "2", "5d8f7b9c4")
 * // metadata.labels => { app: "web", "pod-template-generation": "2", "controller-revision-hash": "5d8f7b9c4" }
 */
export function createDaemonPodTemplate(
  template: PodTemplateSpec | null | undefined,
  generation: string | undefined,
  hash: string,
): PodTemplateSpec {
  const copy: PodTemplateSpec = template === null || template === undefined ? {} : structuredClone(template);
  const spec: PodSpec = copy.spec ?? { containers: [] };
  spec.tolerations = addOrUpdateTolerations(
    spec.tolerations ?? [],
    daemonSetDefaultTolerations(spec.hostNetwork === true),
  );
  copy.spec = spec;
  const metadata: ObjectMeta = copy.metadata ?? {};
  // Spread copies untrusted keys as own data properties; the two added keys are fixed names.
  const labels: Record<string, string> = { ...(metadata.labels ?? {}) };
  if (generation !== undefined) labels[podTemplateGenerationLabel] = generation;
  if (hash.length > 0) labels[controllerRevisionHashLabel] = hash;
  metadata.labels = labels;
  copy.metadata = metadata;
  return copy;
}

function podNamePrefix(daemonSetName: string): string {
  // Upstream's getPodsPrefix: the dash makes names prettier, unless the prefix would be invalid.
  const prefix = `${daemonSetName}-`;
  return nameIsDnsSubdomain(prefix, true).length === 0 ? prefix : daemonSetName;
}

/**
 * Builds the pod the DaemonSet controller creates for one node (upstream's
 * `CreatePodTemplate` + `ReplaceDaemonSetPodNodeNameNodeAffinity` + `GetPodFromTemplate`).
 *
 * - `metadata`: `generateName: "<ds>-"` (just `<ds>` if that is not a valid name prefix),
 *   the DaemonSet's namespace, the template's labels plus `pod-template-generation` (from
 *   the `deprecated.daemonset.template.generation` annotation, when it parses as an
 *   integer) and `controller-revision-hash: <options.hash>`, the template's annotations
 *   and finalizers, and one controller owner reference to the DaemonSet
 *   (`apps/v1`, `controller` and `blockOwnerDeletion` true).
 * - `spec`: a deep copy of the template's, with the default DaemonSet tolerations merged.
 *   `scheduling: "scheduler"`: the required node affinity is replaced by the single pin
 *   `matchFields metadata.name In [nodeName]` and `spec.nodeName` is left as the template
 *   has it (normally empty, for the scheduler to bind). `scheduling: "legacy"`:
 *   `spec.nodeName = nodeName`, affinity untouched.
 * The DaemonSet is not changed. Never throws.
 *
 * @example
 * const pod = newDaemonSetPod(daemonSet, "node-1", { hash: "5d8f7b9c4", scheduling: "scheduler" });
 * await client.create(pod); // the API server fills in the name: "fluentd-x7k2p"
 */
export function newDaemonSetPod(
  daemonSet: DaemonSet,
  nodeName: string,
  options: NewDaemonSetPodOptions,
): Pod {
  return createDaemonPodFactory(daemonSet, options)(nodeName);
}

/**
 * {@link newDaemonSetPod} for many nodes: the template is prepared once and each call
 * only copies it, so the pods of one sync cost a copy each. Each pod returned is a fresh
 * object sharing nothing with the others or with the DaemonSet. The DaemonSet must not
 * change while the factory is in use. Never throws.
 */
export function createDaemonPodFactory(
  daemonSet: DaemonSet,
  options: NewDaemonSetPodOptions,
): (nodeName: string) => Pod {
  const prepared = createDaemonPodTemplate(
    daemonSet.spec?.template,
    daemonSetTemplateGeneration(daemonSet),
    options.hash,
  );
  const generateName = podNamePrefix(daemonSet.metadata?.name ?? "");
  const namespace = daemonSet.metadata?.namespace;
  const legacy = options.scheduling === "legacy";
  return (nodeName) => {
    // Every pod gets its own copy: whoever receives it may change it.
    const template = copyJsonData(prepared);
    const templateMetadata = template.metadata ?? {};
    const metadata: ObjectMeta = { generateName };
    if (namespace !== undefined) metadata.namespace = namespace;
    if (templateMetadata.labels !== undefined) metadata.labels = templateMetadata.labels;
    const annotations = templateMetadata.annotations;
    if (annotations !== undefined && annotations !== null && Object.keys(annotations).length > 0) {
      metadata.annotations = annotations;
    }
    const finalizers = templateMetadata.finalizers;
    if (finalizers !== undefined && finalizers !== null && finalizers.length > 0)
      metadata.finalizers = finalizers;
    metadata.ownerReferences = [daemonSetControllerReference(daemonSet)];

    const spec = template.spec as PodSpec;
    if (legacy) {
      spec.nodeName = nodeName;
    } else {
      spec.affinity = replaceDaemonSetPodNodeNameNodeAffinity(spec.affinity, nodeName);
    }
    return { apiVersion: "v1", kind: "Pod", metadata, spec };
  };
}
