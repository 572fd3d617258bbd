import { randomUUID } from "node:crypto";
import type { Pool, PoolClient } from "pg";

const lockKey = "hashtextextended('tenantry runner ' || $1::text, 0)";

/**
 * This process as a runner of actions: an id, and a PostgreSQL advisory lock held on its own connection
 * for as long as the process lives. When the process dies, the database drops the lock with the
 * connection; that is how another process knows the runs this one left unfinished are orphans.
 */
export async function startRunnerInstance(pool: Pick<Pool, "connect">, log: (line: string) => void) {
  const id = randomUUID();
  const holder: PoolClient = await pool.connect();
  // Without a listener a dropped connection would end the process; runs stay safe either way, since
  // another process (or this one's next start) settles them from Graph.
  holder.on("error", (error) => log(`the runner's lock connection failed: ${error.message}`));
  await holder.query(`SELECT pg_advisory_lock(${lockKey})`, [id]);
  return {
    id,
    async close(): Promise<void> {
      await holder.query(`SELECT pg_advisory_unlock(${lockKey})`, [id]).catch(() => {});
      holder.release();
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
