import type { Node, Pod } from "@kubesim/core";
import { KubesimError } from "@kubesim/core";
import { kubeletHash } from "./kubelet-hash.js";

/** Annotation carrying a static pod's config hash (upstream `kubernetes.io/config.hash`). */
export const configHashAnnotation = "kubernetes.io/config.hash";
/** Annotation that marks a pod as the mirror of a static pod; its value is the config hash. */
export const configMirrorAnnotation = "kubernetes.io/config.mirror";
/** Annotation naming where the kubelet got a pod from (`file` for manifests). */
export const configSourceAnnotation = "kubernetes.io/config.source";
/** Annotation with the time the kubelet first saw a pod. */
export const configSeenAnnotation = "kubernetes.io/config.seen";

/** A static pod manifest after the kubelet's defaulting, keyed for its mirror pod. */
export interface StaticPodEntry {
  /** `namespace/name` of the mirror pod. */
  readonly key: string;
  readonly namespace: string;
  /** `<manifest name>-<node name lowercased>`. */
  readonly name: string;
  /** The config hash (also the static pod's uid). */
  readonly hash: string;
  /** The manifest as given. */
  readonly manifest: Pod;
}

function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${stableStringify(record[key])}`).join(",")}}`;
}

/**
 * Applies the kubelet's static pod defaulting to a manifest: name `<name>-<node>`,
 * namespace `default`, hash = digest of the manifest plus `host:<node>` and the source
 * (so an edited manifest yields a new hash). Throws a {@link KubesimError} for a manifest
 * that is not a named Pod.
 */
export function staticPodEntry(manifest: Pod, nodeName: string): StaticPodEntry {
  if (manifest === null || typeof manifest !== "object" || Array.isArray(manifest)) {
    throw new KubesimError("static pod manifest must be a Pod object");
  }
  if (manifest.kind !== undefined && manifest.kind !== "Pod") {
    throw new KubesimError(`static pod manifest must be of kind Pod, got ${JSON.stringify(manifest.kind)}`);
  }
  const baseName = manifest.metadata?.name;
  if (typeof baseName !== "string" || baseName === "") {
    throw new KubesimError("static pod manifest must have metadata.name");
  }
  const namespace = manifest.metadata?.namespace || "default";
  const name = `${baseName}-${nodeName.toLowerCase()}`;
  const hash = kubeletHash(`${stableStringify(manifest)}host:${nodeName}file:${baseName}`);
  return { key: `${namespace}/${name}`, namespace, name, hash, manifest };
}

const trailingZeroFraction = /\.?0+Z$/;

// Go's RFC3339Nano: fractional seconds without trailing zeros (none at all when zero).
function rfc3339Nano(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return iso.endsWith(".000Z") ? iso.replace(".000Z", "Z") : iso.replace(trailingZeroFraction, "Z");
}

/**
 * The mirror pod the kubelet creates for a static pod: the manifest with the config
 * annotations, `spec.nodeName`, the NoExecute-tolerating toleration and a controller
 * ownerReference to the Node.
 */
export function buildMirrorPod(entry: StaticPodEntry, node: Node, seenMs: number): Pod {
  const manifest = entry.manifest;
  const spec = manifest.spec ?? { containers: [] };
  const tolerations = [...(spec.tolerations ?? [])];
  const hasExistsNoExecute = tolerations.some(
    (toleration) =>
      toleration.operator === "Exists" && toleration.effect === "NoExecute" && toleration.key === undefined,
  );
  if (!hasExistsNoExecute) tolerations.push({ operator: "Exists", effect: "NoExecute" });
  const nodeName = node.metadata?.name ?? "";
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      ...(manifest.metadata?.labels === undefined ? {} : { labels: { ...manifest.metadata.labels } }),
      name: entry.name,
      namespace: entry.namespace,
      annotations: {
        ...manifest.metadata?.annotations,
        [configHashAnnotation]: entry.hash,
        [configMirrorAnnotation]: entry.hash,
        [configSeenAnnotation]: rfc3339Nano(seenMs),
        [configSourceAnnotation]: "file",
      },
      ownerReferences: [
        { apiVersion: "v1", kind: "Node", name: nodeName, uid: node.metadata?.uid ?? "", controller: true },
      ],
    },
    spec: { ...spec, nodeName, tolerations },
  };
}

/** True when the pod carries the mirror annotation. */
export function isMirrorPod(pod: Pick<Pod, "metadata">): boolean {
  const annotations = pod.metadata?.annotations;
  return annotations !== undefined && Object.hasOwn(annotations, configMirrorAnnotation);
}
