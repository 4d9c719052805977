import type { ApiClient, KubeObject, Watch, WatchEvent } from "@kubesim/core";

/** Open watches that can be closed together. */
export interface KindWatches {
  /** Closes every watch; safe twice. */
  close(): void;
}

/**
 * Watches each kind (starting with `ADDED` for what exists, or after the kind's entry in
 * `resourceVersions` when given, as an informer does after its list) and calls `onEvent`
 * for every event until closed. A watch that fails is not reopened: the owning
 * component's periodic or explicit passes still converge from lists. The watches ask for
 * shared objects (`sharedObjects`): `onEvent` must not mutate what it receives.
 */
export async function watchKinds(
  client: ApiClient,
  kinds: readonly string[],
  onEvent: (kind: string, event: WatchEvent<KubeObject>) => void,
  resourceVersions?: ReadonlyMap<string, string>,
): Promise<KindWatches> {
  const watches: Watch<KubeObject>[] = [];
  let closed = false;
  for (const kind of kinds) {
    const resourceVersion = resourceVersions?.get(kind);
    const watch = (await (resourceVersion === undefined
      ? client.watch(kind, { sharedObjects: true })
      : client.watch(kind, { resourceVersion, sharedObjects: true }))) as Watch<KubeObject>;
    watches.push(watch);
    void (async () => {
      try {
        for await (const event of watch) {
          if (closed) return;
          onEvent(kind, event);
        }
      } catch {
        // The watch ended with an error; see the contract above.
      }
    })();
  }
  return {
    close() {
      closed = true;
      for (const watch of watches) watch.close();
    },
  };
}
