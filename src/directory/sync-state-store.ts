// Where each tenant's sync stands (directory_sync_state): its delta links, the lease that keeps a tenant from
// being synced twice at once, and how the last sync went.
import { randomUUID } from "node:crypto";
import type { Pool, PoolClient } from "pg";

/** Held by the one process syncing a tenant; renewed with every page written. */
export interface SyncLease {
  readonly tenantId: string;
  readonly leaseId: string;
  /** The database's clock when the lease was taken: rows a full sync did not touch since are gone from Graph. */
  readonly startedAt: Date;
}

/** Another process took the tenant's lease (this one stalled past the lease's lifetime): its writes must stop. */
export class SyncLeaseLost extends Error {
  constructor(tenantId: string) {
    super(`The sync of tenant ${tenantId} was taken over by another process.`);
  }
}

export interface SyncError {
  /** users, groups, role assignments, subscribed SKUs, or access (the token). */
  readonly step: string;
  readonly code: string;
  readonly message: string;
  readonly status?: number;
  readonly graphRequestId?: string;
  readonly fix?: string;
}

export interface SyncCounts {
  readonly users: number;
  readonly deletedUsers: number;
  readonly groups: number;
  readonly groupMembers: number;
  readonly skus: number;
  readonly roleAssignments: number;
}

export interface SyncState {
  readonly tenantId: string;
  /** When the sync now running started; null when none is. */
  readonly runningSince: string | null;
  readonly lastSuccessAt: string | null;
  readonly lastFullSyncAt: string | null;
  readonly lastKind: "full" | "delta" | null;
  readonly lastDurationMs: number | null;
  readonly lastChanges: number | null;
  readonly lastError: SyncError | null;
  readonly lastErrorAt: string | null;
  readonly counts: SyncCounts;
}

export type DeltaResource = "users" | "groups";

interface Row {
  tenant_id: string;
  running_since: Date | null;
  last_success_at: Date | null;
  last_full_sync_at: Date | null;
  last_kind: "full" | "delta" | null;
  last_duration_ms: number | null;
  last_changes: number | null;
  last_error: SyncError | null;
  last_error_at: Date | null;
  users: number;
  deleted_users: number;
  groups: number;
  group_members: number;
  skus: number;
  role_assignments: number;
  /** Whether the lease is held and renewed within its lifetime, by the database's clock. */
  live: boolean;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

function stateOf(row: Row): SyncState {
  return {
    tenantId: row.tenant_id,
    // A lease nobody renews any more belonged to a process that died: nothing is running.
    runningSince: row.live ? iso(row.running_since) : null,
    lastSuccessAt: iso(row.last_success_at),
    lastFullSyncAt: iso(row.last_full_sync_at),
    lastKind: row.last_kind,
    lastDurationMs: row.last_duration_ms,
    lastChanges: row.last_changes,
    lastError: row.last_error,
    lastErrorAt: iso(row.last_error_at),
    counts: { users: row.users, deletedUsers: row.deleted_users, groups: row.groups, groupMembers: row.group_members, skus: row.skus, roleAssignments: row.role_assignments },
  };
}

/** A tenant never synced: no row yet. */
function neverSynced(tenantId: string): SyncState {
  return {
    tenantId,
    runningSince: null,
    lastSuccessAt: null,
    lastFullSyncAt: null,
    lastKind: null,
    lastDurationMs: null,
    lastChanges: null,
    lastError: null,
    lastErrorAt: null,
    counts: { users: 0, deletedUsers: 0, groups: 0, groupMembers: 0, skus: 0, roleAssignments: 0 },
  };
}

const selectStates = `SELECT *, (lease_id IS NOT NULL AND lease_renewed_at >= now() - $1 * interval '1 millisecond') AS live FROM directory_sync_state`;

export function createSyncStateStore(deps: { pool: Pick<Pool, "query">; staleAfterMs: number }) {
  const { pool, staleAfterMs } = deps;

  return {
    /** Takes the tenant's lease, unless a live sync holds it. */
    async claim(tenantId: string): Promise<SyncLease | undefined> {
      await pool.query("INSERT INTO directory_sync_state (tenant_id) VALUES ($1) ON CONFLICT DO NOTHING", [tenantId]);
      const leaseId = randomUUID();
      const { rows } = await pool.query<{ running_since: Date }>(
        `UPDATE directory_sync_state SET lease_id = $2, running_since = now(), lease_renewed_at = now()
         WHERE tenant_id = $1 AND (lease_id IS NULL OR lease_renewed_at < now() - $3 * interval '1 millisecond')
         RETURNING running_since`,
        [tenantId, leaseId, staleAfterMs],
      );
      const row = rows[0];
      return row ? { tenantId, leaseId, startedAt: row.running_since } : undefined;
    },

    /** Inside a page's transaction: the lease is still this process's, and now renewed. */
    async renew(tx: Pick<PoolClient, "query">, lease: SyncLease): Promise<void> {
      const result = await tx.query("UPDATE directory_sync_state SET lease_renewed_at = now() WHERE tenant_id = $1 AND lease_id = $2", [lease.tenantId, lease.leaseId]);
      if (result.rowCount !== 1) throw new SyncLeaseLost(lease.tenantId);
    },

    async deltaLinks(tenantId: string): Promise<{ users: string | null; groups: string | null }> {
      const { rows } = await pool.query<{ users_delta_link: string | null; groups_delta_link: string | null }>(
        "SELECT users_delta_link, groups_delta_link FROM directory_sync_state WHERE tenant_id = $1",
        [tenantId],
      );
      return { users: rows[0]?.users_delta_link ?? null, groups: rows[0]?.groups_delta_link ?? null };
    },

    /** Where the next delta round of a resource starts; stored only once every page before it is written. */
    async saveDeltaLink(tx: Pick<PoolClient, "query">, lease: SyncLease, resource: DeltaResource, link: string): Promise<void> {
      const column = resource === "users" ? "users_delta_link" : "groups_delta_link";
      const result = await tx.query(`UPDATE directory_sync_state SET ${column} = $3, lease_renewed_at = now() WHERE tenant_id = $1 AND lease_id = $2`, [lease.tenantId, lease.leaseId, link]);
      if (result.rowCount !== 1) throw new SyncLeaseLost(lease.tenantId);
    },

    /** Records the counts of the cache as it now stands, and gives the lease back. */
    async succeed(lease: SyncLease, outcome: { kind: "full" | "delta"; durationMs: number; changes: number }): Promise<void> {
      await pool.query(
        `UPDATE directory_sync_state s SET
           lease_id = NULL, running_since = NULL, lease_renewed_at = NULL,
           last_success_at = now(), last_kind = $3, last_duration_ms = $4, last_changes = $5,
           last_full_sync_at = CASE WHEN $3 = 'full' THEN now() ELSE s.last_full_sync_at END,
           last_error = NULL, last_error_at = NULL,
           users = c.users, deleted_users = c.deleted_users, groups = c.groups, group_members = c.group_members, skus = c.skus, role_assignments = c.role_assignments
         FROM (SELECT
           (SELECT count(*) FROM directory_users WHERE tenant_id = $1 AND deleted_at IS NULL) AS users,
           (SELECT count(*) FROM directory_users WHERE tenant_id = $1 AND deleted_at IS NOT NULL) AS deleted_users,
           (SELECT count(*) FROM directory_groups WHERE tenant_id = $1 AND deleted_at IS NULL) AS groups,
           (SELECT count(*) FROM directory_group_members WHERE tenant_id = $1) AS group_members,
           (SELECT count(*) FROM directory_skus WHERE tenant_id = $1) AS skus,
           (SELECT count(*) FROM directory_role_assignments WHERE tenant_id = $1) AS role_assignments) c
         WHERE s.tenant_id = $1 AND s.lease_id = $2`,
        [lease.tenantId, lease.leaseId, outcome.kind, Math.round(outcome.durationMs), outcome.changes],
      );
    },

    /** Records why the sync failed, and gives the lease back; what earlier pages wrote stays. */
    async fail(lease: SyncLease, error: SyncError): Promise<void> {
      await pool.query(
        `UPDATE directory_sync_state SET lease_id = NULL, running_since = NULL, lease_renewed_at = NULL, last_error = $3, last_error_at = now()
         WHERE tenant_id = $1 AND lease_id = $2`,
        [lease.tenantId, lease.leaseId, JSON.stringify(error)],
      );
    },

    async get(tenantId: string): Promise<SyncState> {
      const { rows } = await pool.query<Row>(`${selectStates} WHERE tenant_id = $2`, [staleAfterMs, tenantId]);
      return rows[0] ? stateOf(rows[0]) : neverSynced(tenantId);
    },

    /** The states of these tenants, in their order; a tenant never synced has an empty state. */
    async list(tenantIds: readonly string[]): Promise<SyncState[]> {
      const { rows } = await pool.query<Row>(`${selectStates} WHERE tenant_id = ANY($2::uuid[])`, [staleAfterMs, tenantIds]);
      const byId = new Map(rows.map((row) => [row.tenant_id, row]));
      return tenantIds.map((id) => {
        const row = byId.get(id);
        return row ? stateOf(row) : neverSynced(id);
      });
    },
  };
}

export type SyncStateStore = ReturnType<typeof createSyncStateStore>;
