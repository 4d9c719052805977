import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServedCluster } from "./served-cluster.js";

/** The cluster is created at this instant, and served with its clock pinned a minute later. */
const createdAt = "2026-03-01T00:00:00Z";
const servedAt = "2026-03-01T00:01:00Z";

/** `get` commands whose output must be the same bytes from kubectl (over HTTP) and from kubesim. */
const commands: { name: string; args: string[] }[] = [
  { name: "get ds lists the nginx DaemonSet with the same cells", args: ["get", "ds"] },
  { name: "get ds -A adds the NAMESPACE column from the rows' objects", args: ["get", "ds", "-A"] },
  { name: "get ds --all-namespaces is the same as -A", args: ["get", "ds", "--all-namespaces"] },
  { name: "get ds -o wide shows the priority-1 columns", args: ["get", "ds", "-o", "wide"] },
  { name: "get ds -l app=nginx filters on the server", args: ["get", "ds", "-A", "-l", "app=nginx"] },
  {
    name: "get ds -A --show-labels -L app adds label columns",
    args: ["get", "ds", "-A", "--show-labels", "-L", "app"],
  },
  { name: "get pods -o wide shows IP and NODE", args: ["get", "pods", "-o", "wide"] },
  { name: "get pods -A -o wide lists every namespace's pods", args: ["get", "pods", "-A", "-o", "wide"] },
  { name: "get nodes shows status, roles and version", args: ["get", "nodes"] },
  { name: "get nodes -o wide shows addresses, OS and runtime", args: ["get", "nodes", "-o", "wide"] },
  { name: "get all prints one table per kind, names prefixed by kind", args: ["get", "all"] },
  { name: "get all -A prints every namespace's objects", args: ["get", "all", "-A"] },
  { name: "get ds nginx -o yaml prints the object as YAML", args: ["get", "ds", "nginx", "-o", "yaml"] },
  { name: "get ds -o json prints a List", args: ["get", "ds", "-o", "json"] },
  { name: "get ds -A -o name prints kind.group/name", args: ["get", "ds", "-A", "-o", "name"] },
  { name: "get node node-1 -o yaml prints the node as YAML", args: ["get", "node", "node-1", "-o", "yaml"] },
];

describe("kubectl get over HTTP prints exactly what kubesim get prints", () => {
  let cluster: ServedCluster;
  const fromKubectl = new Map<string, { exitCode: number; stdout: string; stderr: string }>();

  beforeAll(async () => {
    cluster = await ServedCluster.open({ now: createdAt, stopped: true });
    const created = await cluster.workspace.kubesim(["create", "-f", "ds.yaml"], { now: createdAt });
    if (created.exitCode !== 0) throw new Error(created.stderr);
    await cluster.start({ now: servedAt });
    for (const { args } of commands) fromKubectl.set(args.join(" "), await cluster.kubectl(args));
    const stopped = await cluster.stop();
    if (stopped.exitCode !== 0)
      throw new Error(`kubesim serve exited with ${stopped.exitCode}:\n${stopped.output}`);
  }, 60_000);

  afterAll(async () => {
    await cluster?.close();
  });

  it.each(commands)("$name", async ({ args }) => {
    const kubesim = await cluster.workspace.kubesim(args, { now: servedAt });
    expect(fromKubectl.get(args.join(" "))).toEqual(kubesim);
  });

  it("the cluster the server saved is the one kubectl saw: two running nginx pods", async () => {
    const kubesim = await cluster.workspace.kubesim(
      ["get", "ds", "nginx", "-o", "jsonpath={.status.numberReady}"],
      {
        now: servedAt,
      },
    );
    expect(kubesim).toEqual({ exitCode: 0, stdout: "2", stderr: "" });
  });
});
