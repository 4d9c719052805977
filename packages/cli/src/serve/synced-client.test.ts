import { VirtualClock } from "@kubesim/core";
import { createMemoryStore } from "@kubesim/store";
import { describe, expect, it } from "vitest";
import { syncedClient } from "./synced-client.js";

describe("syncedClient", () => {
  it("runs the hook before every call and reaches the store's own methods beyond ApiClient", async () => {
    const clock = new VirtualClock(Date.parse("2026-03-01T00:00:00Z"));
    const store = createMemoryStore({ clock, seed: 1 });
    const calls: string[] = [];
    const client = syncedClient(store, () => {
      clock.advance(1_000);
      calls.push("sync");
    });
    await client.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "a" } });
    // Created after the first hook moved the clock, read after the second.
    expect((await client.get("Namespace", "a")).metadata?.creationTimestamp).toBe("2026-03-01T00:00:01Z");
    expect(clock.now()).toBe(Date.parse("2026-03-01T00:00:02Z"));
    expect(typeof (client as unknown as Record<string, unknown>).finalizeNamespace).toBe("function");
    expect(typeof (client as unknown as Record<string, unknown>).patchWithOutcome).toBe("function");
    // Reading a method is not a call: only create and get ran the hook.
    expect(calls).toEqual(["sync", "sync"]);
    expect(client.list).toBe(client.list);
  });
});
