import assert from "node:assert/strict";
import { describe, test } from "node:test";
import licensingSkus from "../../../data/licensing-skus.json" with { type: "json" };
import { ActionRefused } from "../action-errors.ts";
import { createSkuResolver, type SubscribedSku, skuLabel } from "./sku-resolver.ts";

/** A tenant's subscribed SKU as Graph lists it, built from Microsoft's reference of the product. */
function subscribedSku(partNumber: string, enabled = 10, consumed = 0): SubscribedSku {
  const product = licensingSkus.products.find((p) => p.skuPartNumber === partNumber)!;
  return {
    skuId: product.skuId,
    skuPartNumber: product.skuPartNumber,
    consumedUnits: consumed,
    prepaidUnits: { enabled },
    servicePlans: product.servicePlans.map((p) => ({ servicePlanId: p.servicePlanId, servicePlanName: p.servicePlanName })),
  };
}

const e3 = subscribedSku("SPE_E3");
const e5 = subscribedSku("SPE_E5");
const businessBasic = subscribedSku("O365_BUSINESS_ESSENTIALS");
const target = { id: "5b1e2c1a-0000-4000-8000-000000000001", kind: "user", display: "adele@contoso.example" };
const contoso = createSkuResolver("Contoso", [e3, e5, businessBasic], target);

function refusal(run: () => unknown): ActionRefused {
  try {
    run();
  } catch (error) {
    if (error instanceof ActionRefused) return error;
    throw error;
  }
  assert.fail("expected a refusal");
}

describe("licences", () => {
  test("a licence is found by SKU part number, product name or id, in any case", () => {
    assert.equal(contoso.sku("spe_e3", "add.0.sku"), e3);
    assert.equal(contoso.sku("Microsoft 365 E5", "add.0.sku"), e5);
    assert.equal(contoso.sku("MICROSOFT 365 E3", "add.0.sku"), e3);
    assert.equal(contoso.sku(e5.skuId.toUpperCase(), "add.0.sku"), e5);
  });

  test("a product name Microsoft gives to two SKUs resolves when the tenant has one of them, and is refused naming both when it has both", () => {
    assert.equal(contoso.sku("Microsoft 365 Business Basic", "add.0.sku"), businessBasic);
    const both = createSkuResolver("Fabrikam", [businessBasic, subscribedSku("SMB_BUSINESS_ESSENTIALS")]);
    const refused = refusal(() => both.sku("microsoft 365 business basic", "remove.1"));
    assert.equal(refused.code, "ambiguous_sku");
    assert.equal(refused.status, 422);
    assert.equal(refused.field, "remove.1");
    assert.match(refused.message, /O365_BUSINESS_ESSENTIALS, SMB_BUSINESS_ESSENTIALS/);
  });

  test("an unknown licence is refused with the field and the tenant's licences by product name", () => {
    const refused = refusal(() => contoso.sku("Microsoft 365 E9", "add.2.sku"));
    assert.equal(refused.code, "unknown_sku");
    assert.equal(refused.status, 422);
    assert.equal(refused.field, "add.2.sku");
    assert.deepEqual(refused.target, target);
    assert.match(refused.message, /Contoso has: Microsoft 365 Business Basic \(O365_BUSINESS_ESSENTIALS\), Microsoft 365 E3 \(SPE_E3\), Microsoft 365 E5 \(SPE_E5\)\./);
    assert.equal(refusal(() => contoso.sku("0b0e7a4e-1111-4222-8333-444455556666", "add.0.sku")).code, "unknown_sku");
  });

  test("a Microsoft licence the tenant does not subscribe to is refused as such, by part number, product name or id", () => {
    const e1 = licensingSkus.products.find((p) => p.skuPartNumber === "STANDARDPACK")!;
    for (const ref of ["standardpack", "Office 365 E1", e1.skuId]) {
      const refused = refusal(() => contoso.sku(ref, "add.0.sku"));
      assert.equal(refused.code, "sku_not_subscribed", ref);
      assert.match(refused.message, /^Contoso has no subscription to Office 365 E1 \(STANDARDPACK\)\. It has: Microsoft 365 Business Basic/, ref);
    }
  });

  test("a tenant without licences says so", () => {
    assert.match(refusal(() => createSkuResolver("Woodgrove", []).sku("SPE_E3", "add.0.sku")).message, /It has: no licences at all\./);
  });

  test("labels show the product name and the part number", () => {
    assert.equal(skuLabel(e3), "Microsoft 365 E3 (SPE_E3)");
    assert.equal(skuLabel({ skuId: "0b0e7a4e-1111-4222-8333-444455556666", skuPartNumber: "CUSTOM_SKU" }), "CUSTOM_SKU");
  });
});

describe("service plans", () => {
  const sway = "a23b959c-7ce8-4e57-9140-b90eb88a9e97";
  const exchange = "efb87545-963c-4e0d-99df-69c6916d9eb0";

  test("a plan is found by id, plan name or friendly name, in any case, and each only once", () => {
    assert.deepEqual(contoso.plans(e3, ["sway", "Exchange Online (Plan 2)", sway.toUpperCase(), exchange], "add.0.disabledPlans"), [sway, exchange]);
    assert.deepEqual(contoso.plans(e3, [], "add.0.disabledPlans"), []);
  });

  test("a plan of another licence is refused with its index and the licence's own plans", () => {
    const refused = refusal(() => contoso.plans(e3, ["SWAY", "MCOEV"], "add.1.disabledPlans"));
    assert.equal(refused.code, "unknown_service_plan");
    assert.equal(refused.status, 422);
    assert.equal(refused.field, "add.1.disabledPlans.1");
    assert.match(refused.message, /^"MCOEV" is not a service plan of Microsoft 365 E3 \(SPE_E3\)\. Its plans are: /);
    assert.match(refused.message, /Exchange Online \(Plan 2\) \(EXCHANGE_S_ENTERPRISE\)/);
    assert.match(refused.message, /Sway \(SWAY\)/);
    assert.deepEqual(contoso.plans(e5, ["Microsoft 365 Phone System"], "add.0.disabledPlans"), ["4828c8ec-dc2e-4779-b502-87ac9ce28ab7"]);
  });
});
