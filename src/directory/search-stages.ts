// How each part of a search is answered. Stages run in turn, each only when those before it could not answer,
// so that a search reads about as many users as it must: a walk through the sort order (quick when matches are
// common), a lookup through an index (quick when they are rare), and at last every match, sorted.

/**
 * A walk reads at most `budget` users in the sort order and answers when it finds a page; a lookup finds the
 * matches through an index, capped at `cap`, and answers when there are no more; every match always answers.
 */
export type Stage = { readonly kind: "walk"; readonly budget: number } | { readonly kind: "lookup"; readonly cap: number } | { readonly kind: "every" };

/**
 * The stages for a part that is to give `rows` users, from the matches PostgreSQL expects among the `users`
 * cached (none expected: a range of the sort index, whose users come first in a walk). Few matches are looked
 * up first, capped well above the expectation (the cap bounds a wrong one); many are walked. Either way a wrong
 * expectation costs time, never a wrong page.
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
