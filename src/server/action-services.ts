// What runs actions and queued work, built the same way by `tenantry serve` and `tenantry worker`: one Graph
// engine per process (its application-wide budget shared through PostgreSQL) for runs, settling and directory
// syncs alike, and the idempotency key derived from the one secret key every process shares.
import { hkdfSync } from "node:crypto";
import type { Pool } from "pg";
import type PgBoss from "pg-boss";
import type { AccessLoader } from "../access/access-loader.ts";
import { createActionReconciler } from "../actions/action-reconciler.ts";
import { createActionRunner } from "../actions/action-runner.ts";
import { createActionRunsStore } from "../actions/action-runs-store.ts";
import { executors } from "../actions/executors/executor-registry.ts";
import { startRunnerInstance } from "../actions/runner-instance.ts";
import { createAuditLog } from "../audit/audit-log.ts";
import { createDirectorySync } from "../directory/directory-sync.ts";
import { createGraphEngine } from "../graph/engine/graph-engine.ts";
import { createPostgresBudgetStore } from "../graph/engine/postgres-budget-store.ts";
import { type BulkSettings, startBulkJobs } from "../jobs/bulk/start-bulk-jobs.ts";
import { startDirectorySyncJobs, syncScheduleFrom } from "../jobs/directory-sync-jobs.ts";
import type { TenantsService } from "../tenants/tenants-service.ts";

export async function startActionServices(deps: {
  pool: Pool;
  boss: PgBoss;
  tenants: TenantsService;
  accessOf: AccessLoader;
  secretKey: Buffer;
  bulkSettings: BulkSettings;
  log: (line: string) => void;
  /** Where what must be stopped with the process is added. */
  closers: (() => Promise<void>)[];
}) {
  const { pool, boss, tenants, log } = deps;
  const audit = createAuditLog({ pool });
  const runs = createActionRunsStore({ pool });
  const instance = await startRunnerInstance(pool, log);
  deps.closers.push(() => instance.close());
  const engine = createGraphEngine({ store: createPostgresBudgetStore({ pool }) });
  const reconciler = createActionReconciler({ pool, audit, runs, tenants, executors, instanceId: instance.id, log, engine });
  const directorySync = createDirectorySync({ pool, tenants, graph: { engine } });
  const syncJobs = await startDirectorySyncJobs({ boss, tenants, sync: directorySync, schedule: syncScheduleFrom(process.env), log });
  const requestKey = Buffer.from(hkdfSync("sha256", deps.secretKey, Buffer.alloc(0), "tenantry idempotency requests", 32));
  const runner = createActionRunner({ pool, audit, runs, tenants, executors, instance, requestKey, settleOrphan: reconciler.settle, afterChange: syncJobs.changed, engine });
  const bulk = await startBulkJobs({ pool, boss, runner, accessOf: deps.accessOf, tenants, audit, instanceId: instance.id, log }, deps.bulkSettings);
  deps.closers.push(() => bulk.stop());
  return { instanceId: instance.id, audit, reconciler, directorySync, syncJobs, runner, bulk: bulk.service };
}
