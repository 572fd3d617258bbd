// How each part of a search is to be answered, from what PostgreSQL expects: how many users a part matches and
// how many a lookup reads (EXPLAIN plans a statement without running it), corrected by a sample of the users, and
// where in the sort order the users lie (search-statistics.ts).
import type { Pool } from "pg";
import type { SearchPlan } from "./search-plan.ts";
import { type PartQuestions, partQuestions } from "./search-questions.ts";
import { type TextSample, sampleText } from "./search-sample.ts";
import { boundShortOf } from "./search-starts.ts";
import { cachedUsers, connectedTenants, sortBounds } from "./search-statistics.ts";
import { type PartEstimate, type Stage, stagesFor } from "./search-stages.ts";

type Queryable = Pick<Pool, "query">;

/** The key `fraction` of the users beyond the page's start, in the plan's order; undefined at or past the end. */
function boundsFrom(bounds: readonly string[], plan: SearchPlan): ((fraction: number) => string | undefined) | undefined {
  if (bounds.length < 10) return undefined;
  const last = bounds.length - 1;
  const start = plan.after?.[0];
  const ascending = plan.order === "asc";
  let at = ascending ? 0 : last;
  if (start !== undefined) {
    // The first bound beyond the start, in the plan's order.
    at = ascending ? bounds.findIndex((b) => b > start) : bounds.findLastIndex((b) => b < start);
    if (at < 0) return undefined;
  }
  return (fraction) => {
    const steps = Math.ceil(fraction * last);
    const to = ascending ? at + steps : at - steps;
    return to > 0 && to < last ? bounds[to] : undefined;
  };
}

async function expectedRows(pool: Queryable, statement: { text: string; values: unknown[] }, parts: number): Promise<number[] | undefined> {
  interface PlanNode {
    "Node Type": string;
    "Plan Rows": number;
    Plans?: PlanNode[];
  }
  const { rows } = await pool.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.values);
  const plan = rows[0]?.["QUERY PLAN"][0].Plan;
  if (!plan) return undefined;
  if (parts === 1) return [plan["Plan Rows"]];
  const children = plan["Node Type"] === "Append" ? (plan.Plans ?? []) : [];
  return children.length === parts ? children.map((child) => child["Plan Rows"]) : undefined;
}

const questionKeys = ["all", "less", "read", "span"] as const;
type QuestionKey = (typeof questionKeys)[number];

/**
 * What to expect of each part: PostgreSQL's counts, corrected by the sample where it tells better (sorted by
 * display name or tenant, whose parts are cut by the display name's start).
 */
function partEstimates(questions: readonly PartQuestions[], count: (part: number, key: QuestionKey) => number | undefined, users: number, filterShare: number, sample: TextSample | undefined): (PartEstimate | undefined)[] {
  return questions.map((question, i) => {
    const all = count(i, "all");
    if (all === undefined) return undefined;
    const read = count(i, "read") ?? all;
    const plannedSpan = count(i, "span");
    if (question.range && sample && sample.starting > 0) {
      const span = (sample.starting / sample.size) * users;
      return { matches: span * filterShare, read, span, ...(plannedSpan !== undefined ? { plannedSpan } : {}) };
    }
    const less = count(i, "less");
    // The sample's share of holders that do not start with the text, counting one more such (few are sampled).
    const elsewhere = sample && sample.holding > 0 && less !== undefined ? (all * (sample.holding - sample.starting + 1)) / (sample.holding + 1) : undefined;
    const matches = Math.max(0, elsewhere ?? all - (less ?? 0));
    return { matches, read: Math.max(read, matches), span: plannedSpan ?? users, ...(plannedSpan !== undefined ? { plannedSpan } : {}) };
  });
}

/** The stages of each part of the search, in the order of its parts. */
export async function stagesOf(pool: Queryable, plan: SearchPlan): Promise<Stage[][]> {
  const { questions, filtered, statement } = partQuestions(plan);
  const asked: (readonly string[])[] = [filtered];
  const places = questions.map((question) => {
    const place: Partial<Record<QuestionKey, number>> = {};
    for (const key of questionKeys) {
      const conditions = question[key];
      if (conditions) place[key] = asked.push(conditions) - 1;
    }
    return place;
  });
  const counts = await expectedRows(pool, statement(asked), asked.length);
  const count = (part: number, key: QuestionKey) => {
    const place = places[part]?.[key];
    return place === undefined || !counts ? undefined : counts[place];
  };
  const users = await cachedUsers(pool);
  const byName = plan.sort !== "userPrincipalName";
  const sample = byName ? sampleText(await sortBounds.displayName(pool), plan.text) : undefined;
  const estimates = partEstimates(questions, count, users, Math.min(1, (counts?.[0] ?? users) / Math.max(users, 1)), sample);
  const byTenant = plan.sort === "tenant";
  const { everyTenant, include, except } = plan.visibleTenants;
  const connected = byTenant ? Math.max(1, await connectedTenants(pool)) : 1;
  const tenants = !byTenant ? undefined : plan.filters.tenantId ? 1 : everyTenant ? Math.max(1, connected - except.length) : include.length;
  const boundAt = byTenant || !plan.byCodePoint ? undefined : boundsFrom(await sortBounds[plan.sort](pool), plan);
  const ascending = plan.order === "asc";
  const beyond = (a: string, b: string | undefined) => b !== undefined && (ascending ? a >= b : a <= b);
  return questions.map((question, i) => {
    const estimate = estimates[i];
    // Worth stopping short of the text's range only when many users start with the text.
    const rangeSpan = estimates.find((other, j) => questions[j]?.range && other)?.span ?? 0;
    const rangeBound = boundAt && rangeSpan > 20 * plan.rows ? boundShortOf(ascending, plan.after?.[0], question.avoid) : undefined;
    return stagesFor(
      {
        rows: plan.rows,
        users,
        ...(tenants !== undefined ? { tenants, tenantShare: Math.min(1, tenants / connected) } : {}),
        range: question.range,
        ...(estimate ? { estimate } : {}),
        ...(boundAt ? { boundAt, beyond } : {}),
        ...(rangeBound !== undefined ? { rangeBound } : {}),
      },
      byTenant,
    );
  });
}
