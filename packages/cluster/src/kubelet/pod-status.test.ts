import type { Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { nodeInternalIp, nodePodCidr } from "./node-status.js";
import { buildCreatingPodStatus, buildRunningPodStatus, normalizeImageReference } from "./pod-status.js";

describe("normalizeImageReference", () => {
  it.each([
    {
      name: "A bare name gets docker.io/library and :latest.",
      image: "nginx",
      expected: "docker.io/library/nginx:latest",
    },
    {
      name: "A tagged Docker Hub image gets docker.io/library.",
      image: "nginx:1.25",
      expected: "docker.io/library/nginx:1.25",
    },
    {
      name: "A Docker Hub user image gets docker.io.",
      image: "bitnami/redis:7",
      expected: "docker.io/bitnami/redis:7",
    },
    {
      name: "A registry image is kept.",
      image: "registry.k8s.io/etcd:3.5.16-0",
      expected: "registry.k8s.io/etcd:3.5.16-0",
    },
    {
      name: "A registry with a port and no tag gets :latest.",
      image: "localhost:5000/app",
      expected: "localhost:5000/app:latest",
    },
  ])("$name", ({ image, expected }) => {
    expect(normalizeImageReference(image)).toBe(expected);
  });
});

describe("node addresses", () => {
  it.each([
    {
      name: "Index 0 gets the first kind-style address and 10.244.0.0/24.",
      index: 0,
      ip: "172.18.0.2",
      cidr: "10.244.0.0/24",
    },
    {
      name: "Index 255 continues into the third octet.",
      index: 255,
      ip: "172.18.1.1",
      cidr: "10.244.255.0/24",
    },
    {
      name: "Index 256 moves to the next /16 for pods.",
      index: 256,
      ip: "172.18.1.2",
      cidr: "10.245.0.0/24",
    },
  ])("$name", ({ index, ip, cidr }) => {
    expect([nodeInternalIp(index), nodePodCidr(index)]).toEqual([ip, cidr]);
  });
});

describe("pod status field order", () => {
  const nowMs = Date.parse("2026-01-01T00:00:05Z");
  const pod: Pod = {
    metadata: { name: "web", namespace: "default", uid: "u-1" },
    spec: {
      initContainers: [{ name: "init", image: "busybox" }],
      containers: [{ name: "app", image: "nginx:1.27" }],
    },
    status: {
      qosClass: "BestEffort",
      containerStatuses: [],
      phase: "Pending",
      conditions: [{ type: "PodScheduled", status: "True", lastTransitionTime: "2026-01-01T00:00:01Z" }],
    },
  };

  it.each([
    {
      name: "The creating status keeps the old fields in place and appends the new ones.",
      build: () => buildCreatingPodStatus(pod, "172.18.0.3", nowMs),
      keys: ["qosClass", "containerStatuses", "phase", "conditions", "hostIP", "hostIPs", "startTime"],
    },
    {
      name: "The running status keeps the old fields in place and appends the new ones.",
      build: () => buildRunningPodStatus(pod, "172.18.0.3", "10.244.1.2", nowMs),
      keys: [
        "qosClass",
        "containerStatuses",
        "phase",
        "conditions",
        "hostIP",
        "hostIPs",
        "podIP",
        "podIPs",
        "startTime",
        "initContainerStatuses",
      ],
    },
  ])("$name", ({ build, keys }) => {
    expect(Object.keys(build())).toEqual(keys);
  });

  it("reports the same image and image ID for a repeated image", () => {
    const first = buildRunningPodStatus(pod, "172.18.0.3", "10.244.1.2", nowMs).containerStatuses?.[0];
    const second = buildRunningPodStatus(pod, "172.18.0.3", "10.244.1.3", nowMs).containerStatuses?.[0];
    expect(first?.image).toBe("docker.io/library/nginx:1.27");
    expect(first?.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(second?.imageID).toBe(first?.imageID);
    expect(first?.state).toEqual({ running: { startedAt: "2026-01-01T00:00:05Z" } });
    expect(first?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
  });
});
