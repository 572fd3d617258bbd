import { randomUUID } from "node:crypto";
import type { Pool, PoolClient } from "pg";
import { ActionRefused } from "./action-errors.ts";

const lockKey = "hashtextextended('tenantry runner ' || $1::text, 0)";

/**
 * This process as a runner of actions: an id, and a PostgreSQL advisory lock held on its own connection
 * for as long as the process lives. When the process dies, the database drops the lock with the
 * connection; that is how another process knows the runs this one left unfinished are orphans.
 */
export async function startRunnerInstance(pool: Pick<Pool, "connect">, log: (line: string) => void) {
  const id = randomUUID();
  let holder: PoolClient | undefined;

  async function take(): Promise<boolean> {
    const client = await pool.connect();
    client.on("error", (error) => {
      // Another process may now settle this one's unfinished runs from Graph; no new run starts until
      // the lock is held again (`hold`).
      log(`the runner's lock connection failed: ${error.message}`);
      if (holder === client) holder = undefined;
    });
    const { rows } = await client.query<{ held: boolean }>(`SELECT pg_try_advisory_lock(${lockKey}) AS held`, [id]);
    if (rows[0]!.held) {
      holder = client;
      return true;
    }
    client.release();
    return false;
  }

  if (!(await take())) throw new Error(`Runner instance ${id} is locked already.`);
  return {
    id,
    /** Before a run starts: the lock is held, taken again after a lost connection, or the run is refused. */
    async hold(): Promise<void> {
      if (holder) return;
      const taken = await take().catch(() => false);
      if (!taken) throw new ActionRefused({ status: 503, code: "runner_unavailable", message: "Tenantry lost its lock on the database and cannot start a change safely right now.", fix: "Try again in a moment." });
    },
    async close(): Promise<void> {
      const client = holder;
      holder = undefined;
      if (!client) return;
      await client.query(`SELECT pg_advisory_unlock(${lockKey})`, [id]).catch(() => {});
      client.release();
    },
  };
}

export type RunnerInstance = Awaited<ReturnType<typeof startRunnerInstance>>;

/** Whether the runner instance `id` is gone (nobody holds its lock). */
export async function isRunnerGone(pool: Pick<Pool, "connect">, id: string): Promise<boolean> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ free: boolean }>(`SELECT pg_try_advisory_lock(${lockKey}) AS free`, [id]);
    if (rows[0]!.free) await client.query(`SELECT pg_advisory_unlock(${lockKey})`, [id]);
    return rows[0]!.free;
  } finally {
    client.release();
  }
}
