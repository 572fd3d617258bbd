// How each part of a search is answered. Stages run in turn, each only when those before it could not answer,
// so that a search reads about as many users as it must: a walk through the sort order (quick when matches are
// common), a lookup through the search index (quick when they are rare, or when it reads only the stretch of the
// sort order the page needs), tenant after tenant when sorted by tenant, and at last every match, sorted.

/**
 * A walk reads at most `budget` users in the sort order, and answers when it finds a page or reaches the end (of
 * a range: by its bounds with `bounds`, see TextBranch). A lookup finds the matches through the search index,
 * capped at `cap`, and answers when there are no more; with `upTo`, a key of the sorted property, it reads only
 * the users from the page's start to that key (or a little beyond: whole first characters), and answers only when
 * it finds a page there. Every match always answers. By tenant, sorted by tenant, each tenant in turn is answered
 * by the first of `stages` that can; with `batch`, tenants are first looked up together (up to `tenants` at a
 * time, `cap` matches): most tenants have few matches or none, and one search of the index finds that for many.
 */
export type Stage =
  | { readonly kind: "walk"; readonly budget: number; readonly bounds?: boolean }
  | { readonly kind: "lookup"; readonly cap: number; readonly upTo?: string }
  | { readonly kind: "every" }
  | { readonly kind: "byTenant"; readonly stages: readonly Stage[]; readonly batch?: { readonly tenants: number; readonly cap: number } };

/** What PostgreSQL expects of a part. */
export interface PartEstimate {
  /** Users it matches. */
  readonly matches: number;
  /** Users a lookup reads to find them (the search index finds some that other conditions then leave out). */
  readonly read: number;
  /** Users a walk passes to find them: for a range of the sort index the range, else every cached user. */
  readonly span: number;
  /** For a range, the users PostgreSQL itself expects in it (it plans a walk of the range by that). */
  readonly plannedSpan?: number;
}

export interface PartContext {
  /** Rows a page reads: the page and one more. */
  readonly rows: number;
  readonly users: number;
  /** Sorted by tenant: how many tenants are seen, and what share of all they are. */
  readonly tenants?: number;
  readonly tenantShare?: number;
  /** A range of the sort index (its users come first in a walk). */
  readonly range: boolean;
  /** Undefined when not asked. */
  readonly estimate?: PartEstimate;
  /** The key `fraction` of the users beyond the page's start, in the sort order; undefined when unknown. */
  readonly boundAt?: (fraction: number) => string | undefined;
  /** Where a lookup's stretch stops short of the text's range (search-starts.ts), when it lies ahead. */
  readonly rangeBound?: string;
  /** Whether key `a` lies at or beyond key `b` in the sort order (false when `b` is undefined). */
  readonly beyond?: (a: string, b: string | undefined) => boolean;
}

// Rough costs in microseconds (bench/search.ts): a user read in the sort order, one read through the search
// index, a user of a stretch the search index passes over, a search of the index, a tenant looked up, a tenant's
// range stepped into.
const cost = { walked: 4, lookedUp: 3, passed: 0.05, search: 1_000, tenant: 300, tenantRange: 50 };
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, Math.ceil(value)));

const every: Stage = { kind: "every" };

/**
 * Whether to walk a range by its bounds: PostgreSQL sorts the users of a range that it expects to hold not much
 * more than the walk's budget, reading all of them, rather than walking its index. It expects the range as LIKE
 * finds it from its statistics (a coarse sample may count a common start as rare), and the range by bounds as
 * 1/200 of the users (it cannot see the upper bound).
 */
function rangeByBounds(part: PartContext, budget: number): boolean {
  const planned = part.estimate?.plannedSpan;
  return part.range && planned !== undefined && planned < 4 * budget && part.users / 200 >= 4 * budget;
}

/** The stages of a part sorted by display name or user principal name. */
function sortedStages(part: PartContext): Stage[] {
  const { rows, estimate } = part;
  if (!estimate) return [{ kind: "walk", budget: Math.max(2_000, rows * 20) }, { kind: "lookup", cap: 20_000 }, every];
  const { matches, read, span } = estimate;
  // A budget near what the walk is expected to read: PostgreSQL plans the walk to read all of it.
  const budget = clamp((3 * rows * span) / Math.max(matches, 1), rows * 2, 50_000);
  const walk = matches > 0 ? (cost.walked * rows * span) / matches : Number.POSITIVE_INFINITY;
  const lookup = cost.lookedUp * read + cost.search;
  // A probe reads the stretch where about four pages of matches are expected (if they are spread evenly); a range
  // of the sort index is a stretch already.
  const fraction = matches > 0 ? (4 * rows) / matches : 1;
  const bound = fraction < 0.5 && !part.range ? part.boundAt?.(fraction) : undefined;
  const probe = bound === undefined ? Number.POSITIVE_INFINITY : cost.passed * fraction * part.users + cost.lookedUp * fraction * read + cost.search;
  const cap = Math.max(10_000, Math.ceil(read * 4));
  const probes: Stage[] = [];
  if (bound !== undefined) {
    // Matches are seldom spread evenly: a wider stretch next, and at last the stretch up to the text's range.
    const wider = Math.min(fraction * 8, 0.45) > fraction ? part.boundAt?.(Math.min(fraction * 8, 0.45)) : undefined;
    for (const upTo of [bound, wider, part.rangeBound]) {
      if (upTo === undefined) continue;
      const reached = part.beyond?.(upTo, part.rangeBound) ?? false;
      probes.push({ kind: "lookup", cap, upTo: reached ? part.rangeBound! : upTo });
      if (reached) break;
    }
  }
  const afterWalk: Stage[] = probe < lookup ? [...probes, every] : [{ kind: "lookup", cap }, every];
  if (walk <= Math.min(probe, lookup)) return [{ kind: "walk", budget, ...(rangeByBounds(part, budget) ? { bounds: true } : {}) }, ...afterWalk];
  return afterWalk;
}

/**
 * Within one tenant: walk its users when nearly all match, or when the part is a range of its users by name
 * (then a walk reads only the range); else look them up, which costs a tenant without any match one search of the
 * index, and walk a tenant with more than the lookup takes (they are common there).
 */
function tenantStages(part: PartContext): Stage[] {
  const { rows, estimate } = part;
  // Among the users of the tenants seen.
  const density = estimate ? estimate.matches / Math.max(estimate.span * (part.tenantShare ?? 1), 1) : 1;
  if (part.range || density >= 0.3) {
    const budget = clamp((3 * rows) / Math.max(density, 0.001), rows * 2, 20_000);
    return [{ kind: "walk", budget, ...(rangeByBounds(part, budget) ? { bounds: true } : {}) }, every];
  }
  return [{ kind: "lookup", cap: Math.max(500, rows * 4) }, { kind: "walk", budget: rows * 20 }, every];
}

/** Sorted by tenant: few matches are looked up at once; many, tenant after tenant. */
function byTenantStages(part: PartContext): Stage[] {
  const stages = tenantStages(part);
  const { estimate, rows } = part;
  const tenants = Math.max(part.tenants ?? 1, 1);
  const perTenant = estimate ? estimate.matches / tenants : Number.POSITIVE_INFINITY;
  // Tenants looked up one at a time cost a search of the index each; many without a match (the matches of a
  // domain fill a few tenants) cost one search for up to sixteen, in batches growing from one tenant.
  const batch = { tenants: 16, cap: Math.max(500, rows * 4) };
  const batched = stages[0]?.kind === "lookup";
  const byTenant: Stage = { kind: "byTenant", stages, ...(batched ? { batch } : {}) };
  if (!estimate) return [byTenant];
  // A tenant costs a search of the index (a batch of sixteen about as much as two), or for a range a step into it.
  const perStep = part.range ? cost.tenantRange : cost.tenant / (batched ? 8 : 1);
  const tenantAfterTenant = Math.min(tenants, rows / Math.max(perTenant, 0.01)) * perStep + cost.lookedUp * rows;
  const atOnce = cost.lookedUp * estimate.read + cost.search;
  return atOnce < tenantAfterTenant ? [{ kind: "lookup", cap: Math.max(5_000, Math.ceil(estimate.read * 4)) }, byTenant] : [byTenant];
}

/**
 * The stages for a part, from what PostgreSQL expects of it. Either way a wrong expectation costs time, never a
 * wrong page.
 */
export function stagesFor(part: PartContext, byTenant: boolean): Stage[] {
  return byTenant ? byTenantStages(part) : sortedStages(part);
}
