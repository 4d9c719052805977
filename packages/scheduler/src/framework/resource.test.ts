import { describe, expect, it } from "vitest";
import {
  addResource,
  cloneResource,
  createResource,
  isExtendedResourceName,
  isScalarResourceName,
  isZeroRequest,
  resourceFromList,
  subtractResource,
} from "./resource.js";

describe("resourceFromList", () => {
  it.each([
    {
      name: "cpu is counted in millicores, rounded up",
      list: { cpu: "1.0005" },
      expected: { milliCpu: 1001 },
    },
    {
      name: "memory and ephemeral storage are counted in bytes",
      list: { memory: "1Ki", "ephemeral-storage": "1k" },
      expected: { memory: 1024, ephemeralStorage: 1000 },
    },
    {
      name: "pods become the allowed pod number",
      list: { pods: "110" },
      expected: { allowedPodNumber: 110 },
    },
    {
      name: "numbers are read as quantities",
      list: { cpu: 2, pods: 3 },
      expected: { milliCpu: 2000, allowedPodNumber: 3 },
    },
    {
      name: "an unparsable quantity counts as zero",
      list: { cpu: "two", memory: "" },
      expected: { milliCpu: 0, memory: 0 },
    },
  ])("$name", ({ list, expected }) => {
    expect(resourceFromList(list)).toMatchObject(expected);
  });

  it("keeps scalar resources and drops names that are not scalar", () => {
    const resource = resourceFromList({
      "nvidia.com/gpu": "2",
      "hugepages-1Gi": "2Gi",
      "attachable-volumes-csi-x": "39",
      "kubernetes.io/batch-cpu": "5",
      storage: "10Gi",
      "requests.example.com/foo": "1",
    });
    expect(Object.fromEntries(resource.scalarResources)).toEqual({
      "nvidia.com/gpu": 2,
      "hugepages-1Gi": 2147483648,
      "attachable-volumes-csi-x": 39,
      "kubernetes.io/batch-cpu": 5,
    });
  });

  it("returns an empty resource for a missing list", () => {
    expect(resourceFromList(undefined)).toEqual(createResource());
  });
});

describe("resource names", () => {
  it.each([
    {
      name: "a domain-prefixed name is extended",
      resource: "example.com/dongle",
      extended: true,
      scalar: true,
    },
    {
      name: "a kubernetes.io name is native, not extended",
      resource: "kubernetes.io/foo",
      extended: false,
      scalar: true,
    },
    { name: "a name without a slash is native", resource: "cpu", extended: false, scalar: false },
    {
      name: "hugepages are scalar but not extended",
      resource: "hugepages-2Mi",
      extended: false,
      scalar: true,
    },
    {
      name: "an invalid qualified name is not extended",
      resource: "example.com/-bad-",
      extended: false,
      scalar: false,
    },
    {
      name: "a requests.-prefixed name is not extended",
      resource: "requests.example.com/foo",
      extended: false,
      scalar: false,
    },
  ])("$name", ({ resource, extended, scalar }) => {
    expect(isExtendedResourceName(resource)).toBe(extended);
    expect(isScalarResourceName(resource)).toBe(scalar);
  });
});

describe("resource arithmetic", () => {
  it("adds and subtracts back to the same keys", () => {
    const total = resourceFromList({ cpu: "1", "example.com/a": "1" });
    const other = resourceFromList({
      cpu: "500m",
      memory: "1Ki",
      "example.com/a": "2",
      "example.com/b": "3",
    });
    addResource(total, other);
    expect(total).toEqual({
      milliCpu: 1500,
      memory: 1024,
      ephemeralStorage: 0,
      allowedPodNumber: 0,
      scalarResources: new Map([
        ["example.com/a", 3],
        ["example.com/b", 3],
      ]),
    });
    subtractResource(total, other);
    expect(total).toEqual(resourceFromList({ cpu: "1", "example.com/a": "1" }));
  });

  it("never creates an entry for a zero scalar amount", () => {
    const total = createResource();
    addResource(total, resourceFromList({ "example.com/a": "0" }));
    expect(total.scalarResources.size).toBe(0);
  });

  it("clones deeply", () => {
    const original = resourceFromList({ cpu: "1", "example.com/a": "1" });
    const copy = cloneResource(original);
    copy.scalarResources.set("example.com/a", 5);
    expect(original.scalarResources.get("example.com/a")).toBe(1);
  });

  it.each([
    { name: "an empty resource is a zero request", resource: createResource(), expected: true },
    {
      name: "a zero scalar entry is not a zero request",
      resource: resourceFromList({ "example.com/a": "0" }),
      expected: false,
    },
    {
      name: "ephemeral storage is not a zero request",
      resource: resourceFromList({ "ephemeral-storage": "1" }),
      expected: false,
    },
  ])("$name", ({ resource, expected }) => {
    expect(isZeroRequest(resource)).toBe(expected);
  });
});
