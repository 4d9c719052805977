import { readFileSync } from "node:fs";
import { kubesimBinaryPath } from "@kubesim/example-transcript-kit";
import { beforeAll, describe, expect, it } from "vitest";
import { runLegacyDaemonSetDemo } from "./legacy-daemonset-demo.js";

describe("the pre-1.12 DaemonSet demo with the kubesim binary", () => {
  // Fails with the build command to run when packages/cli/dist/main.js is missing.
  beforeAll(() => {
    kubesimBinaryPath();
  });

  it("prints the golden transcript: pods bound by the controller through spec.nodeName, no affinity, no Scheduled events", async () => {
    const golden = readFileSync(new URL("./__fixtures__/legacy-daemonset-demo.txt", import.meta.url), "utf8");
    expect(await runLegacyDaemonSetDemo()).toBe(golden);
  }, 120_000);
});
