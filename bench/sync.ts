import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { Agent, request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { moduleManifest } from "../src/catalog/modules.ts";
import { createDirectorySync, type SyncOutcome } from "../src/directory/directory-sync.ts";
import { createGraphEngine } from "../src/graph/engine/graph-engine.ts";
import { createPostgresBudgetStore } from "../src/graph/engine/postgres-budget-store.ts";
import { trustCloud } from "../src/graph/trust-cloud-ca.ts";
import { createSecretBox } from "../src/secrets/secret-box.ts";
import { type Database, openDatabase } from "../src/store/database.ts";
import { createConnectionsStore } from "../src/tenants/connections-store.ts";
import { createPlatformAppStore } from "../src/tenants/platform-app-store.ts";
import { createTenantsService } from "../src/tenants/tenants-service.ts";
import { appToken, controlApi } from "../test/support/graph-clients.ts";
import { startLocalCloud } from "../test/support/local-cloud.ts";

// The directory sync at scale: 1,000,000 users over 200 tenants of the local cloud, synced in full into
// PostgreSQL a few tenants at a time, then 1% of the users changed and every tenant synced again by delta.
// The sync runs in a child process of its own, whose peak resident memory (VmHWM) is the figure that counts.
// Target: peak RSS of 1 GiB or less. Options: --users N (1,000,000), --tenants N (200), --concurrency N (4);
// --plain reads Graph without the Graph engine (budgets shared through PostgreSQL) that serve syncs through.

interface Options {
  readonly users: number;
  readonly tenants: number;
  readonly concurrency: number;
  readonly plain: boolean;
}

interface SyncerReport {
  readonly phase: "full" | "delta";
  readonly seconds: number;
  readonly tenants: number;
  readonly failed: readonly { tenantId: string; message: string }[];
  readonly changes: number;
  readonly peakRssBytes: number;
  readonly sampledRssBytes: number;
}

const targetPeakRssBytes = 1024 ** 3;
const changedShare = 0.01;
const writeConcurrency = 32;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number.`);
  return value;
}

async function peakRss(): Promise<number> {
  const status = await readFile("/proc/self/status", "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** The child: syncs every connected tenant, `concurrency` at a time, and prints one JSON line. */
async function runSyncer(phase: "full" | "delta"): Promise<void> {
  const concurrency = Number(process.env.BENCH_CONCURRENCY);
  let sampledRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    sampledRss = Math.max(sampledRss, process.memoryUsage().rss);
  }, 100);
  const database = await openDatabase({ dataDir: "unused", databaseUrl: process.env.BENCH_DATABASE_URL!, maxConnections: concurrency * 2 + 2 });
  try {
    const app = createPlatformAppStore({ pool: database.pool, secrets: createSecretBox(Buffer.from(process.env.BENCH_SECRET_KEY!, "hex")) });
    trustCloud((await app.get())!.cloud);
    const connections = createConnectionsStore({ pool: database.pool });
    const tenants = createTenantsService({ pool: database.pool, app, connections, consentRedirectUri: () => "http://localhost/tenants/consent-callback" });
    const engine = process.env.BENCH_PLAIN === "1" ? undefined : createGraphEngine({ store: createPostgresBudgetStore({ pool: database.pool }) });
    const sync = createDirectorySync({ pool: database.pool, tenants, ...(engine ? { graph: { engine } } : {}) });
    const queue = (await tenants.list()).map((t) => t.tenantId);
    const outcomes: SyncOutcome[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) outcomes.push(await sync.syncTenant(id, { full: phase === "full" }));
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const report: SyncerReport = {
      phase,
      seconds,
      tenants: outcomes.length,
      failed: outcomes.filter((o) => !o.ok).map((o) => ({ tenantId: o.tenantId, message: o.error?.message ?? "" })),
      changes: outcomes.reduce((sum, o) => sum + o.changes, 0),
      peakRssBytes: await peakRss(),
      sampledRssBytes: sampledRss,
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await database.close();
  }
}

function runChild(phase: "full" | "delta", env: Record<string, string>): Promise<SyncerReport> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--syncer", phase], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  let last = "";
  createInterface({ input: child.stdout! }).on("line", (line) => {
    last = line;
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`the ${phase} syncer exited with ${code}`));
      resolve(JSON.parse(last) as SyncerReport);
    });
  });
}

async function runBench(options: Options): Promise<void> {
  const mib = (bytes: number) => Math.round(bytes / 1024 ** 2);
  const usersPerTenant = Math.floor(options.users / options.tenants);
  console.log(`directory sync of ${options.tenants} tenants x ${usersPerTenant.toLocaleString("en")} users, ${options.concurrency} tenants at a time${options.plain ? " without the Graph engine" : ""}; then ${changedShare * 100}% of the users changed and a delta sync`);
  const cloud = await startLocalCloud(["--seed", "none"]);
  const dir = await mkdtemp(join(tmpdir(), "tenantry-bench-sync-"));
  // Embedded PostgreSQL may run as another system user, which must be able to enter the directory.
  await chmod(dir, 0o755);
  const agent = new Agent({ keepAlive: true, maxSockets: writeConcurrency, ca: cloud.caPem });
  let database: Database | undefined;
  try {
    database = await openDatabase({ dataDir: dir, env: {}, maxConnections: 4 });
    const control = controlApi(cloud);
    let started = performance.now();
    const tenantIds: string[] = [];
    for (let i = 0; i < options.tenants; i++) {
      const tenant = await control<{ id: string }>("POST", "/tenants", { displayName: `Bench Sync ${i + 1}`, userCount: usersPerTenant, seed: i + 1 });
      if (tenant.status !== 201) throw new Error(JSON.stringify(tenant.body));
      tenantIds.push(tenant.body.id);
    }
    const reporting = moduleManifest("reporting").permissions.map((p) => p.name);
    // The reads Tenantry's Reporting module holds, and User.ReadWrite.All for the bench's own changes.
    const permissions = [...reporting, "User.ReadWrite.All"];
    const app = await control<{ appId: string; clientSecret: string }>("POST", "/applications", { homeTenantId: tenantIds[0], displayName: "Tenantry bench", requiredPermissions: permissions, credential: "secret" });
    if (app.status !== 201) throw new Error(JSON.stringify(app.body));
    for (const tenantId of tenantIds) {
      const consent = await control("POST", `/tenants/${tenantId}/consents`, { appId: app.body.appId, permissions });
      if (consent.status !== 201) throw new Error(JSON.stringify(consent.body));
    }
    const inCloud = (await control<{ value: { id: string; userCount: number }[] }>("GET", "/tenants")).body.value.filter((t) => tenantIds.includes(t.id));
    const totalUsers = inCloud.reduce((sum, t) => sum + t.userCount, 0);
    console.log(`${options.tenants} tenants with ${totalUsers.toLocaleString("en")} users generated and consented in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const secretKey = randomBytes(32);
    const appStore = createPlatformAppStore({ pool: database.pool, secrets: createSecretBox(secretKey) });
    await appStore.set({ clientId: app.body.appId, homeTenantId: tenantIds[0]!, cloud: { kind: "local", url: cloud.url, caPem: cloud.caPem }, credential: { kind: "secret", clientSecret: app.body.clientSecret } });
    const connections = createConnectionsStore({ pool: database.pool });
    for (const [i, tenantId] of tenantIds.entries()) {
      await connections.upsert({ tenantId, displayName: `Bench Sync ${i + 1}`, defaultDomain: null, verifiedDomains: [], connectedVia: "manual" });
    }
    const env = { BENCH_DATABASE_URL: database.connectionString, BENCH_SECRET_KEY: secretKey.toString("hex"), BENCH_CONCURRENCY: String(options.concurrency), BENCH_PLAIN: options.plain ? "1" : "0" };

    const full = await runChild("full", env);
    const cached = Number((await database.pool.query<{ n: string }>("SELECT count(*) AS n FROM directory_users WHERE deleted_at IS NULL")).rows[0]!.n);
    const fullRate = cached / full.seconds;
    console.log(
      `full sync: ${cached.toLocaleString("en")} users cached in ${full.seconds.toFixed(1)} s (${Math.round(fullRate).toLocaleString("en")} users/s), ${full.failed.length} tenants failed, peak RSS ${mib(full.peakRssBytes)} MiB`,
    );
    for (const failure of full.failed.slice(0, 5)) console.log(`  failed: ${failure.tenantId}: ${failure.message}`);

    // 1% of the users, the same share in every tenant, among those whose job title Entra lets an app change.
    const perTenant = Math.max(1, Math.round(usersPerTenant * changedShare));
    const { rows: targets } = await database.pool.query<{ tenant_id: string; id: string }>(
      `SELECT tenant_id, id FROM (SELECT tenant_id, id, row_number() OVER (PARTITION BY tenant_id ORDER BY id) AS n
         FROM directory_users WHERE NOT synced AND deleted_at IS NULL AND user_type = 'Member' AND admin_role_ids = '{}') u
       WHERE n <= $1`,
      [perTenant],
    );
    await control("PATCH", "/settings", { throttling: { enabled: false } });
    started = performance.now();
    const tokens = new Map<string, string>();
    for (const tenantId of tenantIds) tokens.set(tenantId, await appToken(cloud, tenantId, app.body.appId, app.body.clientSecret));
    let next = 0;
    let changeFailures = 0;
    await Promise.all(
      Array.from({ length: writeConcurrency }, async () => {
        for (let i = next++; i < targets.length; i = next++) {
          const target = targets[i]!;
          const status = await patch(agent, `${cloud.url}/v1.0/users/${target.id}`, tokens.get(target.tenant_id)!, { jobTitle: `Bench change ${i}` });
          if (status !== 204) changeFailures++;
        }
      }),
    );
    await control("PATCH", "/settings", { throttling: { enabled: true }, resetUsage: true });
    console.log(`${targets.length.toLocaleString("en")} users changed through Graph in ${((performance.now() - started) / 1000).toFixed(1)} s (${changeFailures} failed)`);

    const delta = await runChild("delta", env);
    const seen = Number((await database.pool.query<{ n: string }>("SELECT count(*) AS n FROM directory_users WHERE job_title LIKE 'Bench change %'")).rows[0]!.n);
    console.log(`delta sync: ${delta.changes.toLocaleString("en")} changes applied in ${delta.seconds.toFixed(1)} s, ${seen.toLocaleString("en")} of ${targets.length.toLocaleString("en")} changed users in the cache, ${delta.failed.length} tenants failed, peak RSS ${mib(delta.peakRssBytes)} MiB`);

    const peak = Math.max(full.peakRssBytes, delta.peakRssBytes);
    const complete = cached === totalUsers && full.failed.length === 0 && delta.failed.length === 0 && changeFailures === 0 && seen === targets.length;
    const figures = {
      bench: "sync",
      tenants: options.tenants,
      users: totalUsers,
      concurrency: options.concurrency,
      graphEngine: !options.plain,
      fullSeconds: Number(full.seconds.toFixed(1)),
      fullUsersPerSecond: Math.round(fullRate),
      changedUsers: targets.length,
      deltaSeconds: Number(delta.seconds.toFixed(1)),
      deltaChangesApplied: delta.changes,
      peakRssMiB: mib(peak),
      sampledRssMiB: mib(Math.max(full.sampledRssBytes, delta.sampledRssBytes)),
      cacheComplete: complete,
    };
    console.log(JSON.stringify({ ...figures, target: { peakRssMiB: mib(targetPeakRssBytes), users: 1_000_000 }, pass: complete && peak <= targetPeakRssBytes && totalUsers >= 1_000_000 }));
  } finally {
    agent.destroy();
    await database?.close();
    await cloud.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

function patch(agent: Agent, url: string, token: string, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request(url, { method: "PATCH", agent, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(payload);
  });
}

const syncerIndex = process.argv.indexOf("--syncer");
if (syncerIndex >= 0) await runSyncer(process.argv[syncerIndex + 1] === "delta" ? "delta" : "full");
else await runBench({ users: option("users", 1_000_000), tenants: option("tenants", 200), concurrency: option("concurrency", 4), plain: process.argv.includes("--plain") });
