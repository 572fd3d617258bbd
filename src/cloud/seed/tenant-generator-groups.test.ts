import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { TenantRecipe } from "../directory/change-ops.ts";
import { CloudState } from "../directory/cloud-state.ts";
import type { GroupRecord, UserRecord } from "../directory/model.ts";
import type { TenantDirectory } from "../directory/tenant-directory.ts";
import { generateTenant, recipeFor } from "./tenant-generator.ts";

function build(recipe: TenantRecipe): TenantDirectory {
  const state = new CloudState(generateTenant);
  state.apply({ op: "tenant.generate", recipe });
  return state.tenant(recipe.tenantId)!;
}

/** The generator writes simple rules only: `(user.<property> -eq "<value>")`. */
function ruleMatcher(rule: string): (user: UserRecord) => boolean {
  const match = /^\(user\.(\w+) -eq "([^"]*)"\)$/.exec(rule);
  assert.ok(match, `supported rule: ${rule}`);
  const property = match[1] as keyof UserRecord;
  return (user) => user[property] === match[2];
}

const kinds: Record<string, (g: GroupRecord) => boolean> = {
  security: (g) => g.securityEnabled && !g.mailEnabled && g.groupTypes.length === 0 && !g.isAssignableToRole,
  "Microsoft 365": (g) => g.groupTypes.includes("Unified") && g.mailEnabled && (g.visibility === "Public" || g.visibility === "Private"),
  "mail-enabled security": (g) => g.securityEnabled && g.mailEnabled && g.groupTypes.length === 0,
  distribution: (g) => !g.securityEnabled && g.mailEnabled && g.groupTypes.length === 0,
  dynamic: (g) => g.groupTypes.includes("DynamicMembership") && g.membershipRuleProcessingState === "On" && g.membershipRule !== null,
  "role-assignable": (g) => g.isAssignableToRole === true && g.securityEnabled,
  "group-based licensing": (g) => g.assignedLicenses.length > 0,
};

for (const size of ["S", "M", "L"] as const) {
  describe(`groups of a ${size} tenant`, () => {
    const recipe = recipeFor({ displayName: `Groups ${size}`, domain: `groups${size.toLowerCase()}.onmicrosoft.com`, size });
    const directory = build(recipe);
    const groups = [...directory.groupIds.from(undefined)].map((id) => directory.group(id)!);
    const users = [...directory.userIds.from(undefined)].map((id) => directory.user(id)!);

    test("include every kind of group", () => {
      for (const [kind, is] of Object.entries(kinds)) assert.ok(groups.some(is), `a ${kind} group`);
      if (recipe.syncedShare > 0) assert.ok(groups.some((g) => g.onPremisesSyncEnabled === true), "a synced group");
    });

    test("scale gently with the tenant", () => {
      assert.ok(groups.length >= 8 && groups.length <= 300);
      assert.equal(new Set(groups.map((g) => g.mailNickname.toLowerCase())).size, groups.length, "unique mail nicknames");
    });

    test("dynamic groups hold exactly the users their rule matches", () => {
      for (const group of groups.filter(kinds.dynamic!)) {
        const matches = ruleMatcher(group.membershipRule!);
        const expected = users.filter(matches).map((u) => u.id);
        assert.deepEqual([...directory.membersOf(group.id)].sort(), expected.sort(), group.displayName);
      }
    });

    test("group-based licensing licenses its members through the group", () => {
      const licensing = groups.find(kinds["group-based licensing"]!)!;
      const members = [...directory.membersOf(licensing.id)];
      assert.ok(members.length > 0);
      for (const id of members) {
        const states = directory.licenseStates(directory.user(id)!);
        assert.ok(states.some((s) => s.assignedByGroup === licensing.id && s.skuId === licensing.assignedLicenses[0]!.skuId));
      }
    });

    test("members exist; owners are enabled members; synced groups hold synced users", () => {
      for (const group of groups) {
        for (const id of directory.membersOf(group.id)) assert.ok(directory.user(id), `${group.displayName} member exists`);
        for (const id of directory.ownersOf(group.id)) assert.equal(directory.user(id)?.accountEnabled, true);
        if (group.onPremisesSyncEnabled) for (const id of directory.membersOf(group.id)) assert.equal(directory.user(id)?.onPremisesSyncEnabled, true);
      }
      assert.ok(groups.some((g) => directory.ownersOf(g.id).size > 0));
      const mailEnabled = groups.filter((g) => g.mailEnabled);
      for (const group of mailEnabled) assert.equal(group.proxyAddresses[0], `SMTP:${group.mail}`);
    });
  });
}
