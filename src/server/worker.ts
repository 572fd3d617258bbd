// `tenantry worker`: no API, only the consumers of Tenantry's queues (bulk items, directory sync, consent
// checks, settling interrupted runs), against the database `tenantry serve` uses. Several workers share the
// work; the items of one that dies are given back and finished by the others.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createAccessLoader } from "../access/access-loader.ts";
import { createCustomRolesStore } from "../access/custom-roles-store.ts";
import { createRoleAssignmentsStore } from "../access/role-assignments-store.ts";
import { createTenantGroupsStore } from "../access/tenant-groups-store.ts";
import { trustCloud } from "../graph/trust-cloud-ca.ts";
import { bulkSettingsFrom } from "../jobs/bulk/start-bulk-jobs.ts";
import { startConsentChecks } from "../jobs/consent-check-jobs.ts";
import { startJobQueue } from "../jobs/job-queue.ts";
import { startOrphanSettling } from "../jobs/orphan-settling-jobs.ts";
import { readPrivateFile } from "../secrets/private-file.ts";
import { createSecretBox } from "../secrets/secret-box.ts";
import { loadSecretKey, SECRET_KEY_FILE_NAME, SECRET_KEY_VARIABLE } from "../secrets/secret-key.ts";
import { openDatabase } from "../store/database.ts";
import { CLUSTER_DIRECTORY_NAME, PASSWORD_FILE_NAME } from "../store/embedded-postgres-server.ts";
import { createConnectionsStore } from "../tenants/connections-store.ts";
import { createPlatformAppStore } from "../tenants/platform-app-store.ts";
import { createTenantsService } from "../tenants/tenants-service.ts";
import { startActionServices } from "./action-services.ts";

export interface WorkerOptions {
  /** Where the secret key is (unless TENANTRY_SECRET_KEY is set), and the embedded PostgreSQL of a serve on this machine. */
  readonly dataDir: string;
  readonly databaseUrl?: string;
  /** Bulk items this worker runs at once. */
  readonly concurrency: number;
  /** Tenantry's address, for the consent links in refusals. */
  readonly publicUrl: string;
  readonly log: (line: string) => void;
}

const noDatabase =
  "A worker needs the database `tenantry serve` uses: pass --database-url (or set DATABASE_URL) to the external PostgreSQL, " +
  "or, on the machine where serve runs with its embedded PostgreSQL, give serve's --data-dir while serve is running.";

/**
 * The embedded PostgreSQL that a running `tenantry serve` started in `dataDir`: its port from the cluster's
 * postmaster.pid (4th line), its password from the data directory. A worker never starts or stops it.
 */
export async function embeddedDatabaseUrl(dataDir: string): Promise<string> {
  const pidFile = join(dataDir, CLUSTER_DIRECTORY_NAME, "postmaster.pid");
  const lines = await readFile(pidFile, "utf8").then(
    (text) => text.split("\n"),
    () => undefined,
  );
  const port = Number(lines?.[3]);
  if (!lines || !Number.isInteger(port) || port <= 0) throw new Error(`${noDatabase} (No PostgreSQL is running in ${dataDir}.)`);
  const password = (await readPrivateFile(join(dataDir, PASSWORD_FILE_NAME), "The embedded PostgreSQL password file")).trim();
  // The superuser and database names embedded-postgres-server.ts gives them.
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/tenantry`;
}

export async function startWorker(options: WorkerOptions): Promise<{ readonly instanceId: string; close(): Promise<void> }> {
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch((error: unknown) => options.log(`while stopping: ${String(error)}`));
  };
  try {
    // The secret key must be serve's: a new one would leave the application's credential sealed.
    if (process.env[SECRET_KEY_VARIABLE] === undefined && !existsSync(join(options.dataDir, SECRET_KEY_FILE_NAME))) {
      throw new Error(`No secret key: set ${SECRET_KEY_VARIABLE} to the key serve uses, or give serve's --data-dir (it holds ${SECRET_KEY_FILE_NAME}).`);
    }
    const secretKey = await loadSecretKey({ dataDir: options.dataDir });
    const databaseUrl = options.databaseUrl ?? (process.env.DATABASE_URL || (await embeddedDatabaseUrl(options.dataDir)));
    // Every bulk consumer may hold a connection, beside pg-boss's polling and the runner's lock.
    const database = await openDatabase({ dataDir: options.dataDir, databaseUrl, maxConnections: options.concurrency + 6, log: options.log });
    closers.push(() => database.close());
    const { pool } = database;

    const app = createPlatformAppStore({ pool, secrets: createSecretBox(secretKey) });
    const stored = await app.get().catch(() => undefined);
    if (stored) trustCloud(stored.cloud);
    const tenants = createTenantsService({ pool, app, connections: createConnectionsStore({ pool }), consentRedirectUri: () => `${options.publicUrl.replace(/\/$/, "")}/tenants/consent-callback` });
    const accessOf = createAccessLoader({ assignments: createRoleAssignmentsStore({ pool }), tenantGroups: createTenantGroupsStore({ pool }), customRoles: createCustomRolesStore({ pool }) });

    const boss = await startJobQueue({ pool, log: options.log });
    closers.push(() => boss.stop({ graceful: true, wait: true, timeout: 10_000 }));
    await startConsentChecks({ boss, tenants, log: options.log });
    const { instanceId, reconciler } = await startActionServices({
      pool,
      boss,
      tenants,
      accessOf,
      secretKey,
      bulkSettings: { ...bulkSettingsFrom(process.env), concurrency: options.concurrency },
      log: options.log,
      closers,
    });
    await startOrphanSettling({ boss, reconciler, log: options.log });
    return { instanceId, close };
  } catch (error) {
    await close();
    throw error;
  }
}
