import { readFileSync } from "node:fs";
import type { DaemonSet, Deployment, ReplicaSet } from "kubernetes-types/apps/v1";
import type { Node, NodeSystemInfo, Pod, Service } from "kubernetes-types/core/v1";
import { describe, expect, it } from "vitest";
import { printTable } from "./print-table.js";
import { createTableWriter, renderTable } from "./render-table.js";
import type { PrintedTable } from "./table-types.js";

function transcript(name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}.stdout.txt`, import.meta.url), "utf8");
}

const now = new Date("2026-11-29T19:21:40Z");
const secondsAgo = (seconds: number) =>
  new Date(now.getTime() - seconds * 1000).toISOString().replace(".000Z", "Z");
const threeDaysAgo = secondsAgo(3 * 24 * 3600 + 600);

function daemonSet(options: {
  name?: string;
  namespace?: string;
  age: number | "3d";
  count?: number;
  nodeSelector?: Record<string, string>;
  labels?: Record<string, string>;
  image?: string;
}): DaemonSet {
  const name = options.name ?? "nginx";
  const count = options.count ?? 2;
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: {
      name,
      namespace: options.namespace ?? "default",
      labels: options.labels ?? { app: name },
      creationTimestamp: options.age === "3d" ? threeDaysAgo : secondsAgo(options.age),
    },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [{ name, image: options.image ?? "nginx:1.25" }],
          ...(options.nodeSelector === undefined ? {} : { nodeSelector: options.nodeSelector }),
        },
      },
    },
    status: {
      desiredNumberScheduled: count,
      currentNumberScheduled: count,
      numberReady: count,
      updatedNumberScheduled: count,
      numberAvailable: count,
      numberMisscheduled: 0,
    },
  };
}

const kubeProxy = (age: number | "3d" = "3d") =>
  daemonSet({
    name: "kube-proxy",
    namespace: "kube-system",
    age,
    count: 3,
    nodeSelector: { "kubernetes.io/os": "linux" },
    labels: { "k8s-app": "kube-proxy" },
  });

function runningPod(name: string, nodeName: string, ip: string, age: number): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", creationTimestamp: secondsAgo(age) },
    spec: { containers: [{ name: "c", image: "nginx" }], nodeName },
    status: {
      phase: "Running",
      podIP: ip,
      podIPs: [{ ip }],
      containerStatuses: [
        { name: "c", image: "nginx", imageID: "", ready: true, restartCount: 0, state: { running: {} } },
      ],
    },
  };
}

function node(name: string, ip: string, labels: Record<string, string> = {}): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, labels: { "kubernetes.io/os": "linux", ...labels }, creationTimestamp: threeDaysAgo },
    status: {
      conditions: [{ type: "Ready", status: "True" }],
      addresses: [
        { type: "InternalIP", address: ip },
        { type: "Hostname", address: name },
      ],
      nodeInfo: {
        kubeletVersion: "v1.32.4",
        osImage: "Debian GNU/Linux 12 (bookworm)",
        kernelVersion: "6.8.0-stub",
        containerRuntimeVersion: "containerd://1.7.24",
      } as NodeSystemInfo,
    },
  };
}

const nodes = [
  node("node-1", "172.18.0.2", { "node-role.kubernetes.io/control-plane": "" }),
  node("node-2", "172.18.0.3"),
  node("node-3", "172.18.0.4"),
];

describe("renderTable reproduces kubectl's stdout", () => {
  it.each([
    {
      name: "`kubectl get ds` prints one DaemonSet",
      transcript: "03-get-ds",
      table: () => printTable("DaemonSet", [daemonSet({ age: 1 })], { now }),
      options: {},
    },
    {
      name: "`kubectl get ds -A` adds the NAMESPACE column",
      transcript: "04-get-ds-A",
      table: () => printTable("DaemonSet", [daemonSet({ age: 2 }), kubeProxy()], { now }),
      options: { withNamespace: true },
    },
    {
      name: "`kubectl get ds --all-namespaces` prints the same as -A",
      transcript: "05-get-ds-all-namespaces",
      table: () => printTable("DaemonSet", [daemonSet({ age: 3 }), kubeProxy()], { now }),
      options: { withNamespace: true },
    },
    {
      name: "`kubectl get ds -o wide` adds CONTAINERS, IMAGES and SELECTOR",
      transcript: "06-get-ds-wide",
      table: () => printTable("DaemonSet", [daemonSet({ age: 4 })], { wide: true, now }),
      options: {},
    },
    {
      name: "`kubectl get pods -o wide` prints IP, NODE, NOMINATED NODE and READINESS GATES",
      transcript: "10-get-pods-wide",
      table: () =>
        printTable(
          "Pod",
          [
            runningPod("nginx-6kzjs", "node-3", "10.244.3.4", 6),
            runningPod("nginx-mwjc4", "node-2", "10.244.2.4", 6),
            runningPod("web-6d4cf56db6-kn7lv", "node-3", "10.244.3.3", 9),
            runningPod("web-6d4cf56db6-zt99p", "node-2", "10.244.2.3", 9),
          ],
          { wide: true, now },
        ),
      options: {},
    },
    {
      name: "`kubectl get nodes` shows ROLES and VERSION",
      transcript: "11-get-nodes",
      table: () => printTable("Node", nodes, { now }),
      options: {},
    },
    {
      name: "`kubectl get nodes -o wide` shows addresses and node info",
      transcript: "11b-get-nodes-wide",
      table: () => printTable("Node", nodes, { wide: true, now }),
      options: {},
    },
    {
      name: "`kubectl get ds -A --show-labels -L app` adds a label column and LABELS, empty when unset",
      transcript: "13b-get-ds-show-labels",
      table: () => printTable("DaemonSet", [daemonSet({ age: 9 }), kubeProxy()], { now }),
      options: { withNamespace: true, showLabels: true, labelColumns: ["app"] },
    },
    {
      name: "`kubectl get pods --sort-by=.spec.nodeName -o wide` prints rows in the given order",
      transcript: "16-get-pods-sort-by",
      table: () =>
        printTable(
          "Pod",
          [
            runningPod("nginx-svwjn", "node-2", "10.244.2.4", 3),
            runningPod("web-6d4cf56db6-52qqx", "node-2", "10.244.2.3", 9),
            runningPod("nginx-5n9j7", "node-3", "10.244.3.4", 3),
            runningPod("web-6d4cf56db6-kn7lv", "node-3", "10.244.3.3", 24),
          ],
          { wide: true, now },
        ),
      options: {},
    },
  ])("$name", ({ transcript: name, table, options }) => {
    expect(renderTable(table(), options)).toBe(transcript(name));
  });

  it("`kubectl get all` prints one table per kind, names prefixed by kind and group", () => {
    const pods = printTable(
      "Pod",
      [
        runningPod("nginx-6kzjs", "node-3", "10.244.3.4", 8),
        runningPod("nginx-mwjc4", "node-2", "10.244.2.4", 8),
        runningPod("web-6d4cf56db6-kn7lv", "node-3", "10.244.3.3", 11),
        runningPod("web-6d4cf56db6-zt99p", "node-2", "10.244.2.3", 11),
      ],
      { now },
    );
    const service: Service = {
      metadata: { name: "kubernetes", namespace: "default", creationTimestamp: threeDaysAgo },
      spec: {
        type: "ClusterIP",
        clusterIP: "10.96.0.1",
        clusterIPs: ["10.96.0.1"],
        ports: [{ port: 443, protocol: "TCP" }],
      },
    };
    const deployment: Deployment = {
      metadata: { name: "web", namespace: "default", creationTimestamp: threeDaysAgo },
      spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: {} },
      status: { readyReplicas: 2, updatedReplicas: 2, availableReplicas: 2 },
    };
    const replicaSet: ReplicaSet = {
      metadata: { name: "web-6d4cf56db6", namespace: "default", creationTimestamp: threeDaysAgo },
      spec: { replicas: 2, selector: { matchLabels: { app: "web" } } },
      status: { replicas: 2, readyReplicas: 2 },
    };
    const sections = [
      renderTable(pods, { withKind: "pod" }),
      renderTable(printTable("Service", [service], { now }), { withKind: "service" }),
      renderTable(printTable("DaemonSet", [daemonSet({ age: 8 })], { now }), { withKind: "daemonset.apps" }),
      renderTable(printTable("Deployment", [deployment], { now }), { withKind: "deployment.apps" }),
      renderTable(printTable("ReplicaSet", [replicaSet], { now }), { withKind: "replicaset.apps" }),
    ];
    expect(sections.join("\n")).toBe(transcript("12-get-all"));
  });
});

describe("renderTable options", () => {
  const table = (): PrintedTable => printTable("DaemonSet", [daemonSet({ age: 1 })], { wide: true, now });

  it("prints nothing for a table without rows, headers included", () => {
    expect(renderTable(printTable("Pod", [], { now }))).toBe("");
    expect(renderTable(printTable("Pod", [], { now }), { noHeaders: true })).toBe("");
  });

  it("omits the header line with noHeaders", () => {
    expect(renderTable(printTable("DaemonSet", [daemonSet({ age: 1 })], { now }), { noHeaders: true })).toBe(
      "nginx   2     2     2     2     2     <none>   1s\n",
    );
  });

  it("hides priority-1 columns when wide is false and shows every column when wide is omitted", () => {
    expect(renderTable(table(), { wide: false })).toBe(transcript("03-get-ds"));
    expect(renderTable(table())).toContain("SELECTOR");
  });

  it("cuts a cell at its first line break, appends ..., and escapes terminal control characters", () => {
    const printed: PrintedTable = {
      columns: [
        { name: "Name", type: "string", format: "name", description: "", priority: 0 },
        { name: "Message", type: "string", format: "", description: "", priority: 0 },
        { name: "Count", type: "integer", format: "", description: "", priority: 0 },
      ],
      rows: [
        { cells: ["a\u001b[31mred", "first line\nsecond line", 3], object: {} },
        { cells: [null, "x\ry", 1.5], object: {} },
      ],
    };
    expect(renderTable(printed)).toBe(
      "NAME         MESSAGE         COUNT\n" +
        "a^[[31mred   first line...   3\n" +
        "             x...            1.5\n",
    );
  });

  it("prints an empty NAMESPACE cell for cluster-scoped objects and <none> for objects without labels", () => {
    expect(
      renderTable(printTable("Node", [nodes[1] as Node], { now }), { withNamespace: true, showLabels: true }),
    ).toBe(
      "NAMESPACE   NAME     STATUS   ROLES    AGE   VERSION   LABELS\n" +
        "            node-2   Ready    <none>   3d    v1.32.4   kubernetes.io/os=linux\n",
    );
    const unlabelled = {
      ...runningPod("p", "n", "1.1.1.1", 5),
      metadata: { name: "p", creationTimestamp: secondsAgo(5) },
    };
    expect(
      renderTable(printTable("Pod", [unlabelled], { now }), {
        showLabels: true,
        labelColumns: ["example.com/tier"],
      }),
    ).toBe(
      "NAME   READY   STATUS    RESTARTS   AGE   TIER   LABELS\n" +
        "p      1/1     Running   0          5s           <none>\n",
    );
  });

  it("counts characters, not bytes or UTF-16 units, when aligning", () => {
    const printed: PrintedTable = {
      columns: [
        { name: "Name", type: "string", format: "name", description: "", priority: 0 },
        { name: "Age", type: "string", format: "", description: "", priority: 0 },
      ],
      rows: [
        { cells: ["héllo-😀", "1s"], object: {} },
        { cells: ["a", "2s"], object: {} },
      ],
    };
    expect(renderTable(printed)).toBe("NAME      AGE\nhéllo-😀   1s\na         2s\n");
  });
});

describe("createTableWriter", () => {
  it("reproduces `kubectl get pods -w`: one header, later rows aligned to the first table", () => {
    const writer = createTableWriter();
    const pods = [
      runningPod("nginx-6kzjs", "node-3", "10.244.3.4", 10),
      runningPod("nginx-mwjc4", "node-2", "10.244.2.4", 10),
      runningPod("web-6d4cf56db6-kn7lv", "node-3", "10.244.3.3", 13),
      runningPod("web-6d4cf56db6-zt99p", "node-2", "10.244.2.3", 13),
    ];
    const first = writer.write(printTable("Pod", pods, { now }));
    const deleted = writer.write(
      printTable("Pod", [runningPod("web-6d4cf56db6-zt99p", "node-2", "10.244.2.3", 15)], { now }),
    );
    const recreated = printTable("Pod", [runningPod("web-6d4cf56db6-52qqx", "node-2", "10.244.2.3", 0)], {
      now,
    });
    // Watch events after the first carry no column definitions.
    const replacement = writer.write({ columns: [], rows: recreated.rows });
    expect(first + deleted + replacement).toBe(transcript("14-get-pods-watch"));
  });

  it("reproduces `kubectl get ds nginx -w` over a rolling update", () => {
    const writer = createTableWriter();
    const steps: [number, number, number, number][] = [
      [2, 2, 2, 2],
      [2, 2, 2, 2],
      [1, 1, 0, 1],
      [2, 2, 1, 2],
      [1, 1, 1, 1],
      [2, 2, 2, 2],
    ];
    const ages = [15, 17, 17, 18, 18, 18];
    const output = steps
      .map(([current, ready, updated, available], index) => {
        const input: DaemonSet = {
          ...daemonSet({ age: ages[index] ?? 0 }),
          status: {
            desiredNumberScheduled: 2,
            currentNumberScheduled: current,
            numberReady: ready,
            updatedNumberScheduled: updated,
            numberAvailable: available,
            numberMisscheduled: 0,
          },
        };
        return writer.write(printTable("DaemonSet", [input], { now }));
      })
      .join("");
    expect(output).toBe(transcript("15-get-ds-name-watch"));
  });

  it("prints the header again when the columns change, keeping the widest widths seen", () => {
    const writer = createTableWriter();
    writer.write(printTable("DaemonSet", [daemonSet({ age: 1 })], { now }));
    expect(writer.write(printTable("Node", [nodes[1] as Node], { now }))).toBe(
      "NAME     STATUS    ROLES     AGE     VERSION\nnode-2   Ready     <none>    3d      v1.32.4\n",
    );
  });

  it("prints no header when asked not to, and nothing for a table without rows", () => {
    const writer = createTableWriter();
    expect(writer.write(printTable("DaemonSet", [], { now }))).toBe("");
    expect(writer.write(printTable("DaemonSet", [daemonSet({ age: 1 })], { now }), { noHeaders: true })).toBe(
      "nginx   2     2     2     2     2     <none>   1s\n",
    );
  });
});
