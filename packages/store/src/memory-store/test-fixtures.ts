import {
  type KubeObject,
  type Node,
  type Pod,
  StatusError,
  VirtualClock,
  type Watch,
  type WatchEvent,
} from "@kubesim/core";
import { createMemoryStore, type MemoryStoreOptions } from "./create-memory-store.js";
import type { MemoryStore } from "./memory-store.js";

/** The instant every test store starts at: 2026-11-29T19:21:30Z. */
export const startTime = Date.parse("2026-11-29T19:21:30Z");

/** A store on a virtual clock at {@link startTime}, seeded 1, plus its clock. */
export function makeStore(options: Partial<MemoryStoreOptions> = {}): {
  store: MemoryStore;
  clock: VirtualClock;
} {
  const clock = new VirtualClock(startTime);
  return { store: createMemoryStore({ clock, seed: 1, ...options }), clock };
}

/** A minimal valid pod. */
export function makePod(
  name: string,
  extra: { namespace?: string; nodeName?: string; labels?: Record<string, string> } = {},
): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      ...(extra.namespace === undefined ? {} : { namespace: extra.namespace }),
      ...(extra.labels === undefined ? {} : { labels: extra.labels }),
    },
    spec: {
      containers: [{ name: "app", image: "nginx:1.27" }],
      ...(extra.nodeName === undefined ? {} : { nodeName: extra.nodeName }),
    },
  };
}

/** A minimal node. */
export function makeNode(name: string, labels: Record<string, string> = {}): Node {
  return { apiVersion: "v1", kind: "Node", metadata: { name, labels } };
}

/** The StatusError a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<StatusError> {
  try {
    await promise;
  } catch (error) {
    if (StatusError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected the call to reject with a StatusError");
}

/** Reads the next `count` events of a watch (they must already be queued or arrive soon). */
export async function takeEvents<T>(watch: Watch<T>, count: number): Promise<Array<WatchEvent<T>>> {
  const iterator = watch[Symbol.asyncIterator]();
  const events: Array<WatchEvent<T>> = [];
  while (events.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    events.push(next.value);
  }
  return events;
}

/** `[type, name, resourceVersion]` of each event, for compact assertions. */
export function summarize<T extends KubeObject>(events: ReadonlyArray<WatchEvent<T>>): string[][] {
  return events.map((event) => [
    event.type,
    event.object.metadata?.name ?? "",
    event.object.metadata?.resourceVersion ?? "",
  ]);
}
