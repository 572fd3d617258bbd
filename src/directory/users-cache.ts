// Writes of the cached users (directory_users): a page at a time, as arrays unnested in one statement.
import type { PoolClient } from "pg";

/** One user as the cache keeps it. Ids are lower-case GUIDs. */
export interface CachedUser {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string | null;
  readonly mail: string | null;
  readonly accountEnabled: boolean | null;
  readonly userType: string | null;
  readonly synced: boolean;
  readonly jobTitle: string | null;
  readonly department: string | null;
  readonly usageLocation: string | null;
  readonly skuIds: readonly string[];
  /** When Entra deleted the user (still restorable); null for a user in the directory. */
  readonly deletedAt: string | null;
}

/** A row of directory_users as PostgreSQL returns it (without its bookkeeping columns). */
export interface DirectoryUserRow {
  tenant_id: string;
  id: string;
  user_principal_name: string;
  display_name: string | null;
  mail: string | null;
  account_enabled: boolean | null;
  user_type: string | null;
  synced: boolean;
  job_title: string | null;
  department: string | null;
  usage_location: string | null;
  sku_ids: string[];
  admin_role_ids: string[];
  deleted_at: Date | null;
}

type Tx = Pick<PoolClient, "query">;

/**
 * Inserts or updates these users. Their admin roles are left as they are: role assignments are read
 * separately and applied to every user at once.
 */
export async function upsertUsers(tx: Tx, tenantId: string, users: readonly CachedUser[]): Promise<void> {
  if (users.length === 0) return;
  await tx.query(
    `INSERT INTO directory_users AS d
       (tenant_id, id, user_principal_name, display_name, mail, account_enabled, user_type, synced, job_title, department, usage_location, sku_ids, deleted_at, cached_at)
     SELECT $1, u.id, u.upn, u.display_name, u.mail, u.enabled, u.user_type, u.synced, u.job_title, u.department, u.usage_location,
            string_to_array(u.skus, ',')::uuid[], u.deleted_at, now()
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::boolean[], $9::text[], $10::text[], $11::text[], $12::text[], $13::timestamptz[])
       AS u(id, upn, display_name, mail, enabled, user_type, synced, job_title, department, usage_location, skus, deleted_at)
     ON CONFLICT (tenant_id, id) DO UPDATE SET
       user_principal_name = EXCLUDED.user_principal_name, display_name = EXCLUDED.display_name, mail = EXCLUDED.mail,
       account_enabled = EXCLUDED.account_enabled, user_type = EXCLUDED.user_type, synced = EXCLUDED.synced,
       job_title = EXCLUDED.job_title, department = EXCLUDED.department, usage_location = EXCLUDED.usage_location,
       sku_ids = EXCLUDED.sku_ids, deleted_at = EXCLUDED.deleted_at, cached_at = now()`,
    [
      tenantId,
      users.map((u) => u.id),
      users.map((u) => u.userPrincipalName),
      users.map((u) => u.displayName),
      users.map((u) => u.mail),
      users.map((u) => u.accountEnabled),
      users.map((u) => u.userType),
      users.map((u) => u.synced),
      users.map((u) => u.jobTitle),
      users.map((u) => u.department),
      users.map((u) => u.usageLocation),
      users.map((u) => u.skuIds.join(",")),
      users.map((u) => u.deletedAt),
    ],
  );
}

/** Users gone for good (purged, or deleted more than 30 days ago): their rows, memberships and role assignments. */
export async function removeUsers(tx: Tx, tenantId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    `WITH gone AS (SELECT unnest($2::uuid[]) AS id),
       users AS (DELETE FROM directory_users d USING gone WHERE d.tenant_id = $1 AND d.id = gone.id),
       members AS (DELETE FROM directory_group_members m USING gone WHERE m.tenant_id = $1 AND m.member_id = gone.id)
     DELETE FROM directory_role_assignments r USING gone WHERE r.tenant_id = $1 AND r.principal_id = gone.id`,
    [tenantId, ids],
  );
}

/** After a full read: users it did not write since it started are no longer in Graph. */
export async function removeUsersNotSeenSince(tx: Tx, tenantId: string, since: Date): Promise<number> {
  const { rows } = await tx.query<{ removed: string }>(
    `WITH gone AS (DELETE FROM directory_users WHERE tenant_id = $1 AND cached_at < $2 RETURNING id),
       members AS (DELETE FROM directory_group_members m USING gone WHERE m.tenant_id = $1 AND m.member_id = gone.id),
       roles AS (DELETE FROM directory_role_assignments r USING gone WHERE r.tenant_id = $1 AND r.principal_id = gone.id)
     SELECT count(*) AS removed FROM gone`,
    [tenantId, since],
  );
  return Number(rows[0]?.removed ?? 0);
}
