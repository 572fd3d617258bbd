import type { TenantSize } from "../../directory/model.ts";

export interface Quota {
  readonly limit: number;
  readonly windowSeconds: number;
}

/** The identity and access limits of "Microsoft Graph service-specific throttling limits". Every number can be changed. */
export interface ThrottleLimits {
  readonly enabled: boolean;
  readonly resourceUnits: Readonly<Record<TenantSize, Quota>> & { readonly perApplication: Quota };
  readonly writes: { readonly perApplicationTenant: Quota; readonly perApplication: Quota; readonly perTenant: Quota };
  /** Tenant sizes by user count: S under `smallBelow` users, L above `largeAbove`, M between. */
  readonly tenantSizes: { readonly smallBelow: number; readonly largeAbove: number };
}

export const microsoftLimits: ThrottleLimits = {
  enabled: true,
  resourceUnits: {
    S: { limit: 3500, windowSeconds: 10 },
    M: { limit: 5000, windowSeconds: 10 },
    L: { limit: 8000, windowSeconds: 10 },
    perApplication: { limit: 150_000, windowSeconds: 20 },
  },
  writes: {
    perApplicationTenant: { limit: 3000, windowSeconds: 150 },
    // Older versions of Microsoft's page give 35,000 per 5 minutes, newer ones 70,000; the lower one is the default.
    perApplication: { limit: 35_000, windowSeconds: 300 },
    perTenant: { limit: 18_000, windowSeconds: 300 },
  },
  tenantSizes: { smallBelow: 50, largeAbove: 500 },
};

export function tenantSize(userCount: number, limits: ThrottleLimits): TenantSize {
  if (userCount < limits.tenantSizes.smallBelow) return "S";
  return userCount > limits.tenantSizes.largeAbove ? "L" : "M";
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type ThrottleLimitsPatch = DeepPartial<ThrottleLimits>;

/** Applies a partial change to the limits (from the control API), keeping everything not named. */
export function mergeLimits<T>(base: T, patch: DeepPartial<T> | undefined): T {
  if (patch === undefined) return base;
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    const current = merged[key];
    merged[key] = value !== null && typeof value === "object" && typeof current === "object" ? mergeLimits(current, value) : value;
  }
  return merged as T;
}
