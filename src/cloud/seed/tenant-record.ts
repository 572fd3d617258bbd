import type { SubscriptionRecord, TenantRecord } from "../directory/model.ts";
import type { TenantLayout } from "./tenant-layout.ts";
import { graphDateTime } from "./timeline.ts";

/** The organisation: initial domain (default), an optional verified custom domain, subscriptions. */
export function tenantRecord(layout: TenantLayout, createdMs: number, subscriptions: readonly SubscriptionRecord[]): TenantRecord {
  const hq = layout.offices[0]!;
  const domains = [{ id: layout.initialDomain, isDefault: true, isInitial: true, isVerified: true }];
  if (layout.vanityDomain) domains.push({ id: layout.vanityDomain, isDefault: false, isInitial: false, isVerified: true });
  return {
    id: layout.recipe.tenantId,
    displayName: layout.recipe.displayName,
    createdDateTime: graphDateTime(createdMs),
    countryLetterCode: hq.countryCode,
    preferredLanguage: hq.language.split("-")[0]!,
    domains,
    subscriptions,
  };
}
