import { describe, expect, it } from "vitest";
import { type CommittedChange, WatchHistory } from "./watch-history.js";

const change = (resourceVersion: number): CommittedChange => ({
  resourceVersion,
  type: "ADDED",
  object: { metadata: { name: `o${resourceVersion}` } },
  previous: undefined,
});

describe("WatchHistory", () => {
  it("returns the kept changes after a revision, oldest first", () => {
    const history = new WatchHistory(10);
    for (const revision of [3, 5, 9]) history.push(change(revision));
    expect(history.changesAfter(0).map((item) => item.resourceVersion)).toEqual([3, 5, 9]);
    expect(history.changesAfter(4).map((item) => item.resourceVersion)).toEqual([5, 9]);
    expect(history.changesAfter(9)).toEqual([]);
  });

  it("drops the oldest change when full and refuses revisions before the window as upstream (oldest - 1)", () => {
    const history = new WatchHistory(2);
    for (const revision of [3, 5, 9]) history.push(change(revision));
    expect(history.compactedRevision).toBe(4);
    expect(history.changesAfter(4).map((item) => item.resourceVersion)).toEqual([5, 9]);
    expect(() => history.changesAfter(3)).toThrow("too old resource version: 3 (4)");
  });

  it("keeps one change with a window of one", () => {
    const history = new WatchHistory(1);
    for (const revision of [3, 5]) history.push(change(revision));
    expect(history.compactedRevision).toBe(4);
    expect(history.changesAfter(4).map((item) => item.resourceVersion)).toEqual([5]);
  });

  it("forgets everything up to a restored revision", () => {
    const history = new WatchHistory(5);
    history.compactTo(7);
    expect(() => history.changesAfter(6)).toThrow("too old resource version: 6 (7)");
    expect(history.changesAfter(7)).toEqual([]);
  });
});
