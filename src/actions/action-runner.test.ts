import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { directoryAuditReader } from "../../test/support/directory-audits.ts";
import { startTenantry, type TenantryServer } from "../../test/support/tenantry-server.ts";

let server: TenantryServer;

before(async () => {
  server = await startTenantry();
});

after(async () => {
  await server.stop();
  await server.remove();
});

const contoso = "/api/tenants/contoso.onmicrosoft.com/actions";

describe("the action runner over the API", () => {
  test("a property change is journalled with before and after, audited twice under one correlation id, and verified", async () => {
    const { status, body } = await server.api<{ run: { state: string; before: object; after: object; correlationId: string; graphRequestIds: string[] } }>(
      "POST",
      `${contoso}/users.update-properties`,
      { userId: "globalreader@contoso.onmicrosoft.com", changes: { jobTitle: "Auditor of things", department: "Finance" } },
    );
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.run.state, "succeeded");
    assert.deepEqual(body.run.after, { jobTitle: "Auditor of things", department: "Finance" });
    assert.ok(body.run.graphRequestIds.length >= 3);
    const audit = await server.api<{ value: { outcome: string; before: object | null; after: object | null; graphRequestIds: string[] }[] }>("GET", `/api/audit?order=asc&action=users.update-properties`);
    const entries = audit.body.value.filter((e) => JSON.stringify(e).includes(body.run.correlationId));
    assert.deepEqual(entries.map((e) => e.outcome), ["requested", "succeeded"]);
    assert.deepEqual(entries[1]!.before, body.run.before);
    assert.deepEqual(entries[1]!.after, body.run.after);
  });

  test("a retry with the same idempotency key returns the first outcome and changes nothing again", async () => {
    const audits = await directoryAuditReader(server.cloudUrl, "contoso.onmicrosoft.com");
    const since = new Date(Date.now() - 1000).toISOString();
    const headers = { "Idempotency-Key": "retry-test-1" };
    const input = { userId: "licenseadmin@contoso.onmicrosoft.com", changes: { officeLocation: "Building 7" } };
    const first = await server.api<{ run: { id: string }; replayed: boolean }>("POST", `${contoso}/users.update-properties`, input, headers);
    const second = await server.api<{ run: { id: string }; replayed: boolean }>("POST", `${contoso}/users.update-properties`, input, headers);
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.equal(second.body.run.id, first.body.run.id);
    assert.equal(second.body.replayed, true);
    const reused = await server.api<{ error: { code: string } }>("POST", `${contoso}/users.update-properties`, { ...input, changes: { officeLocation: "Elsewhere" } }, headers);
    assert.equal(reused.status, 422);
    assert.equal(reused.body.error.code, "idempotency_key_reused");
    const events = await audits.about("licenseadmin@contoso.onmicrosoft.com", since);
    assert.deepEqual(events.map((e) => e.activityDisplayName), ["Update user"]);
  });

  test("a generated password is returned once, never stored, and the retry says so", async () => {
    const headers = { "Idempotency-Key": "reset-once-1" };
    const input = { userId: "groupsadmin@contoso.onmicrosoft.com", password: { mode: "generate" } };
    const first = await server.api<{ run: { inputs: object; after: { generated: boolean } }; secret?: { password: string } }>("POST", `${contoso}/users.reset-password`, input, headers);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.match(first.body.secret?.password ?? "", /^.{16}$/);
    assert.equal(first.body.run.after.generated, true);
    const again = await server.api<{ secret?: unknown }>("POST", `${contoso}/users.reset-password`, input, headers);
    assert.equal(again.body.secret, undefined);
    const exported = await fetch(`${server.url}/api/audit/export?format=json`, { headers: { Authorization: `Bearer ${server.token}` } }).then((r) => r.text());
    assert.ok(!exported.includes(first.body.secret!.password));
  });

  test("a change sent but not read back (Graph failing reads) answers 202, and the same key later gets the outcome settled from Graph", async () => {
    const faults = `${server.cloudUrl}/_cloud/faults`;
    const post = (rule: object) => fetch(faults, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(rule) });
    const tenants = (await (await fetch(`${server.cloudUrl}/_cloud/tenants`)).json()) as { value: { id: string; defaultDomain: string }[] };
    const tenantId = tenants.value.find((t) => t.defaultDomain === "contoso.onmicrosoft.com")!.id;
    // The PATCH is served at once and its answer held back; meanwhile every read starts failing.
    assert.equal((await post({ tenantId, methods: ["PATCH"], responseLatencyMs: 1500 })).status, 201);
    const headers = { "Idempotency-Key": "unverified-1" };
    const input = { userId: "pwadmin@contoso.onmicrosoft.com", changes: { department: "Read back later" } };
    const pending = server.api<{ run: { state: string; reconciled: boolean; after: { department?: string } | null } }>("POST", `${contoso}/users.update-properties`, input, headers);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal((await post({ tenantId, methods: ["GET"], rate: 1, statuses: [503] })).status, 201);
    const first = await pending;
    assert.equal(first.status, 202, JSON.stringify(first.body));
    assert.equal(first.body.run.state, "requested");
    await fetch(faults, { method: "DELETE" });
    const settled = await server.api<{ run: { state: string; reconciled: boolean; after: { department?: string } } }>("POST", `${contoso}/users.update-properties`, input, headers);
    assert.equal(settled.status, 200, JSON.stringify(settled.body));
    assert.deepEqual([settled.body.run.state, settled.body.run.reconciled, settled.body.run.after.department], ["succeeded", true, "Read back later"]);
  });
});
