// How each part of a search is to be answered, from what PostgreSQL expects: its statistics say how many users
// a part matches (EXPLAIN plans a statement without running it) and how many users the cache holds.
import type { Pool } from "pg";
import type { SearchPlan, SearchStatement } from "./search-plan.ts";
import { type ExpectedMatches, expectedMatches } from "./search-sql.ts";
import { type Stage, stagesFor } from "./search-stages.ts";

type Queryable = Pick<Pool, "query">;

async function expectedRows(pool: Queryable, statement: SearchStatement): Promise<number> {
  const { rows } = await pool.query<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.values);
  return rows[0]?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0;
}

const usersCounted = new WeakMap<object, { users: number; at: number }>();
const countAgainAfterMs = 60_000;

/** About how many users the cache holds, as PostgreSQL last counted them (asked again after a minute). */
async function cachedUsers(pool: Queryable): Promise<number> {
  const counted = usersCounted.get(pool);
  if (counted && Date.now() - counted.at < countAgainAfterMs) return counted.users;
  const { rows } = await pool.query<{ users: number }>("SELECT greatest(reltuples, 0)::float8 AS users FROM pg_class WHERE oid = 'directory_users'::regclass");
  const users = rows[0]?.users ?? 0;
  usersCounted.set(pool, { users, at: Date.now() });
  return users;
}

async function expected(pool: Queryable, matches: ExpectedMatches): Promise<number> {
  const all = await expectedRows(pool, matches.all);
  return matches.less ? Math.max(0, all - (await expectedRows(pool, matches.less))) : all;
}

/** The stages of each part of the search, in the order of its parts. */
export async function stagesOf(pool: Queryable, plan: SearchPlan): Promise<Stage[][]> {
  const parts = expectedMatches(plan);
  const users = parts.some((part) => part) ? await cachedUsers(pool) : 0;
  const stages: Stage[][] = [];
  for (const part of parts) stages.push(stagesFor(plan.rows, part && (await expected(pool, part)), users));
  return stages;
}
