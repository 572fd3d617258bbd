import assert from "node:assert/strict";
import { test } from "node:test";
import entraRoleRules from "../../data/entra-role-rules.json" with { type: "json" };
import { decideOnAdminTarget, type TargetAdminRoles, type TargetRuleTable } from "./target-role-rules.ts";

const tables: readonly [TargetRuleTable, typeof entraRoleRules.whoCanResetPasswords][] = [
  ["password-reset", entraRoleRules.whoCanResetPasswords],
  ["sensitive-action", entraRoleRules.whoCanPerformSensitiveActions],
];

const someCustomRole = "00000000-0000-4000-8000-00000000c0de";

function targetOf(row: { templateId?: string; category?: string }): TargetAdminRoles | undefined {
  if (row.templateId) return { roleTemplateIds: [row.templateId], inRoleAssignableGroup: false };
  if (row.category === "noAdminRole") return { roleTemplateIds: [], inRoleAssignableGroup: false };
  if (row.category === "roleAssignableGroupMember") return { roleTemplateIds: [], inRoleAssignableGroup: true };
  if (row.category === "allOtherRoles") return { roleTemplateIds: [someCustomRole], inRoleAssignableGroup: false };
  return undefined;
}

test("every cell of Microsoft's two tables: allowed exactly where the table says", () => {
  let cells = 0;
  for (const [name, table] of tables) {
    for (const row of table.targets) {
      const target = targetOf(row);
      if (!target) continue;
      for (const actor of table.actors) {
        const decision = decideOnAdminTarget(name, [actor], target);
        assert.equal(decision.allowed, row.allowed.includes(actor), `${name}: ${actor} on ${row.row}`);
        cells++;
      }
    }
  }
  assert.ok(cells > 150, `${cells} cells`);
});

test("a target with several roles needs an actor allowed on each; the suggestion is the least privileged role that is", () => {
  const helpdeskAndGroupsAdmin = { roleTemplateIds: ["729827e3-9c14-49f7-bb1b-9608f156bbb8", "fdd7a751-b60b-444a-984c-02652fe8fa1c"], inRoleAssignableGroup: false };
  const asHelpdesk = decideOnAdminTarget("password-reset", ["729827e3-9c14-49f7-bb1b-9608f156bbb8"], helpdeskAndGroupsAdmin);
  assert.equal(asHelpdesk.allowed, false);
  assert.equal(asHelpdesk.sufficientRoles[0], "User Administrator");
  assert.equal(decideOnAdminTarget("password-reset", ["fe930be7-5e62-47db-91af-98c3a49a38b1"], helpdeskAndGroupsAdmin).allowed, true);
});

test("no role held: refused, with a reason that names the row", () => {
  const decision = decideOnAdminTarget("sensitive-action", [], { roleTemplateIds: ["62e90394-69f5-4237-9190-012177145e10"], inRoleAssignableGroup: false });
  assert.equal(decision.allowed, false);
  assert.match(decision.reason, /Global Admin/);
  assert.deepEqual(decision.sufficientRoles, ["Privileged Authentication Administrator", "Global Administrator"]);
});
