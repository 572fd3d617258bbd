// How a generated company licenses its people. Small tenants buy the Business plans (capped at
// 300 seats by Microsoft), larger ones the Enterprise plans with add-ons. Weights are shares of
// the regular (non-admin) members; add-on weights are shares of the licensed ones.

import type { DemoSkuKey } from "./demo-skus.ts";

export interface LicenceProfile {
  /** SKUs assigned directly to the user; empty for the unlicensed and the group-licensed. */
  readonly direct: readonly DemoSkuKey[];
  /** Licensed through the scheme's group-based licensing group. */
  readonly viaGroup: boolean;
  readonly weight: number;
}

export interface LicensingScheme {
  readonly profiles: readonly LicenceProfile[];
  readonly addOns: readonly { readonly sku: DemoSkuKey; readonly weight: number }[];
  readonly groupSku: DemoSkuKey;
  readonly groupDisplayName: string;
  readonly groupDisabledPlans: readonly string[];
  /** Service plans (by name) that some direct assignments of a SKU switch off. */
  readonly disabledPlanChoices: Partial<Record<DemoSkuKey, readonly (readonly string[])[]>>;
  /** Bought to the exact seat count. */
  readonly fullyConsumed: DemoSkuKey;
  /** Bought with only a seat or a percent to spare. */
  readonly nearlyFull: DemoSkuKey;
  /** Free SKUs show Microsoft's 10,000-unit allowance. */
  readonly free: readonly DemoSkuKey[];
}

const UNLICENSED: LicenceProfile = { direct: [], viaGroup: false, weight: 0 };

export const BUSINESS_SCHEME: LicensingScheme = {
  profiles: [
    { direct: ["SPB"], viaGroup: false, weight: 45 },
    { direct: ["O365_BUSINESS_PREMIUM"], viaGroup: false, weight: 30 },
    { direct: [], viaGroup: true, weight: 15 },
    { ...UNLICENSED, weight: 10 },
  ],
  addOns: [
    { sku: "POWER_BI_PRO", weight: 0.1 },
    { sku: "VISIOCLIENT", weight: 0.05 },
    { sku: "FLOW_FREE", weight: 0.1 },
  ],
  groupSku: "O365_BUSINESS_ESSENTIALS",
  groupDisplayName: "LIC - Microsoft 365 Business Basic",
  groupDisabledPlans: ["YAMMER_ENTERPRISE"],
  disabledPlanChoices: {
    SPB: [["YAMMER_ENTERPRISE", "SWAY"], ["MICROSOFTBOOKINGS"]],
    O365_BUSINESS_PREMIUM: [["YAMMER_ENTERPRISE"], ["SWAY", "MICROSOFTBOOKINGS"]],
  },
  fullyConsumed: "SPB",
  nearlyFull: "O365_BUSINESS_PREMIUM",
  free: ["FLOW_FREE"],
};

export const ENTERPRISE_SCHEME: LicensingScheme = {
  profiles: [
    { direct: ["SPE_E3"], viaGroup: false, weight: 50 },
    { direct: ["SPE_E5"], viaGroup: false, weight: 8 },
    { direct: ["ENTERPRISEPACK", "EMS"], viaGroup: false, weight: 10 },
    { direct: [], viaGroup: true, weight: 18 },
    { ...UNLICENSED, weight: 14 },
  ],
  addOns: [
    { sku: "POWER_BI_PRO", weight: 0.15 },
    { sku: "VISIOCLIENT", weight: 0.05 },
    { sku: "PROJECTPREMIUM", weight: 0.03 },
    { sku: "Microsoft_Teams_Premium", weight: 0.06 },
    { sku: "FLOW_FREE", weight: 0.08 },
  ],
  groupSku: "SPE_E3",
  groupDisplayName: "LIC - Microsoft 365 E3",
  groupDisabledPlans: ["YAMMER_ENTERPRISE"],
  disabledPlanChoices: {
    SPE_E3: [["YAMMER_ENTERPRISE", "SWAY"], ["KAIZALA_O365_P3", "MICROSOFTBOOKINGS", "Deskless"]],
    SPE_E5: [["YAMMER_ENTERPRISE"], ["MCOEV", "MCOMEETADV"]],
    ENTERPRISEPACK: [["SWAY", "YAMMER_ENTERPRISE"]],
  },
  fullyConsumed: "SPE_E5",
  nearlyFull: "SPE_E3",
  free: ["FLOW_FREE"],
};

/** Share of direct assignments of a SKU with disabled plans that switch some off. */
export const DISABLED_PLANS_SHARE = 0.2;
