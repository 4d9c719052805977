import { type ApiClient, type Event, VirtualClock } from "@kubesim/core";
import { createMemoryStore } from "@kubesim/store";
import { describe, expect, it } from "vitest";
import {
  createDaemonSetEventRecorder,
  type DaemonSetEventReason,
  type EventType,
} from "./daemon-set-event-recorder.js";
import { newDaemonSet, testStartMs } from "./test-fixtures.js";

/** One `record` call, made after advancing the clock by `afterMs`. */
interface Recording {
  readonly afterMs: number;
  readonly type: EventType;
  readonly reason: DaemonSetEventReason;
  readonly message: string;
  /** Delete every Event before this recording, as a user or the TTL would. */
  readonly deleteEventsFirst?: boolean;
}

/** What one stored Event looks like after the recordings. */
interface ExpectedEvent {
  readonly name: string;
  readonly reason: string;
  readonly message: string;
  readonly count: number;
  readonly firstTimestamp: string;
  readonly lastTimestamp: string;
}

interface AggregationCase {
  readonly name: string;
  readonly recordings: readonly Recording[];
  readonly expected: readonly ExpectedEvent[];
}

const startNanosecondsHex = (BigInt(testStartMs) * 1_000_000n).toString(16);
const failedMessage = "Found failed daemon pod default/ds-abcde on node node-1, will try to kill it";
const createdMessage = "Created pod: ds-abcde";

function nameAt(offsetMs: number, extraNanoseconds = 0n): string {
  return `ds.${((BigInt(testStartMs) + BigInt(offsetMs)) * 1_000_000n + extraNanoseconds).toString(16)}`;
}

const cases: AggregationCase[] = [
  {
    name: "a warning recorded twice within 10 minutes is one Event with count 2 and a later lastTimestamp",
    recordings: [
      { afterMs: 0, type: "Warning", reason: "FailedDaemonPod", message: failedMessage },
      { afterMs: 30_000, type: "Warning", reason: "FailedDaemonPod", message: failedMessage },
    ],
    expected: [
      {
        name: `ds.${startNanosecondsHex}`,
        reason: "FailedDaemonPod",
        message: failedMessage,
        count: 2,
        firstTimestamp: "2026-01-01T00:00:00Z",
        lastTimestamp: "2026-01-01T00:00:30Z",
      },
    ],
  },
  {
    name: "a normal event recorded three times at the same instant is one Event with count 3",
    recordings: [
      { afterMs: 0, type: "Normal", reason: "SuccessfulCreate", message: createdMessage },
      { afterMs: 0, type: "Normal", reason: "SuccessfulCreate", message: createdMessage },
      { afterMs: 0, type: "Normal", reason: "SuccessfulCreate", message: createdMessage },
    ],
    expected: [
      {
        name: nameAt(0),
        reason: "SuccessfulCreate",
        message: createdMessage,
        count: 3,
        firstTimestamp: "2026-01-01T00:00:00Z",
        lastTimestamp: "2026-01-01T00:00:00Z",
      },
    ],
  },
  {
    name: "a repeat exactly 10 minutes later is still counted on the first Event",
    recordings: [
      { afterMs: 0, type: "Normal", reason: "SuccessfulCreate", message: createdMessage },
      { afterMs: 600_000, type: "Normal", reason: "SuccessfulCreate", message: createdMessage },
    ],
    expected: [
      {
        name: nameAt(0),
        reason: "SuccessfulCreate",
        message: createdMessage,
        count: 2,
        firstTimestamp: "2026-01-01T00:00:00Z",
        lastTimestamp: "2026-01-01T00:10:00Z",
      },
    ],
  },
  {
    name: "a repeat more than 10 minutes later is still counted on the first Event, as the cache has no time limit",
    recordings: [
      { afterMs: 0, type: "Warning", reason: "FailedDaemonPod", message: failedMessage },
      { afterMs: 600_001, type: "Warning", reason: "FailedDaemonPod", message: failedMessage },
    ],
    expected: [
      {
        name: nameAt(0),
        reason: "FailedDaemonPod",
        message: failedMessage,
        count: 2,
        firstTimestamp: "2026-01-01T00:00:00Z",
        lastTimestamp: "2026-01-01T00:10:00Z",
      },
    ],
  },
  {
    name: "events with different messages are separate Events",
    recordings: [
      { afterMs: 0, type: "Normal", reason: "SuccessfulCreate", message: "Created pod: ds-aaaaa" },
      { afterMs: 0, type: "Normal", reason: "SuccessfulCreate", message: "Created pod: ds-bbbbb" },
    ],
    expected: [
      {
        name: nameAt(0),
        reason: "SuccessfulCreate",
        message: "Created pod: ds-aaaaa",
        count: 1,
        firstTimestamp: "2026-01-01T00:00:00Z",
        lastTimestamp: "2026-01-01T00:00:00Z",
      },
      {
        name: nameAt(0, 1n),
        reason: "SuccessfulCreate",
        message: "Created pod: ds-bbbbb",
        count: 1,
        firstTimestamp: "2026-01-01T00:00:00Z",
        lastTimestamp: "2026-01-01T00:00:00Z",
      },
    ],
  },
  {
    name: "events with the same message but different reasons are separate Events",
    recordings: [
      { afterMs: 0, type: "Warning", reason: "FailedCreate", message: "boom" },
      { afterMs: 1_000, type: "Warning", reason: "FailedDelete", message: "boom" },
    ],
    expected: [
      {
        name: nameAt(0),
        reason: "FailedCreate",
        message: "boom",
        count: 1,
        firstTimestamp: "2026-01-01T00:00:00Z",
        lastTimestamp: "2026-01-01T00:00:00Z",
      },
      {
        name: nameAt(1_000),
        reason: "FailedDelete",
        message: "boom",
        count: 1,
        firstTimestamp: "2026-01-01T00:00:01Z",
        lastTimestamp: "2026-01-01T00:00:01Z",
      },
    ],
  },
  {
    name: "a repeat of a deleted Event creates it again under its name with the increased count",
    recordings: [
      { afterMs: 0, type: "Warning", reason: "FailedDaemonPod", message: failedMessage },
      { afterMs: 10_000, type: "Warning", reason: "FailedDaemonPod", message: failedMessage },
      {
        afterMs: 20_000,
        type: "Warning",
        reason: "FailedDaemonPod",
        message: failedMessage,
        deleteEventsFirst: true,
      },
      { afterMs: 30_000, type: "Warning", reason: "FailedDaemonPod", message: failedMessage },
    ],
    expected: [
      {
        name: nameAt(0),
        reason: "FailedDaemonPod",
        message: failedMessage,
        count: 4,
        firstTimestamp: "2026-01-01T00:00:00Z",
        lastTimestamp: "2026-01-01T00:01:00Z",
      },
    ],
  },
];

async function deleteAllEvents(client: ApiClient): Promise<void> {
  const events = await client.list("Event", { namespace: "default" });
  for (const event of events.items) {
    await client.delete("Event", event.metadata?.name ?? "", { namespace: "default" });
  }
}

describe("createDaemonSetEventRecorder aggregation", () => {
  it.each(cases)("$name", async ({ recordings, expected }) => {
    const clock = new VirtualClock(testStartMs);
    const client: ApiClient = createMemoryStore({ clock, seed: 7 });
    const recorder = createDaemonSetEventRecorder(client, clock);
    const daemonSet = await client.create(newDaemonSet("ds"));
    for (const recording of recordings) {
      clock.advance(recording.afterMs);
      if (recording.deleteEventsFirst === true) await deleteAllEvents(client);
      await recorder.record(daemonSet, recording.type, recording.reason, recording.message);
    }
    const events = await client.list("Event", { namespace: "default" });
    const actual = events.items
      .map((event: Event) => ({
        name: event.metadata?.name,
        reason: event.reason,
        message: event.message,
        count: event.count,
        firstTimestamp: event.firstTimestamp,
        lastTimestamp: event.lastTimestamp,
      }))
      .sort((left, right) => (left.name ?? "").localeCompare(right.name ?? ""));
    expect(actual).toEqual(expected);
  });

  it("records concurrent identical events in order without losing a count", async () => {
    const clock = new VirtualClock(testStartMs);
    const client: ApiClient = createMemoryStore({ clock, seed: 7 });
    const recorder = createDaemonSetEventRecorder(client, clock);
    const daemonSet = await client.create(newDaemonSet("ds"));
    await Promise.all(
      [0, 1, 2, 3].map(() => recorder.record(daemonSet, "Normal", "SuccessfulCreate", createdMessage)),
    );
    const events = await client.list("Event", { namespace: "default" });
    expect(events.items.map((event: Event) => [event.metadata?.name, event.count])).toEqual([[nameAt(0), 4]]);
  });
});
