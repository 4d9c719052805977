import { describe, expect, it } from "vitest";
import { nodeInternalIp, nodePodCidr } from "./node-status.js";
import { normalizeImageReference } from "./pod-status.js";

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
