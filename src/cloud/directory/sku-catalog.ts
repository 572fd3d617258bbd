import skus from "../../../data/licensing-skus.json" with { type: "json" };

export interface ServicePlanInfo {
  readonly servicePlanId: string;
  readonly servicePlanName: string | null;
}

export interface SkuInfo {
  readonly skuId: string;
  readonly skuPartNumber: string;
  readonly productName: string;
  readonly servicePlans: readonly ServicePlanInfo[];
}

const bySkuId = new Map<string, SkuInfo>();
for (const product of skus.products) {
  if (!bySkuId.has(product.skuId)) bySkuId.set(product.skuId, product);
}

/** Microsoft's products and their service plans, from the licensing service plan reference. */
export function skuInfo(skuId: string): SkuInfo | undefined {
  return bySkuId.get(skuId.toLowerCase());
}
