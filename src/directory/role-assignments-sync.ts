// Directory role assignments, read whole at every sync (a tenant has few), and the admin roles of each
// cached user that follow from them.
import { readWhole } from "./graph-pages-stream.ts";
import type { TenantSyncContext } from "./tenant-sync-context.ts";

interface GraphRoleAssignment {
  readonly id: string;
  readonly principalId: string;
  readonly roleDefinitionId: string;
  readonly directoryScopeId?: string | null;
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Replaces the tenant's cached role assignments and sets every user's admin_role_ids from them. */
export async function syncRoleAssignments(context: TenantSyncContext): Promise<number> {
  const assignments = (await readWhole<GraphRoleAssignment>(context.graph, context.graphUrl, "/roleManagement/directory/roleAssignments")).filter((a) => guid.test(a.principalId));
  await context.write(async (tx) => {
    await tx.query("DELETE FROM directory_role_assignments WHERE tenant_id = $1", [context.tenantId]);
    await tx.query(
      `INSERT INTO directory_role_assignments (tenant_id, id, principal_id, role_definition_id, directory_scope_id)
       SELECT $1, a.id, a.principal_id, a.role_definition_id, a.scope FROM unnest($2::text[], $3::uuid[], $4::text[], $5::text[]) AS a(id, principal_id, role_definition_id, scope)
       ON CONFLICT DO NOTHING`,
      [
        context.tenantId,
        assignments.map((a) => a.id),
        assignments.map((a) => a.principalId.toLowerCase()),
        // Built-in roles are named by their template id, in lower case.
        assignments.map((a) => a.roleDefinitionId.toLowerCase()),
        assignments.map((a) => a.directoryScopeId ?? "/"),
      ],
    );
    // Only rows whose roles differ are written, so a sync leaves the users of a large tenant alone.
    await tx.query(
      `UPDATE directory_users u SET admin_role_ids = r.roles
       FROM (SELECT principal_id, array_agg(DISTINCT role_definition_id ORDER BY role_definition_id) AS roles
             FROM directory_role_assignments WHERE tenant_id = $1 GROUP BY principal_id) r
       WHERE u.tenant_id = $1 AND u.id = r.principal_id AND u.admin_role_ids IS DISTINCT FROM r.roles`,
      [context.tenantId],
    );
    await tx.query(
      `UPDATE directory_users u SET admin_role_ids = '{}'
       WHERE u.tenant_id = $1 AND u.admin_role_ids <> '{}'
         AND NOT EXISTS (SELECT 1 FROM directory_role_assignments r WHERE r.tenant_id = $1 AND r.principal_id = u.id)`,
      [context.tenantId],
    );
  });
  return assignments.length;
}
