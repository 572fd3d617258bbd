// Microsoft's product names for licences and service plans (data/licensing-skus.json). Graph answers
// with SKU part numbers and plan names only; people know "Microsoft 365 E3", not "SPE_E3".
import licensingSkus from "../../../data/licensing-skus.json" with { type: "json" };

export interface ServicePlanName {
  readonly servicePlanId: string;
  readonly servicePlanName: string | null;
  readonly friendlyName: string;
}

export interface ProductName {
  readonly productName: string;
  readonly skuPartNumber: string;
  readonly skuId: string;
  readonly servicePlans: readonly ServicePlanName[];
}

const products: readonly ProductName[] = licensingSkus.products;
let bySkuId: ReadonlyMap<string, ProductName> | undefined;
let planNames: ReadonlyMap<string, string> | undefined;

/** Microsoft's product for a SKU id, when it publishes one. */
export function productOf(skuId: string): ProductName | undefined {
  bySkuId ??= new Map(products.map((p) => [p.skuId, p]));
  return bySkuId.get(skuId.toLowerCase());
}

/** The friendly name of a service plan, e.g. "Exchange Online (Plan 2)". */
export function planFriendlyName(servicePlanId: string): string | undefined {
  planNames ??= new Map(products.flatMap((p) => p.servicePlans.map((plan) => [plan.servicePlanId, plan.friendlyName] as const)));
  return planNames.get(servicePlanId.toLowerCase());
}

/** A SKU's part number: Graph's when it gave one, else Microsoft's list, else the id itself. */
export function skuPartNumberOf(skuId: string, fromGraph?: string | null): string {
  return fromGraph ?? productOf(skuId)?.skuPartNumber ?? skuId;
}

/** A SKU's product name, falling back to its part number. */
export function productNameOf(skuId: string, partNumber?: string | null): string {
  return productOf(skuId)?.productName ?? skuPartNumberOf(skuId, partNumber);
}
