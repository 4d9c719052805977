import type { ApiClient, KubeObject, ObjectOfKind, Watch, WatchEvent } from "@kubesim/core";

/** Callbacks an {@link Informer} calls for every change it observes, in order. */
export interface InformerHandlers<T> {
  onAdd(object: T): void;
  onUpdate(oldObject: T, newObject: T): void;
  onDelete(object: T): void;
}

/** Options of {@link Informer}. */
export interface InformerOptions<T> {
  readonly client: ApiClient;
  readonly kind: string;
  readonly handlers: InformerHandlers<T>;
  /** Ignore list failures (a kind the server does not serve): the informer stays empty. */
  readonly optional?: boolean;
  /** Called when the watch loop hits an error it cannot recover from. */
  readonly onError?: (error: unknown) => void;
  /**
   * Keeps only matching objects, as a field selector would: an object that stops matching
   * is reported as deleted, one that starts matching as added.
   */
  readonly filter?: (object: T) => boolean;
}

function keyOf(object: KubeObject): string {
  const metadata = object.metadata;
  const namespace = metadata?.namespace;
  const name = metadata?.name ?? "";
  return namespace ? `${namespace}/${name}` : name;
}

const maxRelists = 1000;

/**
 * A client-go style informer: lists a kind, then watches it from the list's
 * resourceVersion, keeping a local store and calling the handlers for each add, update
 * and delete. Objects are asked for as shared (`sharedObjects`): the store and the
 * handlers receive what the server hands out, possibly frozen, and must not mutate it
 * (client-go's informer contract). A watch that fails (e.g. `Gone` after compaction) is replaced by a fresh
 * list — diffed against the store so handlers still see every change — and a new watch.
 */
export class Informer<K extends string, T extends KubeObject = ObjectOfKind<K> & KubeObject> {
  private readonly store = new Map<string, T>();
  /** Lists handed out, by namespace (`undefined`: all), until the store changes. */
  private readonly listed = new Map<string | undefined, readonly T[]>();
  private watch: Watch<T> | undefined;
  private stopped = false;
  private synced = false;
  private loop: Promise<void> | undefined;

  constructor(private readonly options: InformerOptions<T> & { readonly kind: K }) {}

  /** True once the first list has been delivered to the handlers. */
  hasSynced(): boolean {
    return this.synced;
  }

  /** The stored object with this namespace and name. */
  get(namespace: string, name: string): T | undefined {
    return this.store.get(namespace ? `${namespace}/${name}` : name);
  }

  /**
   * Every stored object (optionally of one namespace), in insertion order. Plugins ask for
   * the same lists every cycle, so a list is kept (frozen) until the store changes.
   */
  list(namespace?: string): readonly T[] {
    let objects = this.listed.get(namespace);
    if (objects === undefined) {
      const all = [...this.store.values()];
      objects = Object.freeze(
        namespace === undefined ? all : all.filter((object) => object.metadata?.namespace === namespace),
      );
      this.listed.set(namespace, objects);
    }
    return objects;
  }

  private setObject(key: string, object: T): void {
    this.store.set(key, object);
    this.listed.clear();
  }

  private deleteObject(key: string): void {
    this.store.delete(key);
    this.listed.clear();
  }

  /** Lists and starts watching; resolves once the list was delivered. */
  async start(): Promise<void> {
    const resourceVersion = await this.relist();
    this.synced = true;
    if (resourceVersion === undefined || this.stopped) return;
    this.loop = this.run(resourceVersion);
  }

  /** Stops watching; safe to call twice. */
  stop(): void {
    this.stopped = true;
    this.watch?.close();
  }

  /** Resolves when the watch loop has ended (after {@link Informer.stop}). */
  async done(): Promise<void> {
    await this.loop;
  }

  private async run(initialResourceVersion: string): Promise<void> {
    let resourceVersion: string | undefined = initialResourceVersion;
    for (let relists = 0; !this.stopped && relists < maxRelists; relists++) {
      if (resourceVersion === undefined) return;
      try {
        const watch = (await this.options.client.watch(this.options.kind, {
          resourceVersion,
          allowWatchBookmarks: true,
          sharedObjects: true,
        })) as unknown as Watch<T>;
        this.watch = watch;
        if (this.stopped) {
          watch.close();
          return;
        }
        for await (const event of watch) {
          const next = this.apply(event);
          if (next !== undefined) resourceVersion = next;
          if (this.stopped) break;
        }
        if (this.stopped) return;
      } catch (error) {
        if (this.stopped) return;
        this.options.onError?.(error);
      }
      // The watch ended or failed: catch up with a fresh list, then watch again.
      try {
        resourceVersion = await this.relist();
      } catch (error) {
        this.options.onError?.(error);
        return;
      }
    }
  }

  private apply(event: WatchEvent<T>): string | undefined {
    const object = event.object;
    const resourceVersion = object?.metadata?.resourceVersion;
    if (event.type === "BOOKMARK") return resourceVersion;
    if (object === null || typeof object !== "object") return undefined;
    const key = keyOf(object);
    const existing = this.store.get(key);
    if (event.type !== "DELETED" && !this.matches(object)) {
      // Left the selection: a deletion for whoever saw it, nothing for the others.
      if (existing !== undefined) {
        this.deleteObject(key);
        this.options.handlers.onDelete(object);
      }
      return resourceVersion;
    }
    if (event.type === "DELETED") {
      // Never seen (e.g. it never matched the filter): nothing to report.
      if (existing === undefined) return resourceVersion;
      this.deleteObject(key);
      this.options.handlers.onDelete(object);
    } else if (existing === undefined) {
      this.setObject(key, object);
      this.options.handlers.onAdd(object);
    } else {
      this.setObject(key, object);
      this.options.handlers.onUpdate(existing, object);
    }
    return resourceVersion;
  }

  private matches(object: T): boolean {
    return this.options.filter === undefined || this.options.filter(object);
  }

  private async relist(): Promise<string | undefined> {
    let items: T[];
    let resourceVersion: string;
    try {
      const result = await this.options.client.list(this.options.kind, { sharedObjects: true });
      items = result.items as unknown as T[];
      resourceVersion = result.resourceVersion;
    } catch (error) {
      if (this.options.optional) return undefined;
      throw error;
    }
    const seen = new Set<string>();
    for (const object of items) {
      if (!this.matches(object)) continue;
      const key = keyOf(object);
      seen.add(key);
      const existing = this.store.get(key);
      this.setObject(key, object);
      if (existing === undefined) this.options.handlers.onAdd(object);
      else if (existing.metadata?.resourceVersion !== object.metadata?.resourceVersion) {
        this.options.handlers.onUpdate(existing, object);
      }
    }
    for (const [key, object] of [...this.store]) {
      if (seen.has(key)) continue;
      this.deleteObject(key);
      this.options.handlers.onDelete(object);
    }
    return resourceVersion;
  }
}
