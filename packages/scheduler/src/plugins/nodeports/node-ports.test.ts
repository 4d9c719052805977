import type { ContainerPort, Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { evaluatePlugin } from "../../evaluate-plugin/index.js";
import type { HostPort } from "../../framework/types.js";
import { hostPortConflicts } from "./host-port-conflict.js";

// Builds a pod on `nodeName` whose container uses "PROTOCOL/IP/PORT" host ports, as upstream's newPod.
function newPod(nodeName: string, ...hostPorts: string[]): Pod {
  const ports: ContainerPort[] = hostPorts.map((spec) => {
    const [protocol, hostIP, port] = spec.split("/");
    return {
      containerPort: Number(port),
      hostIP: hostIP ?? "",
      hostPort: Number(port),
      protocol: protocol ?? "",
    };
  });
  return {
    metadata: { name: `pod-${hostPorts.join("-")}` },
    spec: { nodeName, containers: [{ name: "c", ports }] },
  };
}

const conflict = {
  code: "Unschedulable",
  reasons: ["node(s) didn't have free ports for the requested pod ports"],
};
const success = { code: "Success", reasons: [] };
const skip = { code: "Skip", reasons: [] };

// Upstream's TestNodePorts, run through evaluatePlugin: the existing pod sits on node m1.
const cases: ReadonlyArray<{
  name: string;
  pod: Pod;
  existing: Pod[];
  wantPreFilter: unknown;
  wantFilter: unknown;
}> = [
  {
    name: "a pod without host ports skips the plugin",
    pod: {},
    existing: [],
    wantPreFilter: skip,
    wantFilter: success,
  },
  {
    name: "another port does not conflict",
    pod: newPod("m1", "UDP/127.0.0.1/8080"),
    existing: [newPod("m1", "UDP/127.0.0.1/9090")],
    wantPreFilter: success,
    wantFilter: success,
  },
  {
    name: "the same UDP port conflicts",
    pod: newPod("m1", "UDP/127.0.0.1/8080"),
    existing: [newPod("m1", "UDP/127.0.0.1/8080")],
    wantPreFilter: success,
    wantFilter: conflict,
  },
  {
    name: "the same TCP port conflicts",
    pod: newPod("m1", "TCP/127.0.0.1/8080"),
    existing: [newPod("m1", "TCP/127.0.0.1/8080")],
    wantPreFilter: success,
    wantFilter: conflict,
  },
  {
    name: "another host IP does not conflict",
    pod: newPod("m1", "TCP/127.0.0.1/8080"),
    existing: [newPod("m1", "TCP/127.0.0.2/8080")],
    wantPreFilter: success,
    wantFilter: success,
  },
  {
    name: "another protocol does not conflict",
    pod: newPod("m1", "UDP/127.0.0.1/8080"),
    existing: [newPod("m1", "TCP/127.0.0.1/8080")],
    wantPreFilter: success,
    wantFilter: success,
  },
  {
    name: "a conflict on the second UDP port is found",
    pod: newPod("m1", "UDP/127.0.0.1/8000", "UDP/127.0.0.1/8080"),
    existing: [newPod("m1", "UDP/127.0.0.1/8080")],
    wantPreFilter: success,
    wantFilter: conflict,
  },
  {
    name: "a conflict on the first TCP port is found",
    pod: newPod("m1", "TCP/127.0.0.1/8001", "UDP/127.0.0.1/8080"),
    existing: [newPod("m1", "TCP/127.0.0.1/8001", "UDP/127.0.0.1/8081")],
    wantPreFilter: success,
    wantFilter: conflict,
  },
  {
    name: "a wanted 0.0.0.0 host IP conflicts with a specific IP",
    pod: newPod("m1", "TCP/0.0.0.0/8001"),
    existing: [newPod("m1", "TCP/127.0.0.1/8001")],
    wantPreFilter: success,
    wantFilter: conflict,
  },
  {
    name: "a wanted 0.0.0.0 host IP conflicts even after a non-conflicting port",
    pod: newPod("m1", "TCP/10.0.10.10/8001", "TCP/0.0.0.0/8001"),
    existing: [newPod("m1", "TCP/127.0.0.1/8001")],
    wantPreFilter: success,
    wantFilter: conflict,
  },
  {
    name: "a specific IP conflicts with a used 0.0.0.0",
    pod: newPod("m1", "TCP/127.0.0.1/8001"),
    existing: [newPod("m1", "TCP/0.0.0.0/8001")],
    wantPreFilter: success,
    wantFilter: conflict,
  },
  {
    name: "a used 0.0.0.0 of another protocol does not conflict",
    pod: newPod("m1", "UDP/127.0.0.1/8001"),
    existing: [newPod("m1", "TCP/0.0.0.0/8001")],
    wantPreFilter: success,
    wantFilter: success,
  },
  {
    name: "a used UDP 0.0.0.0 conflicts",
    pod: newPod("m1", "UDP/127.0.0.1/8001"),
    existing: [newPod("m1", "TCP/0.0.0.0/8001", "UDP/0.0.0.0/8001")],
    wantPreFilter: success,
    wantFilter: conflict,
  },
  {
    name: "an empty host IP and protocol mean 0.0.0.0 and TCP",
    pod: newPod("m1", "//8001"),
    existing: [newPod("m1", "TCP/127.0.0.1/8001")],
    wantPreFilter: success,
    wantFilter: conflict,
  },
  {
    name: "a host port on an init container is not counted (v1.32)",
    pod: {
      spec: {
        containers: [],
        initContainers: [{ name: "init", ports: [{ containerPort: 8001, hostPort: 8001, protocol: "TCP" }] }],
      },
    },
    existing: [newPod("m1", "TCP/0.0.0.0/8001")],
    wantPreFilter: skip,
    wantFilter: success,
  },
  {
    name: "pods on other nodes do not take the node's ports",
    pod: newPod("m1", "TCP/127.0.0.1/8001"),
    existing: [newPod("m2", "TCP/127.0.0.1/8001")],
    wantPreFilter: success,
    wantFilter: success,
  },
];

describe("NodePorts", () => {
  it.each(cases)("$name", ({ pod, existing, wantPreFilter, wantFilter }) => {
    const result = evaluatePlugin("NodePorts", {
      pod,
      nodes: [{ metadata: { name: "m1" } }],
      existingPods: existing,
    });
    expect(result.preFilter).toEqual(wantPreFilter);
    expect(result.preFilterNodeNames).toBeNull();
    expect(result.filter).toEqual([wantFilter]);
  });

  it("reports an Error when Filter runs without PreFilter state", () => {
    const result = evaluatePlugin("NodePorts", { pod: {}, nodes: [{}], runPreFilter: false });
    expect(result.filter).toEqual([
      { code: "Error", reasons: ['reading "PreFilterNodePorts" from cycleState: not found'] },
    ]);
  });
});

const used = (...specs: string[]): HostPort[] =>
  specs.map((spec) => {
    const [protocol, ip, port] = spec.split("/");
    return { protocol: protocol ?? "", ip: ip ?? "", port: Number(port) };
  });

// Upstream's TestFits / HostPortInfo conflict rules.
const conflictCases = [
  {
    name: "non-conflicting ports",
    wanted: ["TCP/127.0.0.1/80"],
    existing: used("TCP/127.0.0.1/9090"),
    expected: false,
  },
  {
    name: "multiple non-conflicting ports",
    wanted: ["TCP/127.0.0.1/80", "TCP/127.0.1.1/80", "TCP/127.0.1.1/90", "TCP/127.0.1.1/100"],
    existing: used("TCP/127.0.0.1/9090", "TCP/127.0.0.1/9191", "TCP/127.0.1.1/8080"),
    expected: false,
  },
  {
    name: "same ports on different protocols",
    wanted: ["TCP/127.0.0.1/80"],
    existing: used("UDP/127.0.0.1/80"),
    expected: false,
  },
  {
    name: "conflicting ports",
    wanted: ["TCP/127.0.0.1/80"],
    existing: used("TCP/127.0.0.1/80"),
    expected: true,
  },
  {
    name: "multiple ports, some conflicting",
    wanted: ["TCP/127.0.0.1/80", "TCP/127.0.1.1/80", "TCP/127.0.1.1/90", "TCP/127.0.1.1/100"],
    existing: used("TCP/127.0.0.1/9090", "TCP/127.0.1.1/90", "TCP/127.0.1.1/8080"),
    expected: true,
  },
  {
    name: "a port of 0 never conflicts",
    wanted: ["TCP/0.0.0.0/0"],
    existing: used("TCP/0.0.0.0/0"),
    expected: false,
  },
];

describe("hostPortConflicts", () => {
  it.each(conflictCases)("$name", ({ wanted, existing, expected }) => {
    const conflicts = wanted.some((spec) => {
      const [protocol, ip, port] = spec.split("/");
      return hostPortConflicts(ip, protocol, Number(port), existing);
    });
    expect(conflicts).toBe(expected);
  });
});
