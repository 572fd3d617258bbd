import { rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createAccessAdministration } from "../access/access-administration.ts";
import { createAccessLoader } from "../access/access-loader.ts";
import { createApiTokens } from "../access/api-tokens.ts";
import { createBootstrapOperator } from "../access/bootstrap-operator.ts";
import { createCustomRolesStore } from "../access/custom-roles-store.ts";
import { createOperatorsStore } from "../access/operators-store.ts";
import { createPersonalTokens } from "../access/personal-tokens.ts";
import { tokenScopes } from "../access/principal.ts";
import { createRoleAssignmentsStore } from "../access/role-assignments-store.ts";
import { sessionTimeoutsFrom } from "../access/session-timeouts.ts";
import { createSessionsStore } from "../access/sessions-store.ts";
import { createSignInClients } from "../access/sign-in-client.ts";
import { createPendingSignIns } from "../access/sign-in-pending-store.ts";
import { createSignInService } from "../access/sign-in-service.ts";
import { createTenantGroupsStore } from "../access/tenant-groups-store.ts";
import { createUserTemplatesStore } from "../actions/user-templates-store.ts";
import { createApiServer } from "../api/api-server.ts";
import { bulkSettingsFrom } from "../jobs/bulk/start-bulk-jobs.ts";
import { startConsentChecks } from "../jobs/consent-check-jobs.ts";
import { startJobQueue } from "../jobs/job-queue.ts";
import { startOrphanSettling } from "../jobs/orphan-settling-jobs.ts";
import { trustCloud } from "../graph/trust-cloud-ca.ts";
import { createSecretBox } from "../secrets/secret-box.ts";
import { createPrivateFile } from "../secrets/private-file.ts";
import { loadSecretKey } from "../secrets/secret-key.ts";
import { ensureDataDirectory } from "../store/data-directory.ts";
import { lockDataDirectory } from "../store/data-directory-lock.ts";
import { openDatabase } from "../store/database.ts";
import { createConnectionsStore } from "../tenants/connections-store.ts";
import { createPlatformAppStore } from "../tenants/platform-app-store.ts";
import { createTenantsService } from "../tenants/tenants-service.ts";
import { startActionServices } from "./action-services.ts";
import { seedDemoOperators } from "./demo-operators.ts";
import { type LocalDemo, startLocalDemo } from "./local-demo.ts";

export interface PlatformOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  readonly databaseUrl?: string;
  /** The address people's browsers use to reach Tenantry (consent redirects come back here). */
  readonly publicUrl?: string;
  readonly log: (line: string) => void;
}

export interface RunningPlatform {
  readonly url: string;
  readonly demo: LocalDemo | undefined;
  /** Set when this start created the first API token: where it was written (readable by the owner only). */
  readonly adminTokenPath: string | undefined;
  close(): Promise<void>;
}

export const adminTokenFileName = "admin-token";

/** PostgreSQL's own chatter stays out of the way; its warnings and errors, and Tenantry's lines, do not. */
function databaseLog(log: (line: string) => void): (line: string) => void {
  return (line) => {
    if (!line.startsWith("postgres:") || /\b(WARNING|ERROR|FATAL|PANIC)\b/.test(line)) log(line);
  };
}

/**
 * `tenantry serve`: the database, the API and, while no Microsoft cloud is configured, the local cloud
 * with its demo tenants connected.
 */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch((error: unknown) => options.log(`while stopping: ${String(error)}`));
  };
  try {
    const lock = await lockDataDirectory(await ensureDataDirectory(options.dataDir));
    closers.push(() => lock.release());
    const database = await openDatabase({ dataDir: options.dataDir, ownsDataDirectory: true, log: databaseLog(options.log), ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}) });
    closers.push(() => database.close());
    const secretKey = await loadSecretKey({ dataDir: options.dataDir });
    const secrets = createSecretBox(secretKey);
    const app = createPlatformAppStore({ pool: database.pool, secrets });
    const tokens = createApiTokens({ pool: database.pool });
    const operators = createOperatorsStore({ pool: database.pool });
    const assignments = createRoleAssignmentsStore({ pool: database.pool });
    const tenantGroups = createTenantGroupsStore({ pool: database.pool });
    const customRoles = createCustomRolesStore({ pool: database.pool });
    const accessOf = createAccessLoader({ assignments, tenantGroups, customRoles });
    const sessions = createSessionsStore({ pool: database.pool, timeouts: sessionTimeoutsFrom(process.env) });
    let publicUrl = (options.publicUrl ?? `http://localhost:${options.port}`).replace(/\/$/, "");
    const tenants = createTenantsService({
      pool: database.pool,
      app,
      connections: createConnectionsStore({ pool: database.pool }),
      consentRedirectUri: () => `${publicUrl}/tenants/consent-callback`,
    });

    // Decided from what the store shows without opening the sealed credential, so that a lost key
    // leaves Tenantry able to start and be given the credential again.
    let demo: LocalDemo | undefined;
    const configured = await app.summary();
    const firstStart = !configured;
    if (!configured || configured.cloud.kind === "local") {
      demo = await startLocalDemo({ dataDir: options.dataDir });
      closers.push(() => demo!.cloud.close());
      trustCloud(demo.app.cloud);
      if (!configured || configured.clientId === demo.app.clientId) await app.set(demo.app);
      else await app.moveLocalCloud(demo.app.cloud);
    } else {
      const stored = await app.get().catch(() => undefined);
      if (stored) trustCloud(stored.cloud);
    }

    let adminTokenPath: string | undefined;
    // Only on the very first run: later, operators manage access, and a lost token is not silently replaced.
    if ((await operators.list()).length === 0) {
      adminTokenPath = join(options.dataDir, adminTokenFileName);
      // Written before the token counts, so that a failed write never leaves an active token nobody holds.
      const token = tokens.create();
      await rm(adminTokenPath, { force: true });
      await createPrivateFile(adminTokenPath, `${token}\n`);
      const operatorId = await createBootstrapOperator({ operators, assignments });
      await tokens.store(token, { operatorId, name: "bootstrap administrator", scopes: [...tokenScopes], expiresAt: null });
    }

    const boss = await startJobQueue({ pool: database.pool, log: options.log });
    closers.push(() => boss.stop({ graceful: true, wait: true, timeout: 10_000 }));
    const checks = await startConsentChecks({ boss, tenants, log: options.log });

    const { audit, reconciler, directorySync, syncJobs, runner, bulk } = await startActionServices({
      pool: database.pool,
      boss,
      tenants,
      accessOf,
      secretKey,
      bulkSettings: bulkSettingsFrom(process.env),
      log: options.log,
      closers,
    });
    const userTemplates = createUserTemplatesStore({ pool: database.pool, audit });
    const signIn = createSignInService({
      clients: createSignInClients({ app }),
      pending: createPendingSignIns({ pool: database.pool }),
      sessions,
      operators,
      audit,
      redirectUri: () => `${publicUrl}/auth/callback`,
    });
    const api = await createApiServer({
      tenants,
      app,
      tokens,
      accessOf,
      checks,
      audit,
      runner,
      userTemplates,
      bulk,
      auth: { signIn, sessions, publicUrl: () => publicUrl },
      me: { pool: database.pool, personalTokens: createPersonalTokens({ pool: database.pool, audit }), operators, assignments, customRoles, tenantGroups },
      access: createAccessAdministration({ pool: database.pool, audit, tenants, accessOf }),
      sync: { tenants, states: directorySync.states, jobs: syncJobs },
      log: options.log,
    });
    closers.push(() => api.close());
    await api.listen({ port: options.port, host: options.host });
    if (!options.publicUrl) publicUrl = `http://localhost:${(api.server.address() as AddressInfo).port}`;
    if (demo) {
      await demo.registerRedirectUris([`${publicUrl}/tenants/consent-callback`, `${publicUrl}/auth/callback`]);
      // Connected once, on the first start, and once the address is known so that consent links in their
      // health point back here; later starts keep what operators did with them.
      if (firstStart) {
        for (const tenant of demo.tenants.filter((t) => t.consent !== "home")) await tenants.connectManually(tenant.domain);
        await seedDemoOperators({ operators, assignments, tenantGroups }, demo);
      }
    }
    // Once the cloud answers: what a crashed predecessor left unfinished is settled from Graph.
    await reconciler.settleOrphans();
    await startOrphanSettling({ boss, reconciler, log: options.log });
    await syncJobs.syncNeverSynced();
    return { url: publicUrl, demo, adminTokenPath, close };
  } catch (error) {
    await close();
    throw error;
  }
}
