import {
  type ApiClient,
  type Binding,
  createAlreadyExistsError,
  createConflictError,
  createNotFoundError,
  type KubeObject,
  type Watch,
  type WatchEvent,
  type WatchEventType,
} from "@kubesim/core";

/**
 * Test helper: a small Map-based {@link ApiClient} for the scheduler's tests (the real
 * store is deliberately not imported). Objects are kept per kind and key; every write
 * bumps one revision counter; watches replay the change log after a revision and then
 * stream live changes. `bind` sets `spec.nodeName` and `PodScheduled=True` as the API
 * server does; `delete` removes at once (no graceful termination). Label and field
 * selectors are not supported. Not exported from the package.
 */
export class FakeApiClient implements ApiClient {
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  private readonly log: { revision: number; kind: string; event: WatchEvent<KubeObject> }[] = [];
  private readonly watchers = new Set<{ kind: string; push: (event: WatchEvent<KubeObject>) => void }>();
  private revision = 0;
  private uidCounter = 0;
  /** Every call, in order, as `<verb> <kind> <namespace>/<name>`. */
  readonly calls: string[] = [];
  /** Kinds whose `list` should fail (to test optional informers). */
  readonly unsupportedKinds = new Set<string>();

  constructor(private readonly now: () => number = () => 0) {}

  /** Every stored object of a kind, in insertion order. */
  objectsOf<T extends KubeObject = KubeObject>(kind: string): T[] {
    return [...(this.objects.get(kind)?.values() ?? [])] as T[];
  }

  /** Adds objects directly (uid and resourceVersion filled in), as if created earlier. */
  seed(...objects: KubeObject[]): void {
    for (const object of objects) this.write("ADDED", this.prepareNew(object));
  }

  async get<K extends string>(kind: K, name: string, options?: { namespace?: string }) {
    this.calls.push(`get ${kind} ${options?.namespace ?? ""}/${name}`);
    const found = this.objects.get(kind)?.get(this.key(options?.namespace, name));
    if (found === undefined) throw createNotFoundError({ group: "", resource: this.resource(kind) }, name);
    return structuredClone(found) as never;
  }

  async list<K extends string>(kind: K, options?: { namespace?: string }) {
    this.calls.push(`list ${kind}`);
    if (this.unsupportedKinds.has(kind)) {
      throw createNotFoundError({ group: "", resource: this.resource(kind) }, "");
    }
    const items = this.objectsOf(kind).filter(
      (object) => options?.namespace === undefined || object.metadata?.namespace === options.namespace,
    );
    return { items: structuredClone(items), resourceVersion: String(this.revision) } as never;
  }

  async create<T extends KubeObject>(object: T): Promise<T> {
    const kind = object.kind ?? "";
    this.calls.push(`create ${kind} ${object.metadata?.namespace ?? ""}/${object.metadata?.name ?? ""}`);
    const existing = this.objects.get(kind)?.get(this.keyOf(object));
    if (existing !== undefined) {
      throw createAlreadyExistsError(
        { group: "", resource: this.resource(kind) },
        object.metadata?.name ?? "",
      );
    }
    return structuredClone(this.write("ADDED", this.prepareNew(object))) as T;
  }

  async update<T extends KubeObject>(object: T): Promise<T> {
    return this.replace(object, "update", false);
  }

  async updateStatus<T extends KubeObject>(object: T): Promise<T> {
    return this.replace(object, "updateStatus", true);
  }

  async patch(): Promise<never> {
    throw new Error("FakeApiClient does not support patch");
  }

  async delete<K extends string>(
    kind: K,
    name: string,
    options?: { namespace?: string; preconditions?: { uid?: string } },
  ) {
    this.calls.push(`delete ${kind} ${options?.namespace ?? ""}/${name}`);
    const key = this.key(options?.namespace, name);
    const existing = this.objects.get(kind)?.get(key);
    if (existing === undefined) throw createNotFoundError({ group: "", resource: this.resource(kind) }, name);
    const uid = options?.preconditions?.uid;
    if (uid !== undefined && existing.metadata?.uid !== uid) {
      throw createConflictError(
        { group: "", resource: this.resource(kind) },
        name,
        "the UID in the precondition does not match",
      );
    }
    this.objects.get(kind)?.delete(key);
    this.revision++;
    const deleted = {
      ...existing,
      metadata: { ...existing.metadata, resourceVersion: String(this.revision) },
    };
    this.emit(kind, "DELETED", deleted);
    return structuredClone(deleted) as never;
  }

  async watch<K extends string>(kind: K, options?: { resourceVersion?: string }) {
    this.calls.push(`watch ${kind}`);
    const from = Number(options?.resourceVersion ?? String(this.revision));
    const queue: WatchEvent<KubeObject>[] = [];
    let wake: (() => void) | undefined;
    let closed = false;
    for (const entry of this.log) {
      if (entry.kind === kind && entry.revision > from) queue.push(structuredClone(entry.event));
    }
    const watcher = {
      kind,
      push: (event: WatchEvent<KubeObject>) => {
        queue.push(structuredClone(event));
        wake?.();
      },
    };
    this.watchers.add(watcher);
    const watch: Watch<KubeObject> = {
      close: () => {
        closed = true;
        this.watchers.delete(watcher);
        wake?.();
      },
      [Symbol.asyncIterator]: () => ({
        next: async (): Promise<IteratorResult<WatchEvent<KubeObject>>> => {
          while (!closed && queue.length === 0) {
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            wake = undefined;
          }
          if (closed) return { done: true, value: undefined };
          return { done: false, value: queue.shift() as WatchEvent<KubeObject> };
        },
        return: async () => {
          watch.close();
          return { done: true, value: undefined };
        },
      }),
    };
    return watch as never;
  }

  async bind(binding: Binding): Promise<void> {
    const namespace = binding.metadata?.namespace ?? "";
    const name = binding.metadata?.name ?? "";
    this.calls.push(`bind Pod ${namespace}/${name} ${binding.target?.name ?? ""}`);
    const pod = this.objects.get("Pod")?.get(this.key(namespace, name));
    if (pod === undefined) throw createNotFoundError({ group: "", resource: "pods" }, name);
    const spec = (pod as { spec?: { nodeName?: string } }).spec ?? {};
    if (spec.nodeName) {
      throw createConflictError(
        { group: "", resource: "pods" },
        name,
        `pod ${name} is already assigned to node "${spec.nodeName}"`,
      );
    }
    const status = (pod as { status?: { conditions?: unknown[] } }).status ?? {};
    const conditions = [...(status.conditions ?? [])].filter(
      (condition) => (condition as { type?: string }).type !== "PodScheduled",
    );
    conditions.push({
      type: "PodScheduled",
      status: "True",
      lastProbeTime: null,
      lastTransitionTime: `${new Date(this.now()).toISOString().slice(0, 19)}Z`,
    });
    this.revision++;
    const bound = {
      ...pod,
      metadata: { ...pod.metadata, resourceVersion: String(this.revision) },
      spec: { ...spec, nodeName: binding.target?.name ?? "" },
      status: { ...status, conditions },
    } as KubeObject;
    this.objects.get("Pod")?.set(this.keyOf(bound), bound);
    this.emit("Pod", "MODIFIED", bound);
  }

  async evict(): Promise<void> {
    throw new Error("FakeApiClient does not support evict");
  }

  private replace<T extends KubeObject>(object: T, verb: string, statusOnly: boolean): T {
    const kind = object.kind ?? "";
    this.calls.push(`${verb} ${kind} ${object.metadata?.namespace ?? ""}/${object.metadata?.name ?? ""}`);
    const existing = this.objects.get(kind)?.get(this.keyOf(object));
    if (existing === undefined) {
      throw createNotFoundError({ group: "", resource: this.resource(kind) }, object.metadata?.name ?? "");
    }
    const expected = object.metadata?.resourceVersion;
    if (expected !== undefined && expected !== existing.metadata?.resourceVersion) {
      throw createConflictError(
        { group: "", resource: this.resource(kind) },
        object.metadata?.name ?? "",
        "the object has been modified; please apply your changes to the latest version and try again",
      );
    }
    this.revision++;
    const merged = (
      statusOnly
        ? { ...existing, status: (object as { status?: unknown }).status }
        : { ...object, status: (existing as { status?: unknown }).status }
    ) as KubeObject;
    const next = {
      ...merged,
      metadata: {
        ...(statusOnly ? existing.metadata : object.metadata),
        resourceVersion: String(this.revision),
      },
    } as KubeObject;
    this.objects.get(kind)?.set(this.keyOf(next), next);
    this.emit(kind, "MODIFIED", next);
    return structuredClone(next) as T;
  }

  private prepareNew(object: KubeObject): KubeObject {
    this.revision++;
    this.uidCounter++;
    return structuredClone({
      ...object,
      metadata: {
        ...object.metadata,
        uid: object.metadata?.uid ?? `uid-${this.uidCounter}`,
        resourceVersion: String(this.revision),
        creationTimestamp:
          object.metadata?.creationTimestamp ?? `${new Date(this.now()).toISOString().slice(0, 19)}Z`,
      },
    });
  }

  private write(type: WatchEventType, object: KubeObject): KubeObject {
    const kind = object.kind ?? "";
    let byKey = this.objects.get(kind);
    if (byKey === undefined) {
      byKey = new Map();
      this.objects.set(kind, byKey);
    }
    byKey.set(this.keyOf(object), object);
    this.emit(kind, type, object);
    return object;
  }

  private emit(kind: string, type: WatchEventType, object: KubeObject): void {
    const event = { type, object } as WatchEvent<KubeObject>;
    this.log.push({ revision: this.revision, kind, event: structuredClone(event) });
    for (const watcher of this.watchers) if (watcher.kind === kind) watcher.push(event);
  }

  private keyOf(object: KubeObject): string {
    return this.key(object.metadata?.namespace, object.metadata?.name ?? "");
  }

  private key(namespace: string | undefined, name: string): string {
    return namespace ? `${namespace}/${name}` : name;
  }

  private resource(kind: string): string {
    return `${kind.toLowerCase()}s`;
  }
}
