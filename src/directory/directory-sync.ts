// One tenant's sync, end to end: take the lease, then users, groups with members, role assignments and
// subscribed SKUs, each written a page at a time; record the outcome and give the lease back.
import type { Pool } from "pg";
import { GraphRequestError } from "../graph/graph-errors.ts";
import { createTenantGraph, type TenantGraphOptions } from "../graph/tenant-graph.ts";
import { type TenantsService, TenantsError } from "../tenants/tenants-service.ts";
import { syncGroups } from "./groups-sync.ts";
import { syncRoleAssignments } from "./role-assignments-sync.ts";
import { syncSkus } from "./skus-sync.ts";
import { createSyncStateStore, type SyncError, SyncLeaseLost } from "./sync-state-store.ts";
import { tenantSyncContext } from "./tenant-sync-context.ts";
import { syncUsers } from "./users-sync.ts";

/** The tenant is being synced by another process (or another job of this one) right now. */
export class SyncBusy extends Error {
  constructor(tenantId: string) {
    super(`Tenant ${tenantId} is being synced already.`);
  }
}

export interface SyncOutcome {
  readonly tenantId: string;
  readonly ok: boolean;
  readonly kind: "full" | "delta";
  /** Users and groups written or removed. */
  readonly changes: number;
  readonly durationMs: number;
  readonly error?: SyncError;
}

export interface SyncOptions {
  /** Read everything again instead of following the stored delta links. */
  readonly full?: boolean;
}

/** A lease not renewed for this long belonged to a process that died (a page is written every few seconds at most). */
const defaultLeaseLifetimeMs = 5 * 60 * 1000;

function syncErrorOf(step: string, error: unknown): SyncError {
  if (error instanceof GraphRequestError) {
    return {
      step,
      code: error.code,
      message: `Microsoft Graph: ${error.message}`,
      status: error.status,
      ...(error.requestId ? { graphRequestId: error.requestId } : {}),
      ...(error.status === 403 ? { fix: "Check the tenant's consent health (`tenantry tenants check`)." } : {}),
    };
  }
  if (error instanceof TenantsError) return { step, code: "tenant_access", message: error.message, status: error.status, fix: error.fix };
  return { step, code: "internal", message: error instanceof Error ? error.message : String(error) };
}

export function createDirectorySync(deps: {
  pool: Pick<Pool, "connect" | "query">;
  tenants: Pick<TenantsService, "access">;
  /** The process's Graph engine, so that syncs share the tenant's and the app's budget; or retries of plain reads. */
  graph?: Pick<TenantGraphOptions, "engine" | "maxAttempts" | "maxDelayMs">;
  leaseLifetimeMs?: number;
}) {
  const states = createSyncStateStore({ pool: deps.pool, staleAfterMs: deps.leaseLifetimeMs ?? defaultLeaseLifetimeMs });

  /**
   * Syncs one tenant: from its delta links, or in full the first time, when asked, or when a link expired.
   * A failure is recorded in the tenant's sync state and answered, not thrown; a tenant syncing already
   * throws SyncBusy.
   */
  async function syncTenant(tenantId: string, options: SyncOptions = {}): Promise<SyncOutcome> {
    const lease = await states.claim(tenantId);
    if (!lease) throw new SyncBusy(tenantId);
    const started = performance.now();
    let step = "access";
    let kind: SyncOutcome["kind"] = "delta";
    let changes = 0;
    try {
      const tenant = await deps.tenants.access(tenantId);
      const graph = createTenantGraph({ graphUrl: tenant.graphUrl, accessToken: tenant.accessToken, ...deps.graph });
      const context = tenantSyncContext({ pool: deps.pool, graph, graphUrl: tenant.graphUrl, lease, states });
      const links = options.full ? { users: null, groups: null } : await states.deltaLinks(tenantId);
      step = "users";
      const users = await syncUsers(context, links.users);
      step = "groups";
      const groups = await syncGroups(context, links.groups);
      kind = users.kind === "full" || groups.kind === "full" ? "full" : "delta";
      changes = users.changes + groups.changes;
      step = "role assignments";
      await syncRoleAssignments(context);
      step = "subscribed SKUs";
      await syncSkus(context);
      const durationMs = performance.now() - started;
      await states.succeed(lease, { kind, durationMs, changes });
      return { tenantId, ok: true, kind, changes, durationMs };
    } catch (error) {
      if (error instanceof SyncLeaseLost) throw error;
      const syncError = syncErrorOf(step, error);
      await states.fail(lease, syncError);
      return { tenantId, ok: false, kind, changes, durationMs: performance.now() - started, error: syncError };
    }
  }

  return { syncTenant, states };
}

export type DirectorySync = ReturnType<typeof createDirectorySync>;
