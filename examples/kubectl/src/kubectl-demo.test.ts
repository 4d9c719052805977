import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runKubectlDemo } from "./kubectl-demo.js";
import { normalisePort, normaliseTableAges, normaliseTimestamps } from "./normalise-output.js";

/** What varies from run to run: the server's port, the ages kubectl prints, the time the cluster was saved. */
const normalise = (text: string) => normaliseTableAges(normaliseTimestamps(normalisePort(text)));

describe("the kubectl demo (pnpm run demo:kubectl)", () => {
  it("prints the golden transcript: kubectl creates the DaemonSet, sees one pod per worker, follows the rollout, and kubesim saves it", async () => {
    const golden = readFileSync(new URL("./__fixtures__/kubectl-demo.txt", import.meta.url), "utf8");
    expect(normalise(await runKubectlDemo())).toBe(normalise(golden));
  }, 60_000);
});
