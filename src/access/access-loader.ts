import type { CustomRolesStore } from "./custom-roles-store.ts";
import { createOperatorAccess, type OperatorAccess } from "./operator-access.ts";
import type { Principal } from "./principal.ts";
import type { RoleAssignmentsStore } from "./role-assignments-store.ts";
import type { TenantGroupsStore } from "./tenant-groups-store.ts";

/** Reads what a principal holds (its assignments, the tenant groups and custom roles they name) once per request. */
export function createAccessLoader(deps: {
  assignments: Pick<RoleAssignmentsStore, "ofPrincipal">;
  tenantGroups: Pick<TenantGroupsStore, "list">;
  customRoles: Pick<CustomRolesStore, "list">;
}) {
  return async function accessOf(principal: Principal): Promise<OperatorAccess> {
    const assignments = await deps.assignments.ofPrincipal(principal.operatorId, principal.groupIds);
    const needsGroups = assignments.some((a) => a.scope.kind === "tenant-group");
    const needsCustom = assignments.some((a) => a.role.kind === "custom");
    const [groups, custom] = await Promise.all([needsGroups ? deps.tenantGroups.list() : [], needsCustom ? deps.customRoles.list() : []]);
    return createOperatorAccess({
      principal,
      assignments,
      tenantGroups: new Map(groups.map((g) => [g.id, g.tenantIds])),
      customRoles: new Map(custom.map((r) => [r.id, r])),
    });
  };
}

export type AccessLoader = ReturnType<typeof createAccessLoader>;
