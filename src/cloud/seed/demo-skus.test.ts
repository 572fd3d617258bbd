import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { DEMO_SKUS, type DemoSku } from "./demo-skus.ts";

interface LicensingFile {
  products: { skuPartNumber: string; skuId: string; servicePlans: { servicePlanName: string; servicePlanId: string }[] }[];
}

const file = new URL("../../../data/licensing-skus.json", import.meta.url);

test("demo SKUs and their service plans match data/licensing-skus.json", () => {
  const { products } = JSON.parse(readFileSync(file, "utf8")) as LicensingFile;
  for (const sku of Object.values(DEMO_SKUS) as DemoSku[]) {
    const product = products.find((p) => p.skuPartNumber === sku.skuPartNumber && p.skuId === sku.skuId);
    assert.ok(product, `${sku.skuPartNumber} ${sku.skuId} is a real SKU`);
    for (const [name, id] of Object.entries(sku.servicePlans)) {
      assert.ok(
        product.servicePlans.some((plan) => plan.servicePlanName === name && plan.servicePlanId === id),
        `${sku.skuPartNumber} includes ${name} ${id}`,
      );
    }
  }
});
