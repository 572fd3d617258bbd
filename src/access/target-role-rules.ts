// Microsoft's "Who can reset passwords" and "Who can perform sensitive actions" (data/entra-role-rules.json):
// may someone holding these directory roles act on a user holding those? The answer names the roles that would do.
import entraRoleRules from "../../data/entra-role-rules.json" with { type: "json" };
import { entraRoleByTemplateId } from "../catalog/entra-role-data.ts";

export type TargetRuleTable = "password-reset" | "sensitive-action";

/** What makes a user an administrator in Microsoft's tables. */
export interface TargetAdminRoles {
  /** Template ids of the user's directory roles. */
  readonly roleTemplateIds: readonly string[];
  /** Member or owner of a role-assignable group. */
  readonly inRoleAssignableGroup: boolean;
}

export interface TargetRuleDecision {
  readonly allowed: boolean;
  readonly reason: string;
  /** Roles (display names, least privileged first) any one of which may act on this target. */
  readonly sufficientRoles: readonly string[];
}

interface Row {
  readonly row: string;
  readonly templateId?: string;
  readonly category?: string;
  readonly allowed: readonly string[];
}

const tables: Readonly<Record<TargetRuleTable, { actors: readonly string[]; targets: readonly Row[]; doing: string }>> = {
  "password-reset": { ...entraRoleRules.whoCanResetPasswords, doing: "reset the password of" },
  "sensitive-action": { ...entraRoleRules.whoCanPerformSensitiveActions, doing: "change sensitive properties of, disable, delete or restore" },
};

const roleName = (templateId: string) => entraRoleByTemplateId(templateId)?.displayName ?? `role ${templateId}`;

function rowsFor(rows: readonly Row[], target: TargetAdminRoles): Row[] {
  const byCategory = (category: string) => rows.find((r) => r.category === category)!;
  const ids = [...new Set(target.roleTemplateIds.map((id) => id.toLowerCase()))];
  const applicable = ids.map((id) => rows.find((r) => r.templateId === id) ?? byCategory("allOtherRoles"));
  if (target.inRoleAssignableGroup) applicable.push(byCategory("roleAssignableGroupMember"));
  if (applicable.length === 0) applicable.push(byCategory("noAdminRole"));
  return applicable;
}

/** The table's actors are listed from least to most privileged, so the first sufficient role is the one to suggest. */
export function decideOnAdminTarget(table: TargetRuleTable, actorRoleTemplateIds: readonly string[], target: TargetAdminRoles): TargetRuleDecision {
  const { actors, targets, doing } = tables[table];
  const rows = rowsFor(targets, target);
  const sufficient = actors.filter((actor) => rows.every((row) => row.allowed.includes(actor)));
  const held = new Set(actorRoleTemplateIds.map((id) => id.toLowerCase()));
  const granting = sufficient.find((id) => held.has(id));
  const what = rows.map((r) => r.row).join(" + ");
  if (granting) return { allowed: true, reason: `${roleName(granting)} may ${doing} a target in Microsoft's row(s) ${what}.`, sufficientRoles: sufficient.map(roleName) };
  const heldNames = [...held].filter((id) => entraRoleByTemplateId(id)).map(roleName);
  return {
    allowed: false,
    reason: `${heldNames.length ? heldNames.join(" and ") : "No built-in role held (custom roles are not in Microsoft's tables)"} may not ${doing} a target in Microsoft's row(s) ${what}; only ${sufficient.map(roleName).join(", ")} may.`,
    sufficientRoles: sufficient.map(roleName),
  };
}

/** Role template ids of the sufficient roles, for a fix that names one. */
export function sufficientRoleIds(table: TargetRuleTable, target: TargetAdminRoles): readonly string[] {
  const { actors, targets } = tables[table];
  const rows = rowsFor(targets, target);
  return actors.filter((actor) => rows.every((row) => row.allowed.includes(actor)));
}
