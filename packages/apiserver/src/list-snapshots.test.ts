import type { KubeObject } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { type KeyedObject, ListSnapshots, listSnapshotKey } from "./list-snapshots.js";

const keyed = (name: string): KeyedObject[] => [
  { key: name, object: { apiVersion: "v1", kind: "Pod", metadata: { name } } as KubeObject },
];

describe("ListSnapshots", () => {
  it.each([
    { name: "A kept list is found under its key.", age: 0, found: true },
    { name: "A list is still kept just under five minutes later.", age: 5 * 60_000, found: true },
    { name: "A list older than five minutes is gone.", age: 5 * 60_000 + 1, found: false },
  ])("$name", ({ age, found }) => {
    const snapshots = new ListSnapshots();
    snapshots.set("k", keyed("a"), 1_000);
    expect(snapshots.get("k", 1_000 + age) !== undefined).toBe(found);
  });

  it("keeps the 16 most recent lists and drops the oldest beyond them", () => {
    const snapshots = new ListSnapshots();
    for (let index = 0; index < 17; index++) snapshots.set(`k${index}`, keyed(`p${index}`), 0);
    expect([
      snapshots.get("k0", 0),
      snapshots.get("k1", 0)?.[0]?.key,
      snapshots.get("k16", 0)?.[0]?.key,
    ]).toEqual([undefined, "p1", "p16"]);
  });

  it.each([
    {
      name: "Keys differ by namespace, selectors and resourceVersion, and never collide on separators.",
      left: listSnapshotKey("Pod", { namespace: "a", labelSelector: "x" }, "5"),
      right: listSnapshotKey("Pod", { namespace: "a,x" }, "5"),
    },
    {
      name: "The same selection at another resourceVersion is another list.",
      left: listSnapshotKey("Pod", {}, "5"),
      right: listSnapshotKey("Pod", {}, "6"),
    },
  ])("$name", ({ left, right }) => {
    expect(left).not.toBe(right);
  });
});
