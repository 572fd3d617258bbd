// Generates a tenant's directory from its recipe as a stream of change ops: the tenant, its users
// (ascending ids), its groups (ascending ids), memberships and ownerships, role assignments.
// Same recipe and options, same ops, byte for byte: everything comes from the recipe's seed.

import type { ChangeOp, TenantRecipe } from "../directory/change-ops.ts";
import type { RoleAssignmentRecord } from "../directory/model.ts";
import { DEMO_ROLES, type DemoRoleKey } from "./demo-roles.ts";
import { groupRecord } from "./group-record.ts";
import { MemberResolver } from "./group-members.ts";
import { planGroups } from "./group-plan.ts";
import { ascendingGuid, roleAssignmentId } from "./guids.ts";
import { Prng } from "./prng.ts";
import { type GeneratorOptions, layoutTenant } from "./tenant-layout.ts";
import { tenantRecord } from "./tenant-record.ts";
import { adminCreationMs, DatePool, graphDateTime, TIMELINE_END_MS, tenantCreationMs } from "./timeline.ts";
import { UserFactory } from "./user-factory.ts";

export { DEMO_PASSWORD, demoAdminUpns, globalAdminUpns } from "./demo-admins.ts";
export type { GeneratorOptions } from "./tenant-layout.ts";
export { recipeFor } from "./tenant-recipe.ts";

/** Roles held by a few ordinary members besides the named admins. */
const SMALL_TENANT_ROLES: readonly DemoRoleKey[] = ["exchangeAdministrator", "securityAdministrator"];
const OTHER_ROLES: readonly DemoRoleKey[] = [
  ...SMALL_TENANT_ROLES,
  "sharePointAdministrator",
  "teamsAdministrator",
  "reportsReader",
  "billingAdministrator",
];

export function* generateTenant(recipe: TenantRecipe, options: GeneratorOptions = {}): Generator<ChangeOp> {
  const tenantId = recipe.tenantId;
  const prng = new Prng(recipe.seed, 1);
  const layout = layoutTenant(recipe, options, prng);
  const createdMs = tenantCreationMs(prng);
  const users = new UserFactory(layout, createdMs, recipe.seed);
  yield { op: "tenant.put", tenant: tenantRecord(layout, createdMs, users.licences.subscriptions) };

  for (let i = 0; i < recipe.userCount; i++) yield { op: "object.put", tenantId, record: users.user(i) };

  const groupPrng = new Prng(recipe.seed, 21);
  const groupIdPrng = new Prng(recipe.seed, 22);
  const dates = new DatePool(groupPrng, createdMs + 86_400_000, TIMELINE_END_MS, 512);
  const groups = planGroups(layout, users.licences.groupLicenses, groupPrng);
  const groupIds = groups.map((_, i) => ascendingGuid(groupIdPrng, i, groups.length));
  for (let g = 0; g < groups.length; g++) {
    yield { op: "object.put", tenantId, record: groupRecord(groups[g]!, groupIds[g]!, dates.pick(groupPrng), layout) };
  }

  const staticGroups = groups.filter((g) => g.members.kind === "sample" || g.members.kind === "synced").length;
  const resolver = new MemberResolver(layout, users, groupPrng, staticGroups);
  for (let g = 0; g < groups.length; g++) {
    const groupId = groupIds[g]!;
    for (const index of resolver.members(groups[g]!.members)) {
      yield { op: "member.add", tenantId, groupId, memberId: users.ids[index]! };
    }
    for (const index of resolver.pickMembers(groups[g]!.owners)) {
      yield { op: "owner.add", tenantId, groupId, memberId: users.ids[index]! };
    }
  }

  const assign = (principalId: string, roleDefinitionId: string, createdDateTime = dates.pick(groupPrng)): ChangeOp => {
    const assignment: RoleAssignmentRecord = {
      id: roleAssignmentId(roleDefinitionId, principalId),
      principalId,
      roleDefinitionId,
      directoryScopeId: "/",
      createdDateTime,
    };
    return { op: "role.assign", tenantId, assignment };
  };
  for (let a = 0; a < layout.admins.length; a++) {
    yield assign(users.ids[a]!, layout.admins[a]!.roleTemplateId, graphDateTime(adminCreationMs(createdMs, a)));
  }
  for (let g = 0; g < groups.length; g++) {
    const role = groups[g]!.roleTemplateId;
    if (role) yield assign(groupIds[g]!, role);
  }
  const holdersPerRole = 1 + Math.floor(Math.log10(Math.max(1, layout.memberCount)) / 2);
  for (const role of recipe.size === "S" ? SMALL_TENANT_ROLES : OTHER_ROLES) {
    for (const index of resolver.pickMembers(holdersPerRole)) yield assign(users.ids[index]!, DEMO_ROLES[role].templateId);
  }
}
