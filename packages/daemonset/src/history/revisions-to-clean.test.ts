import type { ControllerRevision, DaemonSet, Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { revisionsToClean } from "./revisions-to-clean.js";

function revision(number: number, hash: string | undefined = `h${number}`): ControllerRevision {
  return {
    metadata: {
      name: `web-r${number}`,
      ...(hash === undefined ? {} : { labels: { "controller-revision-hash": hash } }),
    },
    revision: number,
  };
}

function podWithHash(hash: string): Pod {
  return { metadata: { name: `pod-${hash}`, labels: { app: "web", "controller-revision-hash": hash } } };
}

function daemonSet(revisionHistoryLimit: number | undefined): DaemonSet {
  return {
    metadata: { name: "web" },
    spec: {
      selector: { matchLabels: { app: "web" } },
      template: { metadata: { labels: { app: "web" } } },
      ...(revisionHistoryLimit === undefined ? {} : { revisionHistoryLimit }),
    },
  };
}

const oneToSix = [1, 2, 3, 4, 5, 6].map((number) => revision(number));

describe("revisionsToClean", () => {
  it.each([
    {
      name: "keeps everything while the old revisions fit the limit",
      limit: 5,
      revisions: oneToSix,
      pods: [],
      current: "web-r6",
      expected: [],
    },
    {
      name: "deletes the oldest excess revisions",
      limit: 2,
      revisions: oneToSix,
      pods: [],
      current: "web-r6",
      expected: [1, 2, 3],
    },
    {
      name: "skips revisions still used by a pod and takes newer ones instead",
      limit: 2,
      revisions: oneToSix,
      pods: [podWithHash("h1"), podWithHash("h3")],
      current: "web-r6",
      expected: [2, 4, 5],
    },
    {
      name: "may delete fewer than the excess when pods use the rest",
      limit: 3,
      revisions: oneToSix,
      pods: [podWithHash("h1"), podWithHash("h2"), podWithHash("h4")],
      current: "web-r6",
      expected: [3, 5],
    },
    {
      name: "with limit 0 keeps only the current revision and those in use",
      limit: 0,
      revisions: oneToSix,
      pods: [podWithHash("h2")],
      current: "web-r6",
      expected: [1, 3, 4, 5],
    },
    {
      name: "never deletes the current revision, even when it has the lowest number",
      limit: 1,
      revisions: oneToSix,
      pods: [],
      current: "web-r1",
      expected: [2, 3, 4, 5],
    },
    {
      name: "orders by revision number whatever the input order",
      limit: 1,
      revisions: [revision(5), revision(2), revision(9), revision(3)],
      pods: [],
      current: "web-r9",
      expected: [2, 3],
    },
    {
      name: "treats a revision without a hash label as unused",
      limit: 0,
      revisions: [revision(1, undefined), revision(2)],
      pods: [{ metadata: { name: "bare" } }],
      current: "web-r2",
      expected: [1],
    },
    {
      name: "uses the default limit of 10 when none is set",
      limit: undefined,
      revisions: Array.from({ length: 12 }, (_, index) => revision(index + 1)),
      pods: [],
      current: "web-r12",
      expected: [1],
    },
  ])("$name", ({ limit, revisions, pods, current, expected }) => {
    const deleted = revisionsToClean(daemonSet(limit), revisions, pods, current);
    expect(deleted.map((item) => item.revision)).toEqual(expected);
  });

  it("does not reorder the revisions it was given", () => {
    const revisions = [revision(5), revision(2), revision(9)];
    revisionsToClean(daemonSet(0), revisions, [], "web-r9");
    expect(revisions.map((item) => item.revision)).toEqual([5, 2, 9]);
  });
});
