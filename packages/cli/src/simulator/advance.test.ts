import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openClusterSession } from "../state/index.js";
import { createTestKubesim, type TestKubesim } from "./test-kubesim.js";

describe("kubesim advance", () => {
  let kubesim: TestKubesim;
  beforeEach(async () => {
    kubesim = createTestKubesim("2026-03-01T00:00:00Z");
    await kubesim.run(["cluster", "create"]);
  });
  afterEach(() => {
    kubesim.cleanup();
  });

  it("Moves the cluster's clock ahead of the wall clock, and later commands keep it there", async () => {
    expect(await kubesim.run(["advance", "1m30s"])).toEqual({
      code: 0,
      stdout: "advanced 1m30s to 2026-03-01T00:01:30Z\n",
      stderr: "",
    });
    expect(await kubesim.run(["advance", "250ms"], { now: "2026-03-01T00:00:10Z" })).toEqual({
      code: 0,
      stdout: "advanced 250ms to 2026-03-01T00:01:30Z\n",
      stderr: "",
    });
    const session = await openClusterSession({
      home: kubesim.home,
      name: "kubesim",
      now: Date.parse("2026-03-01T00:00:20Z"),
    });
    expect(session.cluster.clock.now()).toBe(Date.parse("2026-03-01T00:01:30.250Z"));
    session.close();
  });

  it("Evicts pods from a NotReady node once their tolerationSeconds have passed", async () => {
    await kubesim.run(["node", "add", "node-3"]);
    const setup = await openClusterSession({
      home: kubesim.home,
      name: "kubesim",
      now: Date.parse("2026-03-01T00:00:00Z"),
    });
    await setup.cluster.apply({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "web", namespace: "default" },
      spec: { nodeName: "node-3", containers: [{ name: "web", image: "nginx:1.25" }] },
    });
    await setup.save();
    setup.close();
    await kubesim.run(["node", "set-ready", "node-3", "false"]);
    expect(await kubesim.run(["advance", "6m"])).toEqual({
      code: 0,
      stdout: "advanced 6m to 2026-03-01T00:06:00Z\n",
      stderr: "",
    });
    const session = await openClusterSession({
      home: kubesim.home,
      name: "kubesim",
      now: Date.parse("2026-03-01T00:00:00Z"),
    });
    const pods = (await session.cluster.client.list("Pod")).items.filter(
      (pod) => pod.spec?.nodeName === "node-3",
    );
    session.close();
    // web tolerated not-ready for the default 300 s, so it was evicted (it stays Terminating:
    // its kubelet is not there to confirm); DaemonSet pods tolerate not-ready forever.
    expect(
      pods.map(
        (pod) =>
          `${pod.metadata?.generateName ?? pod.metadata?.name}:${pod.metadata?.deletionTimestamp ?? "-"}`,
      ),
    ).toEqual(["web:2026-03-01T00:05:30Z", "kube-flannel-ds-:-", "kube-proxy-:-"]);
  });

  it.each([
    {
      name: "A duration without a unit is refused",
      duration: "90",
      stderr: 'error: invalid duration "90": expected milliseconds or text such as "90s", "5m" or "1m30s"\n',
    },
    {
      name: "Words are refused",
      duration: "soon",
      stderr:
        'error: invalid duration "soon": expected milliseconds or text such as "90s", "5m" or "1m30s"\n',
    },
    {
      name: "A negative duration reads as a flag and is refused",
      duration: "-5s",
      stderr: "error: unknown shorthand flag: '5' in -5s\nSee 'kubesim advance --help' for usage.\n",
    },
  ])("$name", async ({ duration, stderr }) => {
    expect(await kubesim.run(["advance", duration])).toEqual({ code: 1, stdout: "", stderr });
  });
});
