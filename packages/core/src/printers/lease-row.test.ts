import type { Lease } from "kubernetes-types/coordination/v1";
import { describe, expect, it } from "vitest";
import { leaseCells } from "./lease-row.js";
import { printTable } from "./print-table.js";

const now = new Date("2026-11-29T19:21:30Z");

function lease(spec: Lease["spec"]): Lease {
  return {
    apiVersion: "coordination.k8s.io/v1",
    kind: "Lease",
    metadata: { name: "node-2", namespace: "kube-node-lease", creationTimestamp: "2026-11-26T19:21:27Z" },
    ...(spec === undefined ? {} : { spec }),
  };
}

describe("leaseCells", () => {
  it.each([
    {
      name: "a held lease prints its holder",
      spec: { holderIdentity: "node-2", leaseDurationSeconds: 40 },
      expected: ["node-2", "node-2", "3d"],
    },
    { name: "a lease without a holder prints an empty holder", spec: {}, expected: ["node-2", "", "3d"] },
    {
      name: "a lease without a spec prints an empty holder",
      spec: undefined,
      expected: ["node-2", "", "3d"],
    },
    {
      name: "a holder of the wrong type prints as empty",
      spec: { holderIdentity: 7 as unknown as string },
      expected: ["node-2", "", "3d"],
    },
  ])("$name", ({ spec, expected }) => {
    expect(leaseCells(lease(spec), now)).toEqual(expected);
  });
});

describe("printTable of leases", () => {
  it("has upstream's NAME, HOLDER and AGE columns", () => {
    const table = printTable("Lease", [lease({ holderIdentity: "node-2" })], { now, wide: true });
    expect(table.columns.map((column) => [column.name, column.type, column.format, column.priority])).toEqual(
      [
        ["Name", "string", "name", 0],
        ["Holder", "string", "", 0],
        ["Age", "string", "", 0],
      ],
    );
    expect(table.columns[1]?.description).toBe(
      "holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.",
    );
    expect(table.rows.map((row) => row.cells)).toEqual([["node-2", "node-2", "3d"]]);
  });
});
