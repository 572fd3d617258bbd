// Licences as people read them in the journal and the audit log: part numbers and plan names, not GUIDs.
import type { JsonObject } from "../../audit/audit-entry.ts";
import { productOf } from "../reads/sku-names.ts";
import type { SubscribedSku } from "./sku-resolver.ts";

/** A licence as Graph assigns it: assignedLicenses of a group, or a user's direct assignment. */
export interface AssignedLicence {
  readonly skuId: string;
  readonly disabledPlans: readonly string[];
}

/** SKU id -> part number and plan id -> plan name, for the licences a change shows; kept in the plan. */
export type LicenceNames = Readonly<Record<string, string>>;

/** The names of the SKUs and disabled plans of `licences`, as the tenant's subscribed SKUs give them. */
export function licenceNames(subscribed: readonly SubscribedSku[], licences: readonly AssignedLicence[]): LicenceNames {
  const names: Record<string, string> = {};
  for (const licence of licences) {
    const sku = subscribed.find((s) => s.skuId.toLowerCase() === licence.skuId.toLowerCase());
    if (sku) names[licence.skuId.toLowerCase()] = sku.skuPartNumber;
    for (const planId of licence.disabledPlans) {
      const plan = sku?.servicePlans.find((p) => p.servicePlanId.toLowerCase() === planId.toLowerCase());
      if (plan?.servicePlanName) names[planId.toLowerCase()] = plan.servicePlanName;
    }
  }
  return names;
}

function skuName(skuId: string, names: LicenceNames): string {
  return names[skuId.toLowerCase()] ?? productOf(skuId)?.skuPartNumber ?? skuId;
}

function planName(skuId: string, planId: string, names: LicenceNames): string {
  const id = planId.toLowerCase();
  return names[id] ?? productOf(skuId)?.servicePlans.find((p) => p.servicePlanId === id)?.servicePlanName ?? planId;
}

/** `{ "SPE_E3": ["SWAY", "YAMMER_ENTERPRISE"] }`: each licence by part number with its disabled plans by name. */
export function licencesView(licences: readonly AssignedLicence[], names: LicenceNames): JsonObject {
  const entries = licences.map((l) => [skuName(l.skuId, names), l.disabledPlans.map((p) => planName(l.skuId, p, names)).sort()] as const);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function samePlans(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map((p) => p.toLowerCase()));
  const right = new Set(b.map((p) => p.toLowerCase()));
  return left.size === right.size && [...left].every((p) => right.has(p));
}

/** What in `current` differs from the change: an added licence missing or with other disabled plans, a removed one still there. */
export function licenceDifferences(current: readonly AssignedLicence[], add: readonly AssignedLicence[], remove: readonly string[], names: LicenceNames): string[] {
  const find = (skuId: string) => current.find((l) => l.skuId.toLowerCase() === skuId.toLowerCase());
  const differences: string[] = [];
  for (const wanted of add) {
    const found = find(wanted.skuId);
    if (!found) differences.push(`${skuName(wanted.skuId, names)} is not assigned`);
    else if (!samePlans(found.disabledPlans, wanted.disabledPlans)) differences.push(`${skuName(wanted.skuId, names)} has other disabled plans`);
  }
  for (const skuId of remove) if (find(skuId)) differences.push(`${skuName(skuId, names)} is still assigned`);
  return differences;
}
