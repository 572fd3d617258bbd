// A job's progress, from its items: what is done and left, how fast items finish, and when the rest will.
import type { BulkJobState, StoredJobState } from "./bulk-job.ts";

export interface ItemCounts {
  /** Pending and queued: not started. */
  readonly pending: number;
  readonly running: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly refused: number;
  readonly skipped: number;
  readonly firstStartedAt: Date | null;
  readonly lastFinishedAt: Date | null;
  readonly finishedLastMinute: number;
  /** The database's clock when counted. */
  readonly now: Date;
}

export interface BulkProgress {
  readonly total: number;
  readonly done: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly refused: number;
  readonly skipped: number;
  readonly running: number;
  readonly pending: number;
  /** Not finished yet: running and pending. */
  readonly remaining: number;
  readonly percent: number;
  /** Items finished per second: over the last minute while running, over the whole run once finished. */
  readonly ratePerSecond: number;
  /** Seconds until the remaining items are done at the current rate; null when nothing is moving. */
  readonly etaSeconds: number | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

export function jobState(stored: StoredJobState, counts: ItemCounts): BulkJobState {
  return stored !== "cancelled" && counts.pending + counts.running === 0 ? "finished" : stored;
}

export function progressOf(state: StoredJobState, counts: ItemCounts): BulkProgress {
  const done = counts.succeeded + counts.failed + counts.refused + counts.skipped;
  const remaining = counts.pending + counts.running;
  const total = done + remaining;
  const started = counts.firstStartedAt;
  let rate = 0;
  if (started && remaining === 0 && counts.lastFinishedAt) {
    const seconds = Math.max((counts.lastFinishedAt.getTime() - started.getTime()) / 1000, 0.001);
    rate = (counts.succeeded + counts.failed + counts.refused) / seconds;
  } else if (started) {
    const window = Math.min(60, Math.max((counts.now.getTime() - started.getTime()) / 1000, 0.001));
    rate = counts.finishedLastMinute / window;
  }
  const moving = state === "running" && rate > 0 && remaining > 0;
  return {
    total,
    done,
    succeeded: counts.succeeded,
    failed: counts.failed,
    refused: counts.refused,
    skipped: counts.skipped,
    running: counts.running,
    pending: counts.pending,
    remaining,
    percent: total === 0 ? 100 : Math.floor((done / total) * 1000) / 10,
    ratePerSecond: Math.round(rate * 100) / 100,
    etaSeconds: moving ? Math.ceil(remaining / rate) : remaining === 0 ? 0 : null,
    startedAt: started?.toISOString() ?? null,
    finishedAt: remaining === 0 ? (counts.lastFinishedAt?.toISOString() ?? null) : null,
  };
}
