// Tenantry must always keep someone who can manage operators and roles: removing an operator or a role
// assignment that would leave no Platform Administrator is refused.
import type { PoolClient } from "pg";
import { ActionRefused } from "../actions/action-errors.ts";
import { platformRoleIds } from "./platform-roles.ts";

const lock = "SELECT pg_advisory_xact_lock(hashtext('tenantry platform administrators'))";

/**
 * Enabled operators holding Platform Administrator, directly or through a group they were in at their last
 * sign-in, leaving out one operator or one assignment.
 */
async function holders(tx: Pick<PoolClient, "query">, without: { operatorId?: string; assignmentId?: string }): Promise<number> {
  const { rows } = await tx.query<{ count: number }>(
    `SELECT count(DISTINCT o.id)::int AS count
     FROM operators o
     JOIN role_assignments a ON a.role_kind = 'platform' AND a.role_id = $1
       AND ((a.principal_kind = 'operator' AND a.principal_id = o.id) OR (a.principal_kind = 'group' AND a.principal_id = ANY (o.group_ids)))
     WHERE o.disabled_at IS NULL AND o.id IS DISTINCT FROM $2::uuid AND a.id IS DISTINCT FROM $3::uuid`,
    [platformRoleIds.platformAdministrator, without.operatorId ?? null, without.assignmentId ?? null],
  );
  return rows[0]!.count;
}

/**
 * Refuses (409) a removal that would leave no Platform Administrator. Call inside the removal's
 * transaction: the lock makes two removals at once wait for each other.
 */
export async function refuseRemovingLastPlatformAdministrator(tx: Pick<PoolClient, "query">, removing: { operatorId: string; display: string } | { assignmentId: string; display: string }): Promise<void> {
  await tx.query(lock);
  const before = await holders(tx, {});
  const after = await holders(tx, "operatorId" in removing ? { operatorId: removing.operatorId } : { assignmentId: removing.assignmentId });
  if (before === 0 || after > 0) return;
  throw new ActionRefused({
    status: 409,
    code: "last_platform_administrator",
    message: `Removing ${removing.display} would leave no operator holding Platform Administrator, and no one could manage operators, role assignments or tenants any more.`,
    fix: "Assign Platform Administrator to another operator first: `tenantry role-assignments add --operator <user> --role platform-administrator --all-tenants`.",
  });
}
