import type { DaemonSet, KubeObject, Namespace, Pod, Service } from "@kubesim/core";
import { VirtualClock } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { restoreMemoryStore } from "./create-memory-store.js";
import { makeNode, makePod, makeStore, rejection, startTime } from "./test-fixtures.js";

const daemonSet = (annotations?: Record<string, string>): DaemonSet => ({
  apiVersion: "apps/v1",
  kind: "DaemonSet",
  metadata: { name: "nginx", ...(annotations === undefined ? {} : { annotations }) },
  spec: {
    selector: { matchLabels: { app: "nginx" } },
    template: {
      metadata: { labels: { app: "nginx" } },
      spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] },
    },
  },
});

describe("create", () => {
  it("stamps uid, creationTimestamp and the next cluster-wide resourceVersion", async () => {
    const { store } = makeStore();
    expect(store.resourceVersion).toBe("4");
    const pod = await store.create(makePod("web"));
    expect(pod.metadata).toEqual({
      name: "web",
      namespace: "default",
      creationTimestamp: "2026-11-29T19:21:30Z",
      uid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      resourceVersion: "5",
    });
    const node = await store.create(makeNode("node-1"));
    expect(node.metadata?.resourceVersion).toBe("6");
    expect(store.resourceVersion).toBe("6");
  });

  it("gives the same uids and generated names for the same seed and calls", async () => {
    const run = async () => {
      const { store } = makeStore({ seed: "demo" });
      const first = await store.create<Pod>({ ...makePod(""), metadata: { generateName: "web-" } });
      const second = await store.create<Pod>({ ...makePod(""), metadata: { generateName: "web-" } });
      return [first.metadata?.name, first.metadata?.uid, second.metadata?.name, second.metadata?.uid];
    };
    const [a, b] = [await run(), await run()];
    expect(a).toEqual(b);
    expect(a[0]).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(a[0]).not.toBe(a[2]);
  });

  it("defaults the object and applies the create strategy (DaemonSet generation 1 and template generation)", async () => {
    const { store } = makeStore();
    const created = await store.create(daemonSet());
    expect(created.metadata?.generation).toBe(1);
    expect(created.metadata?.annotations).toEqual({ "deprecated.daemonset.template.generation": "1" });
    expect(created.spec?.updateStrategy).toEqual({
      type: "RollingUpdate",
      rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
    });
    expect(created.status).toEqual({
      currentNumberScheduled: 0,
      numberMisscheduled: 0,
      desiredNumberScheduled: 0,
      numberReady: 0,
    });
  });

  it("wipes the system fields a client sends and drops managedFields that do not decode", async () => {
    const { store } = makeStore();
    const pod = makePod("web");
    pod.metadata = {
      ...pod.metadata,
      uid: "client-uid",
      creationTimestamp: "2000-01-01T00:00:00Z",
      deletionTimestamp: "2000-01-01T00:00:00Z",
      deletionGracePeriodSeconds: 5,
      managedFields: [{ manager: "kubectl" }],
    };
    const created = await store.create(pod);
    expect(created.metadata?.uid).not.toBe("client-uid");
    expect(created.metadata?.creationTimestamp).toBe("2026-11-29T19:21:30Z");
    expect(created.metadata).not.toHaveProperty("deletionTimestamp");
    expect(created.metadata).not.toHaveProperty("deletionGracePeriodSeconds");
    expect(created.metadata).not.toHaveProperty("managedFields");
  });

  it("fills in an empty apiVersion and puts apiVersion and kind first", async () => {
    const { store } = makeStore();
    const created = await store.create({ metadata: { name: "node-1" }, kind: "Node", apiVersion: "" });
    expect(Object.keys(created).slice(0, 3)).toEqual(["apiVersion", "kind", "metadata"]);
    expect(created.apiVersion).toBe("v1");
  });

  it("places a namespaced object without namespace in default and clears the namespace of a cluster-scoped one", async () => {
    const { store } = makeStore();
    expect((await store.create(makePod("web"))).metadata?.namespace).toBe("default");
    const node = await store.create({
      ...makeNode("node-1"),
      metadata: { name: "node-1", namespace: "default" },
    });
    expect(node.metadata).not.toHaveProperty("namespace");
  });

  it.each([
    { taken: 1, result: "the second name drawn" },
    { taken: 7, result: "the eighth name drawn" },
  ])("draws a new name when a generated name is taken ($taken taken: $result)", async ({ taken }) => {
    const generated = () => ({ ...makePod(""), metadata: { generateName: "web-" } });
    const { store } = makeStore();
    const base = store.snapshot();
    // A restored store with the same seed draws the same sequence of uids and names.
    const probe = restoreMemoryStore(base, { clock: new VirtualClock(startTime), seed: 1 });
    const names: string[] = [];
    for (let index = 0; index < 8; index++)
      names.push((await probe.create<Pod>(generated())).metadata?.name ?? "");
    const occupied = names
      .slice(0, taken)
      .map((name) => ({ ...makePod(name), metadata: { name, namespace: "default", resourceVersion: "4" } }));
    const crowded = restoreMemoryStore(
      { resourceVersion: base.resourceVersion, objects: [...base.objects, ...occupied] },
      { clock: new VirtualClock(startTime), seed: 1 },
    );
    expect((await crowded.create<Pod>(generated())).metadata?.name).toBe(names[taken]);
  });

  it("gives up after 8 generated names are taken, as upstream", async () => {
    const generated = () => ({ ...makePod(""), metadata: { generateName: "web-" } });
    const { store } = makeStore();
    const base = store.snapshot();
    const probe = restoreMemoryStore(base, { clock: new VirtualClock(startTime), seed: 1 });
    const names: string[] = [];
    for (let index = 0; index < 8; index++)
      names.push((await probe.create<Pod>(generated())).metadata?.name ?? "");
    const occupied = names.map((name) => ({
      ...makePod(name),
      metadata: { name, namespace: "default", resourceVersion: "4" },
    }));
    const crowded = restoreMemoryStore(
      { resourceVersion: base.resourceVersion, objects: [...base.objects, ...occupied] },
      { clock: new VirtualClock(startTime), seed: 1 },
    );
    const error = await rejection(crowded.create<Pod>(generated()));
    expect({ reason: error.status.reason, code: error.code, message: error.message }).toEqual({
      reason: "AlreadyExists",
      code: 409,
      message: `pods "${names[7]}" already exists, the server was not able to generate a unique name for the object`,
    });
  });

  it("sets the namespace name label of a generated namespace name", async () => {
    const { store } = makeStore();
    const namespace = await store.create<Namespace>({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { generateName: "team-" },
    });
    expect(namespace.metadata?.labels).toEqual({ "kubernetes.io/metadata.name": namespace.metadata?.name });
    expect(namespace.spec?.finalizers).toEqual(["kubernetes"]);
    expect(namespace.status).toEqual({ phase: "Active" });
  });

  it("returns a copy: changing it does not change the store", async () => {
    const { store } = makeStore();
    const created = await store.create(makePod("web"));
    (created.metadata as { labels?: Record<string, string> }).labels = { changed: "yes" };
    const stored = await store.get("Pod", "web");
    expect(stored.metadata?.labels).toBeUndefined();
  });

  it("keeps __proto__ keys as plain data and never touches Object.prototype", async () => {
    const { store } = makeStore();
    const pod = JSON.parse(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"name":"a","image":"b"}],"__proto__":{"polluted":true}}}',
    ) as Pod;
    const created = await store.create(pod);
    expect(Object.hasOwn(created.spec ?? {}, "__proto__")).toBe(true);
    expect((created.spec as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(created.spec)).toBe(Object.prototype);
  });

  it("creates a Service on update when it does not exist (upstream's AllowCreateOnUpdate)", async () => {
    const { store } = makeStore();
    const service: Service = {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web", resourceVersion: "99" },
      spec: { ports: [{ port: 80 }] },
    };
    const created = await store.update(service);
    expect(created.metadata?.resourceVersion).toBe("5");
  });
});

interface FailureCase {
  readonly name: string;
  readonly object: unknown;
  readonly setup?: "existing" | "terminating" | "deleting";
  readonly reason: string;
  readonly code: number;
  readonly message: string;
}

const failures: FailureCase[] = [
  {
    name: "an existing name is AlreadyExists",
    setup: "existing",
    object: makePod("web"),
    reason: "AlreadyExists",
    code: 409,
    message: 'pods "web" already exists',
  },
  {
    name: "an existing name whose object is being deleted says so",
    setup: "deleting",
    object: makePod("web"),
    reason: "AlreadyExists",
    code: 409,
    message: 'object is being deleted: pods "web" already exists',
  },
  {
    name: "a missing namespace is NotFound",
    object: makePod("web", { namespace: "nosuchns" }),
    reason: "NotFound",
    code: 404,
    message: 'namespaces "nosuchns" not found',
  },
  {
    name: "a terminating namespace refuses new objects",
    setup: "terminating",
    object: makePod("web", { namespace: "team" }),
    reason: "Forbidden",
    code: 403,
    message:
      'pods "web" is forbidden: unable to create new content in namespace team because it is being terminated',
  },
  {
    name: "a terminating namespace names a generated object by its prefix",
    setup: "terminating",
    object: { ...makePod(""), metadata: { generateName: "web-", namespace: "team" } },
    reason: "Forbidden",
    code: 403,
    message:
      'pods "web-" is forbidden: unable to create new content in namespace team because it is being terminated',
  },
  {
    name: "a resourceVersion on a new object is refused as upstream's storage does",
    object: { ...makePod("web"), metadata: { name: "web", resourceVersion: "12" } },
    reason: "",
    code: 500,
    message: "resourceVersion should not be set on objects to be created",
  },
  {
    name: "an unknown kind is the API server's 404 for an unknown resource",
    object: { apiVersion: "example.com/v1", kind: "Foo", metadata: { name: "x" } },
    reason: "NotFound",
    code: 404,
    message: "the server could not find the requested resource",
  },
  {
    name: "an object without kind is a BadRequest quoting the body",
    object: { apiVersion: "v1", metadata: { name: "x" } },
    reason: "BadRequest",
    code: 400,
    message: `Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"}}'`,
  },
  {
    name: "an apiVersion the kind is not served at is a BadRequest",
    object: { ...makePod("web"), apiVersion: "apps/v1" },
    reason: "BadRequest",
    code: 400,
    message: "the API version in the data (apps/v1) does not match the expected API version (v1)",
  },
  {
    name: "metadata that is not an object fails to decode",
    object: { apiVersion: "v1", kind: "Pod", metadata: "web" },
    reason: "BadRequest",
    code: 400,
    message:
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field Pod.metadata of type v1.ObjectMeta',
  },
  {
    name: "a label that is not a string fails to decode",
    object: { ...makePod("web"), metadata: { name: "web", labels: { tier: 3 } } },
    reason: "BadRequest",
    code: 400,
    message:
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Pod.metadata.labels of type string',
  },
  {
    name: "a DaemonSet template generation that is not an integer fails to decode",
    object: daemonSet({ "deprecated.daemonset.template.generation": "abc" }),
    reason: "BadRequest",
    code: 400,
    message:
      'DaemonSet in version "v1" cannot be handled as a DaemonSet: strconv.ParseInt: parsing "abc": invalid syntax',
  },
  {
    name: "an object without name or generateName is Invalid",
    object: { apiVersion: "v1", kind: "Node", metadata: {} },
    reason: "Invalid",
    code: 422,
    message: 'Node "" is invalid: metadata.name: Required value: name or generateName is required',
  },
  {
    name: "a selector that does not match the template labels is Invalid",
    object: { ...daemonSet(), spec: { ...daemonSet().spec, selector: { matchLabels: { app: "other" } } } },
    reason: "Invalid",
    code: 422,
    message:
      'DaemonSet.apps "nginx" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`',
  },
  {
    name: "a value that is not an object is a BadRequest",
    object: "pod",
    reason: "BadRequest",
    code: 400,
    message: "the object must be a JSON object, got string",
  },
  {
    name: "null instead of an object is a BadRequest that says null",
    object: null,
    reason: "BadRequest",
    code: 400,
    message: "the object must be a JSON object, got null",
  },
];

describe("create failures", () => {
  it.each(failures)("$name", async ({ object, setup, reason, code, message }) => {
    const { store } = makeStore();
    if (setup === "existing") await store.create(makePod("web"));
    if (setup === "deleting") {
      await store.create({ ...makePod("web"), metadata: { name: "web", finalizers: ["example.com/hold"] } });
      await store.delete("Pod", "web");
    }
    if (setup === "terminating") {
      await store.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "team" } });
      await store.delete("Namespace", "team");
    }
    const revision = store.resourceVersion;
    const error = await rejection(store.create(object as KubeObject));
    expect({ reason: error.status.reason, code: error.status.code, message: error.message }).toEqual({
      reason,
      code,
      message,
    });
    expect(store.resourceVersion).toBe(revision);
  });

  it("reports the terminating namespace as a status cause", async () => {
    const { store } = makeStore();
    await store.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "team" } });
    await store.delete("Namespace", "team");
    const error = await rejection(store.create(makePod("web", { namespace: "team" })));
    expect(error.status.details?.causes).toEqual([
      {
        reason: "NamespaceTerminating",
        message: "namespace team is being terminated",
        field: "metadata.namespace",
      },
    ]);
  });

  it("rejects an object nested deeper than the store accepts", async () => {
    const { store } = makeStore();
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let level = 0; level < 1500; level++) {
      const next: Record<string, unknown> = {};
      deep.x = next;
      deep = next;
    }
    const error = await rejection(store.create({ ...makePod("web"), spec: root } as unknown as Pod));
    expect(error.message).toBe("the object is nested more than 1000 levels deep");
  });
});
