import assert from "node:assert/strict";
import { test } from "node:test";
import entraRoleRules from "../../../data/entra-role-rules.json" with { type: "json" };
import {
  canPerformSensitiveAction,
  canResetPassword,
  PASSWORD_RESET_SENSITIVE_PROPERTIES,
  type RuleDecision,
  SENSITIVE_PROPERTIES,
  type TargetRoles,
} from "./role-rules.ts";
import { allRoles, roleByName, roleByTemplateId } from "./roles.ts";

function id(displayName: string): string {
  const role = roleByName(displayName);
  assert.ok(role, displayName);
  return role.templateId;
}

function target(roleNames: readonly string[], extra: Partial<TargetRoles> = {}): TargetRoles {
  return { roleTemplateIds: roleNames.map(id), inRoleAssignableGroup: false, inRestrictedManagementAU: false, ...extra };
}

type JsonTarget = { row: string; templateId?: string; category?: string; allowed: string[] };

const rowRoleIds = new Set(
  [...entraRoleRules.whoCanResetPasswords.targets, ...entraRoleRules.whoCanPerformSensitiveActions.targets].flatMap(
    (t: JsonTarget) => (t.templateId ? [t.templateId] : []),
  ),
);
/** A built-in role no row names, so it falls under "All other built-in and custom roles". */
const unlistedRole = allRoles().find((r) => !rowRoleIds.has(r.templateId));

/** The target a table row describes. */
function targetForRow(row: JsonTarget): TargetRoles {
  const none = { roleTemplateIds: [], inRoleAssignableGroup: false, inRestrictedManagementAU: false };
  if (row.templateId) return { ...none, roleTemplateIds: [row.templateId] };
  switch (row.category) {
    case "noAdminRole":
      return none;
    case "roleAssignableGroupMember":
      return { ...none, inRoleAssignableGroup: true };
    case "restrictedManagementAU":
      return { ...none, inRestrictedManagementAU: true };
    case "allOtherRoles":
      assert.ok(unlistedRole);
      return { ...none, roleTemplateIds: [unlistedRole.templateId] };
    default:
      throw new Error(`row without role or category: ${row.row}`);
  }
}

const tables = [
  { name: "who can reset passwords", table: entraRoleRules.whoCanResetPasswords, decide: canResetPassword },
  {
    name: "who can perform sensitive actions",
    table: entraRoleRules.whoCanPerformSensitiveActions,
    decide: canPerformSensitiveAction,
  },
];

for (const { name, table, decide } of tables) {
  for (const actor of table.actors) {
    const actorName = roleByTemplateId(actor)?.displayName ?? actor;
    test(`${name}: ${actorName} gets exactly the table's answer on every row`, () => {
      for (const row of table.targets) {
        const expected = row.allowed.includes(actor);
        const decision = decide([actor], targetForRow(row));
        assert.equal(decision.allowed, expected, `${actorName} on "${row.row}": ${decision.reason}`);
      }
    });
  }
}

test("every table row is exercised and each table has all four special rows", () => {
  for (const { table } of tables) {
    const categories = table.targets.flatMap((t: JsonTarget) => (t.category ? [t.category] : []));
    assert.deepEqual(categories.sort(), ["allOtherRoles", "noAdminRole", "restrictedManagementAU", "roleAssignableGroupMember"]);
  }
  assert.ok(unlistedRole, "some built-in role is not named by the tables");
});

test("a target holding several roles is protected by the strictest of them", () => {
  const decision = canResetPassword([id("Helpdesk Administrator")], target(["Password Administrator", "User Administrator"]));
  assert.deepEqual(decision, {
    allowed: false,
    reason: "Helpdesk Administrator cannot reset the password of a User Administrator",
  });
  assert.equal(canResetPassword([id("User Administrator")], target(["Password Administrator", "User Administrator"])).allowed, true);
});

test("an actor with several roles may use a different role for each of the target's roles", () => {
  const actor = [id("Helpdesk Administrator"), id("Authentication Administrator")];
  assert.equal(canResetPassword(actor, target(["Helpdesk Administrator", "Authentication Administrator"])).allowed, true);
  assert.equal(canResetPassword([id("Helpdesk Administrator")], target(["Authentication Administrator"])).allowed, false);
});

test("users with no admin role can be reset by every password-resetting role", () => {
  for (const name of ["Password Administrator", "Helpdesk Administrator", "Authentication Administrator", "User Administrator"]) {
    const decision = canResetPassword([id(name)], target([]));
    assert.deepEqual(decision, { allowed: true, reason: `${name} can reset the password of a user with no admin role` });
  }
});

test("members of role-assignable groups are protected like admins", () => {
  const member = target([], { inRoleAssignableGroup: true });
  const denied = canResetPassword([id("User Administrator")], member);
  assert.equal(denied.allowed, false);
  assert.match(denied.reason, /role-assignable group/);
  assert.equal(canResetPassword([id("Privileged Authentication Administrator")], member).allowed, true);
  assert.equal(canPerformSensitiveAction([id("User Administrator")], member).allowed, false);
});

test("a role the tables do not name, built-in or custom, uses the 'all other roles' row", () => {
  const exchange = target(["Exchange Administrator"]);
  const denied = canResetPassword([id("User Administrator")], exchange);
  assert.deepEqual(denied, { allowed: false, reason: "User Administrator cannot reset the password of an Exchange Administrator" });
  assert.equal(canResetPassword([id("Privileged Authentication Administrator")], exchange).allowed, true);
  const custom = { ...target([]), roleTemplateIds: ["11111111-2222-3333-4444-555555555555"] };
  assert.equal(canPerformSensitiveAction([id("Authentication Administrator")], custom).allowed, false);
  assert.equal(canPerformSensitiveAction([id("Global Administrator")], custom).allowed, true);
});

test("Global Administrator can act on every target, including another Global Administrator", () => {
  const everything = target(["Global Administrator", "Privileged Role Administrator", "Exchange Administrator"], {
    inRoleAssignableGroup: true,
    inRestrictedManagementAU: true,
  });
  const reset: RuleDecision = canResetPassword([id("Global Administrator")], everything);
  assert.equal(reset.allowed, true, reset.reason);
  assert.equal(canPerformSensitiveAction([id("Global Administrator")], everything).allowed, true);
  assert.equal(canResetPassword([id("Privileged Authentication Administrator")], target(["Global Administrator"])).allowed, true);
});

test("actors without a resetting role are refused with what they would need", () => {
  const noRole = canResetPassword([], target([]));
  assert.equal(noRole.allowed, false);
  assert.match(noRole.reason, /^A user with no admin role cannot reset passwords; that needs .*Helpdesk Administrator/);
  const groups = canPerformSensitiveAction([id("Groups Administrator")], target([]));
  assert.equal(groups.allowed, false);
  assert.match(groups.reason, /^Groups Administrator cannot perform sensitive actions on users/);
});

test("sensitive actions: User Administrator may act on a Helpdesk Administrator, Authentication Administrator may not", () => {
  assert.equal(canPerformSensitiveAction([id("User Administrator")], target(["Helpdesk Administrator"])).allowed, true);
  assert.deepEqual(canPerformSensitiveAction([id("Authentication Administrator")], target(["Helpdesk Administrator"])), {
    allowed: false,
    reason: "Authentication Administrator cannot perform sensitive actions on a Helpdesk Administrator",
  });
});

test("template ids are matched regardless of case", () => {
  const upper = [id("Helpdesk Administrator").toUpperCase()];
  assert.equal(canResetPassword(upper, { ...target([]), roleTemplateIds: [id("Password Administrator").toUpperCase()] }).allowed, true);
});

test("the sensitive property lists come from the data, password-reset ones being a subset", () => {
  assert.ok(SENSITIVE_PROPERTIES.has("accountEnabled") && SENSITIVE_PROPERTIES.has("userPrincipalName"));
  assert.deepEqual([...PASSWORD_RESET_SENSITIVE_PROPERTIES].sort(), ["businessPhones", "mobilePhone", "otherMails"]);
  for (const property of PASSWORD_RESET_SENSITIVE_PROPERTIES) assert.ok(SENSITIVE_PROPERTIES.has(property), property);
});
