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

/**
 * Microsoft protects administrators: their sensitive properties (and deleting or restoring them) may be
 * changed only by the roles its tables name, and an application acts with its service principal's roles.
 * Refused here, before Graph would answer a bare 403, with the role to assign. Reads roles only when a
 * sensitive property is among `properties`.
 */
export async function guardAdminTarget(context: ActionContext, userId: string, target: AuditTarget, properties: readonly string[]): Promise<void> {
  const touched = properties.filter((p) => sensitive.has(p));
  if (touched.length === 0) return;
  const roles = await readTargetAdminRoles(context, userId);
  if (roles.roleTemplateIds.length === 0 && !roles.inRoleAssignableGroup) return;
  const wids = context.tenant.granted.wids;
  for (const property of touched) {
    if (decideOnAdminTarget("sensitive-action", wids, roles).allowed) continue;
    if (coveredByReset.has(property) && decideOnAdminTarget("password-reset", wids, roles).allowed) continue;
    throw adminTargetRefusal(context, coveredByReset.has(property) ? "password-reset" : "sensitive-action", roles, target);
  }
}
