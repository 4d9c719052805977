import { readFileSync } from "node:fs";
import { kubesimBinaryPath } from "@kubesim/example-transcript-kit";
import { beforeAll, describe, expect, it } from "vitest";
import { runNginxDaemonSetDemo } from "./nginx-daemonset-demo.js";

describe("the nginx DaemonSet demo with the kubesim binary", () => {
  // Fails with the build command to run when packages/cli/dist/main.js is missing.
  beforeAll(() => {
    kubesimBinaryPath();
  });

  it("prints the golden transcript: DESIRED 2 beside the kube-system DaemonSets, a pod for the node that joins, none for the node that leaves", async () => {
    const golden = readFileSync(new URL("./__fixtures__/nginx-daemonset-demo.txt", import.meta.url), "utf8");
    expect(await runNginxDaemonSetDemo()).toBe(golden);
  }, 120_000);
});
