import type { BucketDemand, BucketGrant, BudgetStore } from "./budget-store.ts";

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Token buckets in this process only: for one process, or when there is no database. */
export function createMemoryBudgetStore(nowMs: () => number = () => performance.now()): BudgetStore {
  const buckets = new Map<string, Bucket>();

  function grant(demand: BucketDemand, now: number): BucketGrant {
    const { limit, windowSeconds } = demand.quota;
    let bucket = buckets.get(demand.key);
    if (!bucket) {
      bucket = { tokens: limit, updatedMs: now };
      buckets.set(demand.key, bucket);
    }
    const elapsedSeconds = Math.max(0, now - bucket.updatedMs) / 1000;
    bucket.tokens = Math.min(limit, bucket.tokens + (elapsedSeconds * limit) / windowSeconds);
    bucket.updatedMs = now;
    const granted = Math.min(demand.amount, Math.max(0, bucket.tokens));
    bucket.tokens -= granted;
    return { key: demand.key, granted, remaining: bucket.tokens };
  }

  return {
    take: async (demands) => {
      const now = nowMs();
      return demands.map((demand) => grant(demand, now));
    },
  };
}
