// What PostgreSQL knows of the directory cache that a search plans by, asked again after a minute: how many users
// and tenants it holds, whether it compares text by code point, and keys spread evenly over a sort order.
import type { Pool } from "pg";

type Queryable = Pick<Pool, "query">;

const askAgainAfterMs = 60_000;

/** A value PostgreSQL is asked for again after a minute, per pool. */
function remembered<T>(ask: (pool: Queryable) => Promise<T>): (pool: Queryable) => Promise<T> {
  const known = new WeakMap<object, { value: T; at: number }>();
  return async (pool) => {
    const hit = known.get(pool);
    if (hit && Date.now() - hit.at < askAgainAfterMs) return hit.value;
    const value = await ask(pool);
    known.set(pool, { value, at: Date.now() });
    return value;
  };
}

/** About how many users the cache holds, as PostgreSQL last counted them. */
export const cachedUsers = remembered(async (pool) => {
  const { rows } = await pool.query<{ users: number }>("SELECT greatest(reltuples, 0)::float8 AS users FROM pg_class WHERE oid = 'directory_users'::regclass");
  return rows[0]?.users ?? 0;
});

/** How many tenants are connected. */
export const connectedTenants = remembered(async (pool) => {
  const { rows } = await pool.query<{ tenants: number }>("SELECT count(*)::int AS tenants FROM tenant_connections");
  return rows[0]?.tenants ?? 0;
});

// Characters whose order differs between code points and the usual collations.
const orderProbe = [" ", ".", "0", "B", "a", "b", "z", "~", "é", "ÿ", "Ā", "ɐ", "ʻ", "ж", "中"];

/** Whether the database compares text by code point, as the stretches of search-starts.ts need. */
export const byCodePoint = remembered(async (pool) => {
  const { rows } = await pool.query<{ sorted: string[] }>("SELECT array_agg(c ORDER BY c) AS sorted FROM unnest($1::text[]) c", [orderProbe]);
  return JSON.stringify(rows[0]?.sorted) === JSON.stringify(orderProbe);
});

/**
 * Keys spread evenly over the sort order (a histogram's bounds, sorted): by display name, search_text's (it begins
 * with the display name and is sampled finely, migration 0012); by user principal name, its sort index's.
 */
export const sortBounds = {
  displayName: remembered((pool) => boundsOf(pool, "directory_users", "search_text")),
  userPrincipalName: remembered((pool) => boundsOf(pool, "directory_users_upn_sort", "lower")),
};

async function boundsOf(pool: Queryable, relation: string, column: string): Promise<readonly string[]> {
  const { rows } = await pool.query<{ bounds: string[] | null }>(
    "SELECT histogram_bounds::text::text[] AS bounds FROM pg_stats WHERE schemaname = current_schema() AND tablename = $1 AND attname = $2",
    [relation, column],
  );
  return rows[0]?.bounds ?? [];
}
