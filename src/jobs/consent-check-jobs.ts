import type PgBoss from "pg-boss";
import type { TenantsService } from "../tenants/tenants-service.ts";

export const consentCheckQueue = "tenants-consent-check";

/** Every hour by default, and on demand: the consent health of every connected tenant (or of one). */
export async function startConsentChecks(deps: { boss: PgBoss; tenants: TenantsService; log: (line: string) => void; cron?: string }) {
  await deps.boss.createQueue(consentCheckQueue);
  await deps.boss.schedule(consentCheckQueue, deps.cron ?? "0 * * * *", {});
  // A sweep only fans out: one job per tenant, so that thousands of tenants never make one job outlive
  // pg-boss's expiry, and a slow tenant does not hold up the others.
  await deps.boss.work<{ tenantId?: string }>(consentCheckQueue, { pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const job of jobs) {
      if (!job.data.tenantId) {
        for (const tenant of await deps.tenants.list()) {
          await deps.boss.send(consentCheckQueue, { tenantId: tenant.tenantId }, { singletonKey: tenant.tenantId });
        }
        continue;
      }
      await deps.tenants.check(job.data.tenantId).catch((error: unknown) => deps.log(`consent check of ${job.data.tenantId} failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  });
  return {
    /** Queues a check now; the worker runs it within a second or two. */
    requestCheck: (tenantId?: string) => deps.boss.send(consentCheckQueue, tenantId ? { tenantId } : {}),
  };
}

export type ConsentChecks = Awaited<ReturnType<typeof startConsentChecks>>;
