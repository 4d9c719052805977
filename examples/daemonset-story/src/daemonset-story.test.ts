import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runDaemonSetStory } from "./daemonset-story.js";

const manifest = {
  name: "nginx-ds.yaml",
  text: readFileSync(new URL("../manifests/nginx-ds.yaml", import.meta.url), "utf8"),
};
const golden = (mode: string) =>
  readFileSync(new URL(`./__fixtures__/story-${mode}.txt`, import.meta.url), "utf8");

describe("the DaemonSet story on a simulated kubeadm cluster", () => {
  it.each(["scheduler", "legacy"] as const)(
    "in %s mode prints DESIRED 2 with a tainted control plane, a pod for the node that joins, none for the node that leaves",
    async (mode) => {
      expect(await runDaemonSetStory(manifest, mode)).toBe(golden(mode));
    },
  );

  it("lands pods on the same workers in both modes, section by section", () => {
    const nodesPerSection = (text: string) =>
      text
        .split("\n$ ")
        .map((section) => [...section.matchAll(/ (node-\d) /g)].map((match) => match[1]).sort());
    expect(nodesPerSection(golden("scheduler"))).toEqual(nodesPerSection(golden("legacy")));
  });
});
