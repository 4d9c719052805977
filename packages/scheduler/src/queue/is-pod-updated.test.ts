import type { Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { isPodUpdated } from "./is-pod-updated.js";

const base: Pod = {
  metadata: { name: "a", namespace: "default", resourceVersion: "1", labels: { app: "web" } },
  spec: { containers: [{ name: "app", image: "nginx" }] },
  status: { phase: "Pending" },
};

describe("isPodUpdated", () => {
  it.each<{ name: string; next: Pod; expected: boolean }>([
    { name: "an identical pod is not an update", next: structuredClone(base), expected: false },
    {
      name: "a new resourceVersion, generation, finalizers and managed fields are not an update",
      next: {
        ...base,
        metadata: {
          ...base.metadata,
          resourceVersion: "2",
          generation: 3,
          finalizers: ["x"],
          managedFields: [],
        },
      },
      expected: false,
    },
    {
      name: "a status change is not an update",
      next: {
        ...base,
        status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False" }] },
      },
      expected: false,
    },
    {
      name: "a resource claim status change is an update",
      next: { ...base, status: { phase: "Pending", resourceClaimStatuses: [{ name: "gpu" }] } },
      expected: true,
    },
    {
      name: "a label change is an update",
      next: { ...base, metadata: { ...base.metadata, labels: { app: "db" } } },
      expected: true,
    },
    {
      name: "a spec change is an update",
      next: { ...base, spec: { containers: [{ name: "app", image: "nginx" }], schedulingGates: [] } },
      expected: true,
    },
  ])("$name", ({ next, expected }) => {
    expect(isPodUpdated(base, next)).toBe(expected);
  });
});
