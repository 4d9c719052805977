import type { KubeObject } from "@kubesim/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestKubesim, type TestKubesim } from "../simulator/test-kubesim.js";
import { openClusterSession } from "./cluster-session.js";

const start = "2026-03-01T00:00:00Z";
const startMs = Date.parse(start);

function withoutResourceVersions(objects: readonly KubeObject[]): unknown[] {
  return objects.map((object) => {
    const { resourceVersion: _resourceVersion, ...metadata } = object.metadata ?? {};
    return { ...object, metadata };
  });
}

async function podPhases(kubesim: TestKubesim, now: number, node: string): Promise<string[]> {
  const session = await openClusterSession({ home: kubesim.home, name: "kubesim", now });
  try {
    const pods = (await session.cluster.client.list("Pod")).items.filter(
      (pod) => pod.spec?.nodeName === node,
    );
    await session.save();
    return pods.map((pod) => `${pod.metadata?.name ?? ""}=${pod.status?.phase ?? ""}`);
  } finally {
    session.close();
  }
}

describe("openClusterSession", () => {
  let kubesim: TestKubesim;
  beforeEach(async () => {
    kubesim = createTestKubesim(start);
    expect(await kubesim.run(["cluster", "create"])).toEqual({
      code: 0,
      stdout: "cluster/kubesim created\n",
      stderr: "",
    });
  });
  afterEach(() => {
    kubesim.cleanup();
  });

  it("Restores the objects, time and kubelet settings a command saved", async () => {
    const first = await openClusterSession({ home: kubesim.home, name: "kubesim", now: startMs });
    await first.cluster.addNode("node-3", { labels: { disktype: "ssd" } });
    first.cluster.setNodeReady("node-1", false);
    await first.save();
    const savedObjects = first.cluster.snapshot().objects;
    const savedKubelets = first.cluster.kubeletSettings();
    const savedTime = first.cluster.clock.now();
    first.close();

    const second = await openClusterSession({ home: kubesim.home, name: "kubesim", now: startMs });
    try {
      expect(second.settings).toEqual({
        seed: 1,
        daemonSetScheduling: "scheduler",
        createdAt: startMs - 140_000,
      });
      expect(second.cluster.clock.now()).toBe(savedTime);
      expect(second.cluster.kubeletSettings()).toEqual(savedKubelets);
      expect(savedKubelets["node-1"]?.ready).toBe(false);
      expect(withoutResourceVersions(second.cluster.snapshot().objects)).toEqual(
        withoutResourceVersions(savedObjects),
      );
    } finally {
      second.close();
    }
  });

  it("Keeps nothing of a session that was closed without saving", async () => {
    const session = await openClusterSession({ home: kubesim.home, name: "kubesim", now: startMs });
    await session.cluster.addNode("node-3");
    session.close();
    const reopened = await openClusterSession({ home: kubesim.home, name: "kubesim", now: startMs });
    try {
      const names = (await reopened.cluster.client.list("Node")).items.map((node) => node.metadata?.name);
      expect(names).toEqual(["control-plane", "node-1", "node-2"]);
    } finally {
      reopened.close();
    }
  });

  it("Catches the clock up to now: pods that were starting are Running once their start-up time has passed", async () => {
    expect(await kubesim.run(["node", "add", "node-3"])).toEqual({
      code: 0,
      stdout: "node/node-3 added\n",
      stderr: "",
    });
    expect(await podPhases(kubesim, startMs, "node-3")).toEqual([
      "kube-flannel-ds-bm7rc=Pending",
      "kube-proxy-tlwpx=Pending",
    ]);
    expect(await podPhases(kubesim, startMs + 5_000, "node-3")).toEqual([
      "kube-flannel-ds-bm7rc=Running",
      "kube-proxy-tlwpx=Running",
    ]);
  });

  // A restored kubelet resumes a starting pod's start-up from status.startTime.
  it("catches up pods that are starting even when commands run one second apart", async () => {
    expect(await kubesim.run(["node", "add", "node-3"])).toEqual({
      code: 0,
      stdout: "node/node-3 added\n",
      stderr: "",
    });
    for (const seconds of [1, 2]) await podPhases(kubesim, startMs + seconds * 1_000, "node-3");
    expect(await podPhases(kubesim, startMs + 3_000, "node-3")).toEqual([
      "kube-flannel-ds-bm7rc=Running",
      "kube-proxy-tlwpx=Running",
    ]);
  });

  it("Jumps over a long absence and simulates only its last ten minutes", async () => {
    const weekLater = startMs + 7 * 24 * 3_600_000;
    const session = await openClusterSession({ home: kubesim.home, name: "kubesim", now: weekLater });
    try {
      expect(session.cluster.clock.now()).toBe(weekLater);
    } finally {
      session.close();
    }
  });

  it("Never moves the clock back when the wall clock is behind the saved time", async () => {
    const session = await openClusterSession({
      home: kubesim.home,
      name: "kubesim",
      now: startMs - 3_600_000,
    });
    try {
      expect(session.cluster.clock.now()).toBe(startMs);
    } finally {
      session.close();
    }
  });
});
