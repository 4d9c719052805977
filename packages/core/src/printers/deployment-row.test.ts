import type { Deployment } from "kubernetes-types/apps/v1";
import { describe, expect, it } from "vitest";
import { deploymentCells } from "./deployment-row.js";

const now = new Date("2026-11-29T19:21:30Z");

function deployment(selector: unknown, status: Record<string, number> = {}): Deployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", creationTimestamp: "2026-11-26T19:00:00Z" },
    spec: {
      replicas: 2,
      selector,
      template: { spec: { containers: [{ name: "web", image: "nginx" }] } },
    },
    status,
  } as Deployment;
}

describe("deploymentCells", () => {
  it("prints READY as ready/desired and the other counts as numbers", () => {
    expect(
      deploymentCells(
        deployment(
          { matchLabels: { app: "web" } },
          { readyReplicas: 2, updatedReplicas: 2, availableReplicas: 2 },
        ),
        now,
      ),
    ).toEqual(["web", "2/2", 2, 2, "3d", "web", "nginx", "app=web"]);
  });

  it.each([
    { name: "an empty selector prints an empty cell, unlike other workloads", selector: {}, expected: "" },
    {
      name: "an invalid selector prints <invalid>",
      selector: { matchExpressions: [{ key: "a", operator: "Nope" }] },
      expected: "<invalid>",
    },
  ])("$name", ({ selector, expected }) => {
    expect(deploymentCells(deployment(selector), now)[7]).toBe(expected);
  });
});
