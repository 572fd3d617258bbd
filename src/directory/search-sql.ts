// The SQL of a user search: one parameterised statement. Each part of the text's matches is answered one of two
// ways, so that no search reads much more than its page: a walk through the sort order that reads at most
// `budget` users and keeps those that match (quick when matches are common), and, when the walk found too
// few, every match found through an index and then sorted (quick when matches are rare).
import type { CursorPosition } from "./search-cursor.ts";
import { filterConditions, nameKey, type Param, type TextBranch, textBranches, upnKey, visibilityCondition } from "./search-conditions.ts";
import type { SortOrder, TenantVisibility, UserSearchFilters, UserSearchSort } from "./search-query.ts";
import type { TextMatch } from "./search-text.ts";

const tenantName = "coalesce(c.display_name, c.default_domain, c.tenant_id::text)";
const tenantKey = `lower(${tenantName})`;

/** The sort keys, each ending with tenant id and user id so that every row has one place. */
const sortKeys: Record<UserSearchSort, readonly string[]> = {
  displayName: [nameKey, "u.tenant_id", "u.id"],
  userPrincipalName: [upnKey, "u.tenant_id", "u.id"],
  tenant: [tenantKey, "u.tenant_id", nameKey, "u.id"],
};
const uuidKeys: Record<UserSearchSort, readonly boolean[]> = {
  displayName: [false, true, true],
  userPrincipalName: [false, true, true],
  tenant: [false, true, false, true],
};

const pageColumns = [
  "u.tenant_id",
  `${tenantName} AS tenant_name`,
  ...["id", "user_principal_name", "display_name", "mail", "account_enabled", "user_type", "synced", "job_title", "department", "usage_location", "sku_ids", "admin_role_ids", "deleted_at"].map((c) => `u.${c}`),
];

/** Up to this many tenants in a visibility list, the walk merges one index walk per tenant. */
const maxMergedTenants = 64;

export interface SearchStatement {
  readonly text: string;
  readonly values: unknown[];
}

export interface SearchPlan {
  readonly text: TextMatch;
  readonly visibleTenants: TenantVisibility;
  readonly filters: UserSearchFilters;
  readonly sort: UserSearchSort;
  readonly order: SortOrder;
  /** Rows to read: the page and one more, to know whether another page follows. */
  readonly rows: number;
  readonly after: CursorPosition | undefined;
  /** For each part of the text's matches, in the order of textBranches, how it is answered; see stagesFor. */
  readonly stages?: readonly (readonly Stage[])[];
}

/**
 * One way to answer a part of the matches, tried when those before it could not: a walk through the sort order
 * reading at most `budget` users (answers when it finds a page); a lookup of the matches through an index,
 * capped at `cap` (answers when there are no more); every match, sorted (always answers).
 */
export type Stage = { readonly kind: "walk"; readonly budget: number } | { readonly kind: "lookup"; readonly cap: number } | { readonly kind: "every" };

/**
 * The stages for a part, from the matches PostgreSQL expects among the users cached: few are looked up first,
 * capped well above the expectation (the cap bounds a wrong one); many (or a range of the sort index) are
 * walked, as they come early in the sort order. Each order ends with a walk and then every match, so that a
 * wrong expectation costs time, never a wrong page.
 */
export function stagesFor(rows: number, expected = Number.POSITIVE_INFINITY, users = 0): Stage[] {
  const walk: Stage = { kind: "walk", budget: Math.max(10_000, rows * 40) };
  const every: Stage = { kind: "every" };
  // A walk reads about rows × users / expected users to find a page (it stops there), a lookup every match, at
  // about the same cost per user (bench/search.ts). Up to twice the point where both would cost the same, look
  // up: matches are seldom spread evenly through the sort order, and a walk that finds too few costs twice.
  const even = Math.sqrt(rows * users);
  if (expected <= Math.max(2 * even, 1_000)) return [{ kind: "lookup", cap: Math.min(30_000, Math.max(10_000, Math.ceil(expected * 4))) }, walk, every];
  if (!Number.isFinite(expected)) return [walk, every];
  // Many matches: a walk that finds too few leaves every one of them to read, so it may read up to half as many.
  return [{ kind: "walk", budget: Math.max(walk.budget, Math.min(50_000, Math.ceil(expected / 2))) }, every];
}

interface Context {
  readonly plan: SearchPlan;
  readonly param: Param;
  readonly direction: "ASC" | "DESC";
  /** The keyset comparison: after the cursor in the sort order. */
  readonly after: ">" | "<";
  /** The cursor's values, as parameters cast to their types. */
  readonly cursor: readonly string[] | undefined;
  readonly rows: string;
}

const orderBy = (keys: readonly string[], direction: string) => keys.map((key) => `${key} ${direction}`).join(", ");
const keyAliases = (sort: UserSearchSort) => sortKeys[sort].map((_, i) => `k${i}`);

/**
 * After the cursor in the sort order. As one row comparison, an index walk starts there; beside a range of the
 * first key (a prefix), PostgreSQL would start from the row comparison and not the range, so it is then written
 * as a bound of the first key and the comparison spelt out.
 */
function afterCursor(keys: readonly string[], values: readonly string[], after: ">" | "<", beside: "alone" | "range"): string[] {
  if (beside === "alone") return [`(${keys.join(", ")}) ${after} (${values.join(", ")})`];
  const spelt = keys.map((key, i) => [...keys.slice(0, i).map((k, j) => `${k} = ${values[j]}`), `${key} ${after} ${values[i]}`].join(" AND "));
  return [`${keys[0]} ${after}= ${values[0]}`, `(${spelt.map((c) => `(${c})`).join(" OR ")})`];
}
/** What the parts of a search answer: the user, its place in the sort order and, from a walk, whether it matches. */
const located = (sort: UserSearchSort, keys: readonly string[] = sortKeys[sort]) => ["u.tenant_id", "u.id", ...keys.map((key, i) => `${key} AS k${i}`)].join(", ");
const matches = (conditions: readonly string[]) => `(${conditions.length ? conditions.join(" AND ") : "true"}) AS hit`;

/**
 * Users of the tenants in `tenants` (or of all), in the sort order of display name or user name, after the cursor,
 * each with whether it matches.
 */
function sortIndexStream(ctx: Context, budget: string, range: string | undefined, test: readonly string[], tenants: readonly string[] | undefined): string {
  const { plan, direction } = ctx;
  const keys = sortKeys[plan.sort];
  const one = (tenant?: string) => {
    const conditions = [
      ...(tenant ? [`u.tenant_id = ${tenant}::uuid`] : []),
      ...(range ? [range] : []),
      // Within one tenant (an index on tenant id, then the first key), as beside a range, the first key bounds the walk.
      ...(ctx.cursor ? afterCursor(keys, ctx.cursor, ctx.after, tenant || range ? "range" : "alone") : []),
    ];
    return `SELECT ${located(plan.sort)}, ${matches(test)} FROM directory_users u${conditions.length ? ` WHERE ${conditions.join(" AND ")}` : ""} ORDER BY ${orderBy(keys, direction)} LIMIT ${budget}`;
  };
  if (!tenants) return one();
  const merged = tenants.map((tenant) => `(${one(ctx.param(tenant))})`).join(" UNION ALL ");
  return `SELECT * FROM (${merged}) m ORDER BY ${orderBy(keyAliases(plan.sort), direction)} LIMIT ${budget}`;
}

/**
 * Users tenant by tenant in the order of tenant names, each tenant's by display name, after the cursor: at most
 * `limit` of each tenant, each with whether it matches `test`; or, with `only`, only the users matching it.
 */
function tenantStream(ctx: Context, limit: string, range: string | undefined, test: readonly string[], only = false): string {
  const { plan, param, direction, after, cursor } = ctx;
  const visible = visibilityCondition(plan.visibleTenants, "c.tenant_id", param);
  const tenantConditions = [...(visible ? [visible] : []), ...(plan.filters.tenantId ? [`c.tenant_id = ${param(plan.filters.tenantId)}::uuid`] : [])];
  const inTenant = (extra: string[]) =>
    `SELECT ${located(plan.sort, ["c.k0", "u.tenant_id", nameKey, "u.id"])}${only ? "" : `, ${matches(test)}`} FROM directory_users u ` +
    `WHERE ${["u.tenant_id = c.tenant_id", ...(range ? [range] : []), ...(only ? test : []), ...extra].join(" AND ")} ORDER BY ${nameKey} ${direction}, u.id ${direction} LIMIT ${limit}`;
  const tenantsAfter = [...tenantConditions, ...(cursor ? [`(${tenantKey}, c.tenant_id) ${after} (${cursor[0]}, ${cursor[1]})`] : [])];
  // OFFSET 0 keeps the tenants' order: the walk relies on the nested loop producing tenant after tenant.
  const tenants = (conditions: readonly string[]) =>
    `(SELECT c.tenant_id, ${tenantKey} AS k0 FROM tenant_connections c${conditions.length ? ` WHERE ${conditions.join(" AND ")}` : ""} ORDER BY k0 ${direction}, c.tenant_id ${direction} OFFSET 0) c`;
  const following = `SELECT u.* FROM ${tenants(tenantsAfter)} CROSS JOIN LATERAL (${inTenant([])}) u`;
  if (!cursor) return `${following} LIMIT ${limit}`;
  const current = `SELECT u.* FROM ${tenants([`c.tenant_id = ${cursor[1]}`, ...tenantConditions])} CROSS JOIN LATERAL (${inTenant(afterCursor([nameKey, "u.id"], [cursor[2]!, cursor[3]!], after, range ? "range" : "alone"))}) u`;
  return `SELECT * FROM ((${current}) UNION ALL (${following})) s LIMIT ${limit}`;
}

/** The tenants whose index walks are merged, when few enough. */
function mergedTenants(plan: SearchPlan): readonly string[] | undefined {
  if (plan.sort !== "displayName") return undefined;
  if (plan.filters.tenantId) return [plan.filters.tenantId];
  const { everyTenant, include } = plan.visibleTenants;
  return !everyTenant && include.length > 0 && include.length <= maxMergedTenants ? [...new Set(include)] : undefined;
}

/**
 * One part's matches through an index, with their places in the sort order: what a lookup reads. The users are
 * found once (OFFSET 0 keeps PostgreSQL from looking them up again for each tenant) and then given their tenant.
 */
function lookupQuery(ctx: Context, branch: TextBranch, common: readonly string[]): string {
  const keyset = ctx.cursor ? afterCursor(sortKeys[ctx.plan.sort], ctx.cursor, ctx.after, "range") : [];
  const [ofUsers, ofTenants] = ctx.plan.sort === "tenant" ? [[], keyset] : [keyset, []];
  const users = `SELECT u.* FROM directory_users u WHERE ${[...common, ...branch.find, ...ofUsers].join(" AND ")} OFFSET 0`;
  return `SELECT ${located(ctx.plan.sort)} FROM (${users}) u JOIN tenant_connections c ON c.tenant_id = u.tenant_id${ofTenants.length ? ` WHERE ${ofTenants.join(" AND ")}` : ""}`;
}

/** One part of the matches: the users and their places in the sort order, from the first stage that answers. */
function branchQuery(ctx: Context, branch: TextBranch, common: readonly string[], stages: readonly Stage[]): string {
  const { plan, param, direction, rows } = ctx;
  const aliases = keyAliases(plan.sort);
  // A user of a tenant no longer connected is not shown.
  const test = [...common, ...branch.walk, "EXISTS (SELECT 1 FROM tenant_connections c WHERE c.tenant_id = u.tenant_id)"];
  const stream = (budget: string) =>
    plan.sort === "tenant" ? tenantStream(ctx, budget, branch.range, test) : sortIndexStream(ctx, budget, branch.range, test, mergedTenants(plan));
  const lookup = lookupQuery(ctx, branch, common);
  // Sorted by tenant, matches of filters alone are read tenant by tenant (a tenant of many is read once); text
  // matches, through their index, all at once.
  const every =
    plan.sort === "tenant" && plan.text.kind === "none"
      ? `SELECT tenant_id, id, ${aliases.join(", ")} FROM (${tenantStream(ctx, rows, branch.range, [...common, ...branch.find], true)}) s`
      : lookup;
  const sorted = (name: string, gate: string) => `(SELECT * FROM ${name} WHERE ${gate} ORDER BY ${orderBy(aliases, direction)} LIMIT ${rows})`;
  const named: string[] = [];
  const answers: string[] = [];
  const failed: string[] = [];
  stages.forEach((stage, i) => {
    const name = `stage${i}`;
    const count = `(SELECT count(*) FROM ${name})`;
    const gate = (own: string) => [...failed, own].join(" AND ");
    if (stage.kind === "walk") {
      // The stream comes sorted and stays so: a walk takes its first matches.
      named.push(`${name} AS MATERIALIZED (SELECT tenant_id, id, ${aliases.join(", ")} FROM (${stream(param(stage.budget))}) s WHERE hit LIMIT ${rows})`);
      answers.push(`(SELECT * FROM ${name} WHERE ${gate(`${count} = ${rows}`)})`);
      failed.push(`${count} < ${rows}`);
    } else if (stage.kind === "lookup") {
      const cap = param(stage.cap);
      named.push(`${name} AS MATERIALIZED (${lookup} LIMIT ${cap} + 1)`);
      answers.push(sorted(name, gate(`${count} <= ${cap}`)));
      failed.push(`${count} > ${cap}`);
    } else {
      named.push(`${name} AS MATERIALIZED (${every})`);
      answers.push(sorted(name, gate("true")));
    }
  });
  return `(WITH ${named.join(", ")} ${answers.join(" UNION ALL ")})`;
}

/** The statement with only the parameters it uses, renumbered: PostgreSQL refuses one it cannot type. */
function usedParameters(text: string, values: readonly unknown[]): SearchStatement {
  const kept: unknown[] = [];
  const renumbered = new Map<string, string>();
  const rewritten = text.replace(/\$(\d+)\b/g, (_, n: string) => {
    let name = renumbered.get(n);
    if (!name) {
      kept.push(values[Number(n) - 1]);
      name = `$${kept.length}`;
      renumbered.set(n, name);
    }
    return name;
  });
  return { text: rewritten, values: kept };
}

/**
 * Each part's lookup, to ask PostgreSQL how many matches it expects (EXPLAIN); none for a part that is a range
 * of the sort index, whose users come first in a walk.
 */
export function lookupStatements(plan: SearchPlan): (SearchStatement | undefined)[] {
  const { ctx, common, branches } = prepared(plan);
  return branches.map((branch) => (branch.range ? undefined : usedParameters(lookupQuery(ctx, branch, common), ctx.values)));
}

function prepared(plan: SearchPlan): { ctx: Context & { values: unknown[] }; common: string[]; branches: TextBranch[] } {
  const values: unknown[] = [];
  const param: Param = (value) => `$${values.push(value)}`;
  const common = filterConditions(plan.filters, param);
  const visible = visibilityCondition(plan.visibleTenants, "u.tenant_id", param);
  if (visible) common.push(visible);
  const uuids = uuidKeys[plan.sort];
  let rows: string | undefined;
  const ctx = {
    plan,
    param,
    values,
    direction: plan.order === "asc" ? ("ASC" as const) : ("DESC" as const),
    after: plan.order === "asc" ? (">" as const) : ("<" as const),
    cursor: plan.after?.map((value, i) => `${param(value)}${uuids[i] ? "::uuid" : "::text"}`),
    // A parameter only once used: a statement with a parameter it does not use is refused.
    get rows() {
      rows ??= param(plan.rows);
      return rows;
    },
  };
  return { ctx, common, branches: textBranches(plan.text, plan.sort, param) };
}

export function searchStatement(plan: SearchPlan): SearchStatement {
  const { ctx, common, branches } = prepared(plan);
  const parts = branches.map((branch, i) => branchQuery(ctx, branch, common, plan.stages?.[i] ?? stagesFor(plan.rows, branch.range ? undefined : 0)));
  const aliases = keyAliases(plan.sort);
  // The page's users, read once their places are known.
  const page = `SELECT * FROM (${parts.join(" UNION ALL ")}) b ORDER BY ${orderBy(aliases, ctx.direction)} LIMIT ${ctx.rows}`;
  return {
    text:
      `SELECT ${pageColumns.join(", ")}, ${aliases.map((k) => `p.${k}`).join(", ")} FROM (${page}) p ` +
      `JOIN directory_users u ON u.tenant_id = p.tenant_id AND u.id = p.id JOIN tenant_connections c ON c.tenant_id = u.tenant_id ORDER BY ${orderBy(aliases.map((k) => `p.${k}`), ctx.direction)}`,
    values: ctx.values,
  };
}
