import { nothing } from "@kubesim/affinity";
import type { ClusterListers } from "../../framework/index.js";
import type { AffinityTerm } from "./affinity-term.js";

type LabelMap = Readonly<Record<string, string>>;

/** The kind the listers are asked for; Namespaces are cluster-scoped, so the namespace argument is `""`. */
const namespaceKind = "Namespace";

interface NamespaceView {
  readonly name: unknown;
  readonly labels: LabelMap | undefined;
}

function viewOf(object: unknown): NamespaceView {
  const metadata = (object as { metadata?: { name?: unknown; labels?: unknown } } | null)?.metadata;
  const labels = metadata?.labels;
  return {
    name: metadata?.name,
    labels: typeof labels === "object" && labels !== null ? (labels as LabelMap) : undefined,
  };
}

/**
 * The labels of a namespace (upstream's `GetNamespaceLabelsSnapshot`); `undefined` when
 * the namespace is unknown or no listers are available, which upstream treats as an
 * empty label set.
 */
export function namespaceLabelsOf(
  listers: ClusterListers | undefined,
  namespace: string,
): LabelMap | undefined {
  if (listers === undefined) return undefined;
  for (const object of listers.list(namespaceKind, "")) {
    const view = viewOf(object);
    if (view.name === namespace) return view.labels;
  }
  return undefined;
}

/**
 * For an incoming pod's term, unrolls a non-empty namespace selector into the namespace
 * names it selects and sets the selector to "nothing" (upstream's
 * `mergeAffinityTermNamespacesIfNotEmpty`), so matching never has to look up the labels of
 * existing pods' namespaces. An empty selector (match all) is kept. Returns a new term;
 * the cached one is not changed.
 */
export function mergeNamespaceSelector<T extends AffinityTerm>(
  term: T,
  listers: ClusterListers | undefined,
): T {
  // An empty selector matches every namespace; a "nothing" selector (none given) adds none.
  if (term.namespaceSelector.isEmpty() || !term.namespaceSelector.isSelectable()) return term;
  const namespaces = new Set(term.namespaces);
  if (listers !== undefined) {
    for (const object of listers.list(namespaceKind, "")) {
      const view = viewOf(object);
      if (typeof view.name === "string" && term.namespaceSelector.matches(view.labels))
        namespaces.add(view.name);
    }
  }
  return { ...term, namespaces, namespaceSelector: nothing() };
}
