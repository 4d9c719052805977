import { isConflict, isNotFound, type Node, StatusError } from "@kubesim/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MemoryStore } from "./memory-store.js";
import { makeStore, takeEvents } from "./test-fixtures.js";

const names = ["a", "b", "c"] as const;
const writers = [0, 1, 2] as const;

type Operation =
  | { readonly op: "create"; readonly name: string; readonly value: string }
  | { readonly op: "update"; readonly writer: number; readonly name: string; readonly value: string }
  | { readonly op: "patch"; readonly writer: number; readonly name: string; readonly value: string }
  | { readonly op: "delete"; readonly writer: number; readonly name: string }
  | { readonly op: "refresh"; readonly writer: number; readonly name: string };

const name = fc.constantFrom(...names);
const writer = fc.constantFrom(...writers);
const value = fc.constantFrom("x", "y", "z");
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ op: fc.constant("create" as const), name, value }),
  fc.record({ op: fc.constant("update" as const), writer, name, value }),
  fc.record({ op: fc.constant("patch" as const), writer, name, value }),
  fc.record({ op: fc.constant("delete" as const), writer, name }),
  fc.record({ op: fc.constant("refresh" as const), writer, name }),
);

interface ModelObject {
  readonly resourceVersion: number;
  readonly value: string;
}

/**
 * What the store must hold, and what each writer last saw. The model changes when an
 * operation starts, as the store commits synchronously inside the call.
 */
class Model {
  readonly objects = new Map<string, ModelObject>();
  readonly copies: Array<Map<string, Node>> = writers.map(() => new Map());
  revision: number;
  commits = 0;

  constructor(revision: number) {
    this.revision = revision;
  }

  /** Records a change; returns the resourceVersion the store must give it. */
  commit(target: string, value: string | undefined): number {
    const resourceVersion = ++this.revision;
    this.commits++;
    if (value === undefined) this.objects.delete(target);
    else this.objects.set(target, { resourceVersion, value });
    return resourceVersion;
  }

  /** Whether a writer's copy is the stored object's current version (resourceVersions are unique). */
  current(copy: Node, target: string): boolean {
    return copy.metadata?.resourceVersion === String(this.objects.get(target)?.resourceVersion);
  }
}

const node = (target: string, label: string): Node => ({
  apiVersion: "v1",
  kind: "Node",
  metadata: { name: target, labels: { v: label } },
});

async function outcome<T>(promise: Promise<T>): Promise<T | StatusError> {
  try {
    return await promise;
  } catch (error) {
    if (StatusError.isInstance(error)) return error;
    throw error;
  }
}

function expectResourceVersion(result: Node | StatusError, resourceVersion: number | undefined): Node {
  if (StatusError.isInstance(result)) throw result;
  expect(result.metadata?.resourceVersion).toBe(String(resourceVersion));
  return result;
}

/** Starts one operation (the store commits it synchronously) and returns how to check its outcome. */
function start(store: MemoryStore, model: Model, step: Operation): () => Promise<void> {
  const exists = model.objects.has(step.name);
  switch (step.op) {
    case "create": {
      const result = outcome(store.create(node(step.name, step.value)));
      const expected = exists ? undefined : model.commit(step.name, step.value);
      return async () => {
        const created = await result;
        if (expected === undefined)
          expect(StatusError.isInstance(created) && created.status.reason).toBe("AlreadyExists");
        else expectResourceVersion(created, expected);
      };
    }
    case "update":
    case "patch": {
      const copies = model.copies[step.writer] as Map<string, Node>;
      const copy = copies.get(step.name);
      if (copy === undefined) return async () => undefined;
      const result =
        step.op === "update"
          ? outcome(store.update({ ...copy, metadata: { ...copy.metadata, labels: { v: step.value } } }))
          : outcome(
              store.patch(
                "Node",
                step.name,
                { metadata: { labels: { v: step.value }, resourceVersion: copy.metadata?.resourceVersion } },
                { type: "merge" },
              ),
            );
      if (!model.current(copy, step.name)) {
        // A stale copy never overwrites silently: Conflict (or NotFound for a patch of a deleted object).
        return async () => {
          const refused = await result;
          expect(exists || step.op === "update" ? isConflict(refused) : isNotFound(refused)).toBe(true);
        };
      }
      const stored = model.objects.get(step.name) as ModelObject;
      const expected =
        stored.value === step.value ? stored.resourceVersion : model.commit(step.name, step.value);
      return async () => {
        copies.set(step.name, expectResourceVersion(await result, expected));
      };
    }
    case "delete": {
      const copy = model.copies[step.writer]?.get(step.name);
      const preconditions =
        copy === undefined ? {} : { resourceVersion: copy.metadata?.resourceVersion ?? "" };
      const result = outcome(store.delete("Node", step.name, { preconditions }));
      const allowed = exists && (copy === undefined || model.current(copy, step.name));
      if (allowed) model.commit(step.name, undefined);
      return async () => {
        const deleted = await result;
        if (!exists) expect(isNotFound(deleted)).toBe(true);
        else if (!allowed) expect(isConflict(deleted)).toBe(true);
        else expect(StatusError.isInstance(deleted)).toBe(false);
      };
    }
    case "refresh": {
      const result = outcome(store.get("Node", step.name));
      return async () => {
        const fetched = await result;
        if (StatusError.isInstance(fetched)) model.copies[step.writer]?.delete(step.name);
        else model.copies[step.writer]?.set(step.name, fetched);
      };
    }
  }
}

describe("concurrency (model-based)", () => {
  it("keeps resourceVersion increasing, never loses a write silently, and a replayed watch rebuilds the final list", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(operation, { minLength: 1, maxLength: 4 }), { maxLength: 25 }),
        async (batches) => {
          const { store } = makeStore();
          const start0 = store.resourceVersion;
          const model = new Model(Number(start0));
          const fromStart = await store.watch("Node", { resourceVersion: start0 });
          const fromNow = await store.watch("Node");
          for (const batch of batches) {
            // Several writers' calls interleave: all start before any is awaited.
            const checks = batch.map((step) => start(store, model, step));
            for (const check of checks) await check();
          }
          expect(store.resourceVersion).toBe(String(model.revision));
          const { items } = await store.list("Node");
          expect(
            items.map((item) => [
              item.metadata?.name,
              item.metadata?.labels?.v,
              item.metadata?.resourceVersion,
            ]),
          ).toEqual(
            [...model.objects.entries()]
              .sort(([left], [right]) => (left < right ? -1 : 1))
              .map(([key, object]) => [key, object.value, String(object.resourceVersion)]),
          );
          for (const watch of [fromStart, fromNow]) {
            const events = await takeEvents(watch, model.commits);
            const revisions = events.map((event) => Number(event.object.metadata?.resourceVersion));
            expect(revisions).toEqual([...revisions].sort((left, right) => left - right));
            expect(new Set(revisions).size).toBe(revisions.length);
            const rebuilt = new Map<string, Node>();
            for (const event of events) {
              const key = event.object.metadata?.name ?? "";
              if (event.type === "DELETED") rebuilt.delete(key);
              else rebuilt.set(key, event.object);
            }
            expect(
              [...rebuilt.values()].sort((left, right) =>
                (left.metadata?.name ?? "") < (right.metadata?.name ?? "") ? -1 : 1,
              ),
            ).toEqual(items);
            watch.close();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
