import type { Service } from "kubernetes-types/core/v1";
import { describe, expect, it } from "vitest";
import { serviceCells } from "./service-row.js";

const now = new Date("2026-11-29T19:21:30Z");

function service(spec: Record<string, unknown>, status: Record<string, unknown> = {}): Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "web", creationTimestamp: "2026-11-26T19:00:00Z" },
    spec,
    status,
  } as Service;
}

describe("serviceCells", () => {
  it("prints the kubernetes service as `kubectl get all` shows it", () => {
    const kubernetes = service({
      type: "ClusterIP",
      clusterIP: "10.96.0.1",
      clusterIPs: ["10.96.0.1"],
      ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
    });
    expect(serviceCells(kubernetes, now)).toEqual([
      "web",
      "ClusterIP",
      "10.96.0.1",
      "<none>",
      "443/TCP",
      "3d",
      "<none>",
    ]);
  });

  it.each([
    {
      name: "a NodePort service prints port:nodePort/protocol",
      spec: {
        type: "NodePort",
        ports: [
          { port: 80, nodePort: 30080, protocol: "TCP" },
          { port: 53, protocol: "UDP" },
        ],
      },
      index: 4,
      expected: "80:30080/TCP,53/UDP",
    },
    { name: "no ports print <none>", spec: { type: "ClusterIP" }, index: 4, expected: "<none>" },
    { name: "no cluster IP prints <none>", spec: { type: "ClusterIP" }, index: 2, expected: "<none>" },
    {
      name: "clusterIP is used when clusterIPs is missing",
      spec: { type: "ClusterIP", clusterIP: "None" },
      index: 2,
      expected: "None",
    },
    {
      name: "external IPs of a ClusterIP service are joined",
      spec: { type: "ClusterIP", externalIPs: ["1.2.3.4", "5.6.7.8"] },
      index: 3,
      expected: "1.2.3.4,5.6.7.8",
    },
    {
      name: "a LoadBalancer without ingress is pending",
      spec: { type: "LoadBalancer" },
      index: 3,
      expected: "<pending>",
    },
    {
      name: "an ExternalName service prints its external name",
      spec: { type: "ExternalName", externalName: "example.com" },
      index: 3,
      expected: "example.com",
    },
    { name: "an unknown type prints <unknown>", spec: {}, index: 3, expected: "<unknown>" },
    {
      name: "the selector prints as labels",
      spec: { type: "ClusterIP", selector: { app: "web", tier: "front" } },
      index: 6,
      expected: "app=web,tier=front",
    },
  ])("$name", ({ spec, index, expected }) => {
    expect(serviceCells(service(spec), now)[index]).toBe(expected);
  });

  it("prints a load balancer's sorted ingress addresses followed by its external IPs, never clipped", () => {
    const input = service(
      { type: "LoadBalancer", externalIPs: ["9.9.9.9"] },
      { loadBalancer: { ingress: [{ hostname: "a-very-long-hostname.example.com" }, { ip: "10.0.0.2" }] } },
    );
    expect(serviceCells(input, now)[3]).toBe("10.0.0.2,a-very-long-hostname.example.com,9.9.9.9");
  });
});
