import type { Container, Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import {
  computeNonZeroPodRequests,
  computePodRequests,
  createPodInfo,
  defaultMemoryRequest,
  defaultMilliCpuRequest,
  hasRestartableInitContainer,
  podInfoOf,
  sharePodRequests,
  updatedPodInfo,
} from "./pod-requests.js";

function container(name: string, requests?: Record<string, string>, sidecar = false): Container {
  return {
    name,
    image: "busybox",
    ...(requests === undefined ? {} : { resources: { requests } }),
    ...(sidecar ? { restartPolicy: "Always" } : {}),
  };
}

function pod(
  containers: Container[],
  initContainers: Container[] = [],
  overhead?: Record<string, string>,
): Pod {
  return {
    metadata: { name: "p", namespace: "default" },
    spec: { containers, initContainers, ...(overhead === undefined ? {} : { overhead }) },
  };
}

// Tables follow component-helpers resource/helpers_test.go (v0.32.0) TestPodResourceRequests.
const requestCases = [
  {
    name: "a larger init container wins over the regular containers",
    pod: pod([container("c1", { cpu: "1" })], [container("i1", { cpu: "4" })]),
    milliCpu: 4000,
    memory: 0,
  },
  {
    name: "larger regular containers win over an init container",
    pod: pod([container("c1", { cpu: "2" }), container("c2", { cpu: "3" })], [container("i1", { cpu: "2" })]),
    milliCpu: 5000,
    memory: 0,
  },
  {
    name: "pod overhead is added after the init-container maximum",
    pod: pod(
      [container("c1", { cpu: "2" }), container("c2", { cpu: "3" })],
      [container("i1", { cpu: "2" })],
      { cpu: "1", memory: "1Gi" },
    ),
    milliCpu: 6000,
    memory: 1073741824,
  },
  {
    name: "a restartable init container adds to the regular containers",
    pod: pod([container("c1", { cpu: "1" })], [container("r1", { cpu: "1" }, true)]),
    milliCpu: 2000,
    memory: 0,
  },
  {
    name: "several sidecars are summed with the regular containers when that beats the init container",
    pod: pod(
      [container("c1", { cpu: "1" })],
      [
        container("i1", { cpu: "5" }),
        container("r1", { cpu: "1" }, true),
        container("r2", { cpu: "2" }, true),
        container("r3", { cpu: "3" }, true),
      ],
    ),
    milliCpu: 7000,
    memory: 0,
  },
  {
    name: "a plain init container counts the sidecars declared before it but not after it",
    pod: pod(
      [container("c1", { cpu: "1" })],
      [
        container("i1", { cpu: "5" }),
        container("r1", { cpu: "1" }, true),
        container("r2", { cpu: "2" }, true),
        container("i2", { cpu: "5" }),
        container("r3", { cpu: "3" }, true),
      ],
    ),
    milliCpu: 8000,
    memory: 0,
  },
  {
    name: "a sidecar before a large init container is added to that init container",
    pod: pod(
      [container("c1", { cpu: "100" })],
      [container("r1", { cpu: "10" }, true), container("i1", { cpu: "200" })],
    ),
    milliCpu: 210000,
    memory: 0,
  },
  {
    name: "each resource takes its own maximum",
    pod: pod(
      [container("c1", { cpu: "2", memory: "1G" }), container("c2", { cpu: "1", memory: "1G" })],
      [container("i1", { cpu: "2", memory: "1G" }), container("i2", { cpu: "2", memory: "3G" })],
    ),
    milliCpu: 3000,
    memory: 3000000000,
  },
  {
    name: "fractional millicores are summed exactly before rounding up",
    pod: pod([container("c1", { cpu: "0.0005" }), container("c2", { cpu: "0.0005" })]),
    milliCpu: 1,
    memory: 0,
  },
  {
    name: "a pod without containers requests nothing",
    pod: pod([]),
    milliCpu: 0,
    memory: 0,
  },
];

describe("computePodRequests", () => {
  it.each(requestCases)("$name", ({ pod: testPod, milliCpu, memory }) => {
    const requests = computePodRequests(testPod);
    expect(requests.milliCpu).toBe(milliCpu);
    expect(requests.memory).toBe(memory);
  });

  it("treats sidecars as plain init containers when SidecarContainers is disabled", () => {
    const testPod = pod([container("c1", { cpu: "1" })], [container("r1", { cpu: "1" }, true)]);
    expect(computePodRequests(testPod, { enableSidecarContainers: false }).milliCpu).toBe(1000);
  });

  it("converts ephemeral storage, pods and scalar resources with upstream Resource.Add rules", () => {
    const testPod = pod(
      [
        container("c1", {
          "ephemeral-storage": "1Ki",
          "nvidia.com/gpu": "2",
          "hugepages-2Mi": "4Mi",
          "attachable-volumes-aws-ebs": "1",
          "kubernetes.io/something": "3",
          storage: "5Gi",
        }),
      ],
      [container("i1", { "example.com/zero": "0", "nvidia.com/gpu": "3" })],
    );
    const requests = computePodRequests(testPod);
    expect(requests.ephemeralStorage).toBe(1024);
    expect(Object.fromEntries(requests.scalarResources)).toEqual({
      "nvidia.com/gpu": 3,
      "hugepages-2Mi": 4194304,
      "attachable-volumes-aws-ebs": 1,
      "kubernetes.io/something": 3,
      "example.com/zero": 0,
    });
  });

  it("counts an unparsable quantity as zero instead of throwing", () => {
    const testPod = pod([container("c1", { cpu: "lots", memory: "1Ki" }), container("c2", { cpu: "1" })]);
    const requests = computePodRequests(testPod);
    expect(requests.milliCpu).toBe(1000);
    expect(requests.memory).toBe(1024);
  });

  it("ignores manifest keys that would pollute prototypes", () => {
    const requests = JSON.parse('{"__proto__": "5", "cpu": "1"}') as Record<string, string>;
    const result = computePodRequests(pod([container("c1", requests)]));
    expect(result.milliCpu).toBe(1000);
    expect(result.scalarResources.size).toBe(0);
    expect(({} as Record<string, unknown>).cpu).toBeUndefined();
  });
});

const nonZeroCases = [
  {
    name: "a container without requests counts 100m cpu and 200Mi memory",
    pod: pod([container("c1")]),
    milliCpu: defaultMilliCpuRequest,
    memory: defaultMemoryRequest,
  },
  {
    name: "an explicit zero request stays zero",
    pod: pod([container("c1", { cpu: "0", memory: "0" })]),
    milliCpu: 0,
    memory: 0,
  },
  {
    name: "only the resource a container leaves out is defaulted",
    pod: pod([container("c1", { cpu: "250m" })]),
    milliCpu: 250,
    memory: 209715200,
  },
  {
    name: "defaults are applied per container and summed",
    pod: pod([container("c1"), container("c2", { memory: "1Gi" })]),
    milliCpu: 200,
    memory: 209715200 + 1073741824,
  },
  {
    name: "a plain init container without requests is defaulted before taking the maximum",
    pod: pod([container("c1", { cpu: "50m", memory: "10Mi" })], [container("i1")]),
    milliCpu: 100,
    memory: 209715200,
  },
  {
    name: "a defaulted sidecar adds to the regular containers",
    pod: pod([container("c1", { cpu: "50m", memory: "10Mi" })], [container("r1", undefined, true)]),
    milliCpu: 150,
    memory: 10485760 + 209715200,
  },
  {
    name: "overhead is added without defaults",
    pod: pod([container("c1")], [], { cpu: "10m" }),
    milliCpu: 110,
    memory: 209715200,
  },
  {
    name: "a pod without containers requests nothing",
    pod: pod([]),
    milliCpu: 0,
    memory: 0,
  },
];

describe("computeNonZeroPodRequests", () => {
  it.each(nonZeroCases)("$name", ({ pod: testPod, milliCpu, memory }) => {
    const requests = computeNonZeroPodRequests(testPod);
    expect(requests.milliCpu).toBe(milliCpu);
    expect(requests.memory).toBe(memory);
  });
});

describe("createPodInfo", () => {
  it("holds the raw requests and the non-zero cpu and memory of the pod", () => {
    const testPod = pod([container("c1", { "ephemeral-storage": "1k", "example.com/foo": "1" })]);
    const podInfo = createPodInfo(testPod);
    expect(podInfo.pod).toBe(testPod);
    expect(podInfo.requests).toMatchObject({ milliCpu: 0, memory: 0, ephemeralStorage: 1000 });
    expect(podInfo.nonZeroRequests).toMatchObject({
      milliCpu: 100,
      memory: 209715200,
      ephemeralStorage: 1000,
    });
    expect(podInfo.nonZeroRequests.scalarResources.get("example.com/foo")).toBe(1);
  });
});

describe("updatedPodInfo", () => {
  const original = pod([container("c1", { cpu: "1" })], [container("init", { cpu: "2" })], { cpu: "10m" });
  it.each([
    {
      name: "keeps the requests of an earlier version with the same containers (a bound copy)",
      next: { ...original, spec: { ...(original.spec as NonNullable<Pod["spec"]>), nodeName: "node-1" } },
      reused: true,
    },
    {
      name: "recomputes them when a container's requests changed",
      next: pod([container("c1", { cpu: "2" })], [container("init", { cpu: "2" })], { cpu: "10m" }),
      reused: false,
    },
    {
      name: "recomputes them when an init container changed",
      next: pod([container("c1", { cpu: "1" })], [container("init", { cpu: "2" }, true)], { cpu: "10m" }),
      reused: false,
    },
    {
      name: "recomputes them when the overhead changed",
      next: pod([container("c1", { cpu: "1" })], [container("init", { cpu: "2" })]),
      reused: false,
    },
  ])("$name", ({ next, reused }) => {
    const previous = createPodInfo(original);
    const podInfo = updatedPodInfo(next, previous);
    expect(podInfo.pod).toBe(next);
    expect(podInfo.requests === previous.requests).toBe(reused);
    expect(podInfo.requests).toEqual(computePodRequests(next));
    expect(podInfo.nonZeroRequests).toEqual(createPodInfo(next).nonZeroRequests);
  });

  it("computes the requests when there is no earlier version", () => {
    expect(updatedPodInfo(original, undefined)).toEqual(createPodInfo(original));
  });
});

describe("hasRestartableInitContainer", () => {
  it.each([
    {
      name: "a pod with a sidecar has one",
      pod: pod([], [container("r1", undefined, true)]),
      expected: true,
    },
    {
      name: "a pod with only plain init containers has none",
      pod: pod([], [container("i1")]),
      expected: false,
    },
    { name: "a pod without a spec has none", pod: { metadata: { name: "x" } } as Pod, expected: false },
  ])("$name", ({ pod: testPod, expected }) => {
    expect(hasRestartableInitContainer(testPod)).toBe(expected);
  });
});

describe("podInfoOf and sharePodRequests", () => {
  const source = pod([container("c1", { cpu: "1", memory: "1Gi" })], [container("i1", { cpu: "2" })]);

  it("computes a pod's PodInfo once and hands out the same one after", () => {
    const first = podInfoOf(source);
    expect(first).toEqual(createPodInfo(source));
    expect(podInfoOf(source)).toBe(first);
  });

  it.each([
    { name: "a copy that only adds spec.nodeName takes the requests of its source", derived: true },
    { name: "a pod given no source computes its own requests", derived: false },
  ])("$name", ({ derived }) => {
    const copy: Pod = { ...source, spec: { ...(source.spec ?? { containers: [] }), nodeName: "node-1" } };
    if (derived) sharePodRequests(copy, source);
    const podInfo = podInfoOf(copy);
    expect(podInfo.pod).toBe(copy);
    expect(podInfo.requests === podInfoOf(source).requests).toBe(derived);
    expect(podInfo.requests).toEqual(computePodRequests(copy));
    expect(podInfo.nonZeroRequests).toEqual(createPodInfo(copy).nonZeroRequests);
  });
});
