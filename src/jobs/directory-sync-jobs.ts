import type PgBoss from "pg-boss";
import type { DirectorySync } from "../directory/directory-sync.ts";
import { SyncLeaseLost } from "../directory/sync-state-store.ts";
import type { TenantsService } from "../tenants/tenants-service.ts";

export const directorySyncQueue = "directory-sync";

interface SyncJob {
  /** Absent: a sweep, which queues a sync of every connected tenant. */
  readonly tenantId?: string;
  readonly full?: boolean;
}

export interface SyncSchedule {
  /** When every connected tenant is synced (cron, in UTC); every 15 minutes by default. */
  readonly cron: string;
  /** Tenants synced at the same time by this process. */
  readonly concurrency: number;
}

/** `TENANTRY_SYNC_CRON` and `TENANTRY_SYNC_CONCURRENCY`, or their defaults. */
export function syncScheduleFrom(env: NodeJS.ProcessEnv): SyncSchedule {
  const cron = env.TENANTRY_SYNC_CRON?.trim() || "*/15 * * * *";
  if (cron.length > 100) throw new Error("TENANTRY_SYNC_CRON must be a cron expression such as '*/15 * * * *'.");
  const concurrency = Number(env.TENANTRY_SYNC_CONCURRENCY ?? 2);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) throw new Error("TENANTRY_SYNC_CONCURRENCY must be a whole number from 1 to 32.");
  return { cron, concurrency };
}

/** Requests of the same kind for a tenant within this window become one sync. */
const debounceSeconds = 2;

/**
 * The directory sync on pg-boss: a schedule that fans out one job per connected tenant, syncs asked for (by an
 * operator, or after a change Tenantry made), and `concurrency` workers that run them. A tenant syncing
 * elsewhere is retried later, so that a change made meanwhile is not missed.
 */
export async function startDirectorySyncJobs(deps: {
  boss: PgBoss;
  tenants: Pick<TenantsService, "list">;
  sync: Pick<DirectorySync, "syncTenant" | "states">;
  schedule: SyncSchedule;
  log: (line: string) => void;
}) {
  const { boss } = deps;
  // A full sync of a very large tenant takes a while; a worker that dies leaves its job to expire and be retried.
  await boss.createQueue(directorySyncQueue, { name: directorySyncQueue, expireInSeconds: 6 * 3600, retryLimit: 8, retryDelay: 15, retryBackoff: true });
  await boss.schedule(directorySyncQueue, deps.schedule.cron, {});

  const requestSync = (tenantId: string, options: { full?: boolean } = {}): Promise<string | null> =>
    boss.sendDebounced(directorySyncQueue, { tenantId, full: options.full === true }, {}, debounceSeconds, `${tenantId}:${options.full ? "full" : "delta"}`);

  async function run(job: PgBoss.Job<SyncJob>): Promise<void> {
    const { tenantId, full } = job.data;
    if (!tenantId) {
      for (const tenant of await deps.tenants.list()) await requestSync(tenant.tenantId);
      return;
    }
    try {
      const outcome = await deps.sync.syncTenant(tenantId, { full: full === true });
      if (!outcome.ok) deps.log(`directory sync of ${tenantId} failed (${outcome.error?.step}): ${outcome.error?.message}`);
    } catch (error) {
      // A lost lease is only logged; anything else (SyncBusy: another process syncs the tenant) is thrown, so that pg-boss runs the job again later.
      if (error instanceof SyncLeaseLost) return deps.log(error.message);
      throw error;
    }
  }

  for (let worker = 0; worker < deps.schedule.concurrency; worker++) {
    await boss.work<SyncJob>(directorySyncQueue, { pollingIntervalSeconds: 1 }, async (jobs) => {
      for (const job of jobs) await run(job);
    });
  }

  return {
    requestSync,

    /** After a change Tenantry made: a delta sync of the tenant soon; a failure to queue it is only logged. */
    changed(tenantId: string): void {
      requestSync(tenantId).catch((error: unknown) => deps.log(`could not queue a directory sync of ${tenantId}: ${error instanceof Error ? error.message : String(error)}`));
    },

    /** Tenants never synced (just connected, or a first start): synced now rather than at the next sweep. */
    async syncNeverSynced(): Promise<void> {
      const tenants = await deps.tenants.list();
      const states = await deps.sync.states.list(tenants.map((t) => t.tenantId));
      for (const state of states.filter((s) => s.lastSuccessAt === null && s.lastErrorAt === null)) await requestSync(state.tenantId);
    },
  };
}

export type DirectorySyncJobs = Awaited<ReturnType<typeof startDirectorySyncJobs>>;
