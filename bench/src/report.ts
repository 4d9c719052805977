import type { WorkloadResult } from "./result.js";

const columns: readonly { readonly title: string; readonly value: (row: WorkloadResult) => string }[] = [
  { title: "WORKLOAD", value: (row) => row.workload },
  { title: "NODES", value: (row) => String(row.nodes) },
  { title: "PODS", value: (row) => String(row.pods) },
  { title: "PODS/S", value: (row) => (row.podsPerSecond === null ? "-" : String(row.podsPerSecond)) },
  { title: "P50 MS", value: (row) => (row.p50Ms === null ? "-" : row.p50Ms.toFixed(2)) },
  { title: "P99 MS", value: (row) => (row.p99Ms === null ? "-" : row.p99Ms.toFixed(2)) },
  { title: "RSS MB", value: (row) => row.peakRssMb.toFixed(0) },
  {
    title: "UPSTREAM",
    value: (row) => (row.upstreamPodsPerSecond === null ? "-" : String(row.upstreamPodsPerSecond)),
  },
  { title: "RATIO", value: (row) => (row.ratio === null ? "-" : `${row.ratio.toFixed(1)}x`) },
  { title: "TIME MS", value: (row) => String(row.durationMs) },
];

/** The results as an aligned text table (numbers right-aligned), one line per workload. */
export function renderReport(rows: readonly WorkloadResult[]): string {
  const cells = [
    columns.map((column) => column.title),
    ...rows.map((row) => columns.map((column) => column.value(row))),
  ];
  const widths = columns.map((_, index) => Math.max(...cells.map((line) => (line[index] ?? "").length)));
  return cells
    .map((line) =>
      line
        .map((cell, index) => {
          const width = widths[index] ?? 0;
          return index === 0 ? cell.padEnd(width) : cell.padStart(width);
        })
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** What the targets say about these results, one line each (missing rows are skipped). */
export function checkTargets(rows: readonly WorkloadResult[]): string[] {
  const find = (prefix: string, nodes?: number) =>
    rows.find((row) => row.workload.startsWith(prefix) && (nodes === undefined || row.nodes === nodes));
  const lines: string[] = [];
  const throughput = (prefix: string, target: number, nodes?: number) => {
    const row = find(prefix, nodes);
    if (row?.podsPerSecond == null) return;
    const verdict = row.podsPerSecond >= target ? "met" : "missed";
    lines.push(`${row.workload}: ${row.podsPerSecond} pods/s (target >= ${target}) ${verdict}`);
  };
  // The first DaemonSet row is the main workload; the scaling rows have half and twice its nodes.
  const main = rows.find((row) => row.workload.startsWith("SchedulingDaemonset/"));
  const doubled = rows.find(
    (row) =>
      row.workload.startsWith("SchedulingDaemonset/") && main !== undefined && row.nodes === 2 * main.nodes,
  );
  throughput("SchedulingDaemonset/", 50_000, main?.nodes);
  throughput("SchedulingBasic/", 5000);
  throughput("SchedulingNodeAffinity/", 5000);
  throughput("TopologySpreading/", 1000);
  if (main !== undefined && doubled !== undefined) {
    const ratio = doubled.durationMs / main.durationMs;
    lines.push(
      `Scaling ${doubled.nodes}/${main.nodes} nodes: time ratio ${ratio.toFixed(2)} (target <= 2.2) ${ratio <= 2.2 ? "met" : "missed"}`,
    );
  }
  if (main !== undefined) {
    lines.push(
      `${main.workload} peak RSS: ${main.peakRssMb} MB for ${main.nodes} nodes + ${main.pods} pods (target <= 300) ${main.peakRssMb <= 300 ? "met" : "missed"}`,
    );
  }
  const floor = find("Floor/");
  const reference = rows.find(
    (row) => row.workload.startsWith("SchedulingDaemonset/") && row.pods === floor?.pods,
  );
  if (floor?.podsPerSecond != null && reference?.podsPerSecond != null) {
    lines.push(
      `Floor: ${floor.podsPerSecond} pods/s; ${reference.workload} runs at ${((reference.podsPerSecond / floor.podsPerSecond) * 100).toFixed(2)}% of it`,
    );
  }
  const startup = find("Startup/");
  if (startup?.p50Ms != null) {
    lines.push(
      `${startup.workload}: p50 ${startup.p50Ms.toFixed(1)} ms (target < 20) ${startup.p50Ms < 20 ? "met" : "missed"}`,
    );
  }
  // Only `kubesim get`: `CLI/ServeStartup` has no target.
  const cold = find("CLI/ColdGet");
  if (cold?.p50Ms != null) {
    lines.push(
      `${cold.workload}: p50 ${cold.p50Ms.toFixed(0)} ms (target < 250) ${cold.p50Ms < 250 ? "met" : "missed"}`,
    );
  }
  return lines;
}
