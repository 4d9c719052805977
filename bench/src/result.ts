import { peakRssMb, percentile } from "./stats.js";

/** One row of `bench/results.json`. */
export interface WorkloadResult {
  /** Upstream's test case and workload name, e.g. `SchedulingBasic/5000Nodes_10000Pods`. */
  readonly workload: string;
  readonly nodes: number;
  /** Measured pods (init pods excluded). */
  readonly pods: number;
  /** Measured pods divided by the wall time from their first creation to the last one done. */
  readonly podsPerSecond: number | null;
  /** Median per-pod latency in ms (see BENCHMARKS.md for what each workload times). */
  readonly p50Ms: number | null;
  /** 99th percentile per-pod latency in ms. */
  readonly p99Ms: number | null;
  /** Peak resident set size of the workload's own process, in MB. */
  readonly peakRssMb: number;
  /** Upstream scheduler_perf's throughput threshold for this workload (v1.32), if it has one. */
  readonly upstreamPodsPerSecond: number | null;
  /** `podsPerSecond / upstreamPodsPerSecond`. */
  readonly ratio: number | null;
  /** Wall time of the measured phase in ms. */
  readonly durationMs: number;
}

/** Builds a result row, deriving `ratio` and rounding the figures. */
export function workloadResult(fields: Omit<WorkloadResult, "ratio">): WorkloadResult {
  const { podsPerSecond, upstreamPodsPerSecond } = fields;
  const ratio =
    podsPerSecond === null || upstreamPodsPerSecond === null
      ? null
      : Math.round((podsPerSecond / upstreamPodsPerSecond) * 10) / 10;
  return {
    workload: fields.workload,
    nodes: fields.nodes,
    pods: fields.pods,
    podsPerSecond: podsPerSecond === null ? null : Math.round(podsPerSecond),
    p50Ms: fields.p50Ms === null ? null : Math.round(fields.p50Ms * 1000) / 1000,
    p99Ms: fields.p99Ms === null ? null : Math.round(fields.p99Ms * 1000) / 1000,
    peakRssMb: fields.peakRssMb,
    upstreamPodsPerSecond,
    ratio,
    durationMs: Math.round(fields.durationMs),
  };
}

/** What {@link throughputResult} needs: measured pods done in `durationMs`, with each one's latency. */
export interface ThroughputFields {
  readonly workload: string;
  readonly nodes: number;
  /** Measured pods. */
  readonly pods: number;
  /** Wall time from the first measured pod's creation to the last one done, in ms. */
  readonly durationMs: number;
  /** Per-pod latencies in ms (their p50 and p99 are reported). */
  readonly latenciesMs: readonly number[];
  readonly upstreamPodsPerSecond: number | null;
}

/** The row of a throughput workload: pods per second over `durationMs`, latency percentiles, this process's peak RSS. */
export function throughputResult(fields: ThroughputFields): WorkloadResult {
  return workloadResult({
    workload: fields.workload,
    nodes: fields.nodes,
    pods: fields.pods,
    podsPerSecond: fields.pods / (fields.durationMs / 1000),
    p50Ms: percentile(fields.latenciesMs, 0.5),
    p99Ms: percentile(fields.latenciesMs, 0.99),
    peakRssMb: peakRssMb(),
    upstreamPodsPerSecond: fields.upstreamPodsPerSecond,
    durationMs: fields.durationMs,
  });
}

/** What {@link timedRunsResult} needs: the wall times of repeated runs (requests, commands). */
export interface TimedRunsFields {
  readonly workload: string;
  readonly nodes: number;
  readonly pods: number;
  /** Each run's wall time in ms (at least one). */
  readonly timesMs: readonly number[];
}

/**
 * The row of a workload that times repeated runs: p50 and p99 of the run times, their mean
 * as `durationMs`, this process's peak RSS, and no throughput.
 */
export function timedRunsResult(fields: TimedRunsFields): WorkloadResult {
  const { timesMs } = fields;
  return workloadResult({
    workload: fields.workload,
    nodes: fields.nodes,
    pods: fields.pods,
    podsPerSecond: null,
    p50Ms: percentile(timesMs, 0.5),
    p99Ms: percentile(timesMs, 0.99),
    peakRssMb: peakRssMb(),
    upstreamPodsPerSecond: null,
    durationMs: timesMs.reduce((sum, time) => sum + time, 0) / timesMs.length,
  });
}
