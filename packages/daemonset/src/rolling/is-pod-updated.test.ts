import type { Pod } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { isPodUpdated } from "./is-pod-updated.js";

function newPod(labels: Record<string, string> | undefined): Pod {
  return {
    metadata: { name: "pod1", namespace: "default", ...(labels === undefined ? {} : { labels }) },
    spec: { nodeName: "node1", containers: [{ name: "c", image: "foo/bar" }] },
  };
}

const hash = "55555";
const labels = { "pod-template-generation": "12345", "controller-revision-hash": hash };
const labelsNoHash = { "pod-template-generation": "12345" };

describe("isPodUpdated (upstream TestIsPodUpdated)", () => {
  it.each([
    {
      name: "templateGeneration and hash both match",
      generation: 12345,
      pod: newPod(labels),
      hash,
      expected: true,
    },
    {
      name: "templateGeneration matches, hash doesn't",
      generation: 12345,
      pod: newPod(labels),
      hash: `${hash}123`,
      expected: true,
    },
    {
      name: "templateGeneration matches, no hash label, has hash",
      generation: 12345,
      pod: newPod(labelsNoHash),
      hash,
      expected: true,
    },
    {
      name: "templateGeneration matches, no hash label, no hash",
      generation: 12345,
      pod: newPod(labelsNoHash),
      hash: "",
      expected: true,
    },
    {
      name: "templateGeneration matches, has hash label, no hash",
      generation: 12345,
      pod: newPod(labels),
      hash: "",
      expected: true,
    },
    {
      name: "templateGeneration doesn't match, hash does",
      generation: 12350,
      pod: newPod(labels),
      hash,
      expected: true,
    },
    {
      name: "templateGeneration and hash don't match",
      generation: 12350,
      pod: newPod(labels),
      hash: `${hash}123`,
      expected: false,
    },
    { name: "empty labels, no hash", generation: 12345, pod: newPod({}), hash: "", expected: false },
    { name: "empty labels", generation: 12345, pod: newPod({}), hash, expected: false },
    { name: "no labels", generation: 12345, pod: newPod(undefined), hash, expected: false },
  ])("$name", ({ generation, pod, hash: currentHash, expected }) => {
    expect(isPodUpdated(pod, currentHash, generation)).toBe(expected);
  });

  it.each([
    { name: "accepts the generation as the annotation's string", generation: "12345", expected: true },
    { name: "compares the generation's decimal form", generation: "012345", expected: true },
    { name: "ignores a generation that is not an integer", generation: "twelve", expected: false },
    { name: "ignores an unknown generation", generation: undefined, expected: false },
  ])("$name", ({ generation, expected }) => {
    expect(isPodUpdated(newPod(labelsNoHash), "", generation)).toBe(expected);
  });

  it("does not treat an empty hash as matching an empty hash label", () => {
    expect(isPodUpdated(newPod({ "controller-revision-hash": "" }), "", undefined)).toBe(false);
  });
});
