import assert from "node:assert/strict";
import { test } from "node:test";
import type { TenantRecipe } from "../directory/change-ops.ts";
import { CloudState } from "../directory/cloud-state.ts";
import { passwordMatches } from "../directory/passwords.ts";
import type { TenantDirectory } from "../directory/tenant-directory.ts";
import { DEMO_ROLES } from "./demo-roles.ts";
import { DEMO_PASSWORD, demoAdminUpns, type GeneratorOptions, generateTenant, globalAdminUpns, recipeFor } from "./tenant-generator.ts";

function build(recipe: TenantRecipe, options: GeneratorOptions = {}): TenantDirectory {
  const state = new CloudState((r) => generateTenant(r, options));
  state.apply({ op: "tenant.generate", recipe });
  return state.tenant(recipe.tenantId)!;
}

function holders(directory: TenantDirectory, roleTemplateId: string): string[] {
  return [...directory.userIds.from(undefined)].filter((id) => directory.rolesOf(id).has(roleTemplateId));
}

const recipe = recipeFor({ displayName: "Fabrikam", domain: "fabrikam.onmicrosoft.com", size: "M" });
const directory = build(recipe);

test("named admins hold their roles, directory-wide", () => {
  const upns = demoAdminUpns(recipe.domain);
  const expected: Record<keyof typeof upns, string> = {
    globalAdmin: DEMO_ROLES.globalAdministrator.templateId,
    helpdeskAdmin: DEMO_ROLES.helpdeskAdministrator.templateId,
    userAdmin: DEMO_ROLES.userAdministrator.templateId,
    passwordAdmin: DEMO_ROLES.passwordAdministrator.templateId,
    authenticationAdmin: DEMO_ROLES.authenticationAdministrator.templateId,
    privilegedAuthenticationAdmin: DEMO_ROLES.privilegedAuthenticationAdministrator.templateId,
    groupsAdmin: DEMO_ROLES.groupsAdministrator.templateId,
    licenseAdmin: DEMO_ROLES.licenseAdministrator.templateId,
    globalReader: DEMO_ROLES.globalReader.templateId,
  };
  for (const [key, role] of Object.entries(expected)) {
    const user = directory.user(upns[key as keyof typeof upns]);
    assert.ok(user, `${key} exists`);
    assert.ok(directory.rolesOf(user.id).has(role), `${key} holds its role`);
  }
  for (const assignment of directory.roleAssignments.values()) assert.equal(assignment.directoryScopeId, "/");
});

test("admins sign in with the demo password; nobody else has a password", () => {
  const admins = new Set([...Object.values(demoAdminUpns(recipe.domain)), ...globalAdminUpns(recipe.domain)]);
  for (const id of directory.userIds.from(undefined)) {
    const user = directory.user(id)!;
    if (admins.has(user.userPrincipalName)) assert.ok(passwordMatches(DEMO_PASSWORD, user.password.passwordHash), user.userPrincipalName);
    else assert.equal(user.password.passwordHash, null);
  }
});

test("by default a tenant has two Global Administrators", () => {
  assert.deepEqual(
    holders(directory, DEMO_ROLES.globalAdministrator.templateId)
      .map((id) => directory.user(id)!.userPrincipalName)
      .sort(),
    globalAdminUpns(recipe.domain).sort(),
  );
});

test("a demo tenant can hold six Global Administrators, from options or from the recipe", () => {
  const fromOptions = build(recipe, { globalAdmins: 6 });
  assert.equal(holders(fromOptions, DEMO_ROLES.globalAdministrator.templateId).length, 6);
  const fromRecipe = build({ ...recipe, globalAdmins: 6 });
  assert.equal(holders(fromRecipe, DEMO_ROLES.globalAdministrator.templateId).length, 6);
  for (const upn of globalAdminUpns(recipe.domain, 6)) assert.ok(passwordMatches(DEMO_PASSWORD, fromRecipe.user(upn)?.password.passwordHash ?? null));
});

test("role-assignable groups pass their role to members; ordinary members hold a few roles too", () => {
  const helpdesk = holders(directory, DEMO_ROLES.helpdeskAdministrator.templateId);
  assert.ok(helpdesk.length > 1, "helpdesk@ and the Tier 1 Support team");
  assert.ok(helpdesk.some((id) => directory.inRoleAssignableGroup(id)));
  assert.ok(holders(directory, DEMO_ROLES.exchangeAdministrator.templateId).length >= 1);
});

test("role assignment ids follow Graph's format", () => {
  const globalAdmin = directory.user(demoAdminUpns(recipe.domain).globalAdmin)!;
  const assignment = [...directory.roleAssignments.values()].find((a) => a.principalId === globalAdmin.id)!;
  assert.match(assignment.id, /^lAPpYvVpN0KRkAEhdxReE[A-Za-z0-9_-]{22}-1$/);
});
