import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { libraryStory } from "./story.js";

describe("the library example", () => {
  it("prints the DaemonSets of a new kubeadm cluster, then nginx pods following nodes in and out", async () => {
    const golden = readFileSync(new URL("./__fixtures__/library-story.txt", import.meta.url), "utf8");
    expect(await libraryStory()).toBe(golden);
  });
});
