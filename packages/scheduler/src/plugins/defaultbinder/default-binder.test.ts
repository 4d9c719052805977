import { type ApiClient, type Binding, KubesimError, type Pod, VirtualClock } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { evaluatePlugin } from "../../evaluate-plugin/index.js";
import { CycleState } from "../../framework/cycle-state.js";
import { createNodeInfoLister } from "../../framework/node-info.js";
import type { BindPlugin } from "../../framework/plugin.js";
import { defaultFeatures, type Handle } from "../../framework/types.js";
import type { BinderHandle } from "./binder-handle.js";
import { defaultBinderDefinition } from "./default-binder.js";

const testPod: Pod = { metadata: { name: "foo", namespace: "ns" }, spec: { containers: [] } };
const testNode = "foohost.kubernetes.mydomain.com";

// A fake client that records bindings; every other method is unused by the binder.
function fakeClient(injectedError?: Error): { client: ApiClient; bindings: Binding[] } {
  const bindings: Binding[] = [];
  const client = {
    bind: async (binding: Binding) => {
      if (injectedError !== undefined) throw injectedError;
      bindings.push(binding);
    },
  } as Partial<ApiClient> as ApiClient;
  return { client, bindings };
}

const baseHandle: Handle = {
  snapshotSharedLister: () => createNodeInfoLister([]),
  clock: new VirtualClock(0),
};

function binder(handle: Handle): BindPlugin {
  return defaultBinderDefinition.factory(undefined, handle, defaultFeatures) as BindPlugin;
}

// Upstream's TestDefaultBinder.
const cases = [
  {
    name: "a successful bind posts the pod's binding to the node",
    injectedError: undefined,
    wantStatus: undefined,
    wantBindings: [
      {
        apiVersion: "v1",
        kind: "Binding",
        metadata: { namespace: "ns", name: "foo" },
        target: { kind: "Node", name: testNode },
      },
    ],
  },
  {
    name: "a binding error becomes an Error status",
    injectedError: new Error("binding error"),
    wantStatus: { code: 1, reasons: ["binding error"] },
    wantBindings: [],
  },
];

describe("DefaultBinder", () => {
  it.each(cases)("$name", async ({ injectedError, wantStatus, wantBindings }) => {
    const { client, bindings } = fakeClient(injectedError);
    const handle: BinderHandle = { ...baseHandle, client };
    const status = await binder(handle).bind(new CycleState(), testPod, testNode);
    expect(status === undefined ? undefined : { code: status.code, reasons: status.reasons }).toEqual(
      wantStatus,
    );
    expect(bindings).toEqual(wantBindings);
  });

  it("binds with the pod's uid when it has one", async () => {
    const { client, bindings } = fakeClient();
    const pod: Pod = { metadata: { name: "foo", namespace: "ns", uid: "uid-1" } };
    await binder({ ...baseHandle, client } as BinderHandle).bind(new CycleState(), pod, "node-1");
    expect(bindings[0]?.metadata).toEqual({ namespace: "ns", name: "foo", uid: "uid-1" });
  });

  it("takes the client of a scheduler runtime handle", async () => {
    const { client, bindings } = fakeClient();
    const handle = { ...baseHandle, scheduler: { client } } as Handle;
    await binder(handle).bind(new CycleState(), testPod, "node-1");
    expect(bindings.map((binding) => binding.target.name)).toEqual(["node-1"]);
  });

  it("refuses to build without a client", () => {
    expect(() => binder(baseHandle)).toThrow(KubesimError);
    expect(() => binder(baseHandle)).toThrow(
      "DefaultBinder needs a handle with an ApiClient (`client`) to bind pods; this handle has none",
    );
  });

  it("cannot be evaluated without a cluster", () => {
    expect(() => evaluatePlugin("DefaultBinder", { pod: testPod, nodes: [] })).toThrow(
      "DefaultBinder needs a handle with an ApiClient",
    );
  });
});
