import { type ApiClient, type ControllerRevision, type DaemonSet, VirtualClock } from "@kubesim/core";
import { createMemoryStore } from "@kubesim/store";
import { describe, expect, it } from "vitest";
import { rollbackTemplate, templatePatchData } from "../history/index.js";
import { hashPodTemplate } from "../pod-template/index.js";
import { createDaemonSetController, type DaemonSetController } from "./create-daemon-set-controller.js";
import {
  addNodes,
  listPods,
  listRevisions,
  newDaemonSet,
  readDaemonSet,
  statusOf,
  testStartMs,
} from "./test-fixtures.js";

interface Harness {
  readonly store: ApiClient;
  readonly controller: DaemonSetController;
}

function createHarness(): Harness {
  const clock = new VirtualClock(testStartMs);
  const store = createMemoryStore({ clock, seed: 3 });
  return { store, controller: createDaemonSetController({ client: store, clock, seed: 3 }) };
}

async function setImage(store: ApiClient, image: string): Promise<DaemonSet> {
  const stored = await readDaemonSet(store, "foo");
  const spec = structuredClone(stored.spec) as NonNullable<DaemonSet["spec"]>;
  (spec.template.spec?.containers[0] as { image: string }).image = image;
  return store.update({ ...stored, spec });
}

function summary(revisions: readonly ControllerRevision[]): string[] {
  return revisions
    .map((revision) => `${revision.revision} ${revision.metadata?.name}`)
    .sort((left, right) => Number(left.split(" ")[0]) - Number(right.split(" ")[0]));
}

function hashOf(daemonSet: DaemonSet, collisionCount?: number): string {
  return hashPodTemplate(daemonSet.spec?.template ?? {}, collisionCount);
}

describe("ControllerRevision history", () => {
  it("the first sync records revision 1, named <ds>-<hash>, and the pods carry that hash", async () => {
    const { store, controller } = createHarness();
    await addNodes(store, 0, 2);
    const daemonSet = await store.create(newDaemonSet("foo"));

    await controller.syncDaemonSet("default/foo");

    const hash = hashOf(daemonSet);
    const [revision] = await listRevisions(store);
    expect(revision).toMatchObject({
      metadata: {
        name: `foo-${hash}`,
        namespace: "default",
        labels: { app: "foo", "controller-revision-hash": hash },
        annotations: { "deprecated.daemonset.template.generation": "1" },
        ownerReferences: [
          {
            apiVersion: "apps/v1",
            kind: "DaemonSet",
            name: "foo",
            uid: daemonSet.metadata?.uid,
            controller: true,
          },
        ],
      },
      revision: 1,
      data: templatePatchData(daemonSet),
    });
    expect((await listPods(store)).map((pod) => pod.metadata?.labels?.["controller-revision-hash"])).toEqual([
      hash,
      hash,
    ]);
  });

  it("a template change adds revision 2 and keeps revision 1", async () => {
    const { store, controller } = createHarness();
    const first = await store.create(newDaemonSet("foo"));
    await controller.syncDaemonSet("default/foo");
    const second = await setImage(store, "registry.k8s.io/pause:3.10");

    await controller.syncDaemonSet("default/foo");

    expect(summary(await listRevisions(store))).toEqual([
      `1 foo-${hashOf(first)}`,
      `2 foo-${hashOf(second)}`,
    ]);
  });

  it("rolling back to an old template renumbers its revision instead of creating another", async () => {
    const { store, controller } = createHarness();
    const first = await store.create(newDaemonSet("foo"));
    await controller.syncDaemonSet("default/foo");
    const second = await setImage(store, "registry.k8s.io/pause:3.10");
    await controller.syncDaemonSet("default/foo");
    const revisionOne = (await listRevisions(store)).find(
      (revision) => revision.revision === 1,
    ) as ControllerRevision;

    // What `kubectl rollout undo` does: put revision 1's template back.
    const stored = await readDaemonSet(store, "foo");
    await store.update({
      ...stored,
      spec: { ...stored.spec, template: rollbackTemplate(revisionOne) },
    } as DaemonSet);
    await controller.syncDaemonSet("default/foo");

    expect(summary(await listRevisions(store))).toEqual([
      `2 foo-${hashOf(second)}`,
      `3 foo-${hashOf(first)}`,
    ]);
  });

  it("revisionHistoryLimit deletes the oldest unused revisions and keeps those pods still run", async () => {
    const { store, controller } = createHarness();
    await addNodes(store, 0, 1);
    const first = await store.create(
      newDaemonSet("foo", { revisionHistoryLimit: 1, updateStrategy: { type: "OnDelete" } }),
    );
    await controller.syncDaemonSet("default/foo");
    const second = await setImage(store, "registry.k8s.io/pause:3.10");
    await controller.syncDaemonSet("default/foo");
    const third = await setImage(store, "registry.k8s.io/pause:3.11");

    await controller.syncDaemonSet("default/foo");

    // Revision 1 is older than 2 but its pod (OnDelete) still runs: revision 2 goes instead.
    expect(summary(await listRevisions(store))).toEqual([`1 foo-${hashOf(first)}`, `3 foo-${hashOf(third)}`]);
    expect(hashOf(second)).not.toBe(hashOf(third));
  });

  it("a name taken by another revision raises collisionCount, and the next sync hashes with it", async () => {
    const { store, controller } = createHarness();
    await addNodes(store, 0, 1);
    const daemonSet = await store.create(newDaemonSet("foo"));
    const takenName = `foo-${hashOf(daemonSet)}`;
    await store.create<ControllerRevision>({
      apiVersion: "apps/v1",
      kind: "ControllerRevision",
      metadata: { name: takenName, namespace: "default" },
      data: { something: "else" },
      revision: 1,
    });

    await expect(controller.syncDaemonSet("default/foo")).rejects.toThrow(
      `failed to construct revisions of DaemonSet: controllerrevisions.apps "${takenName}" already exists`,
    );
    expect((await readDaemonSet(store, "foo")).status?.collisionCount).toBe(1);
    expect(await listPods(store)).toEqual([]);

    await controller.syncDaemonSet("default/foo");

    const newHash = hashOf(daemonSet, 1);
    expect((await listRevisions(store)).map((revision) => revision.metadata?.name).sort()).toEqual(
      [takenName, `foo-${newHash}`].sort(),
    );
    expect((await listPods(store)).map((pod) => pod.metadata?.labels?.["controller-revision-hash"])).toEqual([
      newHash,
    ]);
    expect(statusOf(await readDaemonSet(store, "foo"))).toMatchObject({
      collisionCount: 1,
      updatedNumberScheduled: 1,
    });
  });

  it("an orphan revision matching the selector is adopted and labelled with its own name", async () => {
    const { store, controller } = createHarness();
    const daemonSet = await store.create(newDaemonSet("foo"));
    await store.create<ControllerRevision>({
      apiVersion: "apps/v1",
      kind: "ControllerRevision",
      metadata: { name: "foo-old", namespace: "default", labels: { app: "foo" } },
      data: { spec: { template: { $patch: "replace" } } },
      revision: 5,
    });

    await controller.syncDaemonSet("default/foo");

    const revisions = await listRevisions(store);
    expect(revisions.find((revision) => revision.metadata?.name === "foo-old")).toMatchObject({
      metadata: {
        labels: { app: "foo", "controller-revision-hash": "foo-old" },
        ownerReferences: [{ kind: "DaemonSet", name: "foo", uid: daemonSet.metadata?.uid, controller: true }],
      },
      revision: 5,
    });
    expect(summary(revisions)).toEqual(["5 foo-old", `6 foo-${hashOf(daemonSet)}`]);
  });
});
