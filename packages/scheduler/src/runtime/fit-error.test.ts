import { describe, expect, it } from "vitest";
import { Code, createStatus } from "../framework/status.js";
import { createDiagnosis, FitError, fitErrorMessage, truncateEventMessage } from "./fit-error.js";

const untoleratedControlPlane = "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }";

function diagnosisWith(
  statuses: Record<string, readonly [Code, ...string[]]>,
  extra: { absent?: readonly [Code, ...string[]]; preFilter?: string; postFilter?: string } = {},
) {
  const diagnosis = createDiagnosis();
  for (const [node, [code, ...reasons]] of Object.entries(statuses)) {
    diagnosis.nodeToStatus.set(node, createStatus(code, ...reasons));
  }
  if (extra.absent !== undefined) {
    const [code, ...reasons] = extra.absent;
    diagnosis.nodeToStatus.absentNodesStatus = createStatus(code, ...reasons);
  }
  if (extra.preFilter !== undefined) diagnosis.preFilterMessage = extra.preFilter;
  if (extra.postFilter !== undefined) diagnosis.postFilterMessage = extra.postFilter;
  return diagnosis;
}

describe("fitErrorMessage", () => {
  it.each([
    {
      name: "counts each reason once per node and sorts the entries as strings",
      numAllNodes: 3,
      diagnosis: diagnosisWith({
        node1: [Code.UnschedulableAndUnresolvable, untoleratedControlPlane],
        node2: [Code.Unschedulable, "Insufficient cpu"],
        node3: [Code.Unschedulable, "Insufficient cpu"],
      }),
      expected: `0/3 nodes are available: 1 ${untoleratedControlPlane}, 2 Insufficient cpu.`,
    },
    {
      name: "sorts ten before two because the sort is a plain string sort",
      numAllNodes: 12,
      diagnosis: diagnosisWith(
        Object.fromEntries([
          ...Array.from({ length: 10 }, (_, index) => [
            `a${index}`,
            [Code.Unschedulable, "Insufficient memory"],
          ]),
          ["b0", [Code.Unschedulable, "Insufficient cpu"]],
          ["b1", [Code.Unschedulable, "Insufficient cpu"]],
        ]),
      ),
      expected: "0/12 nodes are available: 10 Insufficient memory, 2 Insufficient cpu.",
    },
    {
      name: "lists every reason of a node with several reasons",
      numAllNodes: 1,
      diagnosis: diagnosisWith({ node1: [Code.Unschedulable, "Insufficient cpu", "Insufficient memory"] }),
      expected: "0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory.",
    },
    {
      name: "adds the absent-node status for nodes a PreFilterResult excluded",
      numAllNodes: 3,
      diagnosis: diagnosisWith(
        { node1: [Code.UnschedulableAndUnresolvable, "node(s) didn't match Pod's node affinity/selector"] },
        { absent: [Code.UnschedulableAndUnresolvable, "node(s) didn't satisfy plugin(s) [NodeAffinity]"] },
      ),
      expected:
        "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].",
    },
    {
      name: "shows only the PreFilter message when PreFilter rejected the pod",
      numAllNodes: 3,
      diagnosis: diagnosisWith(
        {},
        {
          absent: [Code.UnschedulableAndUnresolvable, "pod affinity terms conflict"],
          preFilter: "pod affinity terms conflict",
        },
      ),
      expected: "0/3 nodes are available: pod affinity terms conflict.",
    },
    {
      name: "appends the PostFilter message without adding a period",
      numAllNodes: 3,
      diagnosis: diagnosisWith(
        {
          node1: [Code.UnschedulableAndUnresolvable, untoleratedControlPlane],
          node2: [Code.Unschedulable, "Insufficient cpu"],
          node3: [Code.Unschedulable, "Insufficient cpu"],
        },
        {
          postFilter:
            "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
        },
      ),
      expected: `0/3 nodes are available: 1 ${untoleratedControlPlane}, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`,
    },
    {
      name: "ends at the colon when no node has a reason",
      numAllNodes: 2,
      diagnosis: diagnosisWith({}),
      expected: "0/2 nodes are available:",
    },
  ])("$name", ({ numAllNodes, diagnosis, expected }) => {
    expect(fitErrorMessage(numAllNodes, diagnosis)).toBe(expected);
  });

  it("builds the spec's preemption example from the nested FitError of preemption", () => {
    const nested = diagnosisWith(
      {
        node2: [Code.UnschedulableAndUnresolvable, "No preemption victims found for incoming pod"],
        node3: [Code.UnschedulableAndUnresolvable, "No preemption victims found for incoming pod"],
      },
      { absent: [Code.UnschedulableAndUnresolvable, "Preemption is not helpful for scheduling"] },
    );
    const outer = diagnosisWith(
      {
        node1: [Code.UnschedulableAndUnresolvable, untoleratedControlPlane],
        node2: [Code.Unschedulable, "Insufficient cpu"],
        node3: [Code.Unschedulable, "Insufficient cpu"],
      },
      { postFilter: `preemption: ${fitErrorMessage(3, nested)}` },
    );
    expect(new FitError({}, 3, outer).message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
  });

  it("reads the PostFilter message set after the FitError was created", () => {
    const diagnosis = diagnosisWith({ node1: [Code.Unschedulable, "Insufficient cpu"] });
    const fitError = new FitError({}, 1, diagnosis);
    diagnosis.postFilterMessage = "preemption: not eligible due to preemptionPolicy=Never.";
    expect(fitError.message).toBe(
      "0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.",
    );
  });
});

describe("truncateEventMessage", () => {
  it.each([
    {
      name: "keeps a message of exactly 1024 characters",
      message: "x".repeat(1024),
      expected: "x".repeat(1024),
    },
    {
      name: "keeps a short message",
      message: "0/1 nodes are available:",
      expected: "0/1 nodes are available:",
    },
    {
      name: "cuts a longer message to 1024 characters ending in ' ...'",
      message: "y".repeat(1500),
      expected: `${"y".repeat(1020)} ...`,
    },
  ])("$name", ({ message, expected }) => {
    const truncated = truncateEventMessage(message);
    expect(truncated).toBe(expected);
    expect(truncated.length).toBeLessThanOrEqual(1024);
  });
});
