import type { ApiClient, KubeObject, Watch, WatchEvent } from "@kubesim/core";
import { ObjectCache } from "./object-cache.js";

/** Callbacks an {@link Informer} calls for each change it observes, in order. */
export interface InformerHandlers<T> {
  onAdd(object: T): void;
  onUpdate(previous: T, current: T): void;
  onDelete(object: T): void;
}

/** Options of {@link Informer}. */
export interface InformerOptions<T extends KubeObject> {
  readonly client: ApiClient;
  /** The kind to list and watch, e.g. `"Pod"`. */
  readonly kind: string;
  readonly handlers: InformerHandlers<T>;
  /** Called when the watch fails or a relist fails; the informer keeps going when it can. */
  readonly onError: (error: unknown) => void;
  /** The cache to fill (a new one when omitted), so handlers can be built around it first. */
  readonly cache?: ObjectCache<T>;
}

// A watch that keeps failing stops being retried after this many relists in a row.
const maxConsecutiveRelists = 100;

/**
 * A client-go style informer over `ApiClient`: lists a kind, then watches it from the
 * list's resourceVersion, keeping an {@link ObjectCache} and calling the handlers for
 * each add, update and delete. Events the cache has already seen (the controller writes
 * its own results through) are skipped. Objects are asked for as shared
 * (`sharedObjects`): the cache and the handlers must not mutate them (client-go's
 * informer contract; the memory store hands out frozen objects). A watch that ends or fails (e.g. 410 `Expired`)
 * is followed by a fresh list, diffed against the cache so the handlers still see every
 * change, and a new watch.
 */
export class Informer<T extends KubeObject> {
  readonly cache: ObjectCache<T>;
  private watch: Watch<T> | undefined;
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(private readonly options: InformerOptions<T>) {
    this.cache = options.cache ?? new ObjectCache<T>();
  }

  /** Lists (calling `onAdd` for every object) and starts watching; resolves once listed. */
  async start(): Promise<void> {
    const resourceVersion = await this.relist();
    if (this.stopped) return;
    this.loop = this.run(resourceVersion);
  }

  /**
   * Stops watching; safe to call twice or before start. The cache is left as it was, so a
   * sync still running on it finishes on consistent data.
   */
  stop(): void {
    this.stopped = true;
    this.watch?.close();
  }

  /** Resolves when the watch loop has ended (after {@link Informer.stop}). */
  async done(): Promise<void> {
    await this.loop;
  }

  private async run(initialResourceVersion: string): Promise<void> {
    let resourceVersion = initialResourceVersion;
    let relists = 0;
    while (!this.stopped && relists < maxConsecutiveRelists) {
      let sawEvent = false;
      try {
        const watch = (await this.options.client.watch(this.options.kind, {
          resourceVersion,
          allowWatchBookmarks: true,
          sharedObjects: true,
        })) as unknown as Watch<T>;
        if (this.stopped) {
          watch.close();
          return;
        }
        this.watch = watch;
        for await (const event of watch) {
          if (this.stopped) break;
          sawEvent = true;
          resourceVersion = this.apply(event) ?? resourceVersion;
        }
      } catch (error) {
        if (this.stopped) return;
        this.options.onError(error);
      }
      if (this.stopped) return;
      relists = sawEvent ? 0 : relists + 1;
      try {
        resourceVersion = await this.relist();
      } catch (error) {
        this.options.onError(error);
        return;
      }
    }
  }

  private apply(event: WatchEvent<T>): string | undefined {
    const object = event.object;
    if (object === null || typeof object !== "object") return undefined;
    const resourceVersion = object.metadata?.resourceVersion;
    if (event.type === "BOOKMARK") return resourceVersion;
    const namespace = object.metadata?.namespace ?? "";
    const name = object.metadata?.name ?? "";
    if (event.type === "DELETED") {
      // Removed by the controller's own write already: the handlers ran then.
      if (this.cache.forgetTombstone(namespace, name) && this.cache.get(namespace, name) === undefined) {
        return resourceVersion;
      }
      const previous = this.cache.remove(namespace, name);
      if (previous !== undefined) this.options.handlers.onDelete(object);
      return resourceVersion;
    }
    const result = this.cache.upsert(object);
    if (!result.applied) return resourceVersion;
    if (result.previous === undefined) this.options.handlers.onAdd(object);
    else this.options.handlers.onUpdate(result.previous, object);
    return resourceVersion;
  }

  private async relist(): Promise<string> {
    const result = await this.options.client.list(this.options.kind, { sharedObjects: true });
    if (this.stopped) return result.resourceVersion;
    const items = result.items as unknown as T[];
    const seen = new Set<string>();
    for (const object of items) {
      const namespace = object.metadata?.namespace ?? "";
      const name = object.metadata?.name ?? "";
      seen.add(`${namespace}/${name}`);
      this.cache.forgetTombstone(namespace, name);
      const update = this.cache.upsert(object);
      if (!update.applied) continue;
      if (update.previous === undefined) this.options.handlers.onAdd(object);
      else this.options.handlers.onUpdate(update.previous, object);
    }
    const gone: T[] = [];
    for (const object of this.cache.values()) {
      if (!seen.has(`${object.metadata?.namespace ?? ""}/${object.metadata?.name ?? ""}`)) gone.push(object);
    }
    for (const object of gone) {
      this.cache.remove(object.metadata?.namespace ?? "", object.metadata?.name ?? "");
      this.options.handlers.onDelete(object);
    }
    return result.resourceVersion;
  }
}
