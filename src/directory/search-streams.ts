// The users of a walk, in the sort order, after the cursor, each with whether it matches: from the sort index,
// from one index walk per visible tenant merged, tenant after tenant, or within one tenant.
import { nameKey, visibilityCondition } from "./search-conditions.ts";
import { afterCursor, keyAliases, located, orderBy, sortKeys, tenantKey } from "./search-keys.ts";
import type { SearchContext, SearchPlan } from "./search-plan.ts";

/** Up to this many tenants in a visibility list, a walk merges one index walk per tenant (beyond, planning them costs more than it saves). */
const maxMergedTenants = 8;

export const matches = (conditions: readonly string[]) => `(${conditions.length ? conditions.join(" AND ") : "true"}) AS hit`;

/** The tenants whose index walks are merged, when few enough (sorted by display name, with migration 0012's tenant index). */
function mergedTenants(plan: SearchPlan): readonly string[] | undefined {
  if (plan.sort !== "displayName") return undefined;
  if (plan.filters.tenantId) return [plan.filters.tenantId];
  const { everyTenant, include } = plan.visibleTenants;
  return !everyTenant && include.length > 0 && include.length <= maxMergedTenants ? [...new Set(include.map((t) => t.toLowerCase()))] : undefined;
}

/**
 * After the cursor, within one tenant: its tenant id is known, so of the keys (first key, tenant id, user id)
 * only the first key and the user id remain to compare.
 */
function afterCursorInTenant(ctx: SearchContext, tenant: string, range: string | undefined): string[] {
  const [first, cursorTenant] = [sortKeys[ctx.plan.sort][0]!, ctx.plan.after![1]];
  const [value, , id] = ctx.cursor!;
  if (tenant !== cursorTenant) {
    // Tenant ids compare as their canonical lower-case text does.
    const tenantAfter = ctx.after === ">" ? tenant > cursorTenant : tenant < cursorTenant;
    return [`${first} ${ctx.after}${tenantAfter ? "=" : ""} ${value}`];
  }
  return afterCursor([first, "u.id"], [value!, id!], ctx.after, range ? "range" : "alone");
}

/**
 * Sorted by display name or user name: at most `budget` users, of the visible tenants when few and `merge` is
 * asked (each tenant's walk costs PostgreSQL time to plan), else of all.
 */
function sortIndexStream(ctx: SearchContext, budget: string, range: string | undefined, test: readonly string[], merge: boolean): string {
  const { plan, direction } = ctx;
  const keys = sortKeys[plan.sort];
  const walk = (conditions: readonly string[]) =>
    `SELECT ${located(plan.sort)}, ${matches(test)} FROM directory_users u${conditions.length ? ` WHERE ${conditions.join(" AND ")}` : ""} ORDER BY ${orderBy(keys, direction)} LIMIT ${budget}`;
  const tenants = merge ? mergedTenants(plan) : undefined;
  if (!tenants) return walk([...(range ? [range] : []), ...(ctx.cursor ? afterCursor(keys, ctx.cursor, ctx.after, range ? "range" : "alone") : [])]);
  const merged = tenants.map((tenant) => `(${walk([`u.tenant_id = ${ctx.param(tenant)}::uuid`, ...(range ? [range] : []), ...(ctx.cursor ? afterCursorInTenant(ctx, tenant, range) : [])])})`);
  return `SELECT * FROM (${merged.join(" UNION ALL ")}) m ORDER BY ${orderBy(keyAliases(plan.sort), direction)} LIMIT ${budget}`;
}

/** The tenants seen, in the order of their names, as `c` (tenant_id, k0); OFFSET 0 keeps that order for a nested loop. */
export function orderedTenants(ctx: SearchContext, conditions: readonly string[]): string {
  const { plan, param, direction } = ctx;
  const visible = visibilityCondition(plan.visibleTenants, "c.tenant_id", param);
  const all = [...(visible ? [visible] : []), ...(plan.filters.tenantId ? [`c.tenant_id = ${param(plan.filters.tenantId)}::uuid`] : []), ...conditions];
  return `(SELECT c.tenant_id, ${tenantKey} AS k0 FROM tenant_connections c${all.length ? ` WHERE ${all.join(" AND ")}` : ""} ORDER BY k0 ${direction}, c.tenant_id ${direction} OFFSET 0) c`;
}

/** The cursor's tenant, and the tenants after it: sorted by tenant, a page goes on from the cursor's tenant. */
export function cursorTenants(ctx: SearchContext): { current: string; following: string } | undefined {
  const { after, cursor } = ctx;
  if (!cursor) return undefined;
  return { current: orderedTenants(ctx, [`c.tenant_id = ${cursor[1]}`]), following: orderedTenants(ctx, [`(${tenantKey}, c.tenant_id) ${after} (${cursor[0]}, ${cursor[1]})`]) };
}

/** Within the cursor's tenant, the users after it (by display name, then id). */
export const restOfCursorTenant = (ctx: SearchContext) => afterCursor([nameKey, "u.id"], [ctx.cursor![2]!, ctx.cursor![3]!], ctx.after, "range");

/**
 * Sorted by tenant: tenant after tenant in the order of their names, each tenant's users by display name, at
 * most `limit` of each (and in all); each with whether it matches `test`, or, with `only`, only those matching.
 */
export function tenantStream(ctx: SearchContext, limit: string, range: string | undefined, test: readonly string[], only = false): string {
  const { plan, direction } = ctx;
  const inTenant = (extra: readonly string[]) =>
    `SELECT ${located(plan.sort, ["c.k0", "u.tenant_id", nameKey, "u.id"])}${only ? "" : `, ${matches(test)}`} FROM directory_users u ` +
    `WHERE ${["u.tenant_id = c.tenant_id", ...(range ? [range] : []), ...(only ? test : []), ...extra].join(" AND ")} ORDER BY ${nameKey} ${direction}, u.id ${direction} LIMIT ${limit}`;
  const tenants = cursorTenants(ctx);
  if (!tenants) return `SELECT u.* FROM ${orderedTenants(ctx, [])} CROSS JOIN LATERAL (${inTenant([])}) u LIMIT ${limit}`;
  // The rest of the cursor's tenant comes first.
  const current = `SELECT u.* FROM ${tenants.current} CROSS JOIN LATERAL (${inTenant(restOfCursorTenant(ctx))}) u`;
  const following = `SELECT u.* FROM ${tenants.following} CROSS JOIN LATERAL (${inTenant([])}) u`;
  return `SELECT * FROM ((${current}) UNION ALL (${following})) s LIMIT ${limit}`;
}

/** The users a walk reads, in the sort order, after the cursor, at most `budget`; see sortIndexStream for `merge`. */
export function walkStream(ctx: SearchContext, budget: string, range: string | undefined, test: readonly string[], merge: boolean): string {
  return ctx.plan.sort === "tenant" ? tenantStream(ctx, budget, range, test) : sortIndexStream(ctx, budget, range, test, merge);
}

/**
 * A walk of `stream` (sorted, and it stays so; at most `budget` users): its first matches. Numbered, so that the
 * budget's last user shows whether the walk reached the end first. PostgreSQL plans the stream to read all of its
 * budget: a budget near what a walk reads keeps it walking an index rather than sorting what it finds.
 */
export function numberedWalk(stream: string, budget: string, rows: string): string {
  return `SELECT * FROM (SELECT s.*, row_number() OVER () AS n FROM (${stream}) s) w WHERE hit OR n = ${budget} LIMIT ${rows} + 1`;
}

/** Whether a numbered walk answered: it found a page, or reached the end within its budget. */
export const walkAnswered = (name: string, budget: string, rows: string) =>
  `((SELECT count(*) FROM ${name} WHERE hit) >= ${rows} OR NOT EXISTS (SELECT 1 FROM ${name} WHERE n = ${budget}))`;
