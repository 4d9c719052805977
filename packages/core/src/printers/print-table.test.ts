import type { DaemonSet } from "kubernetes-types/apps/v1";
import type { Pod } from "kubernetes-types/core/v1";
import type { LabelSelector } from "kubernetes-types/meta/v1";
import { describe, expect, it } from "vitest";
import { KubesimError } from "../errors/index.js";
import { printTable } from "./print-table.js";
import { columnsFor, tableColumns } from "./table-columns.js";

const now = new Date("2026-11-29T19:21:48Z");
const created = "2026-11-29T19:21:30Z";

function daemonSet(
  overrides: { status?: DaemonSet["status"]; nodeSelector?: Record<string, string>; selector?: object } = {},
): DaemonSet {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: "nginx", namespace: "default", creationTimestamp: created },
    spec: {
      selector: (overrides.selector ?? { matchLabels: { app: "nginx" } }) as LabelSelector,
      template: {
        metadata: { labels: { app: "nginx" } },
        spec: {
          containers: [
            { name: "nginx", image: "nginx:1.26" },
            { name: "sidecar", image: "busybox" },
          ],
          initContainers: [{ name: "init", image: "alpine" }],
          ...(overrides.nodeSelector === undefined ? {} : { nodeSelector: overrides.nodeSelector }),
        },
      },
    },
    ...(overrides.status === undefined ? {} : { status: overrides.status }),
  };
}

function cellsOf(kind: string, object: object, wide = true): unknown[] {
  const row = printTable(kind, [object], { wide, now }).rows[0];
  if (row === undefined) throw new Error("no row");
  return row.cells;
}

describe("printTable columns", () => {
  it.each([
    {
      kind: "DaemonSet",
      columns:
        "Name Desired Current Ready Up-to-date Available Node_Selector Age | Containers Images Selector",
    },
    { kind: "Pod", columns: "Name Ready Status Restarts Age | IP Node Nominated_Node Readiness_Gates" },
    {
      kind: "Node",
      columns:
        "Name Status Roles Age Version | Internal-IP External-IP OS-Image Kernel-Version Container-Runtime",
    },
    { kind: "Namespace", columns: "Name Status Age" },
    { kind: "ControllerRevision", columns: "Name Controller Revision Age" },
    {
      kind: "Event",
      columns: "Last_Seen Type Reason Object | Subobject Source | Message | First_Seen Count Name",
    },
    { kind: "Service", columns: "Name Type Cluster-IP External-IP Port(s) Age | Selector" },
    { kind: "Deployment", columns: "Name Ready Up-to-date Available Age | Containers Images Selector" },
    { kind: "ReplicaSet", columns: "Name Desired Current Ready Age | Containers Images Selector" },
  ])("$kind has upstream's columns, wide-only ones after a bar", ({ kind, columns }) => {
    let text = "";
    let previousPriority = 0;
    for (const column of columnsFor(kind)) {
      if (column.priority !== previousPriority) text += "| ";
      previousPriority = column.priority;
      text += `${column.name.replaceAll(" ", "_")} `;
    }
    expect(text.trim()).toBe(columns);
  });

  it("describes DaemonSet columns with upstream's types, formats and field documentation", () => {
    const [name, desired, , , , , nodeSelector] = tableColumns.DaemonSet;
    expect(name).toEqual({
      name: "Name",
      type: "string",
      format: "name",
      description:
        "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
      priority: 0,
    });
    expect(desired).toMatchObject({ name: "Desired", type: "integer", format: "" });
    expect(nodeSelector?.description).toBe(
      "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/",
    );
  });

  it("returns every column with wide and only priority-0 columns without it", () => {
    const wide = printTable("DaemonSet", [daemonSet()], { wide: true, now });
    const narrow = printTable("DaemonSet", [daemonSet()], { now });
    expect(wide.columns.map((column) => [column.name, column.priority])).toEqual(
      tableColumns.DaemonSet.map((column) => [column.name, column.priority]),
    );
    expect(narrow.columns.map((column) => column.name)).toEqual([
      "Name",
      "Desired",
      "Current",
      "Ready",
      "Up-to-date",
      "Available",
      "Node Selector",
      "Age",
    ]);
    expect(narrow.rows[0]?.cells).toEqual(wide.rows[0]?.cells.slice(0, 8));
  });

  it("keeps the object of each row, in input order", () => {
    const first = daemonSet();
    const second = { ...daemonSet(), metadata: { name: "second", creationTimestamp: created } };
    const table = printTable("DaemonSet", [first, second], { now });
    expect(table.rows.map((row) => row.object)).toEqual([first, second]);
    expect(table.rows[0]?.object).toBe(first);
  });

  it.each([
    { name: "an unknown kind", kind: "Widget", objects: [], message: 'No table printer for kind "Widget"' },
    {
      name: "a plural resource name instead of a kind",
      kind: "daemonsets",
      objects: [],
      message: 'No table printer for kind "daemonsets"',
    },
    {
      name: "a non-object item",
      kind: "Pod",
      objects: [42],
      message: "printTable expects Pod objects, but item 0 is a number.",
    },
    {
      name: "a null item",
      kind: "Pod",
      objects: [null],
      message: "printTable expects Pod objects, but item 0 is null.",
    },
  ])("rejects $name with a KubesimError", ({ kind, objects, message }) => {
    const call = () => printTable(kind, objects as unknown as object[], { now });
    expect(call).toThrowError(KubesimError);
    expect(call).toThrowError(message);
  });

  it("rejects an invalid now", () => {
    expect(() => printTable("Pod", [], { now: new Date("nope") })).toThrowError(
      "printTable needs `now` to be a valid Date.",
    );
  });
});

describe("DaemonSet rows", () => {
  it("matches the cells kube-apiserver served during `kubectl get ds nginx -w`", () => {
    const input = daemonSet({
      status: {
        desiredNumberScheduled: 2,
        currentNumberScheduled: 1,
        numberReady: 1,
        updatedNumberScheduled: 0,
        numberAvailable: 1,
        numberMisscheduled: 0,
      },
    });
    input.spec?.template.spec?.containers.pop();
    const at17s = new Date("2026-11-29T19:21:47Z");
    expect(printTable("DaemonSet", [input], { wide: true, now: at17s }).rows[0]?.cells).toEqual([
      "nginx",
      2,
      1,
      1,
      0,
      1,
      "<none>",
      "17s",
      "nginx",
      "nginx:1.26",
      "app=nginx",
    ]);
  });

  it.each([
    { name: "an unset status prints zeros", input: daemonSet(), expected: [0, 0, 0, 0, 0] },
    {
      name: "the counts come from desired, current, ready, updated and available",
      input: daemonSet({
        status: {
          desiredNumberScheduled: 5,
          currentNumberScheduled: 4,
          numberReady: 3,
          updatedNumberScheduled: 2,
          numberAvailable: 1,
          numberMisscheduled: 0,
        },
      }),
      expected: [5, 4, 3, 2, 1],
    },
  ])("$name", ({ input, expected }) => {
    expect(cellsOf("DaemonSet", input).slice(1, 6)).toEqual(expected);
  });

  it.each([
    { name: "no node selector prints <none>", nodeSelector: undefined, expected: "<none>" },
    {
      name: "a node selector prints k=v pairs sorted",
      nodeSelector: { zone: "a", "kubernetes.io/os": "linux" },
      expected: "kubernetes.io/os=linux,zone=a",
    },
  ])("$name", ({ nodeSelector, expected }) => {
    expect(cellsOf("DaemonSet", daemonSet(nodeSelector === undefined ? {} : { nodeSelector }))[6]).toBe(
      expected,
    );
  });

  it("lists the template's containers and images without init containers", () => {
    expect(cellsOf("DaemonSet", daemonSet()).slice(8, 10)).toEqual(["nginx,sidecar", "nginx:1.26,busybox"]);
  });

  it.each([
    {
      name: "a matchLabels selector prints k=v",
      selector: { matchLabels: { app: "nginx" } },
      expected: "app=nginx",
    },
    {
      name: "match expressions print with their operators",
      selector: {
        matchExpressions: [
          { key: "app", operator: "In", values: ["b", "a"] },
          { key: "canary", operator: "DoesNotExist" },
        ],
      },
      expected: "app in (a,b),!canary",
    },
    { name: "an empty selector prints <none>", selector: {}, expected: "<none>" },
  ])("$name", ({ selector, expected }) => {
    expect(cellsOf("DaemonSet", daemonSet({ selector }))[10]).toBe(expected);
  });
});

describe("Pod rows", () => {
  const basePod: Pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "nginx-6kzjs", namespace: "default", creationTimestamp: created },
    spec: { containers: [{ name: "nginx", image: "nginx" }], nodeName: "node-3" },
    status: {
      phase: "Running",
      podIP: "10.244.3.4",
      podIPs: [{ ip: "10.244.3.4" }],
      containerStatuses: [
        { name: "nginx", image: "nginx", imageID: "", ready: true, restartCount: 0, state: { running: {} } },
      ],
    },
  };

  it("matches the cells of a running DaemonSet pod in `kubectl get pods -o wide`", () => {
    expect(cellsOf("Pod", basePod)).toEqual([
      "nginx-6kzjs",
      "1/1",
      "Running",
      "0",
      "18s",
      "10.244.3.4",
      "node-3",
      "<none>",
      "<none>",
    ]);
  });

  it.each([
    {
      name: "a pending pod shows <none> for IP, node and nominated node",
      pod: { ...basePod, spec: { containers: [{ name: "nginx" }] }, status: { phase: "Pending" } },
      expected: ["<none>", "<none>", "<none>", "<none>"],
    },
    {
      name: "the first podIPs entry is used when podIP is missing",
      pod: { ...basePod, status: { podIPs: [{ ip: "fd00::1" }, { ip: "10.0.0.1" }] } },
      expected: ["fd00::1", "node-3", "<none>", "<none>"],
    },
    {
      name: "a nominated node is shown",
      pod: { ...basePod, status: { nominatedNodeName: "node-9" } },
      expected: ["<none>", "node-3", "node-9", "<none>"],
    },
    {
      name: "readiness gates count the gates whose first matching condition is True",
      pod: {
        ...basePod,
        spec: {
          ...basePod.spec,
          readinessGates: [{ conditionType: "a" }, { conditionType: "b" }, { conditionType: "c" }],
        },
        status: {
          conditions: [
            { type: "a", status: "True" },
            { type: "b", status: "False" },
            { type: "b", status: "True" },
          ],
        },
      },
      expected: ["<none>", "node-3", "<none>", "1/3"],
    },
  ])("$name", ({ pod, expected }) => {
    expect(cellsOf("Pod", pod as Pod).slice(5)).toEqual(expected);
  });

  it.each([
    {
      phase: "Succeeded",
      conditions: [
        {
          type: "Completed",
          status: "True",
          reason: "Succeeded",
          message: "The pod has completed successfully.",
        },
      ],
    },
    {
      phase: "Failed",
      conditions: [{ type: "Completed", status: "True", reason: "Failed", message: "The pod failed." }],
    },
    { phase: "Running", conditions: undefined },
  ])("a $phase pod's row carries upstream's row conditions", ({ phase, conditions }) => {
    const row = printTable("Pod", [{ ...basePod, status: { phase } }], { now }).rows[0];
    expect(row?.conditions).toEqual(conditions);
    expect(row !== undefined && Object.hasOwn(row, "conditions")).toBe(conditions !== undefined);
  });
});
