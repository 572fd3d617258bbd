import type { TenantRecipe } from "../directory/change-ops.ts";
import type { TenantSize } from "../directory/model.ts";
import { randomGuid } from "./guids.ts";
import { hashString, Prng } from "./prng.ts";

export interface RecipeOptions {
  readonly displayName: string;
  /** The tenant's initial domain, e.g. "contoso.onmicrosoft.com". */
  readonly domain: string;
  readonly size?: TenantSize;
  readonly userCount?: number;
  readonly seed?: number;
  readonly syncedShare?: number;
  readonly guests?: number;
  readonly tenantId?: string;
  readonly globalAdmins?: number;
}

const USERS_BY_SIZE: Readonly<Record<TenantSize, number>> = { S: 25, M: 250, L: 1500 };
const SYNCED_SHARE_BY_SIZE: Readonly<Record<TenantSize, number>> = { S: 0, M: 0.1, L: 0.3 };
const GUEST_SHARE = 0.03;
const TENANT_ID_STREAM = 7;

function sizeFor(userCount: number): TenantSize {
  if (userCount <= 100) return "S";
  return userCount <= 1000 ? "M" : "L";
}

/** A complete recipe with realistic defaults; the same options always give the same recipe. */
export function recipeFor(options: RecipeOptions): TenantRecipe {
  const size = options.size ?? (options.userCount === undefined ? "S" : sizeFor(options.userCount));
  const userCount = options.userCount ?? USERS_BY_SIZE[size];
  const seed = options.seed ?? hashString(options.domain.toLowerCase());
  return {
    tenantId: options.tenantId ?? randomGuid(new Prng(seed, TENANT_ID_STREAM)),
    displayName: options.displayName,
    domain: options.domain,
    size,
    userCount,
    seed,
    syncedShare: options.syncedShare ?? SYNCED_SHARE_BY_SIZE[size],
    guests: options.guests ?? Math.round(userCount * GUEST_SHARE),
    ...(options.globalAdmins === undefined ? {} : { globalAdmins: options.globalAdmins }),
  };
}
