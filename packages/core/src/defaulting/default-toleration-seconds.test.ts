import { describe, expect, it } from "vitest";
import { addDefaultTolerationSeconds } from "./default-toleration-seconds.js";

const notReady = {
  key: "node.kubernetes.io/not-ready",
  operator: "Exists",
  effect: "NoExecute",
  tolerationSeconds: 300,
};
const unreachable = {
  key: "node.kubernetes.io/unreachable",
  operator: "Exists",
  effect: "NoExecute",
  tolerationSeconds: 300,
};

describe("addDefaultTolerationSeconds", () => {
  it.each([
    {
      name: "A pod without tolerations gets both defaults, not-ready first.",
      tolerations: undefined,
      expected: [notReady, unreachable],
    },
    {
      name: "A pod with an empty list gets both defaults.",
      tolerations: [],
      expected: [notReady, unreachable],
    },
    {
      name: "An empty-key Exists toleration covers both keys, so nothing is added.",
      tolerations: [{ operator: "Exists" }],
      expected: [{ operator: "Exists" }],
    },
    {
      name: "An empty-key NoExecute toleration covers both keys.",
      tolerations: [{ operator: "Exists", effect: "NoExecute" }],
      expected: [{ operator: "Exists", effect: "NoExecute" }],
    },
    {
      name: "An empty-key NoSchedule toleration covers neither key.",
      tolerations: [{ operator: "Exists", effect: "NoSchedule" }],
      expected: [{ operator: "Exists", effect: "NoSchedule" }, notReady, unreachable],
    },
    {
      name: "A not-ready toleration with an empty effect covers not-ready only.",
      tolerations: [{ key: "node.kubernetes.io/not-ready", operator: "Exists" }],
      expected: [{ key: "node.kubernetes.io/not-ready", operator: "Exists" }, unreachable],
    },
    {
      name: "A user's finite unreachable toleration is kept and only not-ready is added.",
      tolerations: [
        {
          key: "node.kubernetes.io/unreachable",
          operator: "Exists",
          effect: "NoExecute",
          tolerationSeconds: 60,
        },
      ],
      expected: [
        {
          key: "node.kubernetes.io/unreachable",
          operator: "Exists",
          effect: "NoExecute",
          tolerationSeconds: 60,
        },
        notReady,
      ],
    },
    {
      name: "The DaemonSet controller's forever tolerations already cover both keys.",
      tolerations: [
        { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
        { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" },
      ],
      expected: [
        { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
        { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" },
      ],
    },
    {
      name: "A not-ready NoSchedule toleration does not cover the NoExecute taint.",
      tolerations: [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoSchedule" }],
      expected: [
        { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoSchedule" },
        notReady,
        unreachable,
      ],
    },
    {
      name: "Entries that are not objects cover nothing and are kept for validation.",
      tolerations: [null, "x"],
      expected: [null, "x", notReady, unreachable],
    },
  ])("$name", ({ tolerations, expected }) => {
    const spec: Record<string, unknown> = tolerations === undefined ? {} : { tolerations };
    addDefaultTolerationSeconds(spec);
    expect(spec.tolerations).toStrictEqual(expected);
  });

  it("leaves a tolerations field that is not a list alone", () => {
    const spec: Record<string, unknown> = { tolerations: "all" };
    addDefaultTolerationSeconds(spec);
    expect(spec).toStrictEqual({ tolerations: "all" });
  });
});
