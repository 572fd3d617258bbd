import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { directoryAuditReader } from "../../test/support/directory-audits.ts";
import { controlApi } from "../../test/support/graph-clients.ts";
import type { LocalCloud } from "../../test/support/local-cloud.ts";
import { tenantReader } from "../../test/support/tenant-reader.ts";
import { startTenantry, type TenantryServer } from "../../test/support/tenantry-server.ts";
import { stopOrphanedPostmaster } from "../store/orphaned-postmaster.ts";

const tenant = "contoso.onmicrosoft.com";
const actions = `/api/tenants/${tenant}/actions`;

interface Run {
  id: string;
  state: string;
  reconciled: boolean;
  correlationId: string;
  after: Record<string, unknown> | null;
  warnings: string[];
  error: { code: string; message: string } | null;
}

interface RunAnswer {
  run: Run;
  replayed: boolean;
  secret?: unknown;
  error?: { code: string };
}

interface AuditEntry {
  outcome: string;
  correlationId: string;
  inputs: Record<string, unknown>;
}

let server: TenantryServer;

before(async () => {
  server = await startTenantry();
});

after(async () => {
  if (server.child.exitCode === null && server.child.signalCode === null) await server.stop();
  else await stopOrphanedPostmaster(join(server.dir, "postgres"), () => {});
  await server.remove();
});

/** Kills serve (and with it the local cloud it runs) as a crash would, then starts it again on the same data. */
async function crashAndRestart(): Promise<void> {
  await server.stop("SIGKILL");
  // Its embedded PostgreSQL outlives it; the new serve stops that one before starting its own.
  server = await startTenantry({ dir: server.dir });
}

async function addFault(rule: object): Promise<void> {
  const added = await controlApi({ url: server.cloudUrl } as LocalCloud)("POST", "/faults", { tenantId: tenant, methods: ["PATCH"], ...rule });
  assert.equal(added.status, 201, JSON.stringify(added.body));
}

/** Sends a write without waiting for it: its answer never comes, serve is killed first. */
function sendAndForget(action: string, input: object, key: string): void {
  server.api("POST", `${actions}/${action}`, input, { "Idempotency-Key": key }).catch(() => undefined);
}

async function auditEntries(action: string): Promise<AuditEntry[]> {
  return (await server.api<{ value: AuditEntry[] }>("GET", `/api/audit?order=asc&limit=500&action=${action}`)).body.value;
}

/** The run's intent is committed: its "requested" audit entry exists. */
async function untilRequested(action: string, userId: string): Promise<AuditEntry> {
  for (const started = Date.now(); Date.now() - started < 30_000; await sleep(50)) {
    const entry = (await auditEntries(action)).find((e) => e.outcome === "requested" && e.inputs.userId === userId);
    if (entry) return entry;
  }
  throw new Error(`No "requested" audit entry for ${action} on ${userId}.`);
}

async function propertyOf(userId: string, property: string): Promise<unknown> {
  const { graph } = await tenantReader(server.cloudUrl, tenant, ["User.Read.All"]);
  return ((await graph.api(`/users/${userId}`).select(property).get()) as Record<string, unknown>)[property];
}

/** Waits until the tenant's directory audit shows the change, then long enough for the cloud to persist it. */
async function untilChangedInCloud(userId: string, activity: string, since: string): Promise<void> {
  const audits = await directoryAuditReader(server.cloudUrl, tenant);
  for (const started = Date.now(); Date.now() - started < 30_000; await sleep(50)) {
    if ((await audits.about(userId, since)).some((e) => e.activityDisplayName === activity)) {
      // The local cloud appends its changes to its journal at most 200 ms apart.
      await sleep(800);
      return;
    }
  }
  throw new Error(`The cloud shows no "${activity}" for ${userId}.`);
}

async function directoryActivities(userId: string, since: string): Promise<string[]> {
  const audits = await directoryAuditReader(server.cloudUrl, tenant);
  return (await audits.about(userId, since)).map((e) => e.activityDisplayName);
}

async function outcomesOf(action: string, correlationId: string): Promise<string[]> {
  return (await auditEntries(action)).filter((e) => e.correlationId === correlationId).map((e) => e.outcome);
}

async function auditChainIsIntact(): Promise<void> {
  const verified = await server.api<{ ok: boolean }>("POST", "/api/audit/verify");
  assert.equal(verified.body.ok, true, JSON.stringify(verified.body));
}

describe("a crash between intent and outcome is settled from Graph, and nothing is applied twice", () => {
  test("killed before the change reached the cloud: the run is failed as interrupted, and the cloud is unchanged", async () => {
    const userId = `licenseadmin@${tenant}`;
    const key = "crash-before-change-1";
    const input = { userId, changes: { officeLocation: "Never reached" } };
    const since = new Date().toISOString();
    const officeBefore = await propertyOf(userId, "officeLocation");
    // PATCH requests wait 10 s before the cloud serves them: serve dies while its write waits.
    await addFault({ latencyMs: 10_000 });
    sendAndForget("users.update-properties", input, key);
    const requested = await untilRequested("users.update-properties", userId);

    await crashAndRestart();

    const retry = await server.api<RunAnswer>("POST", `${actions}/users.update-properties`, input, { "Idempotency-Key": key });
    assert.equal(retry.status, 502, JSON.stringify(retry.body));
    assert.equal(retry.body.replayed, true);
    assert.equal(retry.body.run.correlationId, requested.correlationId);
    assert.deepEqual([retry.body.run.state, retry.body.run.error?.code, retry.body.run.reconciled], ["failed", "interrupted", true]);
    assert.deepEqual(retry.body.run.after, { officeLocation: officeBefore });
    assert.deepEqual(await outcomesOf("users.update-properties", requested.correlationId), ["requested", "failed"]);
    assert.equal(await propertyOf(userId, "officeLocation"), officeBefore, "the cloud shows the property unchanged");
    assert.deepEqual(await directoryActivities(userId, since), [], "the directory audit shows no change of the user");
    await auditChainIsIntact();
  });

  test("killed after the cloud applied the change: the run is succeeded from Graph, and the change was made once", async () => {
    const userId = `globalreader@${tenant}`;
    const key = "crash-after-change-1";
    const input = { userId, changes: { jobTitle: "Settled from Graph" } };
    const since = new Date().toISOString();
    // The cloud makes the change at once and answers 10 s later: serve dies before it hears back.
    await addFault({ responseLatencyMs: 10_000 });
    sendAndForget("users.update-properties", input, key);
    const requested = await untilRequested("users.update-properties", userId);
    await untilChangedInCloud(userId, "Update user", since);

    await crashAndRestart();

    const retry = await server.api<RunAnswer>("POST", `${actions}/users.update-properties`, input, { "Idempotency-Key": key });
    assert.equal(retry.status, 200, JSON.stringify(retry.body));
    assert.equal(retry.body.replayed, true);
    assert.deepEqual([retry.body.run.state, retry.body.run.reconciled, retry.body.run.error], ["succeeded", true, null]);
    assert.deepEqual(retry.body.run.after, { jobTitle: "Settled from Graph" });
    const again = await server.api<RunAnswer>("POST", `${actions}/users.update-properties`, input, { "Idempotency-Key": key });
    assert.equal(again.body.run.id, retry.body.run.id);
    assert.deepEqual(await directoryActivities(userId, since), ["Update user"], "the change was made exactly once");
    assert.deepEqual(await outcomesOf("users.update-properties", requested.correlationId), ["requested", "succeeded"]);
    assert.equal(await propertyOf(userId, "jobTitle"), "Settled from Graph");
    await auditChainIsIntact();
  });

  test("a generated password whose answer was lost: the reset succeeded, and the run says to reset it again", async () => {
    const userId = `groupsadmin@${tenant}`;
    const key = "crash-after-reset-1";
    const input = { userId, password: { mode: "generate" } };
    const since = new Date().toISOString();
    await addFault({ responseLatencyMs: 10_000 });
    sendAndForget("users.reset-password", input, key);
    const requested = await untilRequested("users.reset-password", userId);
    await untilChangedInCloud(userId, "Reset user password", since);

    await crashAndRestart();

    const retry = await server.api<RunAnswer>("POST", `${actions}/users.reset-password`, input, { "Idempotency-Key": key });
    assert.equal(retry.status, 200, JSON.stringify(retry.body));
    assert.deepEqual([retry.body.run.state, retry.body.run.reconciled, retry.body.replayed], ["succeeded", true, true]);
    assert.equal(retry.body.secret, undefined, "nobody can be shown the lost password");
    assert.ok(
      retry.body.run.warnings.some((w) => /generated password was lost/.test(w) && /reset it again/.test(w)),
      JSON.stringify(retry.body.run.warnings),
    );
    assert.deepEqual(await directoryActivities(userId, since), ["Reset user password"], "the password was reset exactly once");
    assert.deepEqual(await outcomesOf("users.reset-password", requested.correlationId), ["requested", "succeeded"]);
    await auditChainIsIntact();
  });
});
