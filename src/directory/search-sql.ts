// The SQL of a user search: one parameterised statement. Each part of the text's matches (search-conditions.ts)
// is answered by the first of its stages that can (search-stages.ts); the parts' users are merged in the sort
// order, and the page's users are read once their places are known.
import {
  filterConditions,
  type Param,
  type PartConditions,
  startsOf,
  type TextBranch,
  textBranches,
  visibilityCondition,
  visibleInIndex,
  walkedRange,
} from "./search-conditions.ts";
import { afterCursor, keyAliases, located, orderBy, sortKeys, tenantName, uuidKeys } from "./search-keys.ts";
import type { SearchContext, SearchPlan, SearchStatement } from "./search-plan.ts";
import { type Stage, stagesFor } from "./search-stages.ts";
import { startsBetween } from "./search-starts.ts";
import { numberedWalk, tenantStream, walkAnswered, walkStream } from "./search-streams.ts";
import { byTenantQuery } from "./search-tenants.ts";

const pageColumns = [
  "u.tenant_id",
  `${tenantName} AS tenant_name`,
  ...["id", "user_principal_name", "display_name", "mail", "account_enabled", "user_type", "synced", "job_title", "department", "usage_location", "sku_ids", "admin_role_ids", "deleted_at"].map((c) => `u.${c}`),
];

/** A lookup's stretch of the sort order: the search index's words for the keys from the page's start to `upTo`. */
function stretchCondition(ctx: SearchContext, upTo: string): string | undefined {
  const { plan, param } = ctx;
  if (plan.sort === "tenant") return undefined;
  const start = plan.after?.[0];
  const [from, to] = plan.order === "asc" ? [start, upTo] : [upTo, start];
  const property = plan.sort === "displayName" ? "n" : "u";
  return `${startsOf[property]} && ${param(startsBetween(property, from, to))}::text[]`;
}

/** Of a tenant still connected: its users only are shown. */
const connected = "u.tenant_id = ANY(ARRAY(SELECT tenant_id FROM tenant_connections))";

/**
 * One part's matches through an index, with their places in the sort order: what a lookup reads. The users are
 * found first through the search index alone (so that PostgreSQL does not read a range of another index instead,
 * checking the index's conditions one user at a time), then checked. Sorted by tenant, each is then given its
 * tenant (one user at a time: PostgreSQL, expecting few users, would otherwise read them again for each tenant).
 * A part the search index cannot narrow is left to PostgreSQL to find as it sees fit.
 */
function lookupQuery(ctx: SearchContext, branch: TextBranch, conditions: PartConditions, stretch?: string): string {
  const keyset = ctx.cursor ? afterCursor(sortKeys[ctx.plan.sort], ctx.cursor, ctx.after, "range") : [];
  const byTenant = ctx.plan.sort === "tenant";
  const [ofUsers, ofTenants] = byTenant ? [[], keyset] : [keyset, []];
  const found = [...conditions.index, ...branch.find, ...(stretch ? [stretch] : [])];
  const checked = [...conditions.test, ...branch.check, ...ofUsers, ...(byTenant ? [] : [connected])];
  const [inner, outer] = found.length === 0 ? [checked, ofTenants] : [found, [...checked, ...ofTenants]];
  const users = `SELECT u.* FROM directory_users u${inner.length ? ` WHERE ${inner.join(" AND ")}` : ""} OFFSET 0`;
  const tenant = byTenant ? " CROSS JOIN LATERAL (SELECT c.* FROM tenant_connections c WHERE c.tenant_id = u.tenant_id OFFSET 0) c" : "";
  return `SELECT ${located(ctx.plan.sort)} FROM (${users}) u${tenant}${outer.length ? ` WHERE ${outer.join(" AND ")}` : ""}`;
}

/** One part of the matches: users and their places in the sort order, from the first stage that answers. */
function branchQuery(ctx: SearchContext, branch: TextBranch, conditions: PartConditions, stages: readonly Stage[]): string {
  const { plan, param, direction, rows } = ctx;
  const columns = ["tenant_id", "id", ...keyAliases(plan.sort)].join(", ");
  // A user of a tenant no longer connected is not shown.
  const test = [...conditions.test, ...branch.walk, "EXISTS (SELECT 1 FROM tenant_connections c WHERE c.tenant_id = u.tenant_id)"];
  // Sorted by tenant, matches of filters alone are read tenant by tenant (a large tenant without any is read
  // once); text matches, through their index, all at once.
  const every =
    plan.sort === "tenant" && plan.text.kind === "none"
      ? `SELECT ${columns} FROM (${tenantStream(ctx, rows, branch.range, [...conditions.test, ...branch.find, ...branch.check], true)}) s`
      : lookupQuery(ctx, branch, conditions);
  const sorted = (name: string, gate: string) => `(SELECT ${columns} FROM ${name} WHERE ${gate} ORDER BY ${orderBy(keyAliases(plan.sort), direction)} LIMIT ${rows})`;
  const named: string[] = [];
  const answers: string[] = [];
  // Each stage's answer is gated on the stages before it having failed: PostgreSQL runs a stage only when asked.
  const failed: string[] = [];
  stages.forEach((stage, i) => {
    const name = `stage${i}`;
    const count = `(SELECT count(*) FROM ${name})`;
    const gate = (own: string) => [...failed, own].join(" AND ");
    if (stage.kind === "walk") {
      // Only a first stage merges the visible tenants' walks: a later one seldom runs, and PostgreSQL plans every
      // stage.
      const budget = param(stage.budget);
      const stream = walkStream(ctx, budget, walkedRange(branch, stage.bounds && ctx.plan.byCodePoint), test, i === 0);
      named.push(`${name} AS MATERIALIZED (${numberedWalk(stream, budget, rows)})`);
      const answered = walkAnswered(name, budget, rows);
      answers.push(sorted(name, `hit AND ${gate(answered)}`));
      failed.push(`NOT ${answered}`);
    } else if (stage.kind === "lookup") {
      const cap = param(stage.cap);
      const stretch = stage.upTo === undefined ? undefined : stretchCondition(ctx, stage.upTo);
      named.push(`${name} AS MATERIALIZED (${lookupQuery(ctx, branch, conditions, stretch)} LIMIT ${cap} + 1)`);
      // A stretch answers only when it holds a page.
      const answered = stretch ? `${count} BETWEEN ${rows} AND ${cap}` : `${count} <= ${cap}`;
      answers.push(sorted(name, gate(answered)));
      failed.push(`NOT ${answered}`);
    } else if (stage.kind === "byTenant") {
      named.push(`${name} AS MATERIALIZED (${byTenantQuery(ctx, branch, conditions, stage.stages, stage.batch)})`);
      answers.push(sorted(name, gate("true")));
    } else {
      named.push(`${name} AS MATERIALIZED (${every})`);
      answers.push(sorted(name, gate("true")));
    }
  });
  return `(WITH ${named.join(", ")} ${answers.join(" UNION ALL ")})`;
}

export interface Prepared {
  readonly ctx: SearchContext;
  readonly values: unknown[];
  readonly conditions: PartConditions;
  readonly branches: TextBranch[];
}

/** The plan's parameters, conditions and parts, as every statement of it writes them. */
export function prepared(plan: SearchPlan): Prepared {
  const values: unknown[] = [];
  const param: Param = (value) => `$${values.push(value)}`;
  const filters = filterConditions(plan.filters, param);
  const visible = visibilityCondition(plan.visibleTenants, "u.tenant_id", param);
  const uuids = uuidKeys[plan.sort];
  let rows: string | undefined;
  const ctx: SearchContext = {
    plan,
    param,
    direction: plan.order === "asc" ? "ASC" : "DESC",
    after: plan.order === "asc" ? ">" : "<",
    cursor: plan.after?.map((value, i) => `${param(value)}${uuids[i] ? "::uuid" : "::text"}`),
    // A parameter once used: PostgreSQL refuses a statement with a parameter it cannot type.
    get rows() {
      rows ??= param(plan.rows);
      return rows;
    },
  };
  const seen = visibleInIndex(plan.visibleTenants, param);
  const conditions = {
    test: [...filters.test, ...(visible ? [visible] : [])],
    unindexed: [...filters.unindexed, ...(visible && seen.length === 0 ? [visible] : [])],
    index: [...filters.index, ...seen],
    inTenant: filters.inTenant,
  };
  return { ctx, values, conditions, branches: textBranches(plan.text, plan.sort, param) };
}

/** The statement with only the parameters it uses, renumbered. */
export function usedParameters(text: string, values: readonly unknown[]): SearchStatement {
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

/** The page: its users (with their tenant's name) and their places in the sort order (k0, k1, …). */
export function searchStatement(plan: SearchPlan): SearchStatement {
  const { ctx, values, conditions, branches } = prepared(plan);
  const parts = branches.map((branch, i) =>
    branchQuery(ctx, branch, conditions, plan.stages?.[i] ?? stagesFor({ rows: plan.rows, users: 0, range: branch.range !== undefined }, plan.sort === "tenant")),
  );
  const aliases = keyAliases(plan.sort);
  const page = `SELECT * FROM (${parts.join(" UNION ALL ")}) b ORDER BY ${orderBy(aliases, ctx.direction)} LIMIT ${ctx.rows}`;
  return usedParameters(
    `SELECT ${pageColumns.join(", ")}, ${aliases.map((k) => `p.${k}`).join(", ")} FROM (${page}) p ` +
      `JOIN directory_users u ON u.tenant_id = p.tenant_id AND u.id = p.id JOIN tenant_connections c ON c.tenant_id = u.tenant_id ` +
      `ORDER BY ${orderBy(aliases.map((k) => `p.${k}`), ctx.direction)}`,
    values,
  );
}
