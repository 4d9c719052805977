import { describe, expect, it } from "vitest";
import type { Pod } from "../types/index.js";
import { podQosClass } from "./pod-qos.js";

type Resources = { requests?: Record<string, unknown>; limits?: Record<string, unknown> };

function podWith(containers: Resources[], initContainers: Resources[] = []): Pod {
  const toContainer = (resources: Resources, index: number) => ({
    name: `c${index}`,
    image: "app",
    resources,
  });
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p" },
    spec: { containers: containers.map(toContainer), initContainers: initContainers.map(toContainer) },
  } as Pod;
}

const full = { cpu: "1", memory: "1Gi" };

describe("podQosClass", () => {
  it.each([
    { name: "A pod without requests or limits is BestEffort.", pod: podWith([{}]), expected: "BestEffort" },
    {
      name: "A pod with equal cpu and memory requests and limits is Guaranteed.",
      pod: podWith([{ requests: full, limits: full }]),
      expected: "Guaranteed",
    },
    {
      name: "Equal amounts written differently still match (1000m and 1).",
      pod: podWith([{ requests: { cpu: "1000m", memory: "1024Mi" }, limits: full }]),
      expected: "Guaranteed",
    },
    {
      name: "Limits alone do not make a pod Guaranteed before defaulting copies them to requests.",
      pod: podWith([{ limits: full }]),
      expected: "Burstable",
    },
    {
      name: "Requests below limits make a pod Burstable.",
      pod: podWith([{ requests: { cpu: "500m", memory: "1Gi" }, limits: full }]),
      expected: "Burstable",
    },
    {
      name: "A cpu limit without a memory limit makes a pod Burstable.",
      pod: podWith([{ requests: { cpu: "1" }, limits: { cpu: "1" } }]),
      expected: "Burstable",
    },
    {
      name: "Only requests make a pod Burstable.",
      pod: podWith([{ requests: { memory: "64Mi" } }]),
      expected: "Burstable",
    },
    {
      name: "Zero requests and limits count as none, so the pod is BestEffort.",
      pod: podWith([{ requests: { cpu: "0" }, limits: { memory: 0 } }]),
      expected: "BestEffort",
    },
    {
      name: "Resources other than cpu and memory are ignored.",
      pod: podWith([{ requests: { "nvidia.com/gpu": "1", "ephemeral-storage": "1Gi" } }]),
      expected: "BestEffort",
    },
    {
      name: "An init container without limits makes an otherwise Guaranteed pod Burstable.",
      pod: podWith([{ requests: full, limits: full }], [{ requests: { cpu: "100m" } }]),
      expected: "Burstable",
    },
    {
      name: "Init containers with equal requests and limits keep the pod Guaranteed.",
      pod: podWith([{ requests: full, limits: full }], [{ requests: full, limits: full }]),
      expected: "Guaranteed",
    },
    {
      name: "Sums are compared across containers, as upstream does.",
      pod: podWith([
        { requests: { cpu: "2", memory: "1Gi" }, limits: full },
        { requests: { cpu: "0.5", memory: "1Gi" }, limits: { cpu: "1.5", memory: "1Gi" } },
      ]),
      expected: "Guaranteed",
    },
    {
      name: "A quantity that does not parse is treated as absent.",
      pod: podWith([{ requests: { cpu: "lots", memory: "1Gi" }, limits: full }]),
      expected: "Burstable",
    },
    {
      name: "A pod with only an unparseable request is BestEffort.",
      pod: podWith([{ requests: { cpu: "lots" } }]),
      expected: "BestEffort",
    },
  ])("$name", ({ pod, expected }) => {
    expect(podQosClass(pod)).toBe(expected);
  });

  it("returns a valid class already stored in the status, as upstream reads it first", () => {
    const pod = { ...podWith([{}]), status: { qosClass: "Guaranteed" } } as Pod;
    expect(podQosClass(pod)).toBe("Guaranteed");
  });

  it("ignores an invalid stored class and computes the class instead", () => {
    const pod = { ...podWith([{}]), status: { qosClass: "Platinum" } } as Pod;
    expect(podQosClass(pod)).toBe("BestEffort");
  });

  it.each([
    { name: "A pod without a spec is BestEffort.", pod: { kind: "Pod" } },
    {
      name: "A pod whose containers are not a list is BestEffort.",
      pod: { kind: "Pod", spec: { containers: "x" } },
    },
    {
      name: "A pod whose resources are not objects is BestEffort.",
      pod: { kind: "Pod", spec: { containers: [{ resources: 5 }, null] } },
    },
  ])("$name", ({ pod }) => {
    expect(podQosClass(pod as Pod)).toBe("BestEffort");
  });
});
