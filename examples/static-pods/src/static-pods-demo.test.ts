import { readFileSync } from "node:fs";
import { kubesimBinaryPath } from "@kubesim/example-transcript-kit";
import { beforeAll, describe, expect, it } from "vitest";
import { runStaticPodsDemo } from "./static-pods-demo.js";

describe("the static pods demo with the kubesim binary", () => {
  // Fails with the build command to run when packages/cli/dist/main.js is missing.
  beforeAll(() => {
    kubesimBinaryPath();
  });

  it("prints the golden transcript: a mirror pod controlled by its node, recreated after delete, gone with the node", async () => {
    const golden = readFileSync(new URL("./__fixtures__/static-pods-demo.txt", import.meta.url), "utf8");
    expect(await runStaticPodsDemo()).toBe(golden);
  }, 120_000);
});
