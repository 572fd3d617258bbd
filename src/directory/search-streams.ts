// The users of a walk, in the sort order, after the cursor, each with whether it matches: from the sort index,
// from one index walk per visible tenant merged, or tenant after tenant.
import { nameKey, visibilityCondition } from "./search-conditions.ts";
import { afterCursor, keyAliases, located, orderBy, sortKeys, tenantKey } from "./search-keys.ts";
import type { SearchContext, SearchPlan } from "./search-plan.ts";

/** Up to this many tenants in a visibility list, a walk merges one index walk per tenant (beyond, planning them costs more than it saves). */
const maxMergedTenants = 8;

const matches = (conditions: readonly string[]) => `(${conditions.length ? conditions.join(" AND ") : "true"}) AS hit`;

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

/**
 * Sorted by tenant: tenant after tenant in the order of their names, each tenant's users by display name, at
 * most `limit` of each (and in all); each with whether it matches `test`, or, with `only`, only those matching.
 */
export function tenantStream(ctx: SearchContext, limit: string, range: string | undefined, test: readonly string[], only = false): string {
  const { plan, param, direction, after, cursor } = ctx;
  const visible = visibilityCondition(plan.visibleTenants, "c.tenant_id", param);
  const tenantConditions = [...(visible ? [visible] : []), ...(plan.filters.tenantId ? [`c.tenant_id = ${param(plan.filters.tenantId)}::uuid`] : [])];
  const inTenant = (extra: readonly string[]) =>
    `SELECT ${located(plan.sort, ["c.k0", "u.tenant_id", nameKey, "u.id"])}${only ? "" : `, ${matches(test)}`} FROM directory_users u ` +
    `WHERE ${["u.tenant_id = c.tenant_id", ...(range ? [range] : []), ...(only ? test : []), ...extra].join(" AND ")} ORDER BY ${nameKey} ${direction}, u.id ${direction} LIMIT ${limit}`;
  // OFFSET 0 keeps the tenants' order: a walk relies on the nested loop giving tenant after tenant.
  const tenants = (conditions: readonly string[]) =>
    `(SELECT c.tenant_id, ${tenantKey} AS k0 FROM tenant_connections c${conditions.length ? ` WHERE ${conditions.join(" AND ")}` : ""} ORDER BY k0 ${direction}, c.tenant_id ${direction} OFFSET 0) c`;
  const laterTenants = [...tenantConditions, ...(cursor ? [`(${tenantKey}, c.tenant_id) ${after} (${cursor[0]}, ${cursor[1]})`] : [])];
  const following = `SELECT u.* FROM ${tenants(laterTenants)} CROSS JOIN LATERAL (${inTenant([])}) u`;
  if (!cursor) return `${following} LIMIT ${limit}`;
  // The rest of the cursor's tenant comes first.
  const rest = afterCursor([nameKey, "u.id"], [cursor[2]!, cursor[3]!], after, "range");
  const current = `SELECT u.* FROM ${tenants([`c.tenant_id = ${cursor[1]}`, ...tenantConditions])} CROSS JOIN LATERAL (${inTenant(rest)}) u`;
  return `SELECT * FROM ((${current}) UNION ALL (${following})) s LIMIT ${limit}`;
}

/** The users a walk reads, in the sort order, after the cursor, at most `budget`; see sortIndexStream for `merge`. */
export function walkStream(ctx: SearchContext, budget: string, range: string | undefined, test: readonly string[], merge: boolean): string {
  return ctx.plan.sort === "tenant" ? tenantStream(ctx, budget, range, test) : sortIndexStream(ctx, budget, range, test, merge);
}
