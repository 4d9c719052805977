import { type ApiClient, type Node, type Pod, VirtualClock } from "@kubesim/core";
import {
  createScheduler,
  type FilterPlugin,
  PluginRegistry,
  unschedulableAndUnresolvable,
} from "@kubesim/scheduler";
import { createMemoryStore } from "@kubesim/store";

/** The start of the demo's virtual time. */
export const demoStart = Date.parse("2026-11-29T00:00:00Z");

function node(name: string, cpu: string, extra: { controlPlane?: boolean; zone?: string } = {}): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      labels: {
        "kubernetes.io/hostname": name,
        ...(extra.zone === undefined ? {} : { "topology.kubernetes.io/zone": extra.zone }),
        ...(extra.controlPlane === true ? { "node-role.kubernetes.io/control-plane": "" } : {}),
      },
    },
    spec:
      extra.controlPlane === true
        ? { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] }
        : {},
    status: {
      capacity: { cpu, memory: "4Gi", pods: "110" },
      allocatable: { cpu, memory: "4Gi", pods: "110" },
      conditions: [{ type: "Ready", status: "True" }],
    },
  };
}

function pod(name: string, cpu: string, schedulerName?: string): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default" },
    spec: {
      ...(schedulerName === undefined ? {} : { schedulerName }),
      containers: [{ name: "web", image: "nginx:1.25", resources: { requests: { cpu } } }],
    },
  };
}

/**
 * An out-of-tree Filter plugin: only nodes with a zone label qualify. Registered by name and
 * enabled in the KubeSchedulerConfiguration of a second profile, `zoned-scheduler`.
 */
const requireZoneLabel: FilterPlugin = {
  name: "RequireZoneLabel",
  filter: (_state, _pod, nodeInfo) =>
    nodeInfo.node?.metadata?.labels?.["topology.kubernetes.io/zone"] === undefined
      ? unschedulableAndUnresolvable("node(s) had no zone label")
      : undefined,
};

async function waitUntilIdle(
  scheduler: ReturnType<typeof createScheduler>,
  clock: VirtualClock,
): Promise<void> {
  for (let round = 0; round < 1000; round++) {
    await scheduler.flush();
    if (scheduler.idle()) return;
    await new Promise((resolve) => setImmediate(resolve));
    clock.advance(10);
  }
}

async function listPods(client: ApiClient): Promise<string> {
  const pods = (await client.list("Pod", { namespace: "default" })).items;
  return pods
    .map((item) => {
      const condition = item.status?.conditions?.find((entry) => entry.type === "PodScheduled");
      const where = item.spec?.nodeName ?? "<pending>";
      return `${item.metadata?.name}\t${where}\t${condition?.reason ?? ""}`.trimEnd();
    })
    .join("\n");
}

/**
 * Three nodes (a tainted control plane and two 2-CPU workers, one of them zoned), the
 * default scheduler plus a profile with an out-of-tree plugin, four pods; returns what a
 * user would look at: placements, the scheduler's events and `explain` for the pod that
 * did not fit.
 */
export async function runSchedulingDemo(): Promise<string> {
  const clock = new VirtualClock(demoStart);
  const store = createMemoryStore({ clock, seed: 1 });
  for (const item of [
    node("control-plane", "4", { controlPlane: true }),
    node("node-1", "2", { zone: "a" }),
    node("node-2", "2"),
  ]) {
    const created = await store.create(item);
    // No node lifecycle controller runs here: drop the not-ready taint new nodes get at creation.
    const taints = (created.spec?.taints ?? []).filter(
      (taint) => taint.key !== "node.kubernetes.io/not-ready",
    );
    await store.update({ ...created, spec: { ...created.spec, taints } });
  }
  const registry = new PluginRegistry();
  registry.register("RequireZoneLabel", () => requireZoneLabel);
  const scheduler = createScheduler({
    client: store,
    clock,
    seed: 7,
    registry,
    config: {
      apiVersion: "kubescheduler.config.k8s.io/v1",
      kind: "KubeSchedulerConfiguration",
      profiles: [
        { schedulerName: "default-scheduler" },
        {
          schedulerName: "zoned-scheduler",
          plugins: { filter: { enabled: [{ name: "RequireZoneLabel" }] } },
        },
      ],
    },
  });
  await scheduler.start();
  await store.create(pod("zoned", "500m", "zoned-scheduler"));
  await waitUntilIdle(scheduler, clock);
  for (const name of ["web-1", "web-2", "web-3"]) await store.create(pod(name, "1500m"));
  await waitUntilIdle(scheduler, clock);

  let output = "$ kubectl get pods   (NAME, NODE, PodScheduled reason)\n";
  output += `${await listPods(store)}\n\n$ kubectl get events   (scheduler events)\n`;
  const events = (await store.list("Event", { namespace: "default" })).items;
  output += `${events.map((event) => `${event.type}\t${event.reason}\t${event.message}`).join("\n")}\n\n`;
  const pending = await store.get("Pod", "web-3", { namespace: "default" });
  const explanation = scheduler.explain(pending);
  output += "$ explain pod web-3\n";
  for (const entry of explanation.nodes) {
    output += `${entry.name}\t${entry.filter.code}\t${entry.filter.plugin ?? ""}\t${entry.filter.reasons.join(", ")}\n`;
  }
  scheduler.stop();
  return output;
}
