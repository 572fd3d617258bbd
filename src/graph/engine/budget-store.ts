import type { Quota } from "./graph-quotas.ts";

/** Tokens wanted from one bucket, which starts full and refills at its quota's rate. */
export interface BucketDemand {
  /** e.g. `writes|{appId}|{tenantId}`. */
  readonly key: string;
  readonly quota: Quota;
  readonly amount: number;
}

export interface BucketGrant {
  readonly key: string;
  /** What was taken: `amount`, or what the bucket held if less. */
  readonly granted: number;
  /** What the bucket holds after the grant. */
  readonly remaining: number;
}

/**
 * Where the token buckets live: in this process, or in PostgreSQL so that every Tenantry process
 * spends from the same application-wide budget. A take never grants more than a bucket holds.
 */
export interface BudgetStore {
  take(demands: readonly BucketDemand[]): Promise<readonly BucketGrant[]>;
}
