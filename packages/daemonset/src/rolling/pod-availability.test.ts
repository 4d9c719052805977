import type { Pod, PodCondition } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { isPodAvailable, isPodReady } from "./pod-availability.js";

const at = (iso: string): number => Date.parse(iso);

function podWith(conditions: PodCondition[] | undefined): Pod {
  return { metadata: { name: "p" }, ...(conditions === undefined ? {} : { status: { conditions } }) };
}

const readySince = (time: string): PodCondition => ({
  type: "Ready",
  status: "True",
  lastTransitionTime: time,
});

describe("isPodReady", () => {
  it.each([
    {
      name: "a Ready condition with status True is ready",
      conditions: [{ type: "Ready", status: "True" }],
      expected: true,
    },
    {
      name: "a Ready condition with status False is not",
      conditions: [{ type: "Ready", status: "False" }],
      expected: false,
    },
    {
      name: "a Ready condition with status Unknown is not",
      conditions: [{ type: "Ready", status: "Unknown" }],
      expected: false,
    },
    { name: "a pod without conditions is not", conditions: undefined, expected: false },
    {
      name: "other conditions do not count",
      conditions: [{ type: "ContainersReady", status: "True" }],
      expected: false,
    },
    {
      name: "the first Ready condition decides",
      conditions: [
        { type: "Ready", status: "False" },
        { type: "Ready", status: "True" },
      ],
      expected: false,
    },
  ])("$name", ({ conditions, expected }) => {
    expect(isPodReady(podWith(conditions))).toBe(expected);
  });
});

describe("isPodAvailable", () => {
  it.each([
    {
      name: "a ready pod is available at once with minReadySeconds 0",
      condition: { type: "Ready", status: "True" },
      minReadySeconds: 0,
      now: "2024-01-01T00:00:00Z",
      expected: true,
    },
    {
      name: "an unready pod is never available",
      condition: { type: "Ready", status: "False", lastTransitionTime: "2024-01-01T00:00:00Z" },
      minReadySeconds: 0,
      now: "2024-01-02T00:00:00Z",
      expected: false,
    },
    {
      name: "a pod ready for less than minReadySeconds is not available",
      condition: readySince("2024-01-01T00:00:00Z"),
      minReadySeconds: 15,
      now: "2024-01-01T00:00:10Z",
      expected: false,
    },
    {
      name: "a pod ready for exactly minReadySeconds is not yet available",
      condition: readySince("2024-01-01T00:00:00Z"),
      minReadySeconds: 15,
      now: "2024-01-01T00:00:15Z",
      expected: false,
    },
    {
      name: "a pod ready for longer than minReadySeconds is available",
      condition: readySince("2024-01-01T00:00:00Z"),
      minReadySeconds: 15,
      now: "2024-01-01T00:00:15.001Z",
      expected: true,
    },
    {
      name: "a ready pod without a transition time is not available when minReadySeconds is set",
      condition: { type: "Ready", status: "True" },
      minReadySeconds: 5,
      now: "2030-01-01T00:00:00Z",
      expected: false,
    },
    {
      name: "Go's zero time counts as no transition time",
      condition: readySince("0001-01-01T00:00:00Z"),
      minReadySeconds: 5,
      now: "2030-01-01T00:00:00Z",
      expected: false,
    },
  ])("$name", ({ condition, minReadySeconds, now, expected }) => {
    expect(isPodAvailable(podWith([condition]), minReadySeconds, at(now))).toBe(expected);
  });
});
