// Everything about a generated tenant that is decided before the first record: domains, offices,
// how many admins, guests, members, synced, disabled and location-less users it holds.

import type { TenantRecipe } from "../directory/change-ops.ts";
import { DEFAULT_GLOBAL_ADMINS, type DemoAdmin, demoAdmins } from "./demo-admins.ts";
import { type Office, OFFICES } from "./demo-org.ts";
import { BUSINESS_SCHEME, ENTERPRISE_SCHEME, type LicensingScheme } from "./licence-schemes.ts";
import type { Prng } from "./prng.ts";

export interface GeneratorOptions {
  /** Global Administrator accounts, admin@ included (admin2@, admin3@...). Default: the recipe's, else 2; at least 1. */
  readonly globalAdmins?: number;
  /** Verified custom domain for members' UPNs; null for none. Default: `<name>.com` for M and L tenants. */
  readonly vanityDomain?: string | null;
}

export interface TenantLayout {
  readonly recipe: TenantRecipe;
  readonly initialDomain: string;
  readonly vanityDomain: string | null;
  /** Where members' UPNs and mail live. */
  readonly userDomain: string;
  /** First label of the initial domain ("contoso" for contoso.onmicrosoft.com). */
  readonly label: string;
  readonly onPremisesDomain: string;
  readonly offices: readonly Office[];
  readonly officeWeights: readonly number[];
  readonly admins: readonly DemoAdmin[];
  readonly guestCount: number;
  /** Members other than the named admins. */
  readonly memberCount: number;
  readonly syncedCount: number;
  readonly disabledCount: number;
  readonly withoutUsageLocationCount: number;
  readonly scheme: LicensingScheme;
}

const OFFICE_COUNT = { S: 1, M: 3, L: 6 } as const;
const DISABLED_SHARE = 0.03;

function pickOffices(prng: Prng, count: number): Office[] {
  const pool = [...OFFICES];
  const chosen: Office[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(prng.int(pool.length), 1)[0]!);
  return chosen;
}

function defaultVanityDomain(recipe: TenantRecipe, label: string): string | null {
  if (recipe.size === "S" || !recipe.domain.toLowerCase().endsWith(".onmicrosoft.com")) return null;
  return `${label}.com`;
}

export function layoutTenant(recipe: TenantRecipe, options: GeneratorOptions, prng: Prng): TenantLayout {
  if (!Number.isInteger(recipe.userCount) || recipe.userCount < 0) throw new Error(`userCount must be a whole number, got ${recipe.userCount}`);
  if (!(recipe.syncedShare >= 0 && recipe.syncedShare <= 1)) throw new Error(`syncedShare must be between 0 and 1, got ${recipe.syncedShare}`);
  const initialDomain = recipe.domain.toLowerCase();
  const label = initialDomain.split(".")[0] ?? initialDomain;
  const vanityDomain = options.vanityDomain === undefined ? defaultVanityDomain(recipe, label) : options.vanityDomain;
  const globalAdmins = Math.max(1, Math.floor(options.globalAdmins ?? recipe.globalAdmins ?? DEFAULT_GLOBAL_ADMINS));
  const admins = demoAdmins(initialDomain, globalAdmins).slice(0, recipe.userCount);
  const guestCount = Math.max(0, Math.min(Math.floor(recipe.guests), recipe.userCount - admins.length));
  const memberCount = recipe.userCount - admins.length - guestCount;
  const offices = pickOffices(prng, OFFICE_COUNT[recipe.size]);
  const minimumWithoutLocation = recipe.size === "S" ? 1 : 3;
  return {
    recipe,
    initialDomain,
    vanityDomain,
    userDomain: vanityDomain ?? initialDomain,
    label,
    onPremisesDomain: `corp.${label}.local`,
    offices,
    officeWeights: offices.map((_, i) => (i === 0 ? 3 : 1)),
    admins,
    guestCount,
    memberCount,
    syncedCount: Math.min(memberCount, Math.round(recipe.syncedShare * (memberCount + admins.length))),
    disabledCount: memberCount >= 10 ? Math.max(1, Math.round(memberCount * DISABLED_SHARE)) : 0,
    withoutUsageLocationCount: Math.min(memberCount, Math.max(minimumWithoutLocation, Math.round(memberCount * 0.002))),
    scheme: recipe.size === "S" ? BUSINESS_SCHEME : ENTERPRISE_SCHEME,
  };
}
