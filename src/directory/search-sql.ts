// The SQL of a user search: one parameterised statement. Each part of the text's matches (search-conditions.ts)
// is answered by the first of its stages that can (search-stages.ts); the parts' users are merged in the sort
// order, and the page's users are read once their places are known.
import { filterConditions, type Param, type TextBranch, textBranches, visibilityCondition } from "./search-conditions.ts";
import { afterCursor, keyAliases, located, orderBy, sortKeys, tenantName, uuidKeys } from "./search-keys.ts";
import type { SearchContext, SearchPlan, SearchStatement } from "./search-plan.ts";
import { type Stage, stagesFor } from "./search-stages.ts";
import { tenantStream, walkStream } from "./search-streams.ts";

const pageColumns = [
  "u.tenant_id",
  `${tenantName} AS tenant_name`,
  ...["id", "user_principal_name", "display_name", "mail", "account_enabled", "user_type", "synced", "job_title", "department", "usage_location", "sku_ids", "admin_role_ids", "deleted_at"].map((c) => `u.${c}`),
];

/**
 * One part's matches through an index, with their places in the sort order: what a lookup reads. The users are
 * found once (OFFSET 0 keeps PostgreSQL from looking them up again for each tenant), then given their tenant.
 */
function lookupQuery(ctx: SearchContext, branch: TextBranch, common: readonly string[]): string {
  const keyset = ctx.cursor ? afterCursor(sortKeys[ctx.plan.sort], ctx.cursor, ctx.after, "range") : [];
  const [ofUsers, ofTenants] = ctx.plan.sort === "tenant" ? [[], keyset] : [keyset, []];
  const users = `SELECT u.* FROM directory_users u WHERE ${[...common, ...branch.find, ...ofUsers].join(" AND ")} OFFSET 0`;
  return `SELECT ${located(ctx.plan.sort)} FROM (${users}) u JOIN tenant_connections c ON c.tenant_id = u.tenant_id${ofTenants.length ? ` WHERE ${ofTenants.join(" AND ")}` : ""}`;
}

/** One part of the matches: users and their places in the sort order, from the first stage that answers. */
function branchQuery(ctx: SearchContext, branch: TextBranch, common: readonly string[], stages: readonly Stage[]): string {
  const { plan, param, direction, rows } = ctx;
  const aliases = keyAliases(plan.sort);
  // A user of a tenant no longer connected is not shown.
  const test = [...common, ...branch.walk, "EXISTS (SELECT 1 FROM tenant_connections c WHERE c.tenant_id = u.tenant_id)"];
  const lookup = lookupQuery(ctx, branch, common);
  // Sorted by tenant, matches of filters alone are read tenant by tenant (a large tenant without any is read
  // once); text matches, through their index, all at once.
  const every =
    plan.sort === "tenant" && plan.text.kind === "none" ? `SELECT tenant_id, id, ${aliases.join(", ")} FROM (${tenantStream(ctx, rows, branch.range, [...common, ...branch.find], true)}) s` : lookup;
  const sorted = (name: string, gate: string) => `(SELECT * FROM ${name} WHERE ${gate} ORDER BY ${orderBy(aliases, direction)} LIMIT ${rows})`;
  const named: string[] = [];
  const answers: string[] = [];
  // Each stage's answer is gated on the stages before it having failed: PostgreSQL runs a stage only when asked.
  const failed: string[] = [];
  stages.forEach((stage, i) => {
    const name = `stage${i}`;
    const count = `(SELECT count(*) FROM ${name})`;
    const gate = (own: string) => [...failed, own].join(" AND ");
    if (stage.kind === "walk") {
      // The stream comes sorted and stays so: a walk takes its first matches. Only a first stage merges the
      // visible tenants' walks: a later one seldom runs, and PostgreSQL plans every stage.
      const stream = walkStream(ctx, param(stage.budget), branch.range, test, i === 0);
      named.push(`${name} AS MATERIALIZED (SELECT tenant_id, id, ${aliases.join(", ")} FROM (${stream}) s WHERE hit LIMIT ${rows})`);
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

function prepared(plan: SearchPlan): { ctx: SearchContext; values: unknown[]; common: string[]; branches: TextBranch[] } {
  const values: unknown[] = [];
  const param: Param = (value) => `$${values.push(value)}`;
  const common = filterConditions(plan.filters, param);
  const visible = visibilityCondition(plan.visibleTenants, "u.tenant_id", param);
  if (visible) common.push(visible);
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
  return { ctx, values, common, branches: textBranches(plan.text, plan.sort, param) };
}

/** The statement with only the parameters it uses, renumbered. */
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

/** What to ask PostgreSQL to expect of a part: the matches of `all` less those of `less`. */
export interface ExpectedMatches {
  readonly all: SearchStatement;
  readonly less?: SearchStatement;
}

/**
 * For each part, the lookups whose rows PostgreSQL is to expect (EXPLAIN); none for a part that is a range of
 * the sort index, whose users come first in a walk.
 */
export function expectedMatches(plan: SearchPlan): (ExpectedMatches | undefined)[] {
  const { ctx, values, common, branches } = prepared(plan);
  const statement = (find: readonly string[]) => usedParameters(lookupQuery(ctx, { walk: [], find }, common), values);
  return branches.map((branch) => {
    if (branch.range) return undefined;
    if (!branch.expected) return { all: statement(branch.find) };
    return { all: statement(branch.expected.all), less: statement(branch.expected.less) };
  });
}

/** The page: its users (with their tenant's name) and their places in the sort order (k0, k1, …). */
export function searchStatement(plan: SearchPlan): SearchStatement {
  const { ctx, values, common, branches } = prepared(plan);
  const parts = branches.map((branch, i) => branchQuery(ctx, branch, common, plan.stages?.[i] ?? stagesFor(plan.rows, branch.range ? undefined : 0)));
  const aliases = keyAliases(plan.sort);
  const page = `SELECT * FROM (${parts.join(" UNION ALL ")}) b ORDER BY ${orderBy(aliases, ctx.direction)} LIMIT ${ctx.rows}`;
  return usedParameters(
    `SELECT ${pageColumns.join(", ")}, ${aliases.map((k) => `p.${k}`).join(", ")} FROM (${page}) p ` +
      `JOIN directory_users u ON u.tenant_id = p.tenant_id AND u.id = p.id JOIN tenant_connections c ON c.tenant_id = u.tenant_id ` +
      `ORDER BY ${orderBy(aliases.map((k) => `p.${k}`), ctx.direction)}`,
    values,
  );
}
