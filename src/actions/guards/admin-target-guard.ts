import entraRoleRules from "../../../data/entra-role-rules.json" with { type: "json" };
import { decideOnAdminTarget, type TargetAdminRoles, type TargetRuleTable } from "../../access/target-role-rules.ts";
import type { AuditTarget } from "../../audit/audit-entry.ts";
import { ActionRefused } from "../action-errors.ts";
import type { ActionContext } from "../action-executor.ts";
import { readAllPages } from "../reads/graph-pages.ts";
import { readAssignmentsOf } from "../reads/user-details.ts";

/** Deleting or restoring a user, which Microsoft lists among sensitive actions without a property. */
export const deleteOrRestore = "(delete or restore)";

const sensitive = new Set<string>([...entraRoleRules.sensitiveProperties, deleteOrRestore]);
/** Properties a role that may reset the user's password may also change (Microsoft's "password reset" columns). */
const coveredByReset = new Set<string>(["passwordProfile", ...entraRoleRules.passwordResetSensitiveProperties]);

/**
 * The target's directory roles, held directly or through role-assignable groups, and whether it is in such
 * a group: what Microsoft's tables look at.
 */
export async function readTargetAdminRoles(context: ActionContext, userId: string): Promise<TargetAdminRoles> {
  const memberships = { path: `/users/${encodeURIComponent(userId)}/transitiveMemberOf` };
  const [direct, groups] = await Promise.all([
    readAssignmentsOf(context, userId),
    readAllPages<{ id: string; isAssignableToRole?: boolean | null }>(context, memberships, `${memberships.path}?$select=id,isAssignableToRole&$top=999`),
  ]);
  const roleGroups = groups.filter((g) => g.isAssignableToRole === true);
  const viaGroups = await Promise.all(roleGroups.map((g) => readAssignmentsOf(context, g.id)));
  return {
    roleTemplateIds: [...direct, ...viaGroups.flat()].map((a) => a.roleDefinitionId.toLowerCase()),
    inRoleAssignableGroup: roleGroups.length > 0,
  };
}

/** The refusal for an administrator target the service principal's roles may not act on, naming the role that would do. */
export function adminTargetRefusal(context: ActionContext, table: TargetRuleTable, roles: TargetAdminRoles, target: AuditTarget): ActionRefused {
  const decision = decideOnAdminTarget(table, context.tenant.granted.wids, roles);
  const role = decision.sufficientRoles[0] ?? "Global Administrator";
  const { tenantName, appName } = context.tenant;
  return new ActionRefused({
    status: 403,
    code: "service_principal_role_missing",
    message: `${target.display ?? target.id ?? "The user"} is an administrator, and in ${tenantName} the ${appName} service principal's directory roles do not allow this: ${decision.reason}`,
    target,
    fix: `In ${tenantName}, assign the directory role ${role} to the service principal "${appName}" (Entra admin center > Roles & admins > ${role} > Add assignments), or have an administrator who holds it make this change.`,
  });
}

/** The operator's refusal: its roles in the tenant may not act on this administrator. */
function operatorRefusal(context: ActionContext, table: TargetRuleTable, roles: TargetAdminRoles, target: AuditTarget): ActionRefused {
  const decision = context.operator.decideOnTarget(table, roles);
  const role = decision.rolesThatWould[0] ?? "Global Administrator";
  return new ActionRefused({
    status: 403,
    code: "operator_role_insufficient",
    message: `${target.display ?? target.id ?? "The user"} is an administrator, and in ${context.tenant.tenantName} ${context.operator.name}'s roles do not allow this: ${decision.reason}`,
    target,
    fix: `Ask a Platform Administrator to assign you ${role} for ${context.tenant.tenantName}, or have an operator who holds it make this change.`,
  });
}

/** Whether one of Microsoft's tables lets these roles change the property on this administrator. */
function mayChange(decide: (table: TargetRuleTable) => boolean, property: string): boolean {
  return decide("sensitive-action") || (coveredByReset.has(property) && decide("password-reset"));
}

/**
 * Microsoft protects administrators: their sensitive properties (and deleting or restoring them) may be
 * changed only by the roles its tables name. The operator's roles in the tenant must allow it (Tenantry's
 * rule, Microsoft's table), and so must the service principal's (Graph would answer a bare 403 otherwise).
 * Refused here with the role to assign. Reads roles only when a sensitive property is among `properties`.
 */
export async function guardAdminTarget(context: ActionContext, userId: string, target: AuditTarget, properties: readonly string[]): Promise<void> {
  const touched = properties.filter((p) => sensitive.has(p));
  if (touched.length === 0) return;
  await guardKnownAdminRoles(context, await readTargetAdminRoles(context, userId), target, touched);
}

/** The same rule for a target whose admin roles are known already. */
export async function guardKnownAdminRoles(context: ActionContext, roles: TargetAdminRoles, target: AuditTarget, touched: readonly string[]): Promise<void> {
  if (roles.roleTemplateIds.length === 0 && !roles.inRoleAssignableGroup) return;
  const wids = context.tenant.granted.wids;
  for (const property of touched) {
    const table = coveredByReset.has(property) ? "password-reset" : "sensitive-action";
    if (!mayChange((t) => context.operator.decideOnTarget(t, roles).allowed, property)) throw operatorRefusal(context, table, roles, target);
    if (!mayChange((t) => decideOnAdminTarget(t, wids, roles).allowed, property)) throw adminTargetRefusal(context, table, roles, target);
  }
}
