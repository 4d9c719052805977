import type { Node, Taint } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { applyTaintChanges, type TaintOperation } from "./apply-taint-changes.js";
import { parseTaintArguments } from "./parse-taint-arguments.js";
import { TaintArgumentError } from "./taint-argument-error.js";

const fooBar: Taint = { key: "foo", value: "bar", effect: "NoSchedule" };

interface ReorganizeCase {
  readonly name: string;
  readonly overwrite: boolean;
  readonly toAdd: Taint[];
  readonly toRemove: Taint[];
  readonly taints: Taint[];
  readonly operation: TaintOperation;
}

// Ported from kubectl pkg/cmd/taint utils_test.go TestReorganizeTaints (node taint foo=bar:NoSchedule).
const reorganizeCases: readonly ReorganizeCase[] = [
  {
    name: "No changes with overwrite report modified.",
    overwrite: true,
    toAdd: [],
    toRemove: [],
    taints: [fooBar],
    operation: "modified",
  },
  {
    name: "No changes without overwrite report untainted.",
    overwrite: false,
    toAdd: [],
    toRemove: [],
    taints: [fooBar],
    operation: "untainted",
  },
  {
    name: "A new taint goes first, before the old ones.",
    overwrite: false,
    toAdd: [{ key: "foo_1", effect: "NoExecute" }],
    toRemove: [],
    taints: [{ key: "foo_1", effect: "NoExecute" }, fooBar],
    operation: "tainted",
  },
  {
    name: "Removing a taint by key and effect leaves none.",
    overwrite: false,
    toAdd: [],
    toRemove: [{ key: "foo", effect: "NoSchedule" }],
    taints: [],
    operation: "untainted",
  },
  {
    name: "Removing a taint by key alone leaves none.",
    overwrite: false,
    toAdd: [],
    toRemove: [{ key: "foo", effect: "" }],
    taints: [],
    operation: "untainted",
  },
  {
    name: "Adding a new taint and removing the old one reports modified.",
    overwrite: false,
    toAdd: [{ key: "foo_1", effect: "NoSchedule" }],
    toRemove: [{ key: "foo", effect: "NoSchedule" }],
    taints: [{ key: "foo_1", effect: "NoSchedule" }],
    operation: "modified",
  },
];

describe("applyTaintChanges", () => {
  it.each(reorganizeCases)("$name", ({ overwrite, toAdd, toRemove, taints, operation }) => {
    expect(applyTaintChanges([fooBar], toAdd, toRemove, overwrite)).toStrictEqual({ operation, taints });
  });

  it("Removing a taint the node does not have fails with kubectl's message.", () => {
    expect(() => applyTaintChanges([fooBar], [], [{ key: "foo_1", effect: "NoSchedule" }], false)).toThrow(
      'taint "foo_1:NoSchedule" not found',
    );
  });
});

function nodeWith(taints: Taint[] | undefined): Node {
  return { apiVersion: "v1", kind: "Node", metadata: { name: "node-name" }, spec: taints ? { taints } : {} };
}

interface CommandCase {
  readonly name: string;
  readonly oldTaints: Taint[] | undefined;
  readonly args: string[];
  readonly overwrite: boolean;
  readonly taints: Taint[];
  readonly operation: TaintOperation;
}

// Ported from kubectl pkg/cmd/taint taint_test.go TestTaint success cases.
const commandCases: readonly CommandCase[] = [
  {
    name: "A node gets a NoSchedule taint.",
    oldTaints: undefined,
    args: ["foo=bar:NoSchedule"],
    overwrite: false,
    taints: [{ key: "foo", value: "bar", effect: "NoSchedule" }],
    operation: "tainted",
  },
  {
    name: "A node gets a PreferNoSchedule taint.",
    oldTaints: undefined,
    args: ["foo=bar:PreferNoSchedule"],
    overwrite: false,
    taints: [{ key: "foo", value: "bar", effect: "PreferNoSchedule" }],
    operation: "tainted",
  },
  {
    name: "With overwrite an existing taint's value changes from bar to barz.",
    oldTaints: [{ key: "foo", value: "bar", effect: "NoSchedule" }],
    args: ["foo=barz:NoSchedule"],
    overwrite: true,
    taints: [{ key: "foo", value: "barz", effect: "NoSchedule" }],
    operation: "modified",
  },
  {
    name: "A node gets two taints.",
    oldTaints: undefined,
    args: ["dedicated=namespaceA:NoSchedule", "foo=bar:PreferNoSchedule"],
    overwrite: false,
    taints: [
      { key: "dedicated", value: "namespaceA", effect: "NoSchedule" },
      { key: "foo", value: "bar", effect: "PreferNoSchedule" },
    ],
    operation: "tainted",
  },
  {
    name: "Of two taints with one key, key:effect- removes only that effect.",
    oldTaints: [
      { key: "dedicated", value: "namespaceA", effect: "NoSchedule" },
      { key: "dedicated", value: "namespaceA", effect: "PreferNoSchedule" },
    ],
    args: ["dedicated:NoSchedule-"],
    overwrite: false,
    taints: [{ key: "dedicated", value: "namespaceA", effect: "PreferNoSchedule" }],
    operation: "untainted",
  },
  {
    name: "Of two taints with one key, key- removes both.",
    oldTaints: [
      { key: "dedicated", value: "namespaceA", effect: "NoSchedule" },
      { key: "dedicated", value: "namespaceA", effect: "PreferNoSchedule" },
    ],
    args: ["dedicated-"],
    overwrite: false,
    taints: [],
    operation: "untainted",
  },
  {
    name: "One taint is updated and the other removed in one command.",
    oldTaints: [
      { key: "dedicated", value: "namespaceA", effect: "NoSchedule" },
      { key: "foo", value: "bar", effect: "PreferNoSchedule" },
    ],
    args: ["dedicated:NoSchedule-", "foo=barz:PreferNoSchedule"],
    overwrite: true,
    taints: [{ key: "foo", value: "barz", effect: "PreferNoSchedule" }],
    operation: "modified",
  },
  {
    name: "The transcript's untaint of dedicated=infra:NoSchedule- leaves no taints.",
    oldTaints: [{ key: "dedicated", value: "infra", effect: "NoSchedule" }],
    args: ["dedicated=infra:NoSchedule-"],
    overwrite: false,
    taints: [],
    operation: "untainted",
  },
];

describe("applyTaintChanges on a Node", () => {
  it.each(commandCases)("$name", ({ oldTaints, args, overwrite, taints, operation }) => {
    const { toAdd, toRemove } = parseTaintArguments(args);
    const node = nodeWith(oldTaints);
    expect(applyTaintChanges(node, toAdd, toRemove, overwrite)).toStrictEqual({ operation, taints });
    expect(node.spec?.taints).toStrictEqual(oldTaints);
  });
});

interface FailureCase {
  readonly name: string;
  readonly oldTaints: Taint[];
  readonly toAdd: Taint[];
  readonly toRemove: Taint[];
  readonly reason: string;
  readonly message: string;
}

// checkIfTaintsAlreadyExists cases ported from utils_test.go, against three NoSchedule taints.
const threeTaints: Taint[] = [
  { key: "foo_1", value: "bar", effect: "NoSchedule" },
  { key: "foo_2", value: "bar", effect: "NoSchedule" },
  { key: "foo_3", value: "bar", effect: "NoSchedule" },
];

const failureCases: readonly FailureCase[] = [
  {
    name: "Re-adding an existing taint without overwrite names its key.",
    oldTaints: [fooBar],
    toAdd: [fooBar],
    toRemove: [],
    reason: "TaintExists",
    message: "node node-name already has foo taint(s) with same effect(s) and --overwrite is false",
  },
  {
    name: "Two existing taints are listed comma-separated in the order given.",
    oldTaints: threeTaints,
    toAdd: [
      { key: "foo_2", effect: "NoSchedule" },
      { key: "foo_3", effect: "NoSchedule" },
    ],
    toRemove: [],
    reason: "TaintExists",
    message: "node node-name already has foo_2,foo_3 taint(s) with same effect(s) and --overwrite is false",
  },
  {
    name: "Several missing removals aggregate in brackets.",
    oldTaints: [fooBar],
    toAdd: [],
    toRemove: [
      { key: "a", effect: "NoSchedule" },
      { key: "b", effect: "" },
    ],
    reason: "TaintNotFound",
    message: '[taint "a:NoSchedule" not found, taint "b" not found]',
  },
  {
    name: "Removing a key that has no taint fails even when another removal succeeds.",
    oldTaints: [fooBar],
    toAdd: [],
    toRemove: [
      { key: "foo", effect: "" },
      { key: "missing", effect: "NoExecute" },
    ],
    reason: "TaintNotFound",
    message: 'taint "missing:NoExecute" not found',
  },
];

describe("applyTaintChanges failures", () => {
  it.each(failureCases)("$name", ({ oldTaints, toAdd, toRemove, reason, message }) => {
    let thrown: unknown;
    try {
      applyTaintChanges(nodeWith(oldTaints), toAdd, toRemove, false);
    } catch (error) {
      thrown = error;
    }
    expect(TaintArgumentError.isInstance(thrown)).toBe(true);
    expect((thrown as TaintArgumentError).reason).toBe(reason);
    expect((thrown as TaintArgumentError).message).toBe(message);
    expect((thrown as TaintArgumentError).isUsageError).toBe(false);
  });

  it("A taint with another effect than the existing one is not a conflict.", () => {
    expect(
      applyTaintChanges(nodeWith(threeTaints), [{ key: "foo_1", effect: "NoExecute" }], [], false).taints,
    ).toStrictEqual([{ key: "foo_1", effect: "NoExecute" }, ...threeTaints]);
  });

  it("The nodeName argument overrides the name in messages.", () => {
    expect(() => applyTaintChanges([fooBar], [fooBar], [], false, "node-7")).toThrow(
      "node node-7 already has foo taint(s) with same effect(s) and --overwrite is false",
    );
  });
});
