import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { contoso, getJob, jobItems, tenantUsers, updatesPerUser, waitForJob } from "../../../test/support/bulk-jobs.ts";
import { controlApi } from "../../../test/support/graph-clients.ts";
import type { LocalCloud } from "../../../test/support/local-cloud.ts";
import { runTenantryCli } from "../../../test/support/tenantry-cli.ts";
import { startTenantry, type TenantryServer } from "../../../test/support/tenantry-server.ts";
import type { PlannedItem } from "./bulk-dry-run.ts";
import type { BulkJobView, RejectedTarget } from "./bulk-jobs-service.ts";

let server: TenantryServer;
let cloudUsers: string[];
let syncedUsers: string[];
const actions = "users.update-properties";

/** Disjoint users per test, so that each test counts only its own changes. */
let taken = 0;
function users(count: number): string[] {
  const slice = cloudUsers.slice(taken, taken + count);
  taken += count;
  assert.equal(slice.length, count, "the tenant has enough cloud users");
  return slice;
}

interface Created {
  job: BulkJobView;
  rejected: RejectedTarget[];
}

before(async () => {
  // Two runs per item: a retry after a Graph failure, then the item fails (for retry-failed).
  process.env.TENANTRY_BULK_ITEM_TRIES = "2";
  server = await startTenantry();
  cloudUsers = await tenantUsers(server, contoso, false);
  syncedUsers = await tenantUsers(server, contoso, true);
});

after(async () => {
  await server?.stop();
  await server?.remove();
});

async function createJob(ids: readonly string[], input: object, dryRun = false) {
  return server.api<Created & { items: PlannedItem[]; summary: Record<string, number>; error: { code: string; field?: string } }>("POST", "/api/jobs", {
    action: actions,
    input,
    targets: [{ tenant: contoso, ids }],
    dryRun,
  });
}

describe("bulk jobs", () => {
  test("a dry run says what would change and what would be refused, and why, without any change", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const [cloud1, cloud2] = users(2);
    const synced = syncedUsers[0]!;
    const auditBefore = await server.api<{ value: unknown[] }>("GET", `/api/audit?action=${actions}&limit=500`);
    const planned = await createJob([cloud1!, synced, cloud2!, "nobody@contoso.onmicrosoft.com", "not a user"], { changes: { jobTitle: "Dry run title" } }, true);
    assert.equal(planned.status, 200, JSON.stringify(planned.body));
    const byTarget = new Map(planned.body.items.map((i) => [i.target, i]));
    assert.equal(byTarget.get(cloud1!)?.outcome, "would-change");
    assert.deepEqual(byTarget.get(cloud1!)?.change, { userId: cloud1, changes: { jobTitle: "Dry run title" } });
    assert.ok(byTarget.get(cloud1!)?.before && "jobTitle" in byTarget.get(cloud1!)!.before!, "shows the value now");
    const refusedSynced = byTarget.get(synced)!;
    assert.equal(refusedSynced.outcome, "would-refuse");
    assert.match(refusedSynced.error!.message, /on-premises|synced/i);
    assert.equal(byTarget.get("nobody@contoso.onmicrosoft.com")?.outcome, "would-refuse");
    assert.equal(byTarget.get("not a user")?.error?.code, "invalid_input");
    assert.deepEqual(planned.body.summary, { "would-change": 2, "would-refuse": 3, unchecked: 0 });

    const auditAfter = await server.api<{ value: unknown[] }>("GET", `/api/audit?action=${actions}&limit=500`);
    assert.equal(auditAfter.body.value.length, auditBefore.body.value.length, "nothing journalled or audited");
    const updates = await updatesPerUser(server, contoso, [cloud1!, cloud2!, synced], since);
    assert.deepEqual([...updates.values()], [0, 0, 0], "nothing written to Graph");
    assert.equal((await server.api<{ value: BulkJobView[] }>("GET", "/api/jobs")).body.value.length, 0, "a dry run queues no job");
  });

  test("a CSV with bad rows: each bad row is reported with its line and reason, and the good rows run", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const good = users(3);
    const csv = [
      "tenant,user,jobTitle,department",
      `${contoso},${good[0]},Analyst,Finance`,
      `unknown.onmicrosoft.com,${good[1]},Analyst,`,
      `${contoso},not-a-upn,Analyst,`,
      `${contoso},${good[1]},${"x".repeat(200)},`,
      `${contoso},${good[1]},Analyst,Sales,extra`,
      `${contoso},"${good[1]}","Senior ""Lead"", Ops",`,
      `${contoso},${good[2]},,Legal`,
    ].join("\r\n");
    const answer = await fetch(`${server.url}/api/jobs/csv?action=${actions}`, { method: "POST", headers: { Authorization: `Bearer ${server.token}`, "Content-Type": "text/csv" }, body: csv });
    const created = (await answer.json()) as Created;
    assert.equal(answer.status, 201, JSON.stringify(created));
    const rejected = new Map(created.rejected.map((r) => [r.row, r.error]));
    assert.deepEqual([...rejected.keys()].sort(), [3, 4, 5, 6]);
    assert.equal(rejected.get(3)!.code, "tenant_not_connected");
    assert.match(rejected.get(3)!.message, /unknown\.onmicrosoft\.com/);
    assert.equal(rejected.get(4)!.field, "userId");
    assert.equal(rejected.get(5)!.field, "changes.jobTitle");
    assert.match(rejected.get(5)!.message, /128/);
    assert.match(rejected.get(6)!.message, /5 cells/);

    const job = await waitForJob(server, created.job.id);
    assert.deepEqual([job.state, job.progress.succeeded, job.progress.refused, job.progress.failed], ["finished", 3, 4, 0]);
    const items = await jobItems(server, created.job.id, "refused");
    assert.deepEqual(items.map((i) => i.row).sort(), [3, 4, 5, 6]);
    const updates = await updatesPerUser(server, contoso, good, since);
    assert.deepEqual([...updates.values()], [1, 1, 1], "each good row changed its user once");
    const details = await server.api<{ data: { jobTitle: string | null } }>("POST", `/api/tenants/${contoso}/actions/users.get`, { userId: good[1] });
    assert.equal(details.body.data.jobTitle, 'Senior "Lead", Ops');
    const unknownColumn = await server.api<Created>("POST", "/api/jobs/csv", { action: actions, csv: `tenant,user,favouriteColour\n${contoso},${good[0]},blue\n` });
    assert.equal(unknownColumn.status, 201);
    assert.equal(unknownColumn.body.rejected[0]?.error.code, "unknown_column");
    assert.equal(unknownColumn.body.rejected[0]?.row, 2);
  });

  test("pause holds the items not started, resume finishes them, cancel skips them", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const targets = users(40);
    const created = await createJob(targets, { changes: { department: "Paused and resumed" } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const paused = await server.api<BulkJobView>("POST", `/api/jobs/${created.body.job.id}/pause`);
    assert.equal(paused.status, 200, JSON.stringify(paused.body));
    const settled = await waitForJob(server, created.body.job.id, (job) => job.progress.running === 0);
    await sleep(2500);
    const still = await getJob(server, created.body.job.id);
    assert.equal(still.state, "paused");
    assert.equal(still.progress.done, settled.progress.done, "nothing runs while paused");
    assert.ok(still.progress.remaining > 0);
    assert.equal((await server.api<{ error: { code: string } }>("POST", `/api/jobs/${created.body.job.id}/pause`)).body.error.code, "job_not_running");
    assert.equal((await server.api("POST", `/api/jobs/${created.body.job.id}/resume`)).status, 200);
    const done = await waitForJob(server, created.body.job.id);
    assert.deepEqual([done.state, done.progress.succeeded, done.progress.remaining, done.progress.etaSeconds], ["finished", 40, 0, 0]);
    assert.ok(done.progress.ratePerSecond > 0);
    const updates = await updatesPerUser(server, contoso, targets, since);
    assert.ok([...updates.values()].every((n) => n === 1), JSON.stringify([...updates]));

    const cancelled = await createJob(users(40), { changes: { department: "Cancelled" } });
    await server.api("POST", `/api/jobs/${cancelled.body.job.id}/pause`);
    const stopped = await server.api<BulkJobView>("POST", `/api/jobs/${cancelled.body.job.id}/cancel`);
    assert.equal(stopped.status, 200);
    const final = await waitForJob(server, cancelled.body.job.id, (job) => job.progress.running === 0);
    assert.equal(final.state, "cancelled");
    assert.ok(final.progress.skipped > 0);
    assert.equal(final.progress.succeeded + final.progress.skipped, 40);
    assert.equal((await jobItems(server, cancelled.body.job.id, "skipped"))[0]?.error?.code, "cancelled");
    assert.equal((await server.api<{ error: { code: string } }>("POST", `/api/jobs/${cancelled.body.job.id}/resume`)).status, 409);
  });

  test("items Graph keeps failing end failed; retry-failed runs them again with new keys and they succeed", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const control = controlApi({ url: server.cloudUrl } as LocalCloud);
    const tenants = await control<{ value: { id: string; defaultDomain: string }[] }>("GET", "/tenants");
    const tenantId = tenants.body.value.find((t) => t.defaultDomain === contoso)!.id;
    assert.equal((await control("POST", "/faults", { tenantId, methods: ["PATCH"], rate: 1, statuses: [503] })).status, 201);
    const targets = users(5);
    let job: BulkJobView | undefined;
    let attempts = new Map<string, number>();
    try {
      const created = await createJob(targets, { changes: { officeLocation: "Retried" } });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      job = await waitForJob(server, created.body.job.id);
      assert.deepEqual([job.progress.failed, job.progress.succeeded], [5, 0]);
      const failed = await jobItems(server, job.id, "failed");
      // Graph's 503 to a write leaves its outcome unknown: the run is settled from Graph, "interrupted", and tried again.
      assert.ok(failed.every((i) => i.tries === 2 && i.runId && i.error), JSON.stringify(failed[0]));
      attempts = new Map(failed.map((i) => [i.id, i.attempt]));
      // Settled from Graph by the item's second run or by the reconciler (every minute), while the
      // change is still not in effect: read back after the retry, it would be.
      let failedRuns: unknown[] = [];
      for (const started = Date.now(); failedRuns.length === 0 && Date.now() - started < 90_000; await new Promise((resolve) => setTimeout(resolve, 1000))) {
        const runs = await server.api<{ value: { outcome: string; inputs: { userId: string } }[] }>("GET", `/api/audit?action=${actions}&outcome=failed&limit=500`);
        failedRuns = runs.body.value.filter((e) => e.outcome === "failed" && e.inputs.userId === targets[0]);
      }
      assert.ok(failedRuns.length >= 1, `the failed attempts are in the audit log; the items: ${JSON.stringify(failed)}`);
    } finally {
      await control("DELETE", "/faults");
    }
    const retried = await server.api<BulkJobView>("POST", `/api/jobs/${job!.id}/retry-failed`);
    assert.equal(retried.status, 200, JSON.stringify(retried.body));
    const done = await waitForJob(server, job!.id);
    assert.deepEqual([done.progress.failed, done.progress.succeeded], [0, 5]);
    const items = await jobItems(server, job!.id);
    assert.ok(items.every((i) => i.attempt === attempts.get(i.id)! + 1 && i.state === "succeeded"), "each with a new attempt, so a new idempotency key");
    const updates = await updatesPerUser(server, contoso, targets, since);
    assert.ok([...updates.values()].every((n) => n === 1), "the failed attempts changed nothing; the retry changed each user once");
  });

  test("a selection made by a search of the directory cache: the job covers exactly the users the search finds", async () => {
    let state: { tenantId: string; lastSuccessAt: string | null } | undefined;
    for (const started = Date.now(); Date.now() - started < 60_000 && !state?.lastSuccessAt; await new Promise((resolve) => setTimeout(resolve, 250))) {
      state = (await server.api<{ tenantId: string; lastSuccessAt: string | null }>("GET", `/api/tenants/${contoso}/sync`)).body;
    }
    assert.ok(state?.lastSuccessAt, "the tenant's directory is cached");
    const found = await server.api<{ value: { id: string }[] }>("GET", `/api/users/search?q=kimberly&tenant=${contoso}&limit=500`);
    assert.equal(found.status, 200, JSON.stringify(found.body));
    assert.ok(found.body.value.length >= 2, "the search finds several users");
    const planned = await server.api<{ items: { target: string }[] }>("POST", "/api/jobs", {
      action: actions,
      input: { changes: { department: "Searched" } },
      search: { text: "kimberly", tenantId: state.tenantId },
      dryRun: true,
    });
    assert.equal(planned.status, 200, JSON.stringify(planned.body));
    assert.deepEqual(planned.body.items.map((i) => i.target).sort(), found.body.value.map((u) => u.id).sort());
    const both = await server.api<{ error: { field: string } }>("POST", "/api/jobs", { action: actions, search: { text: "kimberly" }, targets: [{ tenant: contoso, ids: ["x@y.com"] }] });
    assert.equal(both.status, 400);
    assert.equal(both.body.error.field, "targets");
  });

  test("bad requests are answered with the field; a tenant outside an operator's scope is not found; its jobs are not shown to others", async () => {
    const bad = async (body: object, field: string, status = 400) => {
      const answer = await server.api<{ error: { code: string; field?: string } }>("POST", "/api/jobs", body);
      assert.equal(answer.status, status, JSON.stringify(answer.body));
      assert.equal(answer.body.error.field, field, JSON.stringify(answer.body));
    };
    const one = [{ tenant: contoso, ids: [cloudUsers[0]] }];
    await bad({ action: "users.nothing", targets: one }, "action");
    await bad({ action: "users.list", targets: one }, "action");
    await bad({ action: "users.create", targets: one }, "action");
    await bad({ action: actions, targets: [] }, "targets");
    await bad({ action: actions, targets: one, colour: "red" }, "colour");
    await bad({ action: actions, input: { changes: { jobTitel: "Typo" } }, targets: one }, "input.changes");
    await bad({ action: actions, input: { changes: {} }, targets: one }, "input.changes");
    await bad({ action: "users.reset-password", input: { password: { mode: "generate" } }, targets: one }, "input", 422);
    assert.equal((await server.api("GET", "/api/jobs/not-a-job")).status, 400);
    assert.equal((await server.api("GET", "/api/jobs/00000000-0000-4000-8000-000000000000")).status, 404);

    assert.equal((await server.api("POST", "/api/operators", { userPrincipalName: "fabrikam-tech@msp.example" })).status, 201);
    const assigned = await server.api("POST", "/api/role-assignments", { principal: { operator: "fabrikam-tech@msp.example" }, role: "User Administrator", scope: { tenant: "fabrikam.onmicrosoft.com" } });
    assert.equal(assigned.status, 201, JSON.stringify(assigned.body));
    const issued = await server.api<{ token: string }>("POST", "/api/operators/fabrikam-tech@msp.example/tokens", { name: "test", scopes: ["actions:read", "actions:write"] });
    const tech = { Authorization: `Bearer ${issued.body.token}` };
    const asTech = (method: string, path: string, body?: object) =>
      fetch(`${server.url}${path}`, { method, headers: { ...tech, ...(body ? { "Content-Type": "application/json" } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const outside = await asTech("POST", "/api/jobs", { action: actions, input: { changes: { department: "X" } }, targets: one });
    assert.equal(outside.status, 404);
    const listed = (await (await asTech("GET", "/api/jobs")).json()) as { value: BulkJobView[] };
    assert.deepEqual(listed.value, [], "jobs in Contoso are not shown to a technician of Fabrikam");
    const someone = (await server.api<{ value: BulkJobView[] }>("GET", "/api/jobs")).body.value[0]!;
    assert.equal((await asTech("GET", `/api/jobs/${someone.id}`)).status, 404);
    assert.equal((await asTech("POST", `/api/jobs/${someone.id}/cancel`)).status, 404);

    const csv = `tenant,user,department\n${contoso},${cloudUsers[0]},X\nfabrikam.onmicrosoft.com,nobody@fabrikam.onmicrosoft.com,X\n`;
    const mixed = (await (await asTech("POST", "/api/jobs/csv", { action: actions, csv, dryRun: true })).json()) as { items: PlannedItem[] };
    assert.equal(mixed.items[0]?.error?.code, "tenant_not_connected", "a row of a tenant outside the scope reads as not connected");
    assert.equal(mixed.items[1]?.outcome, "would-refuse");
    assert.match(mixed.items[1]?.error?.message ?? "", /nobody/);
  });

  test("the CLI: a dry run from a CSV, a job from --users followed to the end, the list", async () => {
    const [first, second] = users(2);
    const file = join(server.dir, "dry-run.csv");
    await writeFile(file, `tenant,user,jobTitle\n${contoso},${first},CLI title\n${contoso},${syncedUsers[1]},CLI title\n`);
    const dry = await runTenantryCli(server, ["jobs", "run", "--action", actions, "--csv", file, "--dry-run"]);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /would-change/);
    assert.match(dry.stdout, /jobTitle: .* -> "CLI title"/);
    assert.match(dry.stdout, /would-refuse/);
    assert.match(dry.stderr, /1 would change, 1 would be refused/);

    const ran = await runTenantryCli(server, ["jobs", "run", "--action", actions, "--input", '{"changes":{"department":"CLI"}}', "--users", `${first},${second}`, "--tenant", contoso, "--watch"]);
    assert.equal(ran.code, 0, ran.stderr);
    assert.match(ran.stderr, /2\/2 done, 0 left, .*\(finished\)/);
    assert.match(ran.stdout, /finished/);
    const listed = await runTenantryCli(server, ["jobs", "list", "--output", "json"]);
    const jobs = JSON.parse(listed.stdout) as { value: BulkJobView[] };
    assert.equal(jobs.value[0]?.progress.succeeded, 2);
    const items = await runTenantryCli(server, ["jobs", "items", jobs.value[0]!.id]);
    assert.match(items.stdout, new RegExp(`${first}\\s+succeeded`));
  });
});
