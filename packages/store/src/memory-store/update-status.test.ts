import type { DaemonSet, KubeObject } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { makeNode, makePod, makeStore, rejection } from "./test-fixtures.js";

const daemonSet: DaemonSet = {
  apiVersion: "apps/v1",
  kind: "DaemonSet",
  metadata: { name: "nginx" },
  spec: {
    selector: { matchLabels: { app: "nginx" } },
    template: {
      metadata: { labels: { app: "nginx" } },
      spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] },
    },
  },
};

describe("updateStatus", () => {
  it("changes only the status: spec and metadata changes are ignored and the generation stays", async () => {
    const { store } = makeStore();
    const created = await store.create(daemonSet);
    const sent: DaemonSet = {
      ...structuredClone(created),
      status: {
        currentNumberScheduled: 2,
        numberMisscheduled: 0,
        desiredNumberScheduled: 2,
        numberReady: 1,
        observedGeneration: 1,
      },
    };
    if (sent.spec) sent.spec.minReadySeconds = 30;
    if (sent.metadata) sent.metadata.labels = { ignored: "yes" };
    const updated = await store.updateStatus(sent);
    expect(updated.status?.numberReady).toBe(1);
    expect(updated.spec?.minReadySeconds).toBeUndefined();
    expect(updated.metadata?.labels).toBeUndefined();
    expect(updated.metadata?.generation).toBe(1);
    expect(updated.metadata?.resourceVersion).toBe("6");
  });

  it("backfills a pod's qosClass the status writer dropped", async () => {
    const { store } = makeStore();
    const pod = await store.create(makePod("web"));
    const updated = await store.updateStatus({ ...pod, status: { phase: "Running" } });
    expect(updated.status).toEqual({ phase: "Running", qosClass: "BestEffort" });
  });

  it("refuses a stale resourceVersion like update does", async () => {
    const { store } = makeStore();
    const node = await store.create(makeNode("node-1"));
    await store.updateStatus({ ...node, status: { phase: "Running" } });
    const error = await rejection(store.updateStatus({ ...node, status: { phase: "Pending" } }));
    expect(error.message).toBe(
      'Operation cannot be fulfilled on nodes "node-1": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it.each<{ name: string; object: (stored: DaemonSet) => KubeObject; message: string }>([
    {
      name: "a negative DaemonSet counter is Invalid",
      object: (stored) => ({ ...stored, status: { ...stored.status, numberReady: -1 } }),
      message:
        'DaemonSet.apps "nginx" is invalid: status.numberReady: Invalid value: -1: must be greater than or equal to 0',
    },
    {
      name: "a kind without a status subresource is an unknown resource",
      object: () => ({ apiVersion: "v1", kind: "Event", metadata: { name: "e" } }),
      message: "the server could not find the requested resource",
    },
    {
      name: "a missing object is NotFound",
      object: () => ({ ...daemonSet, metadata: { name: "other" } }),
      message: 'daemonsets.apps "other" not found',
    },
  ])("$name", async ({ object, message }) => {
    const { store } = makeStore();
    const created = await store.create(daemonSet);
    const error = await rejection(store.updateStatus(object(created)));
    expect(error.message).toBe(message);
  });

  it("refuses a namespace phase that does not agree with deletionTimestamp", async () => {
    const { store } = makeStore();
    const namespace = await store.get("Namespace", "default");
    const error = await rejection(store.updateStatus({ ...namespace, status: { phase: "Terminating" } }));
    expect(error.message).toBe(
      'Namespace "default" is invalid: status.Phase: Invalid value: "Terminating": may only be \'Active\' if `deletionTimestamp` is empty',
    );
  });
});
