// Everything the access routes need, built once from the database, the audit log, the tenants and the policy.
import type { Pool } from "pg";
import type { AuditLog } from "../audit/audit-log.ts";
import type { TenantsService } from "../tenants/tenants-service.ts";
import { createAccessCheck } from "./access-check.ts";
import type { AccessLoader } from "./access-loader.ts";
import { createCustomRolesAdmin } from "./custom-roles-admin.ts";
import { createCustomRolesStore } from "./custom-roles-store.ts";
import { createOperatorsAdmin } from "./operators-admin.ts";
import { createRoleAssignmentsAdmin } from "./role-assignments-admin.ts";
import { createRoleDirectory } from "./role-directory.ts";
import { createTenantGroupsAdmin } from "./tenant-groups-admin.ts";

export function createAccessAdministration(deps: { pool: Pick<Pool, "query" | "connect">; audit: Pick<AuditLog, "append">; tenants: Pick<TenantsService, "get" | "list" | "access">; accessOf: AccessLoader }) {
  const operators = createOperatorsAdmin(deps);
  return {
    operators,
    assignments: createRoleAssignmentsAdmin({ ...deps, operators }),
    tenantGroups: createTenantGroupsAdmin(deps),
    customRoles: createCustomRolesAdmin(deps),
    roles: createRoleDirectory({ customRoles: createCustomRolesStore({ pool: deps.pool }) }),
    check: createAccessCheck({ operators, accessOf: deps.accessOf, tenants: deps.tenants }),
  };
}

export type AccessAdministration = ReturnType<typeof createAccessAdministration>;
