import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { KubesimTranscript } from "./kubesim-transcript.js";

const cwd = fileURLToPath(new URL(".", import.meta.url));

describe("KubesimTranscript", () => {
  it("records captions, commands and their output with the clock pinned and moved by wait", async () => {
    const text = await KubesimTranscript.record(
      { cwd, startTime: "2026-03-01T00:00:00Z" },
      async (session) => {
        session.caption("A cluster with no workers.");
        await session.run(["cluster", "create", "kit", "--nodes", "0"]);
        session.wait(60);
        await session.run(["get", "nodes", "-o", "name"]);
        await session.run(["get", "ds", "nope"], { exitCode: 1 });
      },
    );
    expect(text).toBe(
      [
        "# A cluster with no workers.",
        "$ kubesim cluster create kit --nodes 0",
        "cluster/kit created",
        "$ kubesim get nodes -o name",
        "node/control-plane",
        "$ kubesim get ds nope",
        'Error from server (NotFound): daemonsets.apps "nope" not found',
        "",
      ].join("\n"),
    );
  });

  it("fails a step whose exit code is not the expected one, naming the command", async () => {
    await expect(
      KubesimTranscript.record({ cwd, startTime: "2026-03-01T00:00:00Z" }, async (session) => {
        await session.run(["get", "ds"]);
      }),
    ).rejects.toThrow(/kubesim get ds/);
  });
});
