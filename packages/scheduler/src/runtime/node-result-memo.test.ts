import type { Node, Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { createNodeInfo, type MutableNodeInfo } from "../framework/node-info.js";
import type { NodeInfo } from "../framework/types.js";
import { memoMiss, NodeResultMemo } from "./node-result-memo.js";

function node(name: string): Node {
  return { metadata: { name } };
}

function podWithCpu(name: string, cpu: string): Pod {
  return {
    metadata: { name, namespace: "default", uid: name },
    spec: { containers: [{ name: "c", image: "i", resources: { requests: { cpu } } }] },
  };
}

interface Setup {
  readonly memo: NodeResultMemo;
  readonly nodes: MutableNodeInfo[];
  readonly id: number;
}

/** A memo over nodes a and b, begun for a 100m pod, with column 0 of node a remembered as "fits". */
function setup(): Setup {
  const memo = new NodeResultMemo(2);
  const nodes = [createNodeInfo(node("a")), createNodeInfo(node("b"))];
  const id = memo.begin(nodes, podWithCpu("p", "100m"));
  memo.store(0, 0, memo.enter(0, nodes[0] as NodeInfo, id), "fits");
  return { memo, nodes, id };
}

describe("NodeResultMemo", () => {
  const cases: ReadonlyArray<{
    name: string;
    /** Changes something, then looks column 0 of a slot up again. */
    lookUp: (setup: Setup) => unknown;
    expected: unknown;
  }> = [
    {
      name: "answers the same node for a pod with an identical spec",
      lookUp: ({ memo, nodes }) => {
        const id = memo.begin(nodes, podWithCpu("other-name", "100m"));
        return memo.lookup(0, 0, memo.enter(0, nodes[0] as NodeInfo, id));
      },
      expected: "fits",
    },
    {
      name: "forgets a node whose pods changed",
      lookUp: ({ memo, nodes, id }) => {
        (nodes[0] as MutableNodeInfo).addPod(podWithCpu("new", "1"));
        return memo.lookup(0, 0, memo.enter(0, nodes[0] as NodeInfo, id));
      },
      expected: memoMiss,
    },
    {
      name: "forgets a node whose node object changed",
      lookUp: ({ memo, nodes, id }) => {
        (nodes[0] as MutableNodeInfo).setNode({ metadata: { name: "a", labels: { zone: "z" } } });
        return memo.lookup(0, 0, memo.enter(0, nodes[0] as NodeInfo, id));
      },
      expected: memoMiss,
    },
    {
      name: "does not answer a pod with another spec",
      lookUp: ({ memo, nodes }) => {
        const id = memo.begin(nodes, podWithCpu("p", "200m"));
        return memo.lookup(0, 0, memo.enter(0, nodes[0] as NodeInfo, id));
      },
      expected: memoMiss,
    },
    {
      name: "forgets a slot another spec used since",
      lookUp: ({ memo, nodes, id }) => {
        const otherId = memo.begin(nodes, podWithCpu("p", "200m"));
        memo.enter(0, nodes[0] as NodeInfo, otherId);
        memo.begin(nodes, podWithCpu("p", "100m"));
        return memo.lookup(0, 0, memo.enter(0, nodes[0] as NodeInfo, id));
      },
      expected: memoMiss,
    },
    {
      name: "keeps columns apart",
      lookUp: ({ memo, nodes, id }) => memo.lookup(1, 0, memo.enter(0, nodes[0] as NodeInfo, id)),
      expected: memoMiss,
    },
    {
      name: "keeps slots apart",
      lookUp: ({ memo, nodes, id }) => memo.lookup(0, 1, memo.enter(1, nodes[1] as NodeInfo, id)),
      expected: memoMiss,
    },
    {
      name: "forgets everything for another node list",
      lookUp: ({ memo, nodes }) => {
        const list = [...nodes];
        const id = memo.begin(list, podWithCpu("p", "100m"));
        return memo.lookup(0, 0, memo.enter(0, list[0] as NodeInfo, id));
      },
      expected: memoMiss,
    },
    {
      name: "remembers a result stored with an undefined value (a Filter success)",
      lookUp: ({ memo, nodes, id }) => {
        const epoch = memo.enter(1, nodes[1] as NodeInfo, id);
        memo.store(0, 1, epoch, undefined);
        return memo.lookup(0, 1, memo.enter(1, nodes[1] as NodeInfo, id));
      },
      expected: undefined,
    },
  ];

  it.each(cases)("$name", ({ lookUp, expected }) => {
    expect(lookUp(setup())).toBe(expected);
  });

  it.each([
    {
      name: "gives no epoch for a node info that is not the slot's (a clone)",
      enter: ({ memo, nodes, id }: Setup) => memo.enter(0, (nodes[0] as MutableNodeInfo).clone(), id),
    },
    {
      name: "gives no epoch for node infos other than the scheduler cache's",
      enter: ({ memo }: Setup) => {
        const plain: NodeInfo = { ...createNodeInfo(node("x")), name: "x", generation: 1 };
        const id = memo.begin([plain], podWithCpu("p", "100m"));
        return memo.enter(0, plain, id);
      },
    },
    {
      name: "gives no epoch without a spec id",
      enter: ({ memo, nodes }: Setup) => memo.enter(0, nodes[0] as NodeInfo, 0),
    },
  ])("$name", ({ enter }) => {
    expect(enter(setup())).toBe(0);
  });

  it.each([
    { name: "under the epoch it was marked with", change: () => {}, cpu: "100m", expected: true },
    {
      name: "not once the node changed",
      change: ({ nodes }: Setup) => (nodes[0] as MutableNodeInfo).addPod(podWithCpu("new", "1")),
      cpu: "100m",
      expected: false,
    },
    { name: "not for a pod with another spec", change: () => {}, cpu: "3", expected: false },
  ])("reports that every Filter passed $name", ({ change, cpu, expected }) => {
    const context = setup();
    const { memo, nodes, id } = context;
    memo.markPassed(0, memo.enter(0, nodes[0] as NodeInfo, id));
    change(context);
    const current = memo.begin(nodes, podWithCpu("p", cpu));
    expect(memo.passed(0, memo.enter(0, nodes[0] as NodeInfo, current))).toBe(expected);
  });

  it.each([
    { name: "a completed row is read back", complete: true, change: () => {}, expected: [true, 7, 9] },
    { name: "a row never completed is not", complete: false, change: () => {}, expected: [false] },
    {
      name: "a row of a node that changed since is not",
      complete: true,
      change: (nodeInfo: MutableNodeInfo) => nodeInfo.addPod(podWithCpu("new", "1")),
      expected: [false],
    },
  ])("score rows: $name", ({ complete, change, expected }) => {
    const memo = new NodeResultMemo(0, 2);
    const nodes = [createNodeInfo(node("a"))];
    const id = memo.begin(nodes, podWithCpu("p", "100m"));
    const epoch = memo.enter(0, nodes[0] as NodeInfo, id);
    memo.setRowValue(0, 0, 7);
    memo.setRowValue(0, 1, 9);
    if (complete) memo.completeRow(0, epoch);
    change(nodes[0] as MutableNodeInfo);
    const again = memo.enter(0, nodes[0] as NodeInfo, memo.begin(nodes, podWithCpu("p", "100m")));
    const hit = memo.rowComplete(0, again);
    expect(hit ? [hit, memo.rowValue(0, 0), memo.rowValue(0, 1)] : [hit]).toEqual(expected);
  });

  it("begins nothing when no plugin is remembered", () => {
    const memo = new NodeResultMemo(0);
    expect(memo.begin([createNodeInfo(node("a"))], podWithCpu("p", "100m"))).toBe(0);
  });

  it.each([
    {
      name: "the same spec with its keys in another order gets the same id",
      first: { containers: [], nodeSelector: { a: "1", b: "2" } },
      second: { nodeSelector: { b: "2", a: "1" }, containers: [] },
      same: true,
    },
    {
      name: "a member set to undefined is the same as a missing one",
      first: { containers: [], nodeName: undefined },
      second: { containers: [] },
      same: true,
    },
    {
      name: "another value deep inside is another spec",
      first: { containers: [{ name: "c", resources: { requests: { cpu: "1" } } }] },
      second: { containers: [{ name: "c", resources: { requests: { cpu: "2" } } }] },
      same: false,
    },
    {
      name: "another order of containers is another spec",
      first: { containers: [{ name: "a" }, { name: "b" }] },
      second: { containers: [{ name: "b" }, { name: "a" }] },
      same: false,
    },
  ])("$name", ({ first, second, same }) => {
    const memo = new NodeResultMemo(1);
    const nodes = [createNodeInfo(node("a"))];
    const specOf = (spec: unknown): Pod => ({
      metadata: { name: "p" },
      spec: spec as NonNullable<Pod["spec"]>,
    });
    const firstId = memo.begin(nodes, specOf(first));
    expect(memo.begin(nodes, specOf(second)) === firstId).toBe(same);
  });

  it("keeps its own copy of the last spec: changing the pod later does not change its id", () => {
    const memo = new NodeResultMemo(1);
    const nodes = [createNodeInfo(node("a"))];
    const pod = podWithCpu("p", "100m");
    const id = memo.begin(nodes, pod);
    const requests = pod.spec?.containers[0]?.resources?.requests as Record<string, string>;
    requests.cpu = "5";
    expect(memo.begin(nodes, pod)).not.toBe(id);
    expect(memo.begin(nodes, podWithCpu("q", "100m"))).toBe(id);
  });

  it("gives one id per distinct spec", () => {
    const memo = new NodeResultMemo(1);
    const nodes = [createNodeInfo(node("a"))];
    const small = memo.begin(nodes, podWithCpu("one", "100m"));
    const large = memo.begin(nodes, podWithCpu("two", "2"));
    expect(memo.begin(nodes, podWithCpu("three", "100m"))).toBe(small);
    expect(large).not.toBe(small);
  });
});
