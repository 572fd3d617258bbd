// What a search of the cached directory asks for, and what it answers.
import type { CachedUser } from "./users-cache.ts";

export const userSearchSorts = ["displayName", "userPrincipalName", "tenant"] as const;
export type UserSearchSort = (typeof userSearchSorts)[number];
export type SortOrder = "asc" | "desc";

export const maxSearchLimit = 2500;
export const defaultSearchLimit = 100;
export const maxSearchTextLength = 256;

/** Which tenants the operator sees (OperatorAccess.visibility()): every tenant but `except`, or only `include`. */
export interface TenantVisibility {
  readonly everyTenant: boolean;
  readonly except: readonly string[];
  readonly include: readonly string[];
}

/** Each filter left out matches either way. */
export interface UserSearchFilters {
  readonly tenantId?: string;
  readonly enabled?: boolean;
  readonly licensed?: boolean;
  /** Licensed with any of these SKUs (skuId). */
  readonly licensedWithSku?: readonly string[];
  readonly synced?: boolean;
  readonly guest?: boolean;
  /** Holds any directory role ("any"), or this one (role template id). */
  readonly adminRole?: string;
  /** True lists users among the deleted items; otherwise they are left out. */
  readonly deleted?: boolean;
}

export interface UserSearch {
  /** Start of, or text within, the display name, user principal name or mail; any case. */
  readonly text?: string;
  readonly visibleTenants: TenantVisibility;
  readonly filters?: UserSearchFilters;
  readonly sort?: UserSearchSort;
  readonly order?: SortOrder;
  readonly limit?: number;
  /** The nextCursor of the previous page of the same search. */
  readonly cursor?: string;
}

/** A cached user as search finds it, with its tenant, its licences by part number and its admin roles. */
export interface UserSearchRow extends CachedUser {
  readonly tenantId: string;
  readonly tenantName: string;
  /** The same licences as skuIds, by SKU part number. */
  readonly licenses: readonly string[];
  /** Template ids of the user's directory roles. */
  readonly adminRoleIds: readonly string[];
}

export interface UserSearchPage {
  readonly value: readonly UserSearchRow[];
  readonly nextCursor: string | null;
}
