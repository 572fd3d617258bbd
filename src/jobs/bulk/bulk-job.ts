// The words of bulk jobs: what a job and its items are, and the idempotency key of each attempt of an item.
import type { Principal } from "../../access/principal.ts";
import type { JsonObject } from "../../audit/audit-entry.ts";

export const bulkItemStates = ["pending", "queued", "running", "succeeded", "failed", "refused", "skipped"] as const;
export type BulkItemState = (typeof bulkItemStates)[number];

/** As stored; a running job with nothing left to do is shown as finished. */
export type StoredJobState = "running" | "paused" | "cancelled";
export type BulkJobState = StoredJobState | "finished";

export type BulkSource = "ids" | "csv" | "search";

/** Why an item did not run or did not succeed, as the journal and the API say it. */
export interface BulkItemError {
  readonly code: string;
  readonly message: string;
  readonly fix?: string;
  readonly field?: string;
}

/**
 * One target of a selection, before it is checked: the tenant and the user (or group) as given, and for a
 * CSV row its other columns. Every kind of selection (ids, CSV, a search of the directory cache) produces these.
 */
export interface SelectedTarget {
  readonly row: number;
  readonly tenant: string;
  readonly target: string;
  /** Input properties of this row (CSV columns), by name. */
  readonly columns?: Readonly<Record<string, string>>;
  /** A row that cannot become an item whatever its tenant (a malformed CSV line). */
  readonly problem?: BulkItemError;
}

/** A checked item, ready to be stored: runnable (with its input) or refused with the reason. */
export interface NewBulkItem {
  readonly row: number;
  readonly tenant: string;
  readonly target: string;
  readonly tenantId: string | null;
  readonly input: JsonObject | null;
  readonly refusal: BulkItemError | null;
}

export interface NewBulkJob {
  readonly id: string;
  readonly action: string;
  readonly template: JsonObject;
  readonly source: BulkSource;
  readonly principal: Principal;
  readonly items: readonly NewBulkItem[];
}

/** The first attempt uses `bulk:{job}:{item}`; a retry of an item whose run failed gets a key of its own. */
export function itemIdempotencyKey(jobId: string, itemId: string, attempt: number): string {
  return attempt <= 1 ? `bulk:${jobId}:${itemId}` : `bulk:${jobId}:${itemId}:${attempt}`;
}

/** The audit log's names for what people do with bulk jobs; each item's run is audited by the runner. */
export const bulkJobAuditActions = {
  create: "bulk-jobs.create",
  pause: "bulk-jobs.pause",
  resume: "bulk-jobs.resume",
  cancel: "bulk-jobs.cancel",
  retryFailed: "bulk-jobs.retry-failed",
} as const;
