// Bulk jobs in one process: the consumers of their items, and the service the API uses.
import type PgBoss from "pg-boss";
import type { Pool } from "pg";
import type { AccessLoader } from "../../access/access-loader.ts";
import type { ActionRunner } from "../../actions/action-runner.ts";
import type { AuditLog } from "../../audit/audit-log.ts";
import type { TenantsService } from "../../tenants/tenants-service.ts";
import { startBulkConsumers } from "./bulk-consumers.ts";
import { defaultMaxTries } from "./bulk-item-outcome.ts";
import { createBulkItemQueue } from "./bulk-item-queue.ts";
import { createBulkJobsService } from "./bulk-jobs-service.ts";
import { createBulkJobsStore } from "./bulk-jobs-store.ts";

export interface BulkSettings {
  /** Items this process runs at once; 0 leaves them to other processes (`tenantry worker`). */
  readonly concurrency: number;
  /** Items of one tenant queued or running at once, over every job and process. */
  readonly perTenant: number;
  /** Runs of one item before it fails. */
  readonly maxTries: number;
}

export const defaultBulkConcurrency = 8;

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max} (it is ${JSON.stringify(text)}).`);
  return n;
}

/** TENANTRY_BULK_CONCURRENCY (8), TENANTRY_BULK_PER_TENANT (4) and TENANTRY_BULK_ITEM_TRIES (8). */
export function bulkSettingsFrom(env: NodeJS.ProcessEnv): BulkSettings {
  return {
    concurrency: whole(env, "TENANTRY_BULK_CONCURRENCY", defaultBulkConcurrency, 0, 64),
    perTenant: whole(env, "TENANTRY_BULK_PER_TENANT", 4, 1, 64),
    maxTries: whole(env, "TENANTRY_BULK_ITEM_TRIES", defaultMaxTries, 1, 100),
  };
}

export async function startBulkJobs(
  deps: {
    pool: Pick<Pool, "query" | "connect">;
    boss: PgBoss;
    runner: Pick<ActionRunner, "run" | "plan">;
    accessOf: AccessLoader;
    tenants: Pick<TenantsService, "get">;
    audit: Pick<AuditLog, "append">;
    /** This process's runner instance: the items it runs are marked with it. */
    instanceId: string;
    log: (line: string) => void;
  },
  settings: BulkSettings,
) {
  const queue = createBulkItemQueue({ pool: deps.pool, boss: deps.boss, perTenant: settings.perTenant });
  const consumers = await startBulkConsumers({ ...deps, queue }, settings);
  const service = createBulkJobsService({ pool: deps.pool, store: createBulkJobsStore({ pool: deps.pool }), runner: deps.runner, tenants: deps.tenants, audit: deps.audit, dispatch: consumers.dispatch });
  return { service, stop: consumers.stop };
}
