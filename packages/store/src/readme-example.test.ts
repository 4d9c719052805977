import { type Pod, VirtualClock } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { createMemoryStore } from "./index.js";

describe("the README example", () => {
  it("watches a pod created with generateName on a node and reports a missing pod as not found", async () => {
    const store = createMemoryStore({
      clock: new VirtualClock(Date.parse("2026-11-29T00:00:00Z")),
      seed: 42,
    });
    const watch = await store.watch("Pod", { namespace: "default", fieldSelector: "spec.nodeName=node-1" });
    const pod: Pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { generateName: "web-", namespace: "default" },
      spec: { nodeName: "node-1", containers: [{ name: "web", image: "nginx:1.25" }] },
    };
    const created = await store.create(pod);
    const seen: string[] = [];
    for await (const event of watch) {
      seen.push(`${event.type} ${event.object.metadata?.name}`);
      break;
    }
    watch.close();
    expect(created.metadata?.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(seen).toEqual([`ADDED ${created.metadata?.name}`]);
    await expect(store.get("Pod", "missing", { namespace: "default" })).rejects.toThrow(
      'pods "missing" not found',
    );
  });
});
