import type { Event } from "@kubesim/core";
import { describe, expect, it } from "vitest";

import { applyFixture, podPlacements, runScenario, schedulingModes } from "./run-scenario.js";

interface SeedStoryRecord {
  readonly pods: string[][];
  readonly events: string[];
}

function describeEvent(event: Event): string {
  const involved = event.involvedObject;
  return `${involved.kind}/${involved.namespace ?? ""}/${involved.name} ${event.reason} ${event.message} x${event.count}`;
}

// Scenario 1 (the seed story), recording pod names and placements after every step and all events.
async function recordSeedStory(scheduling: "scheduler" | "legacy"): Promise<SeedStoryRecord> {
  return runScenario({ seed: 1, nodes: 2, daemonSetScheduling: scheduling }, async (cluster) => {
    const pods: string[][] = [];
    async function record(): Promise<void> {
      pods.push(
        (await podPlacements(cluster, "app=nginx")).map((pod) => `${pod.name} ${pod.node} ${pod.phase}`),
      );
    }
    await applyFixture(cluster, "nginx-daemonset");
    await record();
    await cluster.addNode("node-3");
    await cluster.settle();
    await record();
    await cluster.deleteNode("node-3");
    await cluster.settle();
    await record();
    return { pods, events: (await cluster.events()).map(describeEvent) };
  });
}

describe.each(schedulingModes)("determinism with daemonSetScheduling $scheduling", ({ scheduling }) => {
  it("gives identical pod names, placements and event sequence for the same seed", async () => {
    const first = await recordSeedStory(scheduling);
    const second = await recordSeedStory(scheduling);
    expect(first.pods.map((step) => step.length)).toEqual([2, 3, 2]);
    expect(first.events.some((event) => event.includes(" SuccessfulCreate "))).toBe(true);
    expect(second).toEqual(first);
  });
});
