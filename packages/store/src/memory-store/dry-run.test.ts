import type { DaemonSet, KubeObject, Namespace, Pod, Service } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import type { MemoryStore } from "./memory-store.js";
import { makeNode, makePod, makeStore, rejection, takeEvents } from "./test-fixtures.js";

const daemonSet: DaemonSet = {
  apiVersion: "apps/v1",
  kind: "DaemonSet",
  metadata: { name: "nginx", namespace: "default" },
  spec: {
    selector: { matchLabels: { app: "nginx" } },
    template: {
      metadata: { labels: { app: "nginx" } },
      spec: { containers: [{ name: "nginx", image: "nginx:1.26" }] },
    },
  },
};

function withImage(object: DaemonSet, image: string): DaemonSet {
  return {
    ...object,
    spec: {
      selector: { matchLabels: { app: "nginx" } },
      template: {
        metadata: { labels: { app: "nginx" } },
        spec: { containers: [{ name: "nginx", image }] },
      },
    },
  };
}

const service: Service = {
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "web", namespace: "default" },
  spec: { selector: { app: "web" }, ports: [{ port: 80 }] },
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** One write, run for real (`dryRun` false) or as a dry run on a store `setup` prepared. */
interface WriteCase {
  readonly name: string;
  readonly setup: (store: MemoryStore) => Promise<unknown>;
  readonly write: (store: MemoryStore, dryRun: boolean) => Promise<KubeObject>;
  /** A create: the dry run has its own uid (and generated name) and no resourceVersion. */
  readonly creates?: boolean;
}

async function deletingDaemonSet(store: MemoryStore): Promise<unknown> {
  await store.create({ ...daemonSet, metadata: { ...daemonSet.metadata, finalizers: ["example.com/hold"] } });
  return store.delete("DaemonSet", "nginx", { namespace: "default" });
}

const writes: WriteCase[] = [
  {
    name: "create of a node",
    setup: async () => undefined,
    write: (store, dryRun) => store.create(makeNode("node-1", { zone: "a" }), { dryRun }),
    creates: true,
  },
  {
    name: "create with generateName",
    setup: async () => undefined,
    write: (store, dryRun) =>
      store.create({ ...makePod(""), metadata: { generateName: "web-" } } as Pod, { dryRun }),
    creates: true,
  },
  {
    name: "create with a field manager (managedFields and the DaemonSet defaults)",
    setup: async () => undefined,
    write: (store, dryRun) => store.create(daemonSet, { dryRun, fieldManager: "kubectl-create" }),
    creates: true,
  },
  {
    name: "update that changes the template (generation and template generation bumped)",
    setup: (store) => store.create(daemonSet),
    write: (store, dryRun) =>
      store.update(withImage(daemonSet, "nginx:1.27"), { dryRun, fieldManager: "kubectl-edit" }),
  },
  {
    name: "update that changes nothing",
    setup: (store) => store.create(daemonSet),
    write: async (store, dryRun) =>
      store.update(await store.get("DaemonSet", "nginx", { namespace: "default" }), { dryRun }),
  },
  {
    name: "update of a missing Service (create on update)",
    setup: async () => undefined,
    write: (store, dryRun) => store.update(service, { dryRun }),
    creates: true,
  },
  {
    name: "update that removes the last finalizer of a deleting object (deletes it)",
    setup: deletingDaemonSet,
    write: async (store, dryRun) => {
      const current = await store.get("DaemonSet", "nginx", { namespace: "default" });
      return store.update({ ...current, metadata: { ...current.metadata, finalizers: [] } }, { dryRun });
    },
  },
  {
    name: "updateStatus",
    setup: (store) => store.create(daemonSet),
    write: (store, dryRun) =>
      store.updateStatus(
        {
          ...daemonSet,
          status: {
            currentNumberScheduled: 1,
            desiredNumberScheduled: 1,
            numberMisscheduled: 0,
            numberReady: 0,
          },
        },
        { dryRun, fieldManager: "kubesim-controller" },
      ),
  },
  {
    name: "merge patch (kubectl label)",
    setup: (store) => store.create(makeNode("node-1")),
    write: (store, dryRun) =>
      store.patch("Node", "node-1", { metadata: { labels: { disktype: "ssd" } } }, { type: "merge", dryRun }),
  },
  {
    name: "JSON patch",
    setup: (store) => store.create(makeNode("node-1")),
    write: (store, dryRun) =>
      store.patch("Node", "node-1", [{ op: "add", path: "/spec/unschedulable", value: true }], {
        type: "json",
        dryRun,
      }),
  },
  {
    name: "strategic merge patch (kubectl set image)",
    setup: (store) => store.create(daemonSet),
    write: (store, dryRun) =>
      store.patch(
        "DaemonSet",
        "nginx",
        { spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } } },
        { type: "strategic", namespace: "default", dryRun, fieldManager: "kubectl-set" },
      ),
  },
  {
    name: "server-side apply to an existing object (managedFields)",
    setup: (store) => store.create(daemonSet, { fieldManager: "kubectl-create" }),
    write: (store, dryRun) =>
      store.patch("DaemonSet", "nginx", withImage(daemonSet, "nginx:1.27"), {
        type: "apply",
        namespace: "default",
        fieldManager: "kubectl",
        force: true,
        dryRun,
      }),
  },
  {
    name: "server-side apply that creates the object",
    setup: async () => undefined,
    write: (store, dryRun) =>
      store.patch("DaemonSet", "nginx", daemonSet, {
        type: "apply",
        namespace: "default",
        fieldManager: "kubectl",
        dryRun,
      }),
    creates: true,
  },
  {
    name: "delete of an object without finalizers",
    setup: (store) => store.create(makeNode("node-1")),
    write: (store, dryRun) => store.delete("Node", "node-1", { dryRun }),
  },
  {
    name: "graceful delete of a bound pod (deletionTimestamp set)",
    setup: async (store) => {
      await store.create(makeNode("node-1"));
      return store.create(makePod("web", { nodeName: "node-1" }));
    },
    write: (store, dryRun) => store.delete("Pod", "web", { namespace: "default", dryRun }),
  },
  {
    name: "delete with grace period 0 of a bound pod",
    setup: async (store) => {
      await store.create(makeNode("node-1"));
      return store.create(makePod("web", { nodeName: "node-1" }));
    },
    write: (store, dryRun) =>
      store.delete("Pod", "web", { namespace: "default", gracePeriodSeconds: 0, dryRun }),
  },
  {
    name: "Foreground delete (foregroundDeletion finalizer)",
    setup: (store) => store.create(daemonSet),
    write: (store, dryRun) =>
      store.delete("DaemonSet", "nginx", { namespace: "default", propagationPolicy: "Foreground", dryRun }),
  },
  {
    name: "delete of a namespace (Terminating)",
    setup: (store) =>
      store.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "team" } } as Namespace),
    write: (store, dryRun) => store.delete("Namespace", "team", { dryRun }),
  },
];

/** The real result as the dry run answers it: the stored resourceVersion, and for creates its own uid and name. */
function expectedDryResult(
  real: KubeObject,
  dry: KubeObject,
  previousVersion: string | undefined,
  creates: boolean,
): unknown {
  const { resourceVersion: _version, ...metadata } = real.metadata ?? {};
  if (creates)
    return { ...real, metadata: { ...metadata, uid: dry.metadata?.uid, name: dry.metadata?.name } };
  return { ...real, metadata: { ...metadata, resourceVersion: previousVersion } };
}

async function prepared(testCase: WriteCase): Promise<{ store: MemoryStore }> {
  const { store } = makeStore();
  await testCase.setup(store);
  return { store };
}

async function storedVersion(store: MemoryStore, object: KubeObject): Promise<string | undefined> {
  const kind = object.kind as string;
  const metadata = object.metadata ?? {};
  try {
    const namespace = metadata.namespace === undefined ? {} : { namespace: metadata.namespace };
    const stored = (await store.get(kind, metadata.name ?? "", namespace)) as KubeObject;
    return stored.metadata?.resourceVersion;
  } catch {
    return undefined;
  }
}

describe("dry run", () => {
  it.each(writes)(
    "a dry-run $name answers the object the real write stores, minus the commit",
    async (testCase) => {
      const { store: real } = await prepared(testCase);
      const { store: dry } = await prepared(testCase);
      const realResult = await testCase.write(real, false);
      const previousVersion = await storedVersion(dry, realResult);
      const dryResult = await testCase.write(dry, true);
      expect(dryResult).toEqual(
        expectedDryResult(realResult, dryResult, previousVersion, testCase.creates === true),
      );
      if (testCase.creates === true) {
        expect(dryResult.metadata?.uid).toMatch(uuid);
        expect(dryResult.metadata?.uid).not.toBe(realResult.metadata?.uid);
        expect(dryResult.metadata).not.toHaveProperty("resourceVersion");
      }
    },
  );

  it.each(writes)(
    "a dry-run $name changes nothing: same snapshot, no watch event, same later uids and names",
    async (testCase) => {
      const { store: dry } = await prepared(testCase);
      const { store: untouched } = await prepared(testCase);
      const before = dry.snapshot();
      const watches = await Promise.all(
        ["Node", "Pod", "DaemonSet", "Service", "Namespace"].map((kind) =>
          dry.watch(kind, { resourceVersion: dry.resourceVersion }),
        ),
      );
      await testCase.write(dry, true);
      expect(dry.snapshot()).toEqual(before);
      expect(dry.resourceVersion).toBe(before.resourceVersion);
      // The first event each watch sees is the marker written after the dry run.
      const marker = { ...makePod(""), metadata: { generateName: "marker-" } } as Pod;
      const afterDry = await dry.create(marker);
      const afterNothing = await untouched.create(marker);
      expect(afterDry).toEqual(afterNothing);
      await dry.create(makeNode("marker-node"));
      await dry.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "marker" } } as Namespace);
      await dry.create({ ...service, metadata: { name: "marker", namespace: "default" } });
      await dry.create({ ...daemonSet, metadata: { name: "marker", namespace: "default" } });
      const firsts = await Promise.all(watches.map(async (watch) => (await takeEvents(watch, 1))[0]));
      for (const watch of watches) watch.close();
      expect(firsts.map((event) => [event?.type, event?.object.metadata?.name])).toEqual([
        ["ADDED", "marker-node"],
        ["ADDED", afterDry.metadata?.name],
        ["ADDED", "marker"],
        ["ADDED", "marker"],
        ["ADDED", "marker"],
      ]);
    },
  );

  it.each<{
    name: string;
    setup: (store: MemoryStore) => Promise<unknown>;
    write: (store: MemoryStore, dryRun: boolean) => Promise<unknown>;
  }>([
    {
      name: "create of an existing object fails with AlreadyExists",
      setup: (store) => store.create(makeNode("node-1")),
      write: (store, dryRun) => store.create(makeNode("node-1"), { dryRun }),
    },
    {
      name: "create of an invalid object fails with Invalid",
      setup: async () => undefined,
      write: (store, dryRun) => store.create(makeNode("Not_A_Name"), { dryRun }),
    },
    {
      name: "create in a missing namespace fails with NotFound",
      setup: async () => undefined,
      write: (store, dryRun) => store.create(makePod("web", { namespace: "nowhere" }), { dryRun }),
    },
    {
      name: "create in a terminating namespace fails with Forbidden",
      setup: async (store) => {
        await store.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "team" } } as Namespace);
        return store.delete("Namespace", "team");
      },
      write: (store, dryRun) => store.create(makePod("web", { namespace: "team" }), { dryRun }),
    },
    {
      name: "update with a stale resourceVersion fails with Conflict",
      setup: async (store) => {
        await store.create(makeNode("node-1"));
        return store.patch("Node", "node-1", { metadata: { labels: { a: "b" } } }, { type: "merge" });
      },
      write: (store, dryRun) =>
        store.update(
          { ...makeNode("node-1"), metadata: { name: "node-1", resourceVersion: "5" } },
          { dryRun },
        ),
    },
    {
      name: "update of a missing object fails with NotFound",
      setup: async () => undefined,
      write: (store, dryRun) => store.update(makeNode("node-1"), { dryRun }),
    },
    {
      name: "update that breaks validation fails with Invalid",
      setup: (store) => store.create(daemonSet),
      write: (store, dryRun) =>
        store.update(
          {
            ...daemonSet,
            spec: { ...daemonSet.spec, selector: { matchLabels: { app: "other" } } },
          } as DaemonSet,
          {
            dryRun,
          },
        ),
    },
    {
      name: "updateStatus of a missing object fails with NotFound",
      setup: async () => undefined,
      write: (store, dryRun) => store.updateStatus(daemonSet, { dryRun }),
    },
    {
      name: "patch of a missing object fails with NotFound",
      setup: async () => undefined,
      write: (store, dryRun) =>
        store.patch("Node", "node-1", { metadata: { labels: { a: "b" } } }, { type: "merge", dryRun }),
    },
    {
      name: "server-side apply with a conflict fails with Conflict",
      setup: (store) => store.create(daemonSet, { fieldManager: "kubectl-create" }),
      write: (store, dryRun) =>
        store.patch("DaemonSet", "nginx", withImage(daemonSet, "nginx:1.27"), {
          type: "apply",
          namespace: "default",
          fieldManager: "kubectl",
          dryRun,
        }),
    },
    {
      name: "delete of a missing object fails with NotFound",
      setup: async () => undefined,
      write: (store, dryRun) => store.delete("Node", "node-1", { dryRun }),
    },
    {
      name: "delete with a failing uid precondition fails with Conflict",
      setup: (store) => store.create(makeNode("node-1")),
      write: (store, dryRun) => store.delete("Node", "node-1", { preconditions: { uid: "other" }, dryRun }),
    },
    {
      name: "delete of the default namespace fails with Forbidden",
      setup: async () => undefined,
      write: (store, dryRun) => store.delete("Namespace", "default", { dryRun }),
    },
  ])("a dry-run $name, as the real write does, and stores nothing", async ({ setup, write }) => {
    const { store: real } = makeStore();
    const { store: dry } = makeStore();
    await setup(real);
    await setup(dry);
    const before = dry.snapshot();
    const realError = await rejection(write(real, false));
    const dryError = await rejection(write(dry, true));
    expect(dryError.status).toEqual(realError.status);
    expect(dry.snapshot()).toEqual(before);
  });

  it.each`
    name                                                                              | resourceVersion | answered
    ${"a resourceVersion is kept: upstream checks it in etcd, which a dry run skips"} | ${"42"}         | ${"42"}
    ${"no resourceVersion stays none"}                                                | ${undefined}    | ${undefined}
  `("a dry-run create: $name", async ({ resourceVersion, answered }) => {
    const { store } = makeStore();
    const node = makeNode("node-1");
    const sent =
      resourceVersion === undefined ? node : { ...node, metadata: { ...node.metadata, resourceVersion } };
    const created = await store.create(sent, { dryRun: true });
    expect(created.metadata?.resourceVersion).toBe(answered);
    expect(created.metadata?.creationTimestamp).toBe("2026-11-29T19:21:30Z");
  });
});
