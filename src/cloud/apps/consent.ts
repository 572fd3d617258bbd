import { randomUUID } from "node:crypto";
import { roleByName, roleByTemplateId } from "../authz/roles.ts";
import { appRoleIdFor } from "../authz/required-permissions.ts";
import type { CloudContext } from "../cloud-context.ts";
import { type AuditInitiator, recordDirectoryAudit, target } from "../directory/audit-recorder.ts";
import type { ApplicationRecord, ServicePrincipalRecord } from "../directory/model.ts";
import type { TenantDirectory } from "../directory/tenant-directory.ts";
import { roleAssignmentId } from "../seed/guids.ts";
import { RegistrationError } from "./app-registrations.ts";

export function resolveRoleTemplateId(nameOrId: string): string {
  const role = roleByTemplateId(nameOrId) ?? roleByName(nameOrId);
  if (!role) throw new RegistrationError(`'${nameOrId}' is not a built-in Entra role name or template id.`);
  return role.templateId;
}

/**
 * Admin consent: the app gets a service principal in the tenant with an app role assignment per granted
 * permission. Granting a subset of what the app asks for is how a partial consent looks.
 */
export function grantConsent(
  context: CloudContext,
  tenant: TenantDirectory,
  app: ApplicationRecord,
  permissions: readonly string[],
  initiatedBy: AuditInitiator,
): ServicePrincipalRecord {
  const now = context.now().toISOString();
  const existing = tenant.servicePrincipalByAppId(app.appId);
  const kept = existing?.appRoleAssignments ?? [];
  const added = [...new Set(permissions)]
    .filter((p) => !kept.some((a) => a.permission === p))
    .map((permission) => ({ id: randomUUID(), appRoleId: appRoleIdFor(permission), permission, createdDateTime: now }));
  const sp: ServicePrincipalRecord = {
    kind: "servicePrincipal",
    id: existing?.id ?? randomUUID(),
    appId: app.appId,
    appOwnerOrganizationId: context.state.application(app.appId)?.home.id ?? tenant.id,
    createdDateTime: existing?.createdDateTime ?? now,
    deletedDateTime: null,
    displayName: app.displayName,
    accountEnabled: existing?.accountEnabled ?? true,
    servicePrincipalType: "Application",
    appRoleAssignments: [...kept, ...added],
  };
  context.state.apply({ op: "object.put", tenantId: tenant.id, record: sp });
  const spTarget = target(sp.id, "ServicePrincipal", sp.displayName);
  if (!existing) {
    recordDirectoryAudit(context, tenant, { activity: "Add service principal", category: "ApplicationManagement", operationType: "Add", initiatedBy, targets: [spTarget] });
  }
  recordDirectoryAudit(context, tenant, {
    activity: "Consent to application",
    category: "ApplicationManagement",
    operationType: "Assign",
    initiatedBy,
    targets: [spTarget],
    details: [{ key: "Permissions", value: added.map((a) => a.permission).join(" ") }],
  });
  return sp;
}

export function assignDirectoryRole(
  context: CloudContext,
  tenant: TenantDirectory,
  principalId: string,
  roleNameOrId: string,
  initiatedBy: AuditInitiator,
): string {
  const roleDefinitionId = resolveRoleTemplateId(roleNameOrId);
  const existing = [...tenant.roleAssignments.values()].find((a) => a.principalId === principalId && a.roleDefinitionId === roleDefinitionId && a.directoryScopeId === "/");
  if (existing) return existing.id;
  const id = roleAssignmentId(roleDefinitionId, principalId);
  context.state.apply({
    op: "role.assign",
    tenantId: tenant.id,
    assignment: { id, principalId, roleDefinitionId, directoryScopeId: "/", createdDateTime: context.now().toISOString() },
  });
  const principal = tenant.objects.get(principalId);
  recordDirectoryAudit(context, tenant, {
    activity: "Add member to role",
    category: "RoleManagement",
    operationType: "Assign",
    initiatedBy,
    targets: [target(principalId, principal?.kind === "user" ? "User" : "ServicePrincipal", principal?.displayName ?? null), target(roleDefinitionId, "Role", roleByTemplateId(roleDefinitionId)?.displayName ?? null)],
  });
  return id;
}
