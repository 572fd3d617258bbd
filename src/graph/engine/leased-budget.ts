import type { BucketDemand, BudgetStore } from "./budget-store.ts";
import { perSecond } from "./graph-quotas.ts";

/**
 * A bucket seen for the first time is assumed full, but Graph's copy of it is already refilling while our
 * first requests travel: the hand starts this far in debt (the refill of this long, at most 5% of the limit),
 * so that the end of the first burst does not meet Graph's bucket a few tokens short.
 */
const startAllowanceMs = 200;

/** Tokens one request takes from one bucket. */
export type Charge = BucketDemand;

interface Hand {
  /** Leased from the store and not spent yet; below 0 after Graph charged more than expected. */
  tokens: number;
  /** What the store held after the last lease, and when: enough to tell how full the bucket is now. */
  storeRemaining: number;
  storeAtMs: number;
  limit: number;
  ratePerMs: number;
}

/**
 * Spends from a budget store through leases: tokens are taken from the store `leaseSize` at a time and
 * spent here, so that the store (PostgreSQL) sees one round trip per lease and not one per request.
 */
export function createLeasedBudget(deps: { store: BudgetStore; leaseSize: number; nowMs: () => number }) {
  const hands = new Map<string, Hand>();

  function handOf(charge: Charge): Hand {
    let hand = hands.get(charge.key);
    if (!hand) {
      const ratePerMs = perSecond(charge.quota) / 1000;
      const debt = Math.min(charge.quota.limit * 0.05, ratePerMs * startAllowanceMs);
      hand = { tokens: -debt, storeRemaining: charge.quota.limit, storeAtMs: deps.nowMs(), limit: charge.quota.limit, ratePerMs };
      hands.set(charge.key, hand);
    }
    hand.limit = charge.quota.limit;
    hand.ratePerMs = perSecond(charge.quota) / 1000;
    return hand;
  }

  const covered = (charges: readonly Charge[]) => charges.every((c) => handOf(c).tokens >= c.amount);

  function spend(charges: readonly Charge[]): void {
    for (const c of charges) handOf(c).tokens -= c.amount;
  }

  /**
   * Takes every charge at once, or none: 0 when taken, else the milliseconds after which the store
   * should hold what is missing.
   */
  async function take(charges: readonly Charge[]): Promise<number> {
    if (covered(charges)) {
      spend(charges);
      return 0;
    }
    const short = charges.filter((c) => handOf(c).tokens < c.amount);
    const demands = short.map((c) => ({ key: c.key, quota: c.quota, amount: Math.min(c.quota.limit, Math.max(deps.leaseSize, c.amount - handOf(c).tokens)) }));
    const grants = await deps.store.take(demands);
    const now = deps.nowMs();
    for (const grant of grants) {
      const hand = hands.get(grant.key)!;
      hand.tokens += grant.granted;
      hand.storeRemaining = grant.remaining;
      hand.storeAtMs = now;
    }
    if (covered(charges)) {
      spend(charges);
      return 0;
    }
    let wait = 1;
    for (const c of charges) {
      const hand = handOf(c);
      const missing = c.amount - hand.tokens - Math.max(0, hand.storeRemaining);
      if (missing > 0) wait = Math.max(wait, missing / hand.ratePerMs);
    }
    return Math.ceil(wait);
  }

  /** Graph charged `extra` more than expected (less when negative): the hand pays the difference. */
  function adjust(key: string, extra: number): void {
    const hand = hands.get(key);
    if (hand) hand.tokens -= extra;
  }

  /** How much of the bucket is used, 0 to 1, as far as this process knows: the store's level now plus the hand. */
  function usage(key: string): number {
    const hand = hands.get(key);
    if (!hand) return 0;
    const storeNow = Math.min(hand.limit, hand.storeRemaining + (deps.nowMs() - hand.storeAtMs) * hand.ratePerMs);
    return Math.min(1, Math.max(0, 1 - (storeNow + Math.max(0, hand.tokens)) / hand.limit));
  }

  return { take, adjust, usage };
}

export type LeasedBudget = ReturnType<typeof createLeasedBudget>;
