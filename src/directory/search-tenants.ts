// Sorted by tenant, one part's matches tenant after tenant: each tenant's users by display name, from the first
// of the tenant's own stages that can answer (a walk of its users in name order, a lookup through the search
// index restricted to it), so that a tenant with no match costs one search of the index, and a tenant full of
// them a short walk.
import { nameKey, type PartConditions, type TextBranch, tenantFacet, walkedRange } from "./search-conditions.ts";
import { orderBy } from "./search-keys.ts";
import type { SearchContext } from "./search-plan.ts";
import type { Stage } from "./search-stages.ts";
import { cursorTenants, matches, numberedWalk, orderedTenants, restOfCursorTenant, walkAnswered } from "./search-streams.ts";

/** The answer for the tenant `c`: its matching users (id, k2: the display name key), at most a page, in order. */
function tenantAnswer(ctx: SearchContext, branch: TextBranch, conditions: PartConditions, stages: readonly Stage[], rest: boolean): string {
  const { param, direction, rows } = ctx;
  const after = rest ? restOfCursorTenant(ctx) : [];
  const order = `ORDER BY k2 ${direction}, id ${direction}`;
  // Found through the search index alone, then checked (see lookupQuery in search-sql.ts).
  const found = [`${tenantFacet} @> ARRAY[c.tenant_id]`, ...conditions.index, ...conditions.inTenant, ...branch.find];
  const lookup = (limit: string) =>
    `SELECT u.id, ${nameKey} AS k2 FROM (SELECT u.* FROM directory_users u WHERE ${found.join(" AND ")} OFFSET 0) u WHERE ${["true", ...conditions.test, ...branch.check, ...after].join(" AND ")}${limit}`;
  const named: string[] = [];
  const answers: string[] = [];
  const failed: string[] = [];
  stages.forEach((stage, i) => {
    const name = `t${i}`;
    const gate = (own: string) => [...failed, own].join(" AND ");
    const count = `(SELECT count(*) FROM ${name})`;
    if (stage.kind === "walk") {
      const budget = param(stage.budget);
      const range = walkedRange(branch, stage.bounds && ctx.plan.byCodePoint);
      const walk =
        `SELECT u.id, ${nameKey} AS k2, ${matches([...conditions.test, ...branch.walk])} FROM directory_users u ` +
        `WHERE ${["u.tenant_id = c.tenant_id", ...(range ? [range] : []), ...after].join(" AND ")} ORDER BY ${nameKey} ${direction}, u.id ${direction} LIMIT ${budget}`;
      named.push(`${name} AS MATERIALIZED (${numberedWalk(walk, budget, rows)})`);
      const answered = walkAnswered(name, budget, rows);
      answers.push(`(SELECT id, k2 FROM ${name} WHERE hit AND ${gate(answered)} ${order} LIMIT ${rows})`);
      failed.push(`NOT ${answered}`);
    } else if (stage.kind === "lookup") {
      const cap = param(stage.cap);
      named.push(`${name} AS MATERIALIZED (${lookup(` LIMIT ${cap} + 1`)})`);
      answers.push(`(SELECT id, k2 FROM ${name} WHERE ${gate(`${count} <= ${cap}`)} ${order} LIMIT ${rows})`);
      failed.push(`${count} > ${cap}`);
    } else {
      named.push(`${name} AS MATERIALIZED (${lookup("")})`);
      answers.push(`(SELECT id, k2 FROM ${name} WHERE ${gate("true")} ${order} LIMIT ${rows})`);
    }
  });
  return `WITH ${named.join(", ")} ${answers.join(" UNION ALL ")}`;
}

/** Tenants looked up together: at most how many, and at most how many matches the lookup takes. */
export interface TenantBatch {
  readonly tenants: number;
  readonly cap: number;
}

/**
 * The batch of the tenant at `place` (0, 1, …): batches of one tenant, two, four and so on up to `most`, so that
 * the first tenants, likeliest to fill the page when matches are common, are looked up alone.
 */
const batchOf = (place: string, most: string) =>
  `CASE WHEN ${place} < 1 THEN 0 WHEN ${place} < 3 THEN 1 WHEN ${place} < 7 THEN 2 WHEN ${place} < 15 THEN 3 ELSE 4 + (${place} - 15) / ${most} END`;

/**
 * The tenants `c` in batches (see batchOf), in order: each batch's matches looked up at once, and when there are
 * more than `batch.cap` (a tenant full of them), its tenants one after another.
 */
function inBatches(ctx: SearchContext, branch: TextBranch, conditions: PartConditions, stages: readonly Stage[], tenants: string, batch: TenantBatch): string {
  const { param, direction, rows } = ctx;
  const cap = param(batch.cap);
  const batches =
    `(SELECT n, array_agg(tenant_id ORDER BY ${orderBy(["k0", "tenant_id"], direction)}) AS ids, array_agg(k0 ORDER BY ${orderBy(["k0", "tenant_id"], direction)}) AS keys ` +
    `FROM (SELECT c.*, ${batchOf(`row_number() OVER (ORDER BY ${orderBy(["c.k0", "c.tenant_id"], direction)}) - 1`, param(batch.tenants))} AS n FROM ${tenants}) c GROUP BY n ORDER BY n OFFSET 0) b`;
  const found = [`${tenantFacet} && b.ids`, ...conditions.index, ...conditions.inTenant, ...branch.find];
  const together =
    `SELECT u.tenant_id, u.id, ${nameKey} AS k2 FROM (SELECT u.* FROM directory_users u WHERE ${found.join(" AND ")} OFFSET 0) u ` +
    `WHERE ${["true", ...conditions.test, ...branch.check].join(" AND ")} LIMIT ${cap} + 1`;
  const count = "(SELECT count(*) FROM f)";
  const atOnce =
    `SELECT k.tenant_id, f.id, k.k0, k.tenant_id AS k1, f.k2, f.id AS k3 FROM f JOIN unnest(b.ids, b.keys) AS k(tenant_id, k0) ON k.tenant_id = f.tenant_id ` +
    `WHERE ${count} <= ${cap} ORDER BY ${orderBy(["k.k0", "k.tenant_id", "f.k2", "f.id"], direction)} LIMIT ${rows}`;
  const inTurn =
    `SELECT c.tenant_id, t.id, c.k0, c.tenant_id AS k1, t.k2, t.id AS k3 FROM (SELECT * FROM unnest(b.ids, b.keys) WITH ORDINALITY AS c(tenant_id, k0, i) ` +
    `WHERE ${count} > ${cap} ORDER BY i OFFSET 0) c CROSS JOIN LATERAL (${tenantAnswer(ctx, branch, conditions, stages, false)}) t LIMIT ${rows}`;
  return `SELECT x.* FROM ${batches} CROSS JOIN LATERAL (WITH f AS MATERIALIZED (${together}) (${atOnce}) UNION ALL (${inTurn})) x`;
}

/**
 * The part's users tenant after tenant, with their places in the sort order (tenant_id, id, k0 … k3), at most a
 * page; the tenants after the cursor's in batches when `batch` is given.
 */
export function byTenantQuery(ctx: SearchContext, branch: TextBranch, conditions: PartConditions, stages: readonly Stage[], batch?: TenantBatch): string {
  const over = (tenants: string, rest: boolean) =>
    !rest && batch
      ? inBatches(ctx, branch, conditions, stages, tenants, batch)
      : `SELECT c.tenant_id, t.id, c.k0, c.tenant_id AS k1, t.k2, t.id AS k3 FROM ${tenants} CROSS JOIN LATERAL (${tenantAnswer(ctx, branch, conditions, stages, rest)}) t`;
  const tenants = cursorTenants(ctx);
  if (!tenants) return `${over(orderedTenants(ctx, []), false)} LIMIT ${ctx.rows}`;
  return `SELECT * FROM ((${over(tenants.current, true)}) UNION ALL (${over(tenants.following, false)})) s LIMIT ${ctx.rows}`;
}
