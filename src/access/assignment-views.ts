// Role assignments as people read them: who (operator's user name), which role (its name), where (tenant
// names), besides the ids the store keeps.
import { entraRoleByTemplateId } from "../catalog/entra-role-data.ts";
import type { TenantsService } from "../tenants/tenants-service.ts";
import type { CustomRolesStore } from "./custom-roles-store.ts";
import type { OperatorsStore } from "./operators-store.ts";
import { platformRoles } from "./platform-roles.ts";
import type { RoleAssignment, RoleRef } from "./role-assignments-store.ts";
import { tenantNameOf } from "./tenant-references.ts";
import type { TenantGroupsStore } from "./tenant-groups-store.ts";

export interface AssignmentView {
  readonly id: string;
  readonly principal: { readonly kind: "operator" | "group"; readonly id: string; readonly name: string | null };
  readonly role: { readonly kind: RoleRef["kind"]; readonly id: string; readonly name: string };
  readonly scope: {
    readonly kind: RoleAssignment["scope"]["kind"];
    readonly tenantId?: string;
    readonly tenantGroupId?: string;
    readonly exceptTenantIds?: readonly string[];
    /** "Contoso", "tenant group Managed customers", "all tenants", "all tenants except Woodgrove". */
    readonly display: string;
  };
  readonly createdAt: string;
}

/** Names of what assignments refer to, read once per answer. */
export interface AccessNames {
  readonly operators: ReadonlyMap<string, string>;
  readonly customRoles: ReadonlyMap<string, string>;
  readonly tenantGroups: ReadonlyMap<string, string>;
  readonly tenants: ReadonlyMap<string, string>;
}

export async function loadAccessNames(deps: {
  operators: Pick<OperatorsStore, "list">;
  customRoles: Pick<CustomRolesStore, "list">;
  tenantGroups: Pick<TenantGroupsStore, "list">;
  tenants: Pick<TenantsService, "list">;
}): Promise<AccessNames> {
  const [operators, customRoles, tenantGroups, tenants] = await Promise.all([deps.operators.list(), deps.customRoles.list(), deps.tenantGroups.list(), deps.tenants.list()]);
  return {
    operators: new Map(operators.map((o) => [o.id, o.userPrincipalName])),
    customRoles: new Map(customRoles.map((r) => [r.id, r.name])),
    tenantGroups: new Map(tenantGroups.map((g) => [g.id, g.name])),
    tenants: new Map(tenants.map((t) => [t.tenantId, tenantNameOf(t)])),
  };
}

export function roleNameOf(ref: RoleRef, customRoles: ReadonlyMap<string, string>): string {
  if (ref.kind === "entra") return entraRoleByTemplateId(ref.id)?.displayName ?? `built-in role ${ref.id}`;
  if (ref.kind === "platform") return platformRoles.find((r) => r.id === ref.id)?.displayName ?? ref.id;
  return customRoles.get(ref.id) ?? `custom role ${ref.id} (deleted)`;
}

export function assignmentView(assignment: RoleAssignment, names: AccessNames): AssignmentView {
  const tenant = (id: string) => names.tenants.get(id) ?? `${id} (not connected)`;
  const scope = assignment.scope;
  const principalName = assignment.principal.kind === "operator" ? (names.operators.get(assignment.principal.id) ?? null) : null;
  return {
    id: assignment.id,
    principal: { ...assignment.principal, name: principalName },
    role: { ...assignment.role, name: roleNameOf(assignment.role, names.customRoles) },
    scope:
      scope.kind === "tenant"
        ? { kind: scope.kind, tenantId: scope.tenantId, display: tenant(scope.tenantId) }
        : scope.kind === "tenant-group"
          ? { kind: scope.kind, tenantGroupId: scope.groupId, display: `tenant group ${names.tenantGroups.get(scope.groupId) ?? scope.groupId}` }
          : scope.kind === "all-except"
            ? { kind: scope.kind, exceptTenantIds: scope.exceptTenantIds, display: `all tenants except ${scope.exceptTenantIds.map(tenant).join(", ")}` }
            : { kind: scope.kind, display: "all tenants" },
    createdAt: assignment.createdAt,
  };
}

/** One line for the audit log and messages: "Helpdesk Administrator for tech1@... in Contoso". */
export function assignmentText(view: AssignmentView): string {
  const who = view.principal.kind === "operator" ? (view.principal.name ?? `operator ${view.principal.id}`) : `Entra group ${view.principal.id}`;
  return `${view.role.name} for ${who} in ${view.scope.display}`;
}
