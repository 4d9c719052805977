import { describe, expect, it } from "vitest";
import { parseSchedulerConfiguration } from "./parse-scheduler-configuration.js";

const withFitArgs = (args: unknown) => ({
  apiVersion: "kubescheduler.config.k8s.io/v1",
  kind: "KubeSchedulerConfiguration",
  profiles: [{ schedulerName: "default-scheduler", pluginConfig: [{ name: "NodeResourcesFit", args }] }],
});

describe("plugin args written in a v1 configuration file", () => {
  it.each([
    {
      name: "a resource weight of 0 becomes 1, as the v1 API defaults it",
      args: { scoringStrategy: { type: "MostAllocated", resources: [{ name: "cpu", weight: 0 }] } },
      want: { scoringStrategy: { type: "MostAllocated", resources: [{ name: "cpu", weight: 1 }] } },
    },
    {
      name: "an empty resource list becomes cpu and memory, as the v1 API defaults it",
      args: { scoringStrategy: { type: "LeastAllocated", resources: [] } },
      want: {
        scoringStrategy: {
          type: "LeastAllocated",
          resources: [
            { name: "cpu", weight: 1 },
            { name: "memory", weight: 1 },
          ],
        },
      },
    },
  ])("$name", ({ args, want }) => {
    const configuration = parseSchedulerConfiguration(withFitArgs(args));
    expect(configuration.profiles[0]?.pluginConfig).toEqual([{ name: "NodeResourcesFit", args: want }]);
  });
});
