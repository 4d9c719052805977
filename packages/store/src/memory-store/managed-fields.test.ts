import type { DaemonSet } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { createMemoryStore } from "./create-memory-store.js";
import { makeNode, makePod, makeStore, rejection } from "./test-fixtures.js";

function daemonSet(image: string, labels: Record<string, string> = { app: "nginx" }): DaemonSet {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { labels, name: "nginx", namespace: "default" },
    spec: {
      selector: { matchLabels: { app: "nginx" } },
      template: {
        metadata: { labels: { app: "nginx" } },
        spec: { containers: [{ image, name: "nginx", ports: [{ containerPort: 80 }] }] },
      },
    },
  };
}

/** The value at a path of nested JSON objects. */
function dig(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = (current as Record<string, unknown> | undefined)?.[key];
  return current;
}

const apply = { type: "apply", fieldManager: "kubectl", force: false, namespace: "default" } as const;

/** The Apply entry transcript 26c shows (upstream keys container ports by containerPort and protocol). */
const appliedFields = {
  "f:metadata": { "f:labels": { "f:app": {} } },
  "f:spec": {
    "f:selector": {},
    "f:template": {
      "f:metadata": { "f:labels": { "f:app": {} } },
      "f:spec": {
        "f:containers": {
          'k:{"name":"nginx"}': {
            ".": {},
            "f:image": {},
            "f:name": {},
            "f:ports": { 'k:{"containerPort":80,"protocol":"TCP"}': { ".": {}, "f:containerPort": {} } },
          },
        },
      },
    },
  },
};

const imageConflict = {
  apiVersion: "v1",
  kind: "Status",
  metadata: {},
  status: "Failure",
  message:
    'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.template.spec.containers[name="nginx"].image',
  reason: "Conflict",
  code: 409,
  details: {
    causes: [
      {
        reason: "FieldManagerConflict",
        message: 'conflict with "kubectl-client-side-apply" using apps/v1',
        field: '.spec.template.spec.containers[name="nginx"].image',
      },
    ],
  },
};

describe("server-side apply", () => {
  it("creates a missing object with only the applier's Apply entry (transcripts 25 and 26c)", async () => {
    const { store } = makeStore();
    const outcome = await store.patchWithOutcome("DaemonSet", "nginx", daemonSet("nginx:1.25"), apply);
    expect(outcome.created).toBe(true);
    expect(outcome.object.metadata?.managedFields).toEqual([
      {
        manager: "kubectl",
        operation: "Apply",
        apiVersion: "apps/v1",
        time: "2026-11-29T19:21:30Z",
        fieldsType: "FieldsV1",
        fieldsV1: appliedFields,
      },
    ]);
  });

  it.each`
    name                                                                            | image           | resourceVersionChanges | time                      | generation
    ${"re-applying the same configuration commits nothing and keeps the time (26)"} | ${"nginx:1.25"} | ${false}               | ${"2026-11-29T19:21:30Z"} | ${1}
    ${"re-applying a changed image updates it, the time and the generation (26b)"}  | ${"nginx:1.26"} | ${true}                | ${"2026-11-29T19:21:34Z"} | ${2}
  `("$name", async ({ image, resourceVersionChanges, time, generation }) => {
    const { store, clock } = makeStore();
    const first = await store.patch("DaemonSet", "nginx", daemonSet("nginx:1.25"), apply);
    clock.advance(4000);
    const second = await store.patch("DaemonSet", "nginx", daemonSet(image), apply);
    expect(second.metadata?.resourceVersion !== first.metadata?.resourceVersion).toBe(resourceVersionChanges);
    expect(second.metadata?.generation).toBe(generation);
    expect(second.spec?.template.spec?.containers[0]?.image).toBe(image);
    expect(second.metadata?.managedFields).toEqual([
      expect.objectContaining({ manager: "kubectl", operation: "Apply", time, fieldsV1: appliedFields }),
    ]);
  });

  it("refuses to change a field another manager owns, with upstream's Status, and changes nothing (23)", async () => {
    const { store } = makeStore();
    const created = await store.create(daemonSet("nginx:1.26"), {
      fieldManager: "kubectl-client-side-apply",
    });
    const error = await rejection(store.patch("DaemonSet", "nginx", daemonSet("nginx:1.25"), apply));
    expect(error.status).toEqual(imageConflict);
    const stored = await store.get("DaemonSet", "nginx", { namespace: "default" });
    expect(stored).toEqual(created);
  });

  it("takes a conflicting field over with force, leaving the other manager its remaining fields (24)", async () => {
    const { store } = makeStore();
    await store.create(daemonSet("nginx:1.26"), { fieldManager: "kubectl-client-side-apply" });
    const forced = await store.patch("DaemonSet", "nginx", daemonSet("nginx:1.25"), {
      ...apply,
      force: true,
    });
    expect(forced.spec?.template.spec?.containers[0]?.image).toBe("nginx:1.25");
    const [applier, updater] = forced.metadata?.managedFields ?? [];
    expect(applier).toMatchObject({ manager: "kubectl", operation: "Apply", fieldsV1: appliedFields });
    const container = dig(
      updater?.fieldsV1,
      "f:spec",
      "f:template",
      "f:spec",
      "f:containers",
      'k:{"name":"nginx"}',
    );
    expect(updater).toMatchObject({ manager: "kubectl-client-side-apply", operation: "Update" });
    expect(Object.keys(container as object)).toEqual([
      ".",
      "f:imagePullPolicy",
      "f:name",
      "f:ports",
      "f:resources",
      "f:terminationMessagePath",
      "f:terminationMessagePolicy",
    ]);
  });

  it("lets kubectl take over fields its last-applied annotation still describes without a conflict", async () => {
    const { store } = makeStore();
    const lastApplied = `${JSON.stringify(daemonSet("nginx:1.26"))}\n`;
    const withAnnotation = daemonSet("nginx:1.26");
    withAnnotation.metadata = {
      ...withAnnotation.metadata,
      annotations: { "kubectl.kubernetes.io/last-applied-configuration": lastApplied },
    };
    await store.create(withAnnotation, { fieldManager: "kubectl-client-side-apply" });
    const applied = await store.patch("DaemonSet", "nginx", daemonSet("nginx:1.25"), apply);
    expect(applied.spec?.template.spec?.containers[0]?.image).toBe("nginx:1.25");
    expect(applied.metadata?.annotations?.["kubectl.kubernetes.io/last-applied-configuration"]).toBe(
      '{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"labels":{"app":"nginx"},"name":"nginx","namespace":"default"},"spec":{"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.25","name":"nginx","ports":[{"containerPort":80}]}]}}}}\n',
    );
  });

  it.each`
    name                                                                          | otherOwner | expectedLabels
    ${"removes a field the manager stopped applying when nobody else owns it"}    | ${false}   | ${{ app: "nginx" }}
    ${"keeps a field the manager stopped applying while another manager owns it"} | ${true}    | ${{ app: "nginx", tier: "web" }}
  `("$name", async ({ otherOwner, expectedLabels }) => {
    const { store } = makeStore();
    await store.patch("DaemonSet", "nginx", daemonSet("nginx:1.25", { app: "nginx", tier: "web" }), apply);
    if (otherOwner) {
      await store.patch("DaemonSet", "nginx", daemonSet("nginx:1.25", { tier: "web" }), {
        ...apply,
        fieldManager: "other",
      });
    }
    const result = await store.patch("DaemonSet", "nginx", daemonSet("nginx:1.25"), apply);
    expect(result.metadata?.labels).toEqual(expectedLabels);
  });

  it("attributes an unmanaged object to before-first-apply, so differing values conflict", async () => {
    const { store } = makeStore();
    await store.create(daemonSet("nginx:1.26"));
    const error = await rejection(store.patch("DaemonSet", "nginx", daemonSet("nginx:1.25"), apply));
    expect(error.message).toBe(
      'Apply failed with 1 conflict: conflict with "before-first-apply" using apps/v1: .spec.template.spec.containers[name="nginx"].image',
    );
  });

  it("lists several conflicts per manager as upstream does", async () => {
    const { store } = makeStore();
    await store.create(daemonSet("nginx:1.26", { app: "nginx", tier: "a" }), { fieldManager: "creator" });
    const error = await rejection(
      store.patch("DaemonSet", "nginx", daemonSet("nginx:1.25", { app: "nginx", tier: "b" }), apply),
    );
    expect(error.message).toBe(
      'Apply failed with 2 conflicts: conflicts with "creator" using apps/v1:\n- .metadata.labels.tier\n- .spec.template.spec.containers[name="nginx"].image',
    );
    expect(error.status.details?.causes?.map((cause) => cause.field)).toEqual([
      ".metadata.labels.tier",
      '.spec.template.spec.containers[name="nginx"].image',
    ]);
  });

  it.each`
    name                                          | patch                                                                    | message
    ${"an applied object of another kind"}        | ${{ apiVersion: "v1", kind: "Pod", metadata: { name: "nginx" } }}        | ${"invalid object type: /v1, Kind=Pod"}
    ${"an applied object carrying managedFields"} | ${{ ...daemonSet("x"), metadata: { name: "nginx", managedFields: [] } }} | ${"metadata.managedFields must be nil"}
  `("rejects $name with 400", async ({ patch, message }) => {
    const { store } = makeStore();
    const error = await rejection(store.patch("DaemonSet", "nginx", patch, apply));
    expect([error.code, error.message]).toEqual([400, message]);
  });

  it.each`
    name                                   | json
    ${"a __proto__ key in the spec"}       | ${'{"__proto__":{"polluted":true}}'}
    ${"a constructor key in the template"} | ${'{"template":{"constructor":{"prototype":{"polluted":true}}}}'}
  `("never lets $name of an applied configuration pollute prototypes", async ({ json }) => {
    const { store } = makeStore();
    await store.patch("DaemonSet", "nginx", daemonSet("nginx:1.25"), apply);
    const configuration = daemonSet("nginx:1.25") as unknown as Record<string, Record<string, unknown>>;
    const spec = { ...configuration.spec, ...(JSON.parse(json) as Record<string, unknown>) };
    await store.patch("DaemonSet", "nginx", { ...configuration, spec }, apply).catch(() => undefined);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe("Update entries", () => {
  it("records a create by a manager with everything it set, server-set metadata left out", async () => {
    const { store } = makeStore();
    const created = await store.create(daemonSet("nginx:1.25"), { fieldManager: "kubectl-create" });
    const [entry] = created.metadata?.managedFields ?? [];
    const fields = entry?.fieldsV1;
    expect(entry).toMatchObject({ manager: "kubectl-create", operation: "Update", apiVersion: "apps/v1" });
    expect(dig(fields, "f:metadata")).toEqual({ "f:labels": { ".": {}, "f:app": {} } });
    expect(Object.keys(dig(fields, "f:spec") as object)).toEqual([
      "f:revisionHistoryLimit",
      "f:selector",
      "f:template",
      "f:updateStrategy",
    ]);
    expect(dig(fields, "f:spec", "f:updateStrategy")).toEqual({
      "f:rollingUpdate": { ".": {}, "f:maxSurge": {}, "f:maxUnavailable": {} },
      "f:type": {},
    });
  });

  it("writes without a field manager add no managedFields key and keep existing entries", async () => {
    const { store } = makeStore();
    const pod = await store.create(makePod("web"));
    expect(pod.metadata).not.toHaveProperty("managedFields");
    const managed = await store.create(makeNode("node-1"), { fieldManager: "kubectl-create" });
    const updated = await store.update({ ...managed, metadata: { ...managed.metadata, labels: { a: "b" } } });
    expect(updated.metadata?.managedFields).toEqual(managed.metadata?.managedFields);
  });

  it("moves a changed field to the manager that changed it", async () => {
    const { store, clock } = makeStore();
    await store.create(daemonSet("nginx:1.25"), { fieldManager: "kubectl-create" });
    clock.advance(1000);
    const patched = await store.patch(
      "DaemonSet",
      "nginx",
      { metadata: { labels: { app: "nginx", tier: "web" } } },
      { type: "merge", fieldManager: "kubectl-label", namespace: "default" },
    );
    const entries = patched.metadata?.managedFields ?? [];
    expect(entries.map((entry) => entry.manager)).toEqual(["kubectl-create", "kubectl-label"]);
    expect(entries[1]).toEqual({
      manager: "kubectl-label",
      operation: "Update",
      apiVersion: "apps/v1",
      time: "2026-11-29T19:21:31Z",
      fieldsType: "FieldsV1",
      fieldsV1: { "f:metadata": { "f:labels": { "f:tier": {} } } },
    });
  });

  it("records a status write with subresource status and only status fields", async () => {
    const { store } = makeStore();
    const node = await store.create(makeNode("node-1"), { fieldManager: "kubectl-create" });
    const updated = await store.updateStatus(
      { ...node, status: { capacity: { cpu: "4" } } },
      { fieldManager: "kubelet" },
    );
    expect(updated.metadata?.managedFields?.[1]).toEqual({
      manager: "kubelet",
      operation: "Update",
      apiVersion: "v1",
      time: "2026-11-29T19:21:30Z",
      fieldsType: "FieldsV1",
      fieldsV1: {
        "f:status": { "f:allocatable": { ".": {}, "f:cpu": {} }, "f:capacity": { ".": {}, "f:cpu": {} } },
      },
      subresource: "status",
    });
  });

  it.each`
    name                                                       | value                                                                                                                               | expected
    ${"replaces the table with client-written entries (24)"}   | ${[{ manager: "m", operation: "Apply", apiVersion: "v1", fieldsType: "FieldsV1", fieldsV1: { "f:metadata": { "f:labels": {} } } }]} | ${[{ manager: "m", operation: "Apply", apiVersion: "v1", fieldsType: "FieldsV1", fieldsV1: { "f:metadata": { "f:labels": {} } } }]}
    ${"clears the table for an empty list"}                    | ${[]}                                                                                                                               | ${undefined}
    ${"clears the table for a list of one empty entry"}        | ${[{}]}                                                                                                                             | ${undefined}
    ${"keeps the stored table for entries that do not decode"} | ${[{ manager: "m", operation: "Sideways", apiVersion: "v1", fieldsType: "FieldsV1" }]}                                              | ${"stored"}
  `("a JSON patch of /metadata/managedFields $name", async ({ value, expected }) => {
    const { store } = makeStore();
    const node = await store.create(makeNode("node-1"), { fieldManager: "kubectl-create" });
    const patched = await store.patch(
      "Node",
      "node-1",
      [{ op: "replace", path: "/metadata/managedFields", value }],
      {
        type: "json",
        fieldManager: "kubectl",
      },
    );
    expect(patched.metadata?.managedFields).toEqual(
      expected === "stored" ? node.metadata?.managedFields : expected,
    );
  });

  it.each`
    name                                   | managedFields       | message
    ${"managedFields that are not a list"} | ${"x"}              | ${'Node in version "v1" cannot be handled as a Node: json: cannot unmarshal string into Go struct field Node.metadata.managedFields of type []v1.ManagedFieldsEntry'}
    ${"a manager that is not a string"}    | ${[{ manager: 1 }]} | ${'Node in version "v1" cannot be handled as a Node: json: cannot unmarshal number into Go struct field ManagedFieldsEntry.metadata.managedFields.manager of type string'}
  `("rejects $name with 400", async ({ managedFields, message }) => {
    const { store } = makeStore();
    const error = await rejection(
      store.create({ ...makeNode("node-1"), metadata: { name: "node-1", managedFields } }),
    );
    expect([error.code, error.message]).toEqual([400, message]);
  });

  it("rejects a field manager longer than 128 bytes as upstream does", async () => {
    const { store } = makeStore();
    const error = await rejection(store.create(makeNode("node-1"), { fieldManager: "m".repeat(129) }));
    expect(error.message).toBe(
      'CreateOptions.meta.k8s.io "" is invalid: fieldManager: Too long: may not be more than 128 bytes',
    );
  });

  it("round-trips managedFields through a snapshot", async () => {
    const { store, clock } = makeStore();
    await store.patch("DaemonSet", "nginx", daemonSet("nginx:1.25"), apply);
    const restored = createMemoryStore({ clock, seed: 1, snapshot: store.snapshot() });
    const before = await store.get("DaemonSet", "nginx", { namespace: "default" });
    const after = await restored.get("DaemonSet", "nginx", { namespace: "default" });
    expect(after.metadata?.managedFields).toEqual(before.metadata?.managedFields);
    const again = await restored.patch("DaemonSet", "nginx", daemonSet("nginx:1.25"), apply);
    expect(again.metadata?.resourceVersion).toBe(after.metadata?.resourceVersion);
  });
});

describe("the stored shape of a DaemonSet's pod template", () => {
  type Store = ReturnType<typeof makeStore>["store"];
  const inDefault = { namespace: "default" } as const;
  const imagePatch = {
    spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx:1.26" }] } } },
  };

  it.each([
    {
      name: "a create keeps the template metadata as sent",
      write: (store: Store) => store.create(daemonSet("nginx:1.26"), { fieldManager: "kubectl-create" }),
    },
    {
      name: "an update keeps the template metadata as sent",
      write: async (store: Store) => {
        const created = await store.create(daemonSet("nginx:1.25"), { fieldManager: "kubectl-create" });
        const changed = daemonSet("nginx:1.26");
        return store.update(
          { ...changed, metadata: { ...created.metadata } },
          { fieldManager: "kubectl-replace" },
        );
      },
    },
    {
      name: "a strategic merge patch keeps the template metadata as sent",
      write: async (store: Store) => {
        await store.create(daemonSet("nginx:1.25"), { fieldManager: "kubectl-create" });
        return store.patch("DaemonSet", "nginx", imagePatch, {
          ...inDefault,
          type: "strategic",
          fieldManager: "kubectl-set",
        });
      },
    },
    {
      name: "a server-side apply that creates the object adds no creationTimestamp to the template",
      write: (store: Store) => store.patch("DaemonSet", "nginx", daemonSet("nginx:1.26"), apply),
    },
    {
      name: "a forced server-side apply over a created object adds no creationTimestamp to the template",
      write: async (store: Store) => {
        await store.create(daemonSet("nginx:1.25"), { fieldManager: "kubectl-create" });
        return store.patch("DaemonSet", "nginx", daemonSet("nginx:1.26"), { ...apply, force: true });
      },
    },
  ])("$name", async ({ write }) => {
    const { store } = makeStore();
    const written = (await write(store)) as DaemonSet;
    const reference = await makeStore().store.create(daemonSet("nginx:1.26"));
    expect(written.spec?.template.metadata).toEqual({ labels: { app: "nginx" } });
    expect(written.spec).toEqual(reference.spec);
    expect(await store.get("DaemonSet", "nginx", inDefault)).toEqual(written);
  });
});
