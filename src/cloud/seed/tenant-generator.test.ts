import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, test } from "node:test";
import type { TenantRecipe } from "../directory/change-ops.ts";
import { CloudState } from "../directory/cloud-state.ts";
import type { UserRecord } from "../directory/model.ts";
import type { TenantDirectory } from "../directory/tenant-directory.ts";
import { DEMO_SKUS, type DemoSku } from "./demo-skus.ts";
import { generateTenant, recipeFor } from "./tenant-generator.ts";

function opsHash(recipe: TenantRecipe): string {
  const hash = createHash("sha256");
  for (const op of generateTenant(recipe)) hash.update(JSON.stringify(op));
  return hash.digest("hex");
}

function build(recipe: TenantRecipe): TenantDirectory {
  const state = new CloudState(generateTenant);
  state.apply({ op: "tenant.generate", recipe });
  const directory = state.tenant(recipe.tenantId);
  assert.ok(directory, "the generated tenant exists");
  return directory;
}

function users(directory: TenantDirectory): UserRecord[] {
  return [...directory.userIds.from(undefined)].map((id) => directory.user(id)!);
}

const recipes = {
  S: recipeFor({ displayName: "Northwind Traders", domain: "northwind.onmicrosoft.com", size: "S" }),
  M: recipeFor({ displayName: "Fabrikam", domain: "fabrikam.onmicrosoft.com", size: "M" }),
  L: recipeFor({ displayName: "Contoso", domain: "contoso.onmicrosoft.com", size: "L" }),
};
const built = { S: build(recipes.S), M: build(recipes.M), L: build(recipes.L) };

describe("determinism", () => {
  test("the same recipe gives identical ops", () => {
    assert.equal(opsHash(recipes.M), opsHash(recipes.M));
  });

  test("different seeds give different tenants", () => {
    assert.notEqual(opsHash(recipes.M), opsHash({ ...recipes.M, seed: recipes.M.seed + 1 }));
  });

  test("users and groups come in ascending id order, the tenant first", () => {
    const ops = [...generateTenant(recipes.L)];
    assert.equal(ops[0]?.op, "tenant.put");
    for (const kind of ["user", "group"] as const) {
      const ids = ops.flatMap((op) => (op.op === "object.put" && op.record.kind === kind ? [op.record.id] : []));
      assert.ok(ids.length > 0);
      for (let i = 1; i < ids.length; i++) assert.ok(ids[i - 1]! < ids[i]!, `${kind} ids ascend`);
      for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});

for (const size of ["S", "M", "L"] as const) {
  describe(`a ${size} tenant`, () => {
    const recipe = recipes[size];
    const directory = built[size];
    const all = users(directory);
    const members = all.filter((u) => u.userType === "Member");
    const guests = all.filter((u) => u.userType === "Guest");

    test("has the requested users, guests included, with unique UPNs", () => {
      assert.equal(all.length, recipe.userCount);
      assert.equal(guests.length, recipe.guests);
      assert.equal(new Set(all.map((u) => u.userPrincipalName.toLowerCase())).size, all.length);
    });

    test("never consumes more licences than it bought", () => {
      for (const sku of directory.tenant.subscriptions) {
        assert.ok(directory.consumedUnits(sku.skuId) <= sku.prepaidEnabled, `${sku.skuPartNumber} within prepaid units`);
      }
    });

    test("has users without usageLocation, and every licensed user has one", () => {
      const without = members.filter((u) => u.usageLocation === null);
      assert.ok(without.length >= (size === "S" ? 1 : 3), `${without.length} members without usageLocation`);
      for (const user of all) if (user.directLicenses.length > 0) assert.ok(user.usageLocation, `${user.userPrincipalName} has a usage location`);
    });

    test("syncs the recipe's share of members from on-premises", () => {
      const synced = members.filter((u) => u.onPremisesSyncEnabled === true);
      assert.ok(Math.abs(synced.length / members.length - recipe.syncedShare) <= 0.02, `${synced.length} of ${members.length} synced`);
      for (const user of synced) {
        assert.ok(user.onPremisesImmutableId && Buffer.from(user.onPremisesImmutableId, "base64").length === 16);
        assert.ok(user.onPremisesSamAccountName && user.onPremisesSamAccountName.length <= 20);
        assert.match(user.onPremisesSecurityIdentifier ?? "", /^S-1-5-21-\d+-\d+-\d+-\d+$/);
        assert.match(user.onPremisesDistinguishedName ?? "", /^CN=.+,OU=Users,.*DC=local$/);
        assert.ok(user.onPremisesDomainName && user.onPremisesUserPrincipalName && user.onPremisesLastSyncDateTime);
      }
      for (const user of all.filter((u) => u.onPremisesSyncEnabled !== true)) {
        assert.equal(user.onPremisesSyncEnabled, null);
        assert.equal(user.onPremisesImmutableId, null);
        assert.equal(user.onPremisesSecurityIdentifier, null);
      }
    });

    test("invites guests with Entra's external UPNs", () => {
      for (const guest of guests) {
        assert.match(guest.userPrincipalName, new RegExp(`^[a-z0-9.]+_[a-z0-9.]+#EXT#@${recipe.domain}$`));
        assert.equal(guest.creationType, "Invitation");
        assert.ok(guest.externalUserState === "Accepted" || guest.externalUserState === "PendingAcceptance");
        assert.equal(guest.usageLocation, null);
        assert.equal(guest.password.passwordHash, null);
      }
    });

    test("gives licensed members a mailbox at their UPN", () => {
      const staff = members.filter((u) => u.department !== null);
      const licensed = staff.filter((u) => directory.licenseStates(u).length > 0);
      assert.ok(licensed.length > staff.length / 2, `${licensed.length} of ${staff.length} licensed`);
      for (const user of licensed) {
        assert.equal(user.mail, user.userPrincipalName);
        assert.equal(user.proxyAddresses[0], `SMTP:${user.userPrincipalName}`);
      }
    });
  });
}

describe("realism across sizes", () => {
  test("M and L tenants have one SKU fully consumed and one nearly full", () => {
    for (const directory of [built.M, built.L]) {
      const fill = directory.tenant.subscriptions.map((s) => directory.consumedUnits(s.skuId) / s.prepaidEnabled);
      assert.ok(fill.some((f) => f === 1), "a fully consumed SKU");
      assert.ok(fill.some((f) => f < 1 && f >= 0.95), "a nearly full SKU");
      assert.ok(fill.some((f) => f < 0.95), "SKUs with headroom");
    }
  });

  test("some direct licences disable real service plans of their SKU", () => {
    const planIdsBySku = new Map(Object.values(DEMO_SKUS).map((s: DemoSku) => [s.skuId, new Set(Object.values(s.servicePlans))]));
    const withDisabled = users(built.L).flatMap((u) => u.directLicenses.filter((l) => l.disabledPlans.length > 0));
    assert.ok(withDisabled.length > 0);
    for (const license of withDisabled) for (const plan of license.disabledPlans) assert.ok(planIdsBySku.get(license.skuId)?.has(plan));
  });

  test("M and L tenants have a verified custom domain for members; S uses its initial domain", () => {
    assert.deepEqual(
      built.L.tenant.domains.map((d) => [d.id, d.isInitial, d.isDefault, d.isVerified]),
      [
        ["contoso.onmicrosoft.com", true, true, true],
        ["contoso.com", false, false, true],
      ],
    );
    assert.ok(users(built.L).some((u) => u.userPrincipalName.endsWith("@contoso.com")));
    assert.equal(built.S.tenant.domains.length, 1);
  });

  test("about 3% of members are disabled, and managers are real users", () => {
    const members = users(built.L).filter((u) => u.userType === "Member");
    const disabled = members.filter((u) => !u.accountEnabled).length;
    assert.ok(disabled / members.length > 0.02 && disabled / members.length < 0.04, `${disabled} disabled`);
    for (const user of members) if (user.managerId) assert.ok(built.L.user(user.managerId));
    assert.ok(members.filter((u) => u.managerId).length > members.length * 0.9);
  });

  test("a recipe too small for every named admin still generates", () => {
    const directory = build(recipeFor({ displayName: "Tiny", domain: "tiny.onmicrosoft.com", userCount: 3 }));
    assert.equal(directory.userIds.size, 3);
  });
});
