import { describe, expect, it } from "vitest";

import { podPlacements, runScenario, schedulingModes } from "./run-scenario.js";

describe.each(schedulingModes)(
  "kubeadm static pods with daemonSetScheduling $scheduling",
  ({ scheduling }) => {
    it("shows the control-plane mirror pods and recreates one deleted through the API", async () => {
      await runScenario({ seed: 1, nodes: 2, daemonSetScheduling: scheduling }, async (cluster) => {
        const before = await podPlacements(cluster, "tier=control-plane", "kube-system");
        expect(before.map((pod) => `${pod.name} ${pod.node} ${pod.phase}`)).toEqual([
          "etcd-control-plane control-plane Running",
          "kube-apiserver-control-plane control-plane Running",
          "kube-controller-manager-control-plane control-plane Running",
          "kube-scheduler-control-plane control-plane Running",
        ]);
        const mirror = await cluster.client.get("Pod", "etcd-control-plane", { namespace: "kube-system" });
        expect(Object.keys(mirror.metadata?.annotations ?? {})).toContain("kubernetes.io/config.mirror");

        await cluster.client.delete("Pod", "etcd-control-plane", { namespace: "kube-system" });
        await cluster.settle();
        const after = await podPlacements(cluster, "tier=control-plane", "kube-system");
        expect(after.map((pod) => `${pod.name} ${pod.node} ${pod.phase}`)).toEqual(
          before.map((pod) => `${pod.name} ${pod.node} ${pod.phase}`),
        );
        expect(after[0]?.uid).not.toBe(before[0]?.uid);
        expect(after.slice(1).map((pod) => pod.uid)).toEqual(before.slice(1).map((pod) => pod.uid));
      });
    });
  },
);
