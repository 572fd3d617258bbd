import assert from "node:assert/strict";
import type { Client } from "@microsoft/microsoft-graph-client";
import { after, before, describe, test } from "node:test";
import { tenantReader } from "../../../test/support/tenant-reader.ts";
import { startTenantry, type TenantryServer } from "../../../test/support/tenantry-server.ts";

let server: TenantryServer;
let graph: Client;
const contoso = "/api/tenants/contoso.onmicrosoft.com/actions";

interface Answer {
  run: { state: string; before: Record<string, unknown>; after: Record<string, unknown>; warnings: string[] };
  secret?: { password: string };
  error?: { code: string; message: string };
}

before(async () => {
  server = await startTenantry();
  graph = (await tenantReader(server.cloudUrl, "contoso.onmicrosoft.com")).graph;
});

after(async () => {
  await server.stop();
  await server.remove();
});

const user = "useradmin@contoso.onmicrosoft.com";

describe("user property and account actions, checked through the Graph SDK", () => {
  test("identity, organisation and contact properties change together; null clears one", async () => {
    const changes = { givenName: "Una", surname: "Admin", department: "IT", companyName: "Contoso", employeeId: "E-1001", employeeType: "Employee", streetAddress: "1 Main St", city: "Leeds", state: "West Yorkshire", postalCode: "LS1 1AA", country: "United Kingdom", usageLocation: "GB" };
    const set = await server.api<Answer>("POST", `${contoso}/users.update-properties`, { userId: user, changes });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.deepEqual(set.body.run.after, changes);
    const read = await graph.api(`/users/${user}`).select(Object.keys(changes).join(",")).get();
    for (const [key, value] of Object.entries(changes)) assert.equal(read[key], value, key);
    const cleared = await server.api<Answer>("POST", `${contoso}/users.update-properties`, { userId: user, changes: { employeeType: null } });
    assert.equal(cleared.status, 200);
    assert.deepEqual(cleared.body.run.before, { employeeType: "Employee" });
    assert.deepEqual(cleared.body.run.after, { employeeType: null });
  });

  test("the manager is set by user principal name and removed with null; a user cannot manage themself", async () => {
    const set = await server.api<Answer>("POST", `${contoso}/users.update-properties`, { userId: user, changes: { manager: "helpdesk@contoso.onmicrosoft.com" } });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal((await graph.api(`/users/${user}/manager`).get()).userPrincipalName, "helpdesk@contoso.onmicrosoft.com");
    const removed = await server.api<Answer>("POST", `${contoso}/users.update-properties`, { userId: user, changes: { manager: null } });
    assert.deepEqual([removed.body.run.before.manager, removed.body.run.after.manager], ["helpdesk@contoso.onmicrosoft.com", null]);
    await assert.rejects(graph.api(`/users/${user}/manager`).get(), (error: { statusCode: number }) => error.statusCode === 404);
    const self = await server.api<Answer>("POST", `${contoso}/users.update-properties`, { userId: user, changes: { manager: user } });
    assert.equal(self.status, 422);
    assert.equal(self.body.error?.code, "manager_is_self");
    const nobody = await server.api<Answer & { error: { field: string } }>("POST", `${contoso}/users.update-properties`, { userId: user, changes: { manager: "ghost@contoso.onmicrosoft.com" } });
    assert.equal(nobody.status, 422);
    assert.equal(nobody.body.error.field, "changes.manager");
  });

  test("phones and other mails", async () => {
    const phones = await server.api<Answer>("POST", `${contoso}/users.update-phones`, { userId: user, changes: { businessPhones: ["+44 113 496 0000"], mobilePhone: "+44 7700 900000" } });
    assert.equal(phones.status, 200, JSON.stringify(phones.body));
    const mails = await server.api<Answer>("POST", `${contoso}/users.update-other-mails`, { userId: user, changes: { otherMails: ["una@example.com"] } });
    assert.equal(mails.status, 200, JSON.stringify(mails.body));
    const read = await graph.api(`/users/${user}`).select("businessPhones,mobilePhone,otherMails").get();
    assert.deepEqual([read.businessPhones, read.mobilePhone, read.otherMails], [["+44 113 496 0000"], "+44 7700 900000", ["una@example.com"]]);
  });

  test("disable, then enable", async () => {
    const disabled = await server.api<Answer>("POST", `${contoso}/users.disable`, { userId: user });
    assert.deepEqual([disabled.status, disabled.body.run.before.accountEnabled, disabled.body.run.after.accountEnabled], [200, true, false]);
    assert.equal((await graph.api(`/users/${user}`).select("accountEnabled").get()).accountEnabled, false);
    const enabled = await server.api<Answer>("POST", `${contoso}/users.enable`, { userId: user });
    assert.deepEqual([enabled.status, enabled.body.run.after.accountEnabled], [200, true]);
  });

  test("revoking sessions moves signInSessionsValidFromDateTime", async () => {
    const revoked = await server.api<Answer>("POST", `${contoso}/users.revoke-sessions`, { userId: user });
    assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
    const after = revoked.body.run.after.signInSessionsValidFromDateTime as string;
    assert.ok(Date.parse(after) > Date.parse((revoked.body.run.before.signInSessionsValidFromDateTime as string | null) ?? "1970-01-01"));
  });

  test("a custom password, without forcing a change, is never echoed", async () => {
    const password = "Correct-Horse-42";
    const reset = await server.api<Answer>("POST", `${contoso}/users.reset-password`, { userId: user, password: { mode: "custom", value: password }, forceChangePasswordNextSignIn: false });
    assert.equal(reset.status, 200, JSON.stringify(reset.body));
    assert.equal(reset.body.secret, undefined);
    assert.equal(reset.body.run.after.forceChangePasswordNextSignIn, false);
    assert.ok(!JSON.stringify(reset.body).includes(password));
    const audit = await fetch(`${server.url}/api/audit/export?format=csv`, { headers: { Authorization: `Bearer ${server.token}` } }).then((r) => r.text());
    assert.ok(audit.includes("users.reset-password"));
    assert.ok(!audit.includes(password));
  });
});
