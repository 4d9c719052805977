import type { ReplicaSet } from "kubernetes-types/apps/v1";
import { describe, expect, it } from "vitest";
import { replicaSetCells } from "./replica-set-row.js";

const now = new Date("2026-11-29T19:21:30Z");

describe("replicaSetCells", () => {
  it.each([
    {
      name: "a ReplicaSet prints desired, current and ready replicas as numbers",
      replicaSet: {
        metadata: { name: "web-6d4cf56db6", creationTimestamp: "2026-11-26T19:00:00Z" },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: "web" } },
          template: { spec: { containers: [{ name: "web", image: "nginx" }] } },
        },
        status: { replicas: 2, readyReplicas: 1 },
      },
      expected: ["web-6d4cf56db6", 2, 2, 1, "3d", "web", "nginx", "app=web"],
    },
    {
      name: "missing counts print zeros and an empty selector prints <none>",
      replicaSet: {
        metadata: { name: "rs", creationTimestamp: "2026-11-26T19:00:00Z" },
        spec: { selector: {} },
      },
      expected: ["rs", 0, 0, 0, "3d", "", "", "<none>"],
    },
  ])("$name", ({ replicaSet, expected }) => {
    expect(replicaSetCells(replicaSet as ReplicaSet, now)).toEqual(expected);
  });
});
