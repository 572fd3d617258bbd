import { allRoles, roleByTemplateId } from "../../authz/roles.ts";
import { recordDirectoryAudit, target } from "../../directory/audit-recorder.ts";
import type { RoleAssignmentRecord } from "../../directory/model.ts";
import { directoryObjectsSource } from "../directory-objects-json.ts";
import type { GraphCall, GraphRoute } from "../graph-call.ts";
import { route } from "../graph-call.ts";
import { badRequest, resourceNotFound } from "../graph-error.ts";
import { listCollection } from "../list-collection.ts";
import { compileFilter, parseFilter } from "../odata/index.ts";
import { roleAssignmentId } from "../../seed/guids.ts";

function roleDefinitionJson(templateId: string): Record<string, unknown> | undefined {
  const role = roleByTemplateId(templateId);
  if (!role) return undefined;
  return {
    id: role.templateId,
    templateId: role.templateId,
    displayName: role.displayName,
    description: role.description,
    isBuiltIn: true,
    isEnabled: true,
    isPrivileged: role.isPrivileged,
    resourceScopes: ["/"],
    version: "1",
    rolePermissions: [{ allowedResourceActions: role.actions, condition: null }],
  };
}

function assignmentJson(a: RoleAssignmentRecord): Record<string, unknown> {
  return { id: a.id, principalId: a.principalId, roleDefinitionId: a.roleDefinitionId, directoryScopeId: a.directoryScopeId, appScopeId: null, principalOrganizationId: null };
}

function filtered(call: GraphCall, items: Record<string, unknown>[]): Record<string, unknown>[] {
  const text = call.query.get("$filter");
  if (!text) return items;
  const accept = compileFilter(parseFilter(text), (record, property) => (record as Record<string, unknown>)[property]);
  return items.filter((item) => accept(item));
}

function collection(call: GraphCall, path: string, value: unknown[]) {
  return { status: 200, body: { "@odata.context": `${call.context.baseUrl}/v1.0/$metadata#${path}`, value } };
}

/** Directory roles that have at least one member are the "activated" ones Graph lists under /directoryRoles. */
function activatedRoleIds(call: GraphCall): string[] {
  return [...new Set([...call.tenant.roleAssignments.values()].map((a) => a.roleDefinitionId))].sort();
}

function createAssignment(call: GraphCall) {
  const body = call.body();
  const principalId = typeof body.principalId === "string" ? body.principalId : "";
  const roleDefinitionId = typeof body.roleDefinitionId === "string" ? body.roleDefinitionId : "";
  const principal = call.tenant.objects.get(principalId);
  if (!principal || principal.deletedDateTime) throw badRequest(`Invalid value specified for property 'principalId' of resource 'UnifiedRoleAssignment'.`);
  if (principal.kind === "group" && !principal.isAssignableToRole) throw badRequest("The group is not role-assignable. Set isAssignableToRole when creating the group.");
  if (!roleByTemplateId(roleDefinitionId)) throw badRequest(`Invalid value specified for property 'roleDefinitionId' of resource 'UnifiedRoleAssignment'.`);
  const directoryScopeId = typeof body.directoryScopeId === "string" ? body.directoryScopeId : "/";
  if (directoryScopeId !== "/") throw badRequest("Only the tenant-wide scope '/' is supported by the local cloud.");
  const duplicate = [...call.tenant.roleAssignments.values()].some((a) => a.principalId === principalId && a.roleDefinitionId === roleDefinitionId);
  if (duplicate) throw badRequest("A conflicting object with one or more of the specified property values is present in the directory.");
  const assignment: RoleAssignmentRecord = { id: roleAssignmentId(roleDefinitionId, principalId), principalId, roleDefinitionId, directoryScopeId, createdDateTime: call.context.now().toISOString() };
  call.context.state.apply({ op: "role.assign", tenantId: call.tenant.id, assignment });
  recordDirectoryAudit(call.context, call.tenant, {
    activity: "Add member to role",
    category: "RoleManagement",
    operationType: "Assign",
    initiatedBy: call.initiator,
    targets: [target(principalId, principal.kind === "user" ? "User" : principal.kind === "group" ? "Group" : "ServicePrincipal", principal.displayName), target(roleDefinitionId, "Role", roleByTemplateId(roleDefinitionId)?.displayName ?? null)],
    correlationId: call.requestId,
  });
  return { status: 201, body: { "@odata.context": `${call.context.baseUrl}/v1.0/$metadata#roleManagement/directory/roleAssignments/$entity`, ...assignmentJson(assignment) } };
}

function deleteAssignment(call: GraphCall) {
  const assignment = call.tenant.roleAssignments.get(call.params.assignmentId!);
  if (!assignment) throw resourceNotFound(call.params.assignmentId!);
  call.context.state.apply({ op: "role.unassign", tenantId: call.tenant.id, id: assignment.id });
  recordDirectoryAudit(call.context, call.tenant, {
    activity: "Remove member from role",
    category: "RoleManagement",
    operationType: "Unassign",
    initiatedBy: call.initiator,
    targets: [target(assignment.principalId, "Principal", call.tenant.objects.get(assignment.principalId)?.displayName ?? null), target(assignment.roleDefinitionId, "Role", roleByTemplateId(assignment.roleDefinitionId)?.displayName ?? null)],
    correlationId: call.requestId,
  });
  return { status: 204 };
}

export function rolesRoutes(): GraphRoute[] {
  return [
    route("GET", "/roleManagement/directory/roleDefinitions", (call) =>
      collection(call, "roleManagement/directory/roleDefinitions", filtered(call, allRoles().map((r) => roleDefinitionJson(r.templateId)!))),
    ),
    route("GET", "/roleManagement/directory/roleDefinitions/{roleId}", (call) => {
      const json = roleDefinitionJson(call.params.roleId!);
      if (!json) throw resourceNotFound(call.params.roleId!);
      return { status: 200, body: { "@odata.context": `${call.context.baseUrl}/v1.0/$metadata#roleManagement/directory/roleDefinitions/$entity`, ...json } };
    }),
    route("GET", "/roleManagement/directory/roleAssignments", (call) =>
      collection(call, "roleManagement/directory/roleAssignments", filtered(call, [...call.tenant.roleAssignments.values()].map(assignmentJson))),
    ),
    route("POST", "/roleManagement/directory/roleAssignments", createAssignment),
    route("GET", "/roleManagement/directory/roleAssignments/{assignmentId}", (call) => {
      const a = call.tenant.roleAssignments.get(call.params.assignmentId!);
      if (!a) throw resourceNotFound(call.params.assignmentId!);
      return { status: 200, body: { "@odata.context": `${call.context.baseUrl}/v1.0/$metadata#roleManagement/directory/roleAssignments/$entity`, ...assignmentJson(a) } };
    }),
    route("DELETE", "/roleManagement/directory/roleAssignments/{assignmentId}", deleteAssignment),
    route("GET", "/directoryRoles", (call) =>
      collection(
        call,
        "directoryRoles",
        activatedRoleIds(call).map((id) => {
          const role = roleByTemplateId(id);
          return { id, deletedDateTime: null, description: role?.description ?? null, displayName: role?.displayName ?? null, roleTemplateId: id };
        }),
      ),
    ),
    route("GET", "/directoryRoles/{roleId}/members", (call) => {
      const members = [...call.tenant.roleAssignments.values()].filter((a) => a.roleDefinitionId === call.params.roleId).map((a) => a.principalId);
      if (members.length === 0 && !roleByTemplateId(call.params.roleId!)) throw resourceNotFound(call.params.roleId!);
      return listCollection(call, directoryObjectsSource(call, members, "directoryObjects"));
    }),
  ];
}
