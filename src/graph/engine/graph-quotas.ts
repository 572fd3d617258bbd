/** A limit refilled evenly over its window. */
export interface Quota {
  readonly limit: number;
  readonly windowSeconds: number;
}

/** Microsoft's tenant sizes for the identity quotas: S under 50 users, M up to 500, L above. */
export type TenantSize = "S" | "M" | "L";

/**
 * The identity and access service limits of "Microsoft Graph service-specific throttling limits"
 * (learn.microsoft.com/graph/throttling-limits): resource units per app+tenant by tenant size and per
 * app, writes per app+tenant, per app and per tenant.
 */
export interface GraphQuotas {
  readonly resourceUnits: Readonly<Record<TenantSize, Quota>>;
  readonly resourceUnitsPerApp: Quota;
  readonly writesPerAppTenant: Quota;
  readonly writesPerApp: Quota;
  readonly writesPerTenant: Quota;
}

export const microsoftQuotas: GraphQuotas = {
  resourceUnits: {
    S: { limit: 3500, windowSeconds: 10 },
    M: { limit: 5000, windowSeconds: 10 },
    L: { limit: 8000, windowSeconds: 10 },
  },
  resourceUnitsPerApp: { limit: 150_000, windowSeconds: 20 },
  writesPerAppTenant: { limit: 3000, windowSeconds: 150 },
  // Microsoft's page has said 35,000 and, later, 70,000 per 5 minutes; the lower one is the safe one.
  writesPerApp: { limit: 35_000, windowSeconds: 300 },
  writesPerTenant: { limit: 18_000, windowSeconds: 300 },
};

export function perSecond(quota: Quota): number {
  return quota.limit / quota.windowSeconds;
}

function faster(quota: Quota, factor: number): Quota {
  return { limit: quota.limit, windowSeconds: quota.windowSeconds / factor };
}

/** The same quotas on a clock running `factor` times faster (a local cloud with a time scale). */
export function quotasAtTimeScale(quotas: GraphQuotas, factor: number): GraphQuotas {
  if (!(factor > 0)) throw new Error(`A time scale must be above 0, not ${factor}.`);
  return {
    resourceUnits: { S: faster(quotas.resourceUnits.S, factor), M: faster(quotas.resourceUnits.M, factor), L: faster(quotas.resourceUnits.L, factor) },
    resourceUnitsPerApp: faster(quotas.resourceUnitsPerApp, factor),
    writesPerAppTenant: faster(quotas.writesPerAppTenant, factor),
    writesPerApp: faster(quotas.writesPerApp, factor),
    writesPerTenant: faster(quotas.writesPerTenant, factor),
  };
}
