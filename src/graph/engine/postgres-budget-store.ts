import type { Pool } from "pg";
import type { BucketDemand, BucketGrant, BudgetStore } from "./budget-store.ts";

const addBuckets = `
INSERT INTO graph_budget_buckets (bucket, tokens, capacity, refill_per_second)
SELECT key, capacity, capacity, rate FROM unnest($1::text[], $2::float8[], $3::float8[]) AS d(key, capacity, rate)
ON CONFLICT (bucket) DO NOTHING`;

/**
 * The bucket refilled up to the statement's time on the database's clock, the one clock every process
 * shares. One time for the whole statement, and never backwards: a lease that waited for another's lock
 * refills nothing for the time the other already counted.
 */
const level = "least(d.capacity, b.tokens + greatest(0, extract(epoch FROM now() - b.updated_at)) * d.rate)";
const granted = `least(d.amount, greatest(0, ${level}))`;

// Rows are locked in key order first, so that two processes leasing overlapping buckets cannot deadlock;
// the UPDATE then reads each row's latest version (READ COMMITTED re-checks rows changed meanwhile).
const lease = `
WITH demand AS (
  SELECT * FROM unnest($1::text[], $2::float8[], $3::float8[], $4::float8[]) AS d(key, capacity, rate, amount)
), locked AS (
  SELECT bucket FROM graph_budget_buckets WHERE bucket = ANY($1::text[]) ORDER BY bucket FOR UPDATE
)
UPDATE graph_budget_buckets b
SET tokens = ${level} - ${granted},
    last_granted = ${granted},
    capacity = d.capacity,
    refill_per_second = d.rate,
    updated_at = greatest(b.updated_at, now())
FROM demand d
WHERE b.bucket = d.key AND b.bucket IN (SELECT bucket FROM locked)
RETURNING b.bucket, b.last_granted, b.tokens`;

interface LeaseRow {
  bucket: string;
  last_granted: number;
  tokens: number;
}

/**
 * The application-wide budget in PostgreSQL (migration 0010): every process leases from the same rows
 * with one statement per round trip, parameterised, and a bucket never grants more than it holds.
 */
export function createPostgresBudgetStore(deps: { pool: Pick<Pool, "query"> }): BudgetStore {
  const known = new Set<string>();

  async function ensure(demands: readonly BucketDemand[]): Promise<void> {
    const fresh = demands.filter((d) => !known.has(d.key));
    if (fresh.length === 0) return;
    await deps.pool.query(addBuckets, [fresh.map((d) => d.key), fresh.map((d) => d.quota.limit), fresh.map((d) => d.quota.limit / d.quota.windowSeconds)]);
    for (const d of fresh) known.add(d.key);
  }

  return {
    take: async (demands) => {
      await ensure(demands);
      const { rows } = await deps.pool.query<LeaseRow>(lease, [
        demands.map((d) => d.key),
        demands.map((d) => d.quota.limit),
        demands.map((d) => d.quota.limit / d.quota.windowSeconds),
        demands.map((d) => d.amount),
      ]);
      const byKey = new Map(rows.map((row) => [row.bucket, row]));
      return demands.map((d): BucketGrant => {
        const row = byKey.get(d.key);
        // A row removed meanwhile grants nothing this time and is added again next time.
        if (!row) known.delete(d.key);
        return { key: d.key, granted: row ? Number(row.last_granted) : 0, remaining: row ? Number(row.tokens) : 0 };
      });
    },
  };
}
