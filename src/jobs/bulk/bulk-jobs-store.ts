// Bulk jobs and their items in PostgreSQL (tables bulk_jobs and bulk_job_items): creating a job with its
// items, reading them with their progress counts, and the state changes people ask for.
import type { Pool } from "pg";
import type { OperatorAccess } from "../../access/operator-access.ts";
import type { Principal } from "../../access/principal.ts";
import type { JsonObject } from "../../audit/audit-entry.ts";
import type { AuditTransaction } from "../../audit/audit-log.ts";
import { inTransaction } from "../../store/transaction.ts";
import type { BulkItemError, BulkItemState, BulkSource, NewBulkJob, StoredJobState } from "./bulk-job.ts";
import type { ItemCounts } from "./bulk-progress.ts";

export interface StoredBulkJob {
  readonly id: string;
  readonly action: string;
  readonly template: JsonObject;
  readonly source: BulkSource;
  readonly principal: Principal;
  readonly tenantIds: readonly string[];
  readonly state: StoredJobState;
  readonly createdAt: string;
  readonly counts: ItemCounts;
}

export interface StoredBulkItem {
  readonly id: string;
  readonly row: number;
  readonly tenant: string;
  readonly tenantId: string | null;
  readonly target: string;
  readonly state: BulkItemState;
  readonly attempt: number;
  readonly tries: number;
  readonly runId: string | null;
  readonly error: BulkItemError | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

interface JobRow {
  id: string;
  action: string;
  template: JsonObject;
  source: BulkSource;
  principal: Principal;
  tenant_ids: string[];
  state: StoredJobState;
  created_at: Date;
  counts: Record<string, number | string | null>;
}

interface ItemRow {
  id: string;
  row_number: number;
  tenant: string;
  tenant_id: string | null;
  target: string;
  state: BulkItemState;
  attempt: number;
  tries: number;
  run_id: string | null;
  error: BulkItemError | null;
  started_at: Date | null;
  finished_at: Date | null;
}

/** Counts by state and the timing figures of a job's items, as one JSON object per job. */
const countsOf = (job: string) => `(
  SELECT json_build_object(
    'pending', count(*) FILTER (WHERE i.state IN ('pending', 'queued')),
    'running', count(*) FILTER (WHERE i.state = 'running'),
    'succeeded', count(*) FILTER (WHERE i.state = 'succeeded'),
    'failed', count(*) FILTER (WHERE i.state = 'failed'),
    'refused', count(*) FILTER (WHERE i.state = 'refused'),
    'skipped', count(*) FILTER (WHERE i.state = 'skipped'),
    'firstStartedAt', min(i.started_at),
    'lastFinishedAt', max(i.finished_at),
    'finishedLastMinute', count(*) FILTER (WHERE i.finished_at > now() - interval '60 seconds'),
    'now', now()
  ) FROM bulk_job_items i WHERE i.job_id = ${job}) AS counts`;

function countsFrom(raw: Record<string, number | string | null>): ItemCounts {
  const n = (key: string) => Number(raw[key] ?? 0);
  const time = (key: string) => (raw[key] ? new Date(String(raw[key])) : null);
  return {
    pending: n("pending"),
    running: n("running"),
    succeeded: n("succeeded"),
    failed: n("failed"),
    refused: n("refused"),
    skipped: n("skipped"),
    firstStartedAt: time("firstStartedAt"),
    lastFinishedAt: time("lastFinishedAt"),
    finishedLastMinute: n("finishedLastMinute"),
    now: time("now") ?? new Date(),
  };
}

function job(row: JobRow): StoredBulkJob {
  return {
    id: row.id,
    action: row.action,
    template: row.template,
    source: row.source,
    principal: row.principal,
    tenantIds: row.tenant_ids,
    state: row.state,
    createdAt: row.created_at.toISOString(),
    counts: countsFrom(row.counts),
  };
}

function item(row: ItemRow): StoredBulkItem {
  return {
    id: row.id,
    row: row.row_number,
    tenant: row.tenant,
    tenantId: row.tenant_id,
    target: row.target,
    state: row.state,
    attempt: row.attempt,
    tries: row.tries,
    runId: row.run_id,
    error: row.error,
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

/** Items are written in slices, each one statement. */
const insertSlice = 5000;

/** Visibility as SQL: the creator's own jobs, and jobs in tenants whose every one the operator sees. */
function visibleTo(access: Pick<OperatorAccess, "principal" | "visibility">, first: number): { sql: string; values: unknown[] } {
  const v = access.visibility();
  return {
    sql: `(j.operator_id = $${first} OR cardinality(j.tenant_ids) > 0 AND NOT EXISTS (
      SELECT 1 FROM unnest(j.tenant_ids) AS t(id)
      WHERE NOT (($${first + 1}::boolean AND t.id <> ALL($${first + 2}::uuid[])) OR t.id = ANY($${first + 3}::uuid[]))))`,
    values: [access.principal.operatorId, v.everyTenant, v.except, v.include],
  };
}

export function createBulkJobsStore(deps: { pool: Pick<Pool, "query" | "connect"> }) {
  return {
    /** Stores the job and its items in one transaction, with what `alongside` writes (its audit entry). */
    async create(newJob: NewBulkJob, alongside: (tx: AuditTransaction) => Promise<void>): Promise<void> {
      const tenantIds = [...new Set(newJob.items.flatMap((i) => (i.tenantId ? [i.tenantId] : [])))];
      await inTransaction(deps.pool, async (tx) => {
        await tx.query("INSERT INTO bulk_jobs (id, action, template, source, operator_id, principal, tenant_ids, state, total) VALUES ($1, $2, $3, $4, $5, $6, $7, 'running', $8)", [
          newJob.id,
          newJob.action,
          JSON.stringify(newJob.template),
          newJob.source,
          newJob.principal.operatorId,
          JSON.stringify(newJob.principal),
          tenantIds,
          newJob.items.length,
        ]);
        for (let start = 0; start < newJob.items.length; start += insertSlice) {
          const slice = newJob.items.slice(start, start + insertSlice);
          await tx.query(
            `INSERT INTO bulk_job_items (job_id, row_number, tenant, target, tenant_id, input, state, error)
             SELECT $1, r.row_number, r.tenant, r.target, r.tenant_id, r.input, CASE WHEN r.error IS NULL THEN 'pending' ELSE 'refused' END, r.error
             FROM unnest($2::int[], $3::text[], $4::text[], $5::uuid[], $6::jsonb[], $7::jsonb[]) AS r(row_number, tenant, target, tenant_id, input, error)`,
            [
              newJob.id,
              slice.map((i) => i.row),
              slice.map((i) => i.tenant),
              slice.map((i) => i.target),
              slice.map((i) => i.tenantId),
              slice.map((i) => (i.input ? JSON.stringify(i.input) : null)),
              slice.map((i) => (i.refusal ? JSON.stringify(i.refusal) : null)),
            ],
          );
        }
        await alongside(tx);
      });
    },

    async get(id: string): Promise<StoredBulkJob | undefined> {
      const { rows } = await deps.pool.query<JobRow>(`SELECT j.*, ${countsOf("j.id")} FROM bulk_jobs j WHERE j.id = $1`, [id]);
      return rows[0] ? job(rows[0]) : undefined;
    },

    /** The jobs the operator may see, newest first; `before` is the creation time and id of the last job of the previous page. */
    async list(access: Pick<OperatorAccess, "principal" | "visibility">, limit: number, before?: { createdAt: string; id: string }): Promise<StoredBulkJob[]> {
      const visible = visibleTo(access, 2);
      const page = before ? `AND (j.created_at, j.id) < ($${visible.values.length + 2}::timestamptz, $${visible.values.length + 3}::uuid)` : "";
      const { rows } = await deps.pool.query<JobRow>(
        `SELECT j.*, ${countsOf("j.id")} FROM bulk_jobs j WHERE ${visible.sql} ${page} ORDER BY j.created_at DESC, j.id DESC LIMIT $1`,
        [limit, ...visible.values, ...(before ? [before.createdAt, before.id] : [])],
      );
      return rows.map(job);
    },

    /** A job's items in their order, in one state or all, after the item `after`. */
    async items(jobId: string, options: { state?: BulkItemState; limit: number; after?: string }): Promise<StoredBulkItem[]> {
      const { rows } = await deps.pool.query<ItemRow>(
        `SELECT * FROM bulk_job_items WHERE job_id = $1 AND ($2::text IS NULL OR state = $2 OR ($2 = 'pending' AND state = 'queued')) AND id > $3 ORDER BY id LIMIT $4`,
        [jobId, options.state ?? null, options.after ?? "0", options.limit],
      );
      return rows.map(item);
    },

    /** Moves a job from one of `from` to `to`; false when it was in none of them. */
    async setState(id: string, from: readonly StoredJobState[], to: StoredJobState): Promise<boolean> {
      const { rowCount } = await deps.pool.query("UPDATE bulk_jobs SET state = $3, updated_at = now() WHERE id = $1 AND state = ANY($2)", [id, from, to]);
      return rowCount === 1;
    },

    /** Cancels a job: the items not started are skipped; those running finish. */
    async cancel(id: string): Promise<boolean> {
      return inTransaction(deps.pool, async (tx) => {
        const { rowCount } = await tx.query("UPDATE bulk_jobs SET state = 'cancelled', updated_at = now() WHERE id = $1 AND state IN ('running', 'paused')", [id]);
        if (rowCount !== 1) return false;
        await tx.query(
          `UPDATE bulk_job_items SET state = 'skipped', queue_job = NULL, error = '{"code":"cancelled","message":"The job was cancelled before this item started."}', finished_at = now()
           WHERE job_id = $1 AND state IN ('pending', 'queued')`,
          [id],
        );
        return true;
      });
    },

    /** Failed items go back to pending, each with a new attempt (and so a new idempotency key). Returns how many. */
    async retryFailed(id: string): Promise<number> {
      const { rowCount } = await deps.pool.query(
        "UPDATE bulk_job_items SET state = 'pending', attempt = attempt + 1, tries = 0, not_before = now(), error = NULL, finished_at = NULL WHERE job_id = $1 AND state = 'failed'",
        [id],
      );
      return rowCount ?? 0;
    },
  };
}

export type BulkJobsStore = ReturnType<typeof createBulkJobsStore>;
