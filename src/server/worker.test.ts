import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { contoso, getJob, tenantUsers, updatesPerUser, waitForJob } from "../../test/support/bulk-jobs.ts";
import { controlApi } from "../../test/support/graph-clients.ts";
import type { LocalCloud } from "../../test/support/local-cloud.ts";
import { tenantReader } from "../../test/support/tenant-reader.ts";
import { cli, startTenantry, type TenantryServer } from "../../test/support/tenantry-server.ts";
import type { BulkJobView } from "../jobs/bulk/bulk-jobs-service.ts";
import { embeddedDatabaseUrl } from "./worker.ts";

interface Worker {
  readonly child: ChildProcess;
  readonly instanceId: string;
  output(): string;
}

let server: TenantryServer;
let database: pg.Pool;
let cloudUsers: string[];
let contosoId: string;
const workers: Worker[] = [];

let taken = 0;
function users(count: number): string[] {
  const slice = cloudUsers.slice(taken, taken + count);
  taken += count;
  assert.equal(slice.length, count);
  return slice;
}

/**
 * `tenantry worker` against serve's embedded PostgreSQL, as a second machine would run it against an external one.
 * Each runs 2 items at once, half of a tenant's 4: two workers running together must then share its items.
 */
async function startWorker(): Promise<Worker> {
  const child = spawn(process.execPath, [cli, "worker", "--data-dir", server.dir, "--concurrency", "2"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const instanceId = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`tenantry worker exited with ${code}: ${output}`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      output += `${line}\n`;
      const id = /^Tenantry worker (\S+) is running/.exec(line)?.[1];
      if (id) resolve(id);
    });
  });
  const worker = { child, instanceId, output: () => output };
  workers.push(worker);
  return worker;
}

function stopWorker(worker: Worker, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  return new Promise((resolve) => {
    if (worker.child.exitCode !== null || worker.child.signalCode !== null) return resolve();
    worker.child.once("exit", () => resolve());
    worker.child.kill(signal);
  });
}

async function createJob(targets: readonly string[], department: string): Promise<BulkJobView> {
  const created = await server.api<{ job: BulkJobView }>("POST", "/api/jobs", { action: "users.update-properties", input: { changes: { department } }, targets: [{ tenant: contoso, ids: targets }] });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.job;
}

/** Which processes finished the job's items, and how many items were run more than once (given back by a dead one). */
async function ranBy(jobId: string): Promise<{ instances: Set<string>; rerun: number }> {
  const { rows } = await database.query<{ runner_instance: string; tries: number }>("SELECT runner_instance, tries FROM bulk_job_items WHERE job_id = $1", [jobId]);
  return { instances: new Set(rows.map((r) => r.runner_instance)), rerun: rows.filter((r) => r.tries > 1).length };
}

async function addFault(rule: object): Promise<void> {
  const added = await controlApi({ url: server.cloudUrl } as LocalCloud)("POST", "/faults", { tenantId: contosoId, ...rule });
  assert.equal(added.status, 201, JSON.stringify(added.body));
}

const clearFaults = () => controlApi({ url: server.cloudUrl } as LocalCloud)("DELETE", "/faults");

before(async () => {
  // Serve runs no bulk items: the workers do.
  process.env.TENANTRY_BULK_CONCURRENCY = "0";
  server = await startTenantry();
  database = new pg.Pool({ connectionString: await embeddedDatabaseUrl(server.dir), max: 2 });
  cloudUsers = await tenantUsers(server, contoso, false);
  const tenants = await controlApi({ url: server.cloudUrl } as LocalCloud)<{ value: { id: string; defaultDomain: string }[] }>("GET", "/tenants");
  contosoId = tenants.body.value.find((t) => t.defaultDomain === contoso)!.id;
});

after(async () => {
  await clearFaults().catch(() => undefined);
  for (const worker of workers) await stopWorker(worker);
  await database?.end();
  await server?.stop();
  await server?.remove();
});

describe("tenantry worker", () => {
  test("a worker killed with SIGKILL mid-job: other workers finish it, every user changed exactly once", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const targets = users(200);
    // Slow writes, so that the worker dies with changes in flight: some sent, some not yet.
    await addFault({ methods: ["PATCH"], latencyMs: 100, responseLatencyMs: 100 });
    const first = await startWorker();
    const job = await createJob(targets, "Survived a crash");
    await waitForJob(server, job.id, (j) => j.progress.done >= 30 && j.progress.running > 0);
    await stopWorker(first, "SIGKILL");
    const killedAt = await getJob(server, job.id);
    assert.ok(killedAt.progress.remaining > 0, "killed mid-job");

    await Promise.all([startWorker(), startWorker()]);
    const done = await waitForJob(server, job.id);
    await clearFaults();
    assert.deepEqual([done.progress.succeeded, done.progress.failed, done.progress.refused], [200, 0, 0], JSON.stringify(done.progress));
    const updates = await updatesPerUser(server, contoso, targets, since);
    const notOnce = [...updates].filter(([, n]) => n !== 1);
    assert.deepEqual(notOnce, [], "every user changed exactly once");
    const { instances, rerun } = await ranBy(job.id);
    assert.ok(instances.has(first.instanceId), "the killed worker finished some items");
    assert.ok(instances.size >= 2, "the others finished the rest");
    assert.ok(rerun > 0, "the items the killed worker held were given back and run again");
  });

  test("two workers share a job without running any item twice", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const targets = users(100);
    const running = workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
    assert.equal(running.length, 2);
    const job = await createJob(targets, "Shared by two");
    const done = await waitForJob(server, job.id);
    assert.deepEqual([done.progress.succeeded, done.progress.failed], [100, 0]);
    const updates = await updatesPerUser(server, contoso, targets, since);
    assert.deepEqual([...updates].filter(([, n]) => n !== 1), []);
    const { instances } = await ranBy(job.id);
    assert.deepEqual([...instances].sort(), running.map((w) => w.instanceId).sort(), "both workers ran items");
  });

  test("with 10% of Graph's answers 429 or 503, every item ends correct, each change made once", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const targets = users(100);
    await addFault({ rate: 0.1, statuses: [429, 503], seed: 7 });
    let done: BulkJobView;
    try {
      const job = await createJob(targets, "Through the storm");
      done = await waitForJob(server, job.id);
    } finally {
      await clearFaults();
    }
    assert.deepEqual([done.progress.succeeded, done.progress.failed, done.progress.refused], [100, 0, 0], JSON.stringify(done.progress));
    const updates = await updatesPerUser(server, contoso, targets, since);
    assert.deepEqual([...updates].filter(([, n]) => n !== 1), []);
    const { graph } = await tenantReader(server.cloudUrl, contoso);
    for (const upn of targets) {
      const user = (await graph.api(`/users/${encodeURIComponent(upn)}`).select("department").get()) as { department: string };
      assert.equal(user.department, "Through the storm", upn);
    }
  });
});
