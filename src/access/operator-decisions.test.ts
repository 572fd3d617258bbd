// The decision table of issue 6, generated from Microsoft's tables (data/entra-role-rules.json) and role
// definitions (data/entra-roles.json): an operator holding one role in a tenant, acting on a user in each row.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import entraRoleRules from "../../data/entra-role-rules.json" with { type: "json" };
import { ActionRefused } from "../actions/action-errors.ts";
import type { ActionContext } from "../actions/action-executor.ts";
import { guardKnownAdminRoles } from "../actions/guards/admin-target-guard.ts";
import { usersDisable, usersResetPassword } from "../catalog/actions/user-account-actions.ts";
import { usersUpdatePhones } from "../catalog/actions/user-property-actions.ts";
import type { ActionDefinition } from "../catalog/action-definition.ts";
import { entraRoleByTemplateId, roleTemplateIds } from "../catalog/entra-role-data.ts";
import { createOperatorAccess } from "./operator-access.ts";
import { holdsRoleAction } from "./role-action-match.ts";
import type { TargetAdminRoles } from "./target-role-rules.ts";

const tenantId = randomUUID();
const customRoleId = randomUUID();
const otherRole = "00000000-0000-4000-8000-00000000c0de";

function operatorWith(templateId: string) {
  return createOperatorAccess({
    principal: { operatorId: randomUUID(), name: "tech@msp.example", groupIds: [], scopes: ["actions:read", "actions:write"] },
    assignments: [{ id: randomUUID(), principal: { kind: "operator", id: randomUUID() }, role: { kind: "entra", id: templateId }, scope: { kind: "tenant", tenantId }, createdAt: "" }],
    tenantGroups: new Map(),
    customRoles: new Map([[customRoleId, { id: customRoleId, name: "Password resets", description: null, actions: ["microsoft.directory/users/password/update"] }]]),
  });
}

function targetOf(row: { templateId?: string; category?: string }): TargetAdminRoles | undefined {
  if (row.templateId) return { roleTemplateIds: [row.templateId], inRoleAssignableGroup: false };
  if (row.category === "noAdminRole") return { roleTemplateIds: [], inRoleAssignableGroup: false };
  if (row.category === "roleAssignableGroupMember") return { roleTemplateIds: [], inRoleAssignableGroup: true };
  if (row.category === "allOtherRoles") return { roleTemplateIds: [otherRole], inRoleAssignableGroup: false };
  return undefined;
}

/** The runner's two steps for an operator: the action's role actions, then Microsoft's table for an administrator target. */
async function decide(templateId: string, definition: ActionDefinition, input: object, target: TargetAdminRoles, touched: string[]): Promise<boolean> {
  const access = operatorWith(templateId);
  if (!access.decideAction(definition, input, tenantId, "Contoso").allowed) return false;
  const context = {
    tenant: { tenantName: "Contoso", appName: "Tenantry", granted: { roles: [], wids: [roleTemplateIds.globalAdministrator] } },
    operator: { name: "tech@msp.example", decideOnTarget: (table: "password-reset" | "sensitive-action", roles: TargetAdminRoles) => access.decideOnTarget(table, tenantId, roles) },
  } as unknown as ActionContext;
  try {
    await guardKnownAdminRoles(context, target, { kind: "user", display: "target" }, touched);
    return true;
  } catch (error) {
    if (error instanceof ActionRefused && error.code === "operator_role_insufficient") return false;
    throw error;
  }
}

const grants = (templateId: string, action: string) => holdsRoleAction(entraRoleByTemplateId(templateId)?.actions ?? [], action);
const reset = entraRoleRules.whoCanResetPasswords;
const sensitive = entraRoleRules.whoCanPerformSensitiveActions;
const actors = [...new Set([...reset.actors, ...sensitive.actors, "fdd7a751-b60b-444a-984c-02652fe8fa1c", "4d6ac14f-3453-41d0-bef9-a3e0c569773a"])];
const rowFor = (table: typeof reset, row: (typeof reset.targets)[number]) => table.targets.find((t) => t.row === row.row)!;

test("password reset: allowed exactly where the role resets passwords and Microsoft's row names it", async () => {
  let cells = 0;
  for (const actor of actors) {
    for (const row of reset.targets) {
      const target = targetOf(row);
      if (!target) continue;
      const isAdmin = target.roleTemplateIds.length > 0 || target.inRoleAssignableGroup;
      const expected = grants(actor, "microsoft.directory/users/password/update") && (!isAdmin || row.allowed.includes(actor));
      assert.equal(await decide(actor, usersResetPassword, { userId: "x@y.com", password: { mode: "generate" } }, target, ["passwordProfile"]), expected, `${entraRoleByTemplateId(actor)?.displayName} resets ${row.row}`);
      cells++;
    }
  }
  assert.ok(cells >= 100, `${cells}`);
});

test("disabling (a sensitive action): allowed exactly where the role disables users and Microsoft's row names it", async () => {
  for (const actor of actors) {
    for (const row of sensitive.targets) {
      const target = targetOf(row);
      if (!target) continue;
      const isAdmin = target.roleTemplateIds.length > 0 || target.inRoleAssignableGroup;
      const expected = grants(actor, "microsoft.directory/users/disable") && (!isAdmin || row.allowed.includes(actor));
      assert.equal(await decide(actor, usersDisable, { userId: "x@y.com" }, target, ["accountEnabled"]), expected, `${entraRoleByTemplateId(actor)?.displayName} disables ${row.row}`);
    }
  }
});

test("a phone number (sensitive, and covered by password reset): either table's row suffices", async () => {
  for (const actor of actors) {
    for (const row of sensitive.targets) {
      const target = targetOf(row);
      if (!target) continue;
      const isAdmin = target.roleTemplateIds.length > 0 || target.inRoleAssignableGroup;
      const tables = row.allowed.includes(actor) || rowFor(reset, row).allowed.includes(actor);
      const expected = grants(actor, "microsoft.directory/users/basic/update") && (!isAdmin || tables);
      assert.equal(await decide(actor, usersUpdatePhones, { userId: "x@y.com", changes: { mobilePhone: "+1 555 0100" } }, target, ["mobilePhone"]), expected, `${entraRoleByTemplateId(actor)?.displayName} changes the phone of ${row.row}`);
    }
  }
});

test("a custom role that may reset passwords resets those of users without an admin role only", async () => {
  const access = createOperatorAccess({
    principal: { operatorId: randomUUID(), name: "t", groupIds: [], scopes: ["actions:write"] },
    assignments: [{ id: randomUUID(), principal: { kind: "operator", id: randomUUID() }, role: { kind: "custom", id: customRoleId }, scope: { kind: "all" }, createdAt: "" }],
    tenantGroups: new Map(),
    customRoles: new Map([[customRoleId, { id: customRoleId, name: "Password resets", description: null, actions: ["microsoft.directory/users/password/update"] }]]),
  });
  assert.equal(access.decideAction(usersResetPassword, {}, tenantId, "Contoso").allowed, true);
  assert.equal(access.decideOnTarget("password-reset", tenantId, { roleTemplateIds: [roleTemplateIds.userAdministrator], inRoleAssignableGroup: false }).allowed, false);
  const denied = access.decideAction(usersDisable, {}, tenantId, "Contoso");
  assert.equal(denied.allowed, false);
  assert.deepEqual(denied.missingRoleActions, ["microsoft.directory/users/disable"]);
  assert.match(denied.reason, /Password resets/);
});
