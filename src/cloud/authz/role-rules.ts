// Microsoft's "Who can reset passwords" and "Who can perform sensitive actions" tables
// (data/entra-role-rules.json) as decisions with a reason a technician can read.
import entraRoleRules from "../../../data/entra-role-rules.json" with { type: "json" };
import type { RuleTable, RuleTarget, RuleTargetCategory } from "./data-files.ts";
import { roleByTemplateId } from "./roles.ts";

export type TargetRoles = {
  /** Template ids of the target's directory roles (tenant-wide assignments). */
  roleTemplateIds: readonly string[];
  /** Member or owner of a role-assignable group. */
  inRoleAssignableGroup: boolean;
  /** The row "User with a role scoped to a restricted management administrative unit" applies. */
  inRestrictedManagementAU: boolean;
};

export type RuleDecision = { allowed: boolean; reason: string };

const CATEGORIES: readonly RuleTargetCategory[] = [
  "noAdminRole",
  "roleAssignableGroupMember",
  "restrictedManagementAU",
  "allOtherRoles",
];

type JsonRuleTable = {
  actors: string[];
  targets: { row: string; templateId?: string; category?: string; allowed: string[] }[];
};

function readTable(table: JsonRuleTable): RuleTable {
  return {
    actors: table.actors,
    targets: table.targets.map((target) => {
      const category = CATEGORIES.find((c) => c === target.category);
      if (target.category !== undefined && !category) {
        throw new Error(`entra-role-rules.json: unknown category "${target.category}"`);
      }
      return { row: target.row, templateId: target.templateId, category, allowed: target.allowed };
    }),
  };
}

type Ability = { table: RuleTable; verb: string; whatItNeeds: string };

const RESET_PASSWORD: Ability = {
  table: readTable(entraRoleRules.whoCanResetPasswords),
  verb: "reset the password of",
  whatItNeeds: "reset passwords",
};

const SENSITIVE_ACTION: Ability = {
  table: readTable(entraRoleRules.whoCanPerformSensitiveActions),
  verb: "perform sensitive actions on",
  whatItNeeds: "perform sensitive actions on users",
};

/** User properties only the roles of "Who can perform sensitive actions" may change on others. */
export const SENSITIVE_PROPERTIES: ReadonlySet<string> = new Set(entraRoleRules.sensitiveProperties);

/** Sensitive properties that resetting a password also allows changing (self-service password reset data). */
export const PASSWORD_RESET_SENSITIVE_PROPERTIES: ReadonlySet<string> = new Set(
  entraRoleRules.passwordResetSensitiveProperties,
);

/** May an actor holding these roles reset the target's password (and its SSPR phones and emails)? */
export function canResetPassword(actorRoleTemplateIds: readonly string[], target: TargetRoles): RuleDecision {
  return decide(RESET_PASSWORD, actorRoleTemplateIds, target);
}

/** May an actor holding these roles change the target's sensitive properties, or delete or restore it? */
export function canPerformSensitiveAction(actorRoleTemplateIds: readonly string[], target: TargetRoles): RuleDecision {
  return decide(SENSITIVE_ACTION, actorRoleTemplateIds, target);
}

type ApplicableRow = { target: RuleTarget; phrase: string };

/** Every row that applies to the target; the actor must be allowed on each of them. */
function applicableRows(table: RuleTable, target: TargetRoles): ApplicableRow[] {
  const categoryRow = (category: RuleTargetCategory): RuleTarget => {
    const row = table.targets.find((t) => t.category === category);
    if (!row) throw new Error(`entra-role-rules.json: no "${category}" row`);
    return row;
  };
  const roleIds = unique(target.roleTemplateIds);
  const rows: ApplicableRow[] = [];
  if (roleIds.length === 0) rows.push({ target: categoryRow("noAdminRole"), phrase: "a user with no admin role" });
  for (const id of roleIds) {
    const row = table.targets.find((t) => t.templateId === id) ?? categoryRow("allOtherRoles");
    rows.push({ target: row, phrase: rolePhrase(id) });
  }
  if (target.inRoleAssignableGroup) {
    rows.push({ target: categoryRow("roleAssignableGroupMember"), phrase: "a member or owner of a role-assignable group" });
  }
  if (target.inRestrictedManagementAU) {
    rows.push({
      target: categoryRow("restrictedManagementAU"),
      phrase: "a user with a role scoped to a restricted management administrative unit",
    });
  }
  return rows;
}

function decide(ability: Ability, actorRoleTemplateIds: readonly string[], target: TargetRoles): RuleDecision {
  const held = new Set(unique(actorRoleTemplateIds));
  const actors = ability.table.actors.filter((id) => held.has(id));
  if (actors.length === 0) {
    const who = held.size === 0 ? "A user with no admin role" : joinAnd([...held].map(roleName));
    const needed = joinOr(ability.table.actors.map(roleName));
    return { allowed: false, reason: `${who} cannot ${ability.whatItNeeds}; that needs ${needed}` };
  }

  const rows = applicableRows(ability.table, target);
  const blocking = rows.find((row) => !row.target.allowed.some((id) => actors.includes(id)));
  if (blocking) {
    return { allowed: false, reason: `${cannot(actors.map(roleName))} ${ability.verb} ${blocking.phrase}` };
  }

  const oneRoleForAll = actors.find((id) => rows.every((row) => row.target.allowed.includes(id)));
  const granting = oneRoleForAll ? [oneRoleForAll] : actors;
  const targetPhrase =
    rows.length === 1 ? (rows[0]?.phrase ?? "") : `a user who is ${joinAnd(rows.map((row) => row.phrase))}`;
  return { allowed: true, reason: `${joinAnd(granting.map(roleName))} can ${ability.verb} ${targetPhrase}` };
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.trim().toLowerCase()))];
}

function roleName(templateId: string): string {
  return roleByTemplateId(templateId)?.displayName ?? `role ${templateId}`;
}

function rolePhrase(templateId: string): string {
  const role = roleByTemplateId(templateId);
  if (!role) return `a user holding the custom or unknown role ${templateId}`;
  return `${/^[AEIO]/i.test(role.displayName) ? "an" : "a"} ${role.displayName}`;
}

function cannot(names: readonly string[]): string {
  if (names.length === 1) return `${names[0]} cannot`;
  if (names.length === 2) return `Neither ${names[0]} nor ${names[1]} can`;
  return `None of ${joinAnd(names)} can`;
}

function joinWith(names: readonly string[], word: string): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${word} ${names.at(-1)}`;
}

function joinAnd(names: readonly string[]): string {
  return joinWith(names, "and");
}

function joinOr(names: readonly string[]): string {
  return joinWith(names, "or");
}
