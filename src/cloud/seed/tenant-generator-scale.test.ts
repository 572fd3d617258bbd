import assert from "node:assert/strict";
import { test } from "node:test";
import { CloudState } from "../directory/cloud-state.ts";
import { generateTenant, recipeFor } from "./tenant-generator.ts";

// A smoke test of scale, kept in the suite; measure-generation.ts reports timings for 1M users.
test("a 200,000-user tenant generates into the cloud state", () => {
  const recipe = recipeFor({ displayName: "Scale", domain: "scale.onmicrosoft.com", size: "L", userCount: 200_000 });
  const state = new CloudState(generateTenant);
  state.apply({ op: "tenant.generate", recipe });
  const directory = state.tenant(recipe.tenantId)!;
  assert.equal(directory.userIds.size, 200_000);
  for (const sku of directory.tenant.subscriptions) assert.ok(directory.consumedUnits(sku.skuId) <= sku.prepaidEnabled);
});
