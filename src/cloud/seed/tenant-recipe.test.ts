import assert from "node:assert/strict";
import { test } from "node:test";
import { recipeFor } from "./tenant-recipe.ts";

test("recipes default by size and are stable for a domain", () => {
  const small = recipeFor({ displayName: "Northwind", domain: "northwind.onmicrosoft.com" });
  assert.equal(small.size, "S");
  assert.equal(small.userCount, 25);
  assert.equal(small.syncedShare, 0);
  assert.equal(small.guests, 1);
  assert.deepEqual(recipeFor({ displayName: "Northwind", domain: "northwind.onmicrosoft.com" }), small);
  assert.match(small.tenantId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

  const medium = recipeFor({ displayName: "Fabrikam", domain: "fabrikam.onmicrosoft.com", size: "M" });
  assert.deepEqual([medium.userCount, medium.syncedShare, medium.guests], [250, 0.1, 8]);
  const large = recipeFor({ displayName: "Contoso", domain: "contoso.onmicrosoft.com", size: "L" });
  assert.deepEqual([large.userCount, large.syncedShare, large.guests], [1500, 0.3, 45]);
  assert.notEqual(medium.seed, large.seed);
  assert.notEqual(medium.tenantId, large.tenantId);
});

test("explicit values win, and a user count alone implies a size", () => {
  const recipe = recipeFor({ displayName: "X", domain: "x.onmicrosoft.com", userCount: 5000, seed: 9, guests: 0, tenantId: "t", globalAdmins: 6 });
  assert.deepEqual([recipe.size, recipe.seed, recipe.guests, recipe.tenantId, recipe.globalAdmins], ["L", 9, 0, "t", 6]);
  assert.equal("globalAdmins" in recipeFor({ displayName: "Y", domain: "y.onmicrosoft.com" }), false);
});
