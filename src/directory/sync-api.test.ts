// The directory sync as serve runs it: on start, after changes, on request through the API and the CLI,
// within each operator's scope.
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, test } from "node:test";
import { runTenantryCli } from "../../test/support/tenantry-cli.ts";
import { tenantReader } from "../../test/support/tenant-reader.ts";
import { startTenantry, type TenantryServer } from "../../test/support/tenantry-server.ts";
import type { SyncState } from "./sync-state-store.ts";

type State = SyncState & { displayName: string | null; defaultDomain: string | null };

let server: TenantryServer;
let scopedToken: string;
const contoso = "contoso.onmicrosoft.com";
const fabrikam = "fabrikam.onmicrosoft.com";
const northwind = "northwind.onmicrosoft.com";
const woodgrove = "woodgrove.onmicrosoft.com";

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await sleep(250);
  }
}

async function states(): Promise<Map<string, State>> {
  const answer = await server.api<{ value: State[] }>("GET", "/api/sync");
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return new Map(answer.body.value.map((s) => [s.defaultDomain ?? s.tenantId, s]));
}

async function stateOf(tenant: string): Promise<State> {
  const answer = await server.api<State>("GET", `/api/tenants/${tenant}/sync`);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body;
}

function asScoped(method: string, path: string, body?: unknown) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${scopedToken}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

before(async () => {
  server = await startTenantry();
  const operator = "synctech@tenantrypartners.onmicrosoft.com";
  assert.equal((await server.api("POST", "/api/operators", { userPrincipalName: operator, displayName: "Sync Technician" })).status, 201);
  assert.equal((await server.api("POST", "/api/role-assignments", { principal: { operator }, role: "Helpdesk Administrator", scope: { tenant: contoso } })).status, 201);
  const token = await server.api<{ token: string }>("POST", `/api/operators/${operator}/tokens`, { name: "sync test", scopes: ["actions:read", "actions:write"] });
  assert.equal(token.status, 201, JSON.stringify(token.body));
  scopedToken = token.body.token;
});

after(async () => {
  await server?.stop();
  await server?.remove();
});

describe("directory sync in serve", () => {
  test("tenants never synced are synced when serve starts; Reporting consent is enough; a tenant without consent says why", async () => {
    const synced = await until("the first syncs", states, (s) => [contoso, fabrikam, northwind].every((t) => s.get(t)?.lastSuccessAt) && Boolean(s.get(woodgrove)?.lastErrorAt));
    const { graph } = await tenantReader(server.cloudUrl, contoso);
    let users = 0;
    let page = await graph.api("/users").select("id").top(999).get();
    for (users += page.value.length; page["@odata.nextLink"]; users += page.value.length) page = await graph.api(page["@odata.nextLink"]).get();
    const state = synced.get(contoso)!;
    assert.equal(state.counts.users, users);
    assert.equal(state.lastKind, "full");
    assert.ok(state.counts.groups > 0 && state.counts.groupMembers > 0 && state.counts.skus > 0 && state.counts.roleAssignments > 0, JSON.stringify(state.counts));
    assert.ok(synced.get(northwind)!.counts.users > 0, "the Reporting permissions are enough to sync");
    const refused = synced.get(woodgrove)!;
    assert.equal(refused.lastSuccessAt, null);
    assert.deepEqual([refused.lastError?.step, refused.lastError?.code], ["access", "tenant_access"]);
    assert.match(refused.lastError?.fix ?? "", /consent/i);
  });

  test("a change Tenantry makes is followed by a delta sync of that tenant", async () => {
    const before = await until("contoso to be idle", () => stateOf(contoso), (s) => s.runningSince === null && s.lastSuccessAt !== null);
    const change = await server.api<{ run: { state: string } }>("POST", `/api/tenants/${contoso}/actions/users.update-properties`, { userId: `pwadmin@${contoso}`, changes: { jobTitle: "Cache follows" } });
    assert.equal(change.body.run.state, "succeeded", JSON.stringify(change.body));
    const after = await until("a delta sync after the change", () => stateOf(contoso), (s) => s.lastSuccessAt !== before.lastSuccessAt && s.runningSince === null, 30_000);
    assert.equal(after.lastKind, "delta");
    assert.ok((after.lastChanges ?? 0) >= 1, JSON.stringify(after));
  });

  test("the CLI runs a sync and waits for it, and shows the state of every tenant", async () => {
    const run = await runTenantryCli(server, ["sync", "run", "--tenant", fabrikam, "--full", "--wait", "--timeout", "120"]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /: ok\n/);
    assert.match(run.stdout, /last success: .* \(full, /);
    const status = await runTenantryCli(server, ["sync", "status"]);
    assert.equal(status.code, 0, status.stderr);
    for (const tenant of [contoso, fabrikam, northwind]) assert.match(status.stdout, new RegExp(`${tenant.replaceAll(".", "\\.")}\\s+ok\\s`));
    assert.match(status.stdout, /woodgrove\.onmicrosoft\.com\s+failed\s/);
    const refused = await runTenantryCli(server, ["sync", "status", "--tenant", woodgrove]);
    assert.equal(refused.code, 0, refused.stderr);
    assert.match(refused.stdout, /failed[\s\S]*last error .*access[\s\S]*fix: /);
    const json = await runTenantryCli(server, ["sync", "status", "--tenant", fabrikam, "--output", "json"]);
    assert.equal((JSON.parse(json.stdout) as State).lastKind, "full");
  });

  test("an operator sees and refreshes the sync of its own tenants only", async () => {
    const list = (await (await asScoped("GET", "/api/sync")).json()) as { value: State[] };
    assert.deepEqual(list.value.map((s) => s.defaultDomain), [contoso]);
    assert.equal((await asScoped("GET", `/api/tenants/${fabrikam}/sync`)).status, 404);
    assert.equal((await asScoped("POST", `/api/tenants/${fabrikam}/sync`, {})).status, 404);
    const queued = await asScoped("POST", `/api/tenants/${contoso}/sync`, { full: false });
    assert.equal(queued.status, 202);
    const body = (await queued.json()) as { requestedAt: string; state: State };
    assert.equal(body.state.defaultDomain, contoso);
    await until("the requested sync", () => stateOf(contoso), (s) => s.runningSince === null && s.lastSuccessAt !== null && Date.parse(s.lastSuccessAt) > Date.parse(body.requestedAt), 30_000);
    assert.equal((await asScoped("POST", `/api/tenants/${contoso}/sync`, { full: "yes" })).status, 400);
  });
});
