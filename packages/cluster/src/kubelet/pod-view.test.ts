import type { Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { kubeletPodView } from "./pod-view.js";

describe("kubeletPodView", () => {
  it.each([
    {
      name: "A running pod keeps identity, grace period, phase and hostIP, and nothing else.",
      pod: {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "web", namespace: "default", uid: "u-1", labels: { app: "web" } },
        spec: { terminationGracePeriodSeconds: 30, containers: [{ name: "app", image: "nginx" }] },
        status: { phase: "Running", hostIP: "172.18.0.2", podIP: "10.244.0.2" },
      } satisfies Pod,
      expected: {
        metadata: { name: "web", namespace: "default", uid: "u-1" },
        spec: { terminationGracePeriodSeconds: 30 },
        status: { phase: "Running", hostIP: "172.18.0.2" },
      },
    },
    {
      name: "A terminating host-network mirror pod keeps its deletion, host networking and mirror hash.",
      pod: {
        metadata: {
          name: "etcd-cp",
          namespace: "kube-system",
          uid: "u-2",
          deletionTimestamp: "2026-01-01T00:00:30Z",
          deletionGracePeriodSeconds: 30,
          annotations: { "kubernetes.io/config.mirror": "abc", "kubernetes.io/config.seen": "t" },
        },
        spec: { hostNetwork: true, containers: [] },
      } satisfies Pod,
      expected: {
        metadata: {
          name: "etcd-cp",
          namespace: "kube-system",
          uid: "u-2",
          deletionTimestamp: "2026-01-01T00:00:30Z",
          deletionGracePeriodSeconds: 30,
          annotations: { "kubernetes.io/config.mirror": "abc" },
        },
        spec: { hostNetwork: true },
        status: {},
      },
    },
    {
      name: "A pod without metadata, spec or status gives empty parts.",
      pod: {} satisfies Pod,
      expected: { metadata: {}, spec: {}, status: {} },
    },
  ])("$name", ({ pod, expected }) => {
    expect(kubeletPodView(pod)).toStrictEqual(expected);
  });
});
