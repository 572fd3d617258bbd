import { skuInfo } from "../../directory/sku-catalog.ts";
import type { SubscriptionRecord } from "../../directory/model.ts";
import type { GraphCall, GraphRoute } from "../graph-call.ts";
import { route } from "../graph-call.ts";
import { resourceNotFound } from "../graph-error.ts";

function organizationJson(call: GraphCall): Record<string, unknown> {
  const t = call.tenant.tenant;
  return {
    id: t.id,
    deletedDateTime: null,
    createdDateTime: t.createdDateTime,
    displayName: t.displayName,
    countryLetterCode: t.countryLetterCode,
    preferredLanguage: t.preferredLanguage,
    tenantType: "AAD",
    onPremisesSyncEnabled: [...call.tenant.userIds.from(undefined)].slice(0, 5000).some((id) => call.tenant.user(id)?.onPremisesSyncEnabled) || null,
    verifiedDomains: t.domains.filter((d) => d.isVerified).map((d) => ({ capabilities: "Email, OfficeCommunicationsOnline", isDefault: d.isDefault, isInitial: d.isInitial, name: d.id, type: "Managed" })),
    assignedPlans: [],
    businessPhones: [],
  };
}

function subscribedSkuJson(call: GraphCall, s: SubscriptionRecord): Record<string, unknown> {
  return {
    accountName: call.tenant.tenant.displayName,
    accountId: call.tenant.id,
    appliesTo: "User",
    capabilityStatus: s.capabilityStatus,
    consumedUnits: call.tenant.consumedUnits(s.skuId),
    id: `${call.tenant.id}_${s.skuId}`,
    skuId: s.skuId,
    skuPartNumber: s.skuPartNumber,
    subscriptionIds: [],
    prepaidUnits: { enabled: s.prepaidEnabled, suspended: s.prepaidSuspended, warning: s.prepaidWarning, lockedOut: s.prepaidLockedOut },
    servicePlans: (skuInfo(s.skuId)?.servicePlans ?? []).map((p) => ({ servicePlanId: p.servicePlanId, servicePlanName: p.servicePlanName, provisioningStatus: "Success", appliesTo: "User" })),
  };
}

function collection(call: GraphCall, path: string, value: unknown[]) {
  return { status: 200, body: { "@odata.context": `${call.context.baseUrl}/v1.0/$metadata#${path}`, value } };
}

export function organizationRoutes(): GraphRoute[] {
  return [
    route("GET", "/organization", (call) => collection(call, "organization", [organizationJson(call)])),
    route("GET", "/organization/{orgId}", (call) => {
      if (call.params.orgId !== call.tenant.id) throw resourceNotFound(call.params.orgId!);
      return { status: 200, body: { "@odata.context": `${call.context.baseUrl}/v1.0/$metadata#organization/$entity`, ...organizationJson(call) } };
    }),
    route("GET", "/domains", (call) =>
      collection(
        call,
        "domains",
        call.tenant.tenant.domains.map((d) => ({ id: d.id, authenticationType: "Managed", isAdminManaged: true, isDefault: d.isDefault, isInitial: d.isInitial, isRoot: true, isVerified: d.isVerified, supportedServices: ["Email", "OfficeCommunicationsOnline"] })),
      ),
    ),
    route("GET", "/subscribedSkus", (call) => collection(call, "subscribedSkus", call.tenant.tenant.subscriptions.map((s) => subscribedSkuJson(call, s)))),
    route("GET", "/subscribedSkus/{skuKey}", (call) => {
      const s = call.tenant.tenant.subscriptions.find((x) => `${call.tenant.id}_${x.skuId}` === call.params.skuKey);
      if (!s) throw resourceNotFound(call.params.skuKey!);
      return { status: 200, body: { "@odata.context": `${call.context.baseUrl}/v1.0/$metadata#subscribedSkus/$entity`, ...subscribedSkuJson(call, s) } };
    }),
  ];
}
