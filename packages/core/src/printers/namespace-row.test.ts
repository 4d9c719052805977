import { describe, expect, it } from "vitest";
import { namespaceCells } from "./namespace-row.js";

const now = new Date("2026-11-29T19:21:30Z");

describe("namespaceCells", () => {
  it.each([
    {
      name: "an active namespace prints its phase",
      status: { phase: "Active" },
      expected: ["default", "Active", "3d"],
    },
    {
      name: "a terminating namespace prints Terminating",
      status: { phase: "Terminating" },
      expected: ["default", "Terminating", "3d"],
    },
    {
      name: "a namespace without a phase prints an empty status",
      status: undefined,
      expected: ["default", "", "3d"],
    },
  ])("$name", ({ status, expected }) => {
    const namespace = {
      metadata: { name: "default", creationTimestamp: "2026-11-26T19:00:00Z" },
      ...(status === undefined ? {} : { status }),
    };
    expect(namespaceCells(namespace, now)).toEqual(expected);
  });
});
