import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { directoryAuditReader } from "../../../test/support/directory-audits.ts";
import { tenantReader } from "../../../test/support/tenant-reader.ts";
import { startTenantry, type TenantryServer } from "../../../test/support/tenantry-server.ts";

let server: TenantryServer;
let syncedUser: string;

interface Refusal {
  error: { code: string; message: string; fix?: string; field?: string };
  run: { state: string; target: { display?: string } | null };
}

const contoso = "/api/tenants/contoso.onmicrosoft.com/actions";

before(async () => {
  server = await startTenantry();
  syncedUser = await findSyncedMember();
});

after(async () => {
  await server.stop();
  await server.remove();
});

/** A synced member of Contoso, found through the official Graph SDK as an app of the test's own. */
async function findSyncedMember(): Promise<string> {
  const { graph } = await tenantReader(server.cloudUrl, "contoso.onmicrosoft.com", ["User.Read.All"]);
  const synced = (await graph.api("/users").filter("onPremisesSyncEnabled eq true and userType eq 'Member'").header("ConsistencyLevel", "eventual").query({ $count: "true" }).top(1).get()) as { value: { userPrincipalName: string }[] };
  return synced.value[0]!.userPrincipalName;
}

describe("guards refuse before Graph is called, with the reason and the fix", () => {
  test("a synced user's on-premises-mastered property is refused, and nothing reaches the cloud", async () => {
    const audits = await directoryAuditReader(server.cloudUrl, "contoso.onmicrosoft.com");
    const since = new Date(Date.now() - 1000).toISOString();
    const { status, body } = await server.api<Refusal>("POST", `${contoso}/users.update-properties`, { userId: syncedUser, changes: { jobTitle: "Changed in the cloud" } });
    assert.equal(status, 422);
    assert.equal(body.error.code, "synced_user");
    assert.equal(body.error.field, "jobTitle");
    assert.match(body.error.message, /synced from on-premises Active Directory, which masters jobTitle/);
    assert.match(body.error.fix ?? "", /on-premises Active Directory/);
    assert.equal(body.run.state, "refused");
    assert.deepEqual(await audits.about(syncedUser, since), []);
    const entries = await server.api<{ value: { outcome: string; target: { display: string } | null }[] }>("GET", `/api/audit?action=users.update-properties&outcome=denied`);
    assert.ok(entries.body.value.some((e) => e.target?.display === syncedUser));
  });

  test("a synced user's usage location is still allowed (cloud-mastered)", async () => {
    const { status, body } = await server.api<{ run: { state: string; after: { usageLocation: string } } }>("POST", `${contoso}/users.update-properties`, { userId: syncedUser, changes: { usageLocation: "NL" } });
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.run.after.usageLocation, "NL");
  });

  test("a synced user's password reset works, and warns that without writeback it changes the cloud password only", async () => {
    const { status, body } = await server.api<{ run: { state: string; warnings: string[] }; secret: { password: string } }>("POST", `${contoso}/users.reset-password`, { userId: syncedUser, password: { mode: "generate" } });
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.run.state, "succeeded");
    assert.match(body.run.warnings.join(" "), /password writeback.*cloud sign-in only/);
  });

  test("disabling a Global Administrator is refused, naming the role the service principal lacks", async () => {
    const { status, body } = await server.api<Refusal>("POST", `${contoso}/users.disable`, { userId: "admin@contoso.onmicrosoft.com" });
    assert.equal(status, 403);
    assert.equal(body.error.code, "service_principal_role_missing");
    assert.match(body.error.message, /admin@contoso\.onmicrosoft\.com is an administrator.*User Administrator may not/);
    assert.match(body.error.fix ?? "", /assign the directory role Privileged Authentication Administrator to the service principal "Tenantry"/);
    assert.equal(body.run.target?.display, "admin@contoso.onmicrosoft.com");
  });

  test("resetting the password of a Helpdesk Administrator is allowed to a User Administrator service principal; of a Privileged Authentication Administrator it is not", async () => {
    const allowed = await server.api<{ run: { state: string } }>("POST", `${contoso}/users.reset-password`, { userId: "helpdesk@contoso.onmicrosoft.com", password: { mode: "generate" } });
    assert.equal(allowed.status, 200, JSON.stringify(allowed.body));
    const refused = await server.api<Refusal>("POST", `${contoso}/users.reset-password`, { userId: "privauth@contoso.onmicrosoft.com", password: { mode: "generate" } });
    assert.equal(refused.status, 403);
    assert.match(refused.body.error.message, /reset the password of/);
    assert.match(refused.body.error.fix ?? "", /Privileged Authentication Administrator/);
  });

  test("a non-sensitive property of an administrator may be changed; a sensitive one may not", async () => {
    const jobTitle = await server.api<{ run: { state: string } }>("POST", `${contoso}/users.update-properties`, { userId: "admin@contoso.onmicrosoft.com", changes: { jobTitle: "Chief Administrator" } });
    assert.equal(jobTitle.status, 200, JSON.stringify(jobTitle.body));
    const phones = await server.api<Refusal>("POST", `${contoso}/users.update-phones`, { userId: "admin@contoso.onmicrosoft.com", changes: { mobilePhone: "+1 555 0100" } });
    assert.equal(phones.status, 403);
    assert.equal(phones.body.error.code, "service_principal_role_missing");
  });

  test("an action the partially consented tenant has not granted is refused with the missing permission and the consent link", async () => {
    const { status, body } = await server.api<Refusal>("POST", "/api/tenants/northwind.onmicrosoft.com/actions/users.reset-password", { userId: "helpdesk@northwind.onmicrosoft.com", password: { mode: "generate" } });
    assert.equal(status, 403);
    assert.equal(body.error.code, "consent_missing");
    assert.match(body.error.message, /Northwind Traders has not granted Tenantry User-PasswordProfile\.ReadWrite\.All/);
    assert.match(body.error.fix ?? "", /adminconsent\?client_id=/);
  });

  test("an unknown user is a 404 with Graph's message, recorded as refused", async () => {
    const { status, body } = await server.api<Refusal>("POST", `${contoso}/users.enable`, { userId: "nobody-here@contoso.onmicrosoft.com" });
    assert.equal(status, 404);
    assert.match(body.error.message, /Microsoft Graph: .*nobody-here@contoso\.onmicrosoft\.com/);
    assert.equal(body.run.state, "refused");
  });

  test("a not consented tenant is refused with the consent link before any run", async () => {
    const { status, body } = await server.api<{ error: { message: string; fix: string } }>("POST", "/api/tenants/woodgrove.onmicrosoft.com/actions/users.enable", { userId: "admin@woodgrove.onmicrosoft.com" });
    assert.equal(status, 403);
    assert.match(body.error.fix, /adminconsent/);
  });
});
