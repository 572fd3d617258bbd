// The way items move: pending items are handed to pg-boss a few per tenant at a time (never more than
// `perTenant` queued or running in one tenant, over all jobs), a consumer claims the one its pg-boss job
// carries, and records the outcome or puts it back. Every move is one guarded UPDATE, so a stale or
// repeated delivery, or two processes at once, never run an item twice.
import type PgBoss from "pg-boss";
import type { Pool } from "pg";
import type { Principal } from "../../access/principal.ts";
import type { JsonObject } from "../../audit/audit-entry.ts";
import { isRunnerGone } from "../../actions/runner-instance.ts";
import { inTransaction } from "../../store/transaction.ts";
import type { BulkItemError } from "./bulk-job.ts";

export const bulkItemQueue = "bulk-job-items";

export interface BulkItemMessage {
  readonly itemId: string;
}

/** A claimed item with what running it needs. */
export interface ClaimedItem {
  readonly id: string;
  readonly jobId: string;
  readonly tenantId: string;
  readonly input: JsonObject;
  readonly attempt: number;
  readonly tries: number;
  readonly action: string;
  readonly principal: Principal;
}

export type ItemOutcome =
  | { readonly state: "succeeded" | "failed" | "refused"; readonly runId: string | null; readonly error: BulkItemError | null }
  | { readonly state: "pending"; readonly attempt: number; readonly delaySeconds: number; readonly runId: string | null; readonly error: BulkItemError | null };

/** A consumer that took an item's pg-boss job this long ago without claiming the item is gone. */
const unclaimedAfterSeconds = 30;

const tenantLock = "pg_advisory_xact_lock(hashtextextended('tenantry bulk tenant ' || $1::text, 0))";

export function createBulkItemQueue(deps: { pool: Pick<Pool, "query" | "connect">; boss: Pick<PgBoss, "insert">; perTenant: number }) {
  /** Hands the tenant's next pending items to pg-boss, up to its limit; in one transaction with the pg-boss jobs. */
  async function dispatchTenant(tenantId: string): Promise<number> {
    return inTransaction(deps.pool, async (tx) => {
      await tx.query(`SELECT ${tenantLock}`, [tenantId]);
      const busy = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM bulk_job_items WHERE tenant_id = $1 AND state IN ('queued', 'running')", [tenantId]);
      const free = deps.perTenant - busy.rows[0]!.n;
      if (free <= 0) return 0;
      const { rows } = await tx.query<{ id: string; queue_job: string }>(
        `WITH next AS (
           SELECT i.id FROM bulk_job_items i JOIN bulk_jobs j ON j.id = i.job_id
           WHERE i.tenant_id = $1 AND i.state = 'pending' AND i.not_before <= now() AND j.state = 'running'
           ORDER BY i.id LIMIT $2
         )
         UPDATE bulk_job_items i SET state = 'queued', queue_job = gen_random_uuid() FROM next WHERE i.id = next.id
         RETURNING i.id, i.queue_job`,
        [tenantId, free],
      );
      if (rows.length === 0) return 0;
      const inTx = { executeSql: (text: string, values: unknown[]) => tx.query(text, values) };
      await deps.boss.insert(
        rows.map((row) => ({ id: row.queue_job, name: bulkItemQueue, data: { itemId: row.id } satisfies BulkItemMessage })),
        { db: inTx },
      );
      return rows.length;
    });
  }

  return {
    dispatchTenant,

    /** Every tenant with items ready to go. Returns how many items were handed to pg-boss. */
    async dispatchAll(): Promise<number> {
      const { rows } = await deps.pool.query<{ tenant_id: string }>(
        `SELECT DISTINCT i.tenant_id FROM bulk_job_items i JOIN bulk_jobs j ON j.id = i.job_id
         WHERE i.state = 'pending' AND i.not_before <= now() AND j.state = 'running'`,
      );
      let queued = 0;
      for (const row of rows) queued += await dispatchTenant(row.tenant_id);
      return queued;
    },

    /**
     * Takes the item this pg-boss job carries, if it is still queued for it and its job still runs. An item
     * of a job paused meanwhile goes back to pending.
     */
    async claim(itemId: string, queueJob: string, instanceId: string): Promise<ClaimedItem | undefined> {
      const { rows } = await deps.pool.query<{ id: string; job_id: string; tenant_id: string; input: JsonObject; attempt: number; tries: number; action: string; principal: Principal }>(
        `UPDATE bulk_job_items i SET state = 'running', runner_instance = $3, tries = i.tries + 1, started_at = coalesce(i.started_at, now())
         FROM bulk_jobs j
         WHERE i.id = $1 AND i.queue_job = $2 AND i.state = 'queued' AND j.id = i.job_id AND j.state = 'running'
         RETURNING i.id, i.job_id, i.tenant_id, i.input, i.attempt, i.tries, j.action, j.principal`,
        [itemId, queueJob, instanceId],
      );
      const row = rows[0];
      if (!row) {
        await deps.pool.query("UPDATE bulk_job_items SET state = 'pending', queue_job = NULL WHERE id = $1 AND queue_job = $2 AND state = 'queued'", [itemId, queueJob]);
        return undefined;
      }
      return { id: row.id, jobId: row.job_id, tenantId: row.tenant_id, input: row.input, attempt: row.attempt, tries: row.tries, action: row.action, principal: row.principal };
    },

    /** Records what became of a claimed item; false when it is no longer this process's (given back meanwhile). */
    async record(itemId: string, instanceId: string, outcome: ItemOutcome): Promise<boolean> {
      const error = outcome.error ? JSON.stringify(outcome.error) : null;
      const { rowCount } =
        outcome.state === "pending"
          ? await deps.pool.query(
              `UPDATE bulk_job_items SET state = 'pending', attempt = $3, not_before = now() + make_interval(secs => $4), run_id = coalesce($5, run_id), error = $6, runner_instance = NULL, queue_job = NULL
               WHERE id = $1 AND runner_instance = $2 AND state = 'running'`,
              [itemId, instanceId, outcome.attempt, outcome.delaySeconds, outcome.runId, error],
            )
          : await deps.pool.query(
              `UPDATE bulk_job_items SET state = $3, run_id = coalesce($4, run_id), error = $5, finished_at = now(), queue_job = NULL
               WHERE id = $1 AND runner_instance = $2 AND state = 'running'`,
              [itemId, instanceId, outcome.state, outcome.runId, error],
            );
      return rowCount === 1;
    },

    /**
     * Items running in processes that are gone (killed, or their database connection lost), this process's
     * own that it no longer has in hand (their outcome could not be recorded), and queued items whose
     * delivery was lost go back to pending; running them again with the same idempotency key returns the
     * first outcome or settles it. (pg-boss keeps its jobs in the `pgboss` schema of the same database.)
     */
    async reclaimAbandoned(ownInstanceId: string, inHand: () => ReadonlySet<string>): Promise<number> {
      // Read first, then compared with what is in hand: an item is in hand before it is claimed.
      const mine = await deps.pool.query<{ id: string }>("SELECT id FROM bulk_job_items WHERE state = 'running' AND runner_instance = $1", [ownInstanceId]);
      const dropped = mine.rows.map((row) => row.id).filter((id) => !inHand().has(id));
      const own = await deps.pool.query("UPDATE bulk_job_items SET state = 'pending', runner_instance = NULL, queue_job = NULL WHERE state = 'running' AND runner_instance = $1 AND id = ANY($2::bigint[])", [
        ownInstanceId,
        dropped,
      ]);
      let reclaimed = own.rowCount ?? 0;
      // Queued items whose pg-boss job a consumer took and never claimed them with (it died in between), or
      // whose job is gone: a live consumer claims within moments of taking the job.
      const lost = await deps.pool.query(
        `UPDATE bulk_job_items i SET state = 'pending', queue_job = NULL
         WHERE i.state = 'queued' AND NOT EXISTS (
           SELECT 1 FROM pgboss.job q WHERE q.name = $1 AND q.id = i.queue_job
             AND (q.state IN ('created', 'retry') OR (q.state = 'active' AND q.started_on > now() - make_interval(secs => $2))))`,
        [bulkItemQueue, unclaimedAfterSeconds],
      );
      reclaimed += lost.rowCount ?? 0;
      const { rows } = await deps.pool.query<{ runner_instance: string }>("SELECT DISTINCT runner_instance FROM bulk_job_items WHERE state = 'running' AND runner_instance <> $1", [ownInstanceId]);
      for (const { runner_instance: instance } of rows) {
        if (!(await isRunnerGone(deps.pool, instance))) continue;
        const { rowCount } = await deps.pool.query("UPDATE bulk_job_items SET state = 'pending', runner_instance = NULL, queue_job = NULL WHERE state = 'running' AND runner_instance = $1", [instance]);
        reclaimed += rowCount ?? 0;
      }
      return reclaimed;
    },
  };
}

export type BulkItemQueue = ReturnType<typeof createBulkItemQueue>;
