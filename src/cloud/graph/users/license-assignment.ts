import type { AssignedLicense } from "../../directory/model.ts";
import { skuInfo } from "../../directory/sku-catalog.ts";
import type { TenantDirectory } from "../../directory/tenant-directory.ts";
import { badRequest, GraphError } from "../graph-error.ts";

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface LicenseChange {
  readonly add: readonly AssignedLicense[];
  readonly remove: readonly string[];
}

/** Reads and checks the body of assignLicense: both lists required, SKUs subscribed, plans belong to their SKU. */
export function parseLicenseChange(tenant: TenantDirectory, body: Record<string, unknown>): LicenseChange {
  const { addLicenses, removeLicenses } = body;
  if (!Array.isArray(addLicenses) || !Array.isArray(removeLicenses)) {
    throw new GraphError(
      400,
      "Request_BadRequest",
      "One or more parameters of the operation 'assignLicense' are missing from the request payload. The missing parameters are: " +
        [!Array.isArray(addLicenses) && "addLicenses", !Array.isArray(removeLicenses) && "removeLicenses"].filter(Boolean).join(", ") +
        ".",
    );
  }
  const add = addLicenses.map((entry: unknown) => {
    const { skuId, disabledPlans = [] } = (entry ?? {}) as { skuId?: unknown; disabledPlans?: unknown };
    if (typeof skuId !== "string" || !guidPattern.test(skuId)) throw badRequest("Invalid value specified for property 'skuId' of resource 'AssignedLicense'.");
    if (!Array.isArray(disabledPlans) || disabledPlans.some((p) => typeof p !== "string" || !guidPattern.test(p))) {
      throw badRequest("Invalid value specified for property 'disabledPlans' of resource 'AssignedLicense'.");
    }
    const lower = skuId.toLowerCase();
    if (!tenant.tenant.subscriptions.some((s) => s.skuId === lower)) {
      throw badRequest(`License ${skuId} does not correspond to a valid company License.`);
    }
    const plans = skuInfo(lower)?.servicePlans ?? [];
    for (const plan of disabledPlans as string[]) {
      if (!plans.some((p) => p.servicePlanId === plan.toLowerCase())) {
        throw badRequest(`Service plan ${plan} is not part of license ${skuId}.`);
      }
    }
    return { skuId: lower, disabledPlans: (disabledPlans as string[]).map((p) => p.toLowerCase()) };
  });
  const remove = removeLicenses.map((skuId: unknown) => {
    if (typeof skuId !== "string" || !guidPattern.test(skuId)) throw badRequest("Invalid value specified for property 'removeLicenses' of resource 'assignLicense'.");
    return skuId.toLowerCase();
  });
  if (add.some((a) => remove.includes(a.skuId))) throw badRequest("The same license cannot be added and removed in one request.");
  return { add, remove };
}

export function applyLicenseChange(current: readonly AssignedLicense[], change: LicenseChange): AssignedLicense[] {
  const kept = current.filter((l) => !change.remove.includes(l.skuId) && !change.add.some((a) => a.skuId === l.skuId));
  return [...kept, ...change.add];
}

/** Refuses an assignment that needs more units than the subscription has left. */
export function checkAvailableUnits(tenant: TenantDirectory, skuId: string, needed: number): void {
  if (needed <= 0) return;
  const subscription = tenant.tenant.subscriptions.find((s) => s.skuId === skuId);
  const available = (subscription?.prepaidEnabled ?? 0) - tenant.consumedUnits(skuId);
  if (available < needed) throw badRequest(`Subscription with SKU ${skuId} does not have any available licenses.`);
}
