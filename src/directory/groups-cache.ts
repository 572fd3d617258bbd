// Writes of the cached groups (directory_groups) and their members (directory_group_members).
import type { PoolClient } from "pg";

export interface CachedGroup {
  readonly id: string;
  readonly displayName: string | null;
  readonly mail: string | null;
  readonly groupTypes: readonly string[];
  readonly securityEnabled: boolean | null;
  readonly mailEnabled: boolean | null;
  readonly synced: boolean;
  readonly isAssignableToRole: boolean;
  readonly skuIds: readonly string[];
}

/** A member added to or removed from a group. */
export interface MembershipChange {
  readonly groupId: string;
  readonly memberId: string;
  readonly removed: boolean;
}

type Tx = Pick<PoolClient, "query">;

export async function upsertGroups(tx: Tx, tenantId: string, groups: readonly CachedGroup[]): Promise<void> {
  if (groups.length === 0) return;
  await tx.query(
    `INSERT INTO directory_groups AS d (tenant_id, id, display_name, mail, group_types, security_enabled, mail_enabled, synced, is_assignable_to_role, sku_ids, deleted_at, cached_at)
     SELECT $1, g.id, g.display_name, g.mail, string_to_array(g.group_types, ','), g.security_enabled, g.mail_enabled, g.synced, g.assignable,
            string_to_array(g.skus, ',')::uuid[], NULL, now()
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::boolean[], $8::boolean[], $9::boolean[], $10::text[])
       AS g(id, display_name, mail, group_types, security_enabled, mail_enabled, synced, assignable, skus)
     ON CONFLICT (tenant_id, id) DO UPDATE SET
       display_name = EXCLUDED.display_name, mail = EXCLUDED.mail, group_types = EXCLUDED.group_types,
       security_enabled = EXCLUDED.security_enabled, mail_enabled = EXCLUDED.mail_enabled, synced = EXCLUDED.synced,
       is_assignable_to_role = EXCLUDED.is_assignable_to_role, sku_ids = EXCLUDED.sku_ids, deleted_at = NULL, cached_at = now()`,
    [
      tenantId,
      groups.map((g) => g.id),
      groups.map((g) => g.displayName),
      groups.map((g) => g.mail),
      // Group types are words such as Unified or DynamicMembership: never a comma.
      groups.map((g) => g.groupTypes.join(",")),
      groups.map((g) => g.securityEnabled),
      groups.map((g) => g.mailEnabled),
      groups.map((g) => g.synced),
      groups.map((g) => g.isAssignableToRole),
      groups.map((g) => g.skuIds.join(",")),
    ],
  );
}

/** Before a full read writes a group's members: the ones cached before are forgotten. */
export async function clearMembers(tx: Tx, tenantId: string, groupIds: readonly string[]): Promise<void> {
  if (groupIds.length === 0) return;
  await tx.query("DELETE FROM directory_group_members WHERE tenant_id = $1 AND group_id = ANY($2::uuid[])", [tenantId, groupIds]);
}

export async function applyMembershipChanges(tx: Tx, tenantId: string, changes: readonly MembershipChange[]): Promise<void> {
  const added = changes.filter((c) => !c.removed);
  const removed = changes.filter((c) => c.removed);
  if (added.length > 0) {
    await tx.query(
      `INSERT INTO directory_group_members (tenant_id, group_id, member_id)
       SELECT $1, m.group_id, m.member_id FROM unnest($2::uuid[], $3::uuid[]) AS m(group_id, member_id)
       ON CONFLICT DO NOTHING`,
      [tenantId, added.map((c) => c.groupId), added.map((c) => c.memberId)],
    );
  }
  if (removed.length > 0) {
    await tx.query(
      `DELETE FROM directory_group_members d USING unnest($2::uuid[], $3::uuid[]) AS m(group_id, member_id)
       WHERE d.tenant_id = $1 AND d.group_id = m.group_id AND d.member_id = m.member_id`,
      [tenantId, removed.map((c) => c.groupId), removed.map((c) => c.memberId)],
    );
  }
}

/** Groups Entra deleted (restorable for 30 days): kept, marked, with their members. */
export async function markGroupsDeleted(tx: Tx, tenantId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query("UPDATE directory_groups SET deleted_at = coalesce(deleted_at, now()), cached_at = now() WHERE tenant_id = $1 AND id = ANY($2::uuid[])", [tenantId, ids]);
}

/** Groups gone for good: their rows, their members, and their own memberships in other groups. */
export async function removeGroups(tx: Tx, tenantId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    `WITH gone AS (SELECT unnest($2::uuid[]) AS id),
       groups AS (DELETE FROM directory_groups d USING gone WHERE d.tenant_id = $1 AND d.id = gone.id),
       roles AS (DELETE FROM directory_role_assignments r USING gone WHERE r.tenant_id = $1 AND r.principal_id = gone.id)
     DELETE FROM directory_group_members m USING gone WHERE m.tenant_id = $1 AND (m.group_id = gone.id OR m.member_id = gone.id)`,
    [tenantId, ids],
  );
}

/** After a full read: groups it did not write since it started are no longer in Graph. */
export async function removeGroupsNotSeenSince(tx: Tx, tenantId: string, since: Date): Promise<number> {
  const { rows } = await tx.query<{ removed: string }>(
    `WITH gone AS (DELETE FROM directory_groups WHERE tenant_id = $1 AND cached_at < $2 RETURNING id),
       members AS (DELETE FROM directory_group_members m USING gone WHERE m.tenant_id = $1 AND (m.group_id = gone.id OR m.member_id = gone.id))
     SELECT count(*) AS removed FROM gone`,
    [tenantId, since],
  );
  return Number(rows[0]?.removed ?? 0);
}
