import PgBoss from "pg-boss";
import type { Pool } from "pg";

/** pg-boss on Tenantry's one pool: jobs live in the same PostgreSQL as everything else. */
export async function startJobQueue(deps: { pool: Pick<Pool, "query">; log: (line: string) => void }): Promise<PgBoss> {
  const boss = new PgBoss({ db: { executeSql: (text: string, values: unknown[]) => deps.pool.query(text, values) } });
  boss.on("error", (error: Error) => deps.log(`job queue: ${error.message}`));
  await boss.start();
  return boss;
}
