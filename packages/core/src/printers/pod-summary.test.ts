import type { ContainerStatus, Pod, PodCondition } from "kubernetes-types/core/v1";
import { describe, expect, it } from "vitest";
import { formatPodRestarts, podStatusReason, summarizePod } from "./pod-summary.js";

const now = new Date("2026-11-29T19:21:30Z");

function pod(options: {
  containers?: number;
  initContainers?: { name: string; restartPolicy?: string }[];
  phase?: string;
  reason?: string;
  conditions?: PodCondition[];
  containerStatuses?: Partial<ContainerStatus>[];
  initContainerStatuses?: Partial<ContainerStatus>[];
  deletionTimestamp?: string;
}): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: "p",
      ...(options.deletionTimestamp === undefined ? {} : { deletionTimestamp: options.deletionTimestamp }),
    },
    spec: {
      containers: Array.from({ length: options.containers ?? 1 }, (_, index) => ({
        name: `c${index}`,
        image: "i",
      })),
      ...(options.initContainers === undefined
        ? {}
        : { initContainers: options.initContainers.map((c) => ({ image: "i", ...c })) }),
    },
    status: {
      ...(options.phase === undefined ? {} : { phase: options.phase }),
      ...(options.reason === undefined ? {} : { reason: options.reason }),
      ...(options.conditions === undefined ? {} : { conditions: options.conditions }),
      ...(options.containerStatuses === undefined
        ? {}
        : { containerStatuses: options.containerStatuses as ContainerStatus[] }),
      ...(options.initContainerStatuses === undefined
        ? {}
        : { initContainerStatuses: options.initContainerStatuses as ContainerStatus[] }),
    },
  };
}

const running = (name = "c0", extra: Partial<ContainerStatus> = {}): Partial<ContainerStatus> => ({
  name,
  ready: true,
  restartCount: 0,
  state: { running: { startedAt: "2026-11-29T19:00:00Z" } },
  ...extra,
});
const waiting = (reason: string, name = "c0"): Partial<ContainerStatus> => ({
  name,
  ready: false,
  restartCount: 0,
  state: { waiting: { reason } },
});
const terminated = (
  fields: { exitCode: number; reason?: string; signal?: number },
  name = "c0",
): Partial<ContainerStatus> => ({
  name,
  ready: false,
  restartCount: 0,
  state: { terminated: fields },
});
const readyCondition = (status: string): PodCondition => ({ type: "Ready", status });
const initializedCondition = (status: string): PodCondition => ({ type: "Initialized", status });

describe("summarizePod", () => {
  it.each([
    {
      name: "an unscheduled pod shows its phase Pending",
      pod: pod({ phase: "Pending" }),
      status: "Pending",
      ready: "0/1",
    },
    { name: "a pod without a phase shows an empty status", pod: pod({}), status: "", ready: "0/1" },
    {
      name: "status.reason overrides the phase",
      pod: pod({ phase: "Failed", reason: "Evicted" }),
      status: "Evicted",
      ready: "0/1",
    },
    {
      name: "a PodScheduled condition with reason SchedulingGated shows SchedulingGated",
      pod: pod({
        phase: "Pending",
        conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }],
      }),
      status: "SchedulingGated",
      ready: "0/1",
    },
    {
      name: "a waiting container shows its waiting reason",
      pod: pod({ phase: "Pending", containerStatuses: [waiting("ContainerCreating")] }),
      status: "ContainerCreating",
      ready: "0/1",
    },
    {
      name: "a running, ready container shows Running and counts as ready",
      pod: pod({ phase: "Running", containerStatuses: [running()] }),
      status: "Running",
      ready: "1/1",
    },
    {
      name: "a running container that is not ready does not count as ready",
      pod: pod({ phase: "Running", containerStatuses: [running("c0", { ready: false })] }),
      status: "Running",
      ready: "0/1",
    },
    {
      name: "a terminated container shows its termination reason",
      pod: pod({ phase: "Succeeded", containerStatuses: [terminated({ exitCode: 0, reason: "Completed" })] }),
      status: "Completed",
      ready: "0/1",
    },
    {
      name: "a terminated container without a reason shows its signal",
      pod: pod({ phase: "Failed", containerStatuses: [terminated({ exitCode: 137, signal: 9 })] }),
      status: "Signal:9",
      ready: "0/1",
    },
    {
      name: "a terminated container without reason or signal shows its exit code",
      pod: pod({ phase: "Failed", containerStatuses: [terminated({ exitCode: 2 })] }),
      status: "ExitCode:2",
      ready: "0/1",
    },
    {
      name: "with several containers the first one's reason wins because the walk goes backwards",
      pod: pod({
        containers: 3,
        phase: "Pending",
        containerStatuses: [waiting("ImagePullBackOff", "c0"), waiting("ErrImagePull", "c1"), running("c2")],
      }),
      status: "ImagePullBackOff",
      ready: "1/3",
    },
    {
      name: "Completed with another container still running shows Running when the pod is Ready",
      pod: pod({
        containers: 2,
        phase: "Running",
        conditions: [readyCondition("True")],
        containerStatuses: [terminated({ exitCode: 0, reason: "Completed" }, "c0"), running("c1")],
      }),
      status: "Running",
      ready: "1/2",
    },
    {
      name: "Completed with another container still running shows NotReady when the pod is not Ready",
      pod: pod({
        containers: 2,
        phase: "Running",
        conditions: [readyCondition("False")],
        containerStatuses: [terminated({ exitCode: 0, reason: "Completed" }, "c0"), running("c1")],
      }),
      status: "NotReady",
      ready: "1/2",
    },
    {
      name: "a failed init container shows Init:<reason>",
      pod: pod({
        phase: "Pending",
        initContainers: [{ name: "init" }],
        initContainerStatuses: [terminated({ exitCode: 1, reason: "Error" }, "init")],
        containerStatuses: [waiting("PodInitializing")],
      }),
      status: "Init:Error",
      ready: "0/1",
    },
    {
      name: "an init container killed by a signal shows Init:Signal:<n>",
      pod: pod({
        phase: "Pending",
        initContainers: [{ name: "init" }],
        initContainerStatuses: [terminated({ exitCode: 137, signal: 9 }, "init")],
      }),
      status: "Init:Signal:9",
      ready: "0/1",
    },
    {
      name: "an init container failing without reason or signal shows Init:ExitCode:<n>",
      pod: pod({
        phase: "Pending",
        initContainers: [{ name: "init" }],
        initContainerStatuses: [terminated({ exitCode: 3 }, "init")],
      }),
      status: "Init:ExitCode:3",
      ready: "0/1",
    },
    {
      name: "a waiting init container shows Init:<waiting reason>",
      pod: pod({
        phase: "Pending",
        initContainers: [{ name: "init" }],
        initContainerStatuses: [waiting("CrashLoopBackOff", "init")],
      }),
      status: "Init:CrashLoopBackOff",
      ready: "0/1",
    },
    {
      name: "an init container waiting with PodInitializing shows Init:<index>/<count>",
      pod: pod({
        phase: "Pending",
        initContainers: [{ name: "a" }, { name: "b" }],
        initContainerStatuses: [waiting("PodInitializing", "a"), waiting("PodInitializing", "b")],
      }),
      status: "Init:0/2",
      ready: "0/1",
    },
    {
      name: "a running second init container after a successful first one shows Init:1/2",
      pod: pod({
        phase: "Pending",
        initContainers: [{ name: "a" }, { name: "b" }],
        initContainerStatuses: [
          terminated({ exitCode: 0, reason: "Completed" }, "a"),
          running("b", { ready: false }),
        ],
        containerStatuses: [waiting("PodInitializing")],
      }),
      status: "Init:1/2",
      ready: "0/1",
    },
    {
      name: "when every init container succeeded the regular containers decide",
      pod: pod({
        phase: "Running",
        initContainers: [{ name: "a" }],
        initContainerStatuses: [terminated({ exitCode: 0, reason: "Completed" }, "a")],
        containerStatuses: [running()],
      }),
      status: "Running",
      ready: "1/1",
    },
    {
      name: "a started, ready sidecar counts in READY and its total",
      pod: pod({
        phase: "Running",
        initContainers: [{ name: "proxy", restartPolicy: "Always" }],
        initContainerStatuses: [running("proxy", { started: true })],
        containerStatuses: [running()],
      }),
      status: "Running",
      ready: "2/2",
    },
    {
      name: "a started sidecar that is not ready counts in the total only",
      pod: pod({
        phase: "Running",
        initContainers: [{ name: "proxy", restartPolicy: "Always" }],
        initContainerStatuses: [running("proxy", { started: true, ready: false })],
        containerStatuses: [running()],
      }),
      status: "Running",
      ready: "1/2",
    },
    {
      name: "a sidecar that has not started yet keeps the pod initializing",
      pod: pod({
        phase: "Pending",
        initContainers: [{ name: "proxy", restartPolicy: "Always" }],
        initContainerStatuses: [running("proxy", { started: false, ready: false })],
        containerStatuses: [waiting("PodInitializing")],
      }),
      status: "Init:0/1",
      ready: "0/2",
    },
    {
      name: "an Initialized condition lets the regular containers decide even while a sidecar restarts",
      pod: pod({
        phase: "Running",
        conditions: [initializedCondition("True")],
        initContainers: [{ name: "proxy", restartPolicy: "Always" }],
        initContainerStatuses: [waiting("CrashLoopBackOff", "proxy")],
        containerStatuses: [waiting("ContainerCreating")],
      }),
      status: "ContainerCreating",
      ready: "0/2",
    },
    {
      name: "a running regular container does not replace the Init reason of a restarting sidecar",
      pod: pod({
        phase: "Running",
        conditions: [initializedCondition("True")],
        initContainers: [{ name: "proxy", restartPolicy: "Always" }],
        initContainerStatuses: [waiting("CrashLoopBackOff", "proxy")],
        containerStatuses: [running()],
      }),
      status: "Init:CrashLoopBackOff",
      ready: "1/2",
    },
    {
      name: "without an Initialized condition a restarting sidecar keeps the pod initializing",
      pod: pod({
        phase: "Running",
        conditions: [initializedCondition("False")],
        initContainers: [{ name: "proxy", restartPolicy: "Always" }],
        initContainerStatuses: [waiting("CrashLoopBackOff", "proxy")],
        containerStatuses: [running()],
      }),
      status: "Init:CrashLoopBackOff",
      ready: "0/2",
    },
    {
      name: "a deleted running pod shows Terminating",
      pod: pod({
        phase: "Running",
        containerStatuses: [running()],
        deletionTimestamp: "2026-11-29T19:21:00Z",
      }),
      status: "Terminating",
      ready: "1/1",
    },
    {
      name: "a deleted pod on a lost node shows Unknown",
      pod: pod({ phase: "Running", reason: "NodeLost", deletionTimestamp: "2026-11-29T19:21:00Z" }),
      status: "Unknown",
      ready: "0/1",
    },
    {
      name: "a deleted pod that already succeeded keeps its status",
      pod: pod({
        phase: "Succeeded",
        containerStatuses: [terminated({ exitCode: 0, reason: "Completed" })],
        deletionTimestamp: "2026-11-29T19:21:00Z",
      }),
      status: "Completed",
      ready: "0/1",
    },
  ])("$name", ({ pod: input, status, ready }) => {
    const summary = summarizePod(input);
    expect(summary.status).toBe(status);
    expect(`${summary.readyContainers}/${summary.totalContainers}`).toBe(ready);
    expect(podStatusReason(input)).toBe(status);
  });

  it("tolerates malformed statuses without throwing", () => {
    const input = {
      metadata: { name: "p" },
      spec: { containers: "nope" },
      status: { phase: "Running", containerStatuses: [null, { state: "x" }, 7], initContainerStatuses: {} },
    } as unknown as Pod;
    expect(summarizePod(input)).toEqual({
      readyContainers: 0,
      totalContainers: 0,
      status: "Running",
      restarts: 0,
      lastRestart: undefined,
    });
  });
});

describe("formatPodRestarts", () => {
  const restarted = (count: number, finishedAt?: string, name = "c0"): Partial<ContainerStatus> => ({
    ...running(name),
    restartCount: count,
    lastState: finishedAt === undefined ? {} : { terminated: { exitCode: 1, finishedAt } },
  });

  it.each([
    {
      name: "no restarts print 0",
      pod: pod({ phase: "Running", containerStatuses: [running()] }),
      expected: "0",
    },
    {
      name: "restarts with a known last termination print how long ago it was",
      pod: pod({ phase: "Running", containerStatuses: [restarted(3, "2026-11-29T19:19:16Z")] }),
      expected: "3 (2m14s ago)",
    },
    {
      name: "restarts without a last termination time print the count only",
      pod: pod({ phase: "Running", containerStatuses: [restarted(3)] }),
      expected: "3",
    },
    {
      name: "restarts of every container are summed and the latest termination is used",
      pod: pod({
        containers: 2,
        phase: "Running",
        containerStatuses: [
          restarted(1, "2026-11-29T18:21:30Z", "c0"),
          restarted(2, "2026-11-29T19:21:00Z", "c1"),
        ],
      }),
      expected: "3 (30s ago)",
    },
    {
      name: "sidecar restarts are added to the regular containers' restarts",
      pod: pod({
        phase: "Running",
        initContainers: [{ name: "proxy", restartPolicy: "Always" }],
        initContainerStatuses: [{ ...restarted(2, "2026-11-29T19:11:30Z", "proxy"), started: true }],
        containerStatuses: [restarted(1, "2026-11-29T19:01:30Z")],
      }),
      expected: "3 (10m ago)",
    },
    {
      name: "while initializing, only init container restarts up to the current one count",
      pod: pod({
        phase: "Pending",
        initContainers: [{ name: "a" }, { name: "b" }],
        initContainerStatuses: [
          {
            ...waiting("CrashLoopBackOff", "a"),
            restartCount: 4,
            lastState: { terminated: { exitCode: 1, finishedAt: "2026-11-29T19:20:30Z" } },
          },
          { ...waiting("PodInitializing", "b"), restartCount: 7 },
        ],
        containerStatuses: [{ ...waiting("PodInitializing"), restartCount: 9 }],
      }),
      expected: "4 (60s ago)",
    },
  ])("$name", ({ pod: input, expected }) => {
    expect(formatPodRestarts(summarizePod(input), now)).toBe(expected);
  });
});
