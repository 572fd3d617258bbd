import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { Client } from "@microsoft/microsoft-graph-client";
import { after, before, describe, test } from "node:test";
import { directoryAuditReader } from "../../../test/support/directory-audits.ts";
import { controlApi, graphClient } from "../../../test/support/graph-clients.ts";
import type { LocalCloud } from "../../../test/support/local-cloud.ts";
import { tenantReader } from "../../../test/support/tenant-reader.ts";
import { startTenantry, type TenantryServer } from "../../../test/support/tenantry-server.ts";
import { roleTemplateIds } from "../../catalog/entra-role-data.ts";

let server: TenantryServer;
let graph: Client;
let tenantId: string;
const contoso = "/api/tenants/contoso.onmicrosoft.com/actions";

interface Run {
  id: string;
  state: string;
  target: { id?: string; display?: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  result: Record<string, unknown> | null;
  warnings: string[];
  correlationId: string;
}

interface Answer {
  run: Run;
  secret?: Record<string, string>;
  error?: { code: string; message: string; fix?: string; field?: string };
}

interface DeletedPage {
  data: { value: { id: string; userPrincipalName: string; deletedDateTime: string | null }[]; nextCursor: string | null };
}

before(async () => {
  server = await startTenantry();
  ({ graph, tenantId } = await tenantReader(server.cloudUrl, "contoso.onmicrosoft.com"));
});

after(async () => {
  await server.stop();
  await server.remove();
});

const act = (action: string, input: unknown) => server.api<Answer>("POST", `${contoso}/${action}`, input);

/** The run's two audit entries, requested and final, as /api/audit shows them. */
async function auditOf(run: Run) {
  const audit = await server.api<{ value: { outcome: string; before: object | null; after: object | null; correlationId: string }[] }>("GET", "/api/audit?order=asc&limit=500");
  return audit.body.value.filter((e) => e.correlationId === run.correlationId);
}

async function createUser(alias: string): Promise<{ id: string; upn: string }> {
  const upn = `${alias}-${randomUUID().slice(0, 8)}@contoso.onmicrosoft.com`;
  const created = await act("users.create", { userPrincipalName: upn, displayName: upn.split("@")[0]!, mailNickname: alias, password: { mode: "generate" } });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  return { id: String(created.body.run.result?.id), upn };
}

describe("user lifecycle actions", () => {
  test("users.create makes the user with its properties, shows a generated password once, and audits before and after", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const upn = `new.hire-${randomUUID().slice(0, 8)}@contoso.onmicrosoft.com`;
    const input = { userPrincipalName: upn, displayName: "New Hire", mailNickname: "new.hire", password: { mode: "generate" }, department: "Sales", jobTitle: "Account manager", usageLocation: "de" };
    const created = await act("users.create", input);
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const { run, secret } = created.body;
    assert.equal(run.state, "succeeded");
    assert.match(secret?.password ?? "", /^.{16}$/);
    assert.equal(typeof run.result?.id, "string");
    assert.deepEqual(run.before, { state: "absent" });
    assert.equal(run.after?.state, "active");
    assert.equal(run.after?.department, "Sales");
    assert.equal(run.after?.usageLocation, "DE");
    assert.ok(!JSON.stringify(run).includes(secret!.password!));
    const entries = await auditOf(run);
    assert.deepEqual(entries.map((e) => e.outcome), ["requested", "succeeded"]);
    assert.deepEqual(entries[1]!.before, { state: "absent" });
    assert.deepEqual(entries[1]!.after, run.after);
    const read = await graph.api(`/users/${run.result!.id}`).select("userPrincipalName,department,jobTitle,usageLocation").get();
    assert.deepEqual([read.userPrincipalName, read.department, read.jobTitle, read.usageLocation], [upn, "Sales", "Account manager", "DE"]);
    const audits = await directoryAuditReader(server.cloudUrl, "contoso.onmicrosoft.com");
    assert.deepEqual((await audits.about(upn, since)).map((e) => e.activityDisplayName), ["Add user"]);
  });

  test("users.create is refused when the user name is taken or its domain is not verified", async () => {
    const taken = await act("users.create", { userPrincipalName: "helpdesk@contoso.onmicrosoft.com", displayName: "Again", mailNickname: "again", password: { mode: "generate" } });
    assert.equal(taken.status, 409, JSON.stringify(taken.body));
    assert.equal(taken.body.error?.code, "upn_taken");
    assert.equal(taken.body.error?.field, "userPrincipalName");
    assert.match(taken.body.error?.message ?? "", /already has a user helpdesk@contoso\.onmicrosoft\.com/);
    assert.equal(taken.body.run.state, "refused");

    const foreign = await act("users.create", { userPrincipalName: "someone@fabrikam.com", displayName: "Someone", mailNickname: "someone", password: { mode: "generate" } });
    assert.equal(foreign.status, 422, JSON.stringify(foreign.body));
    assert.equal(foreign.body.error?.code, "domain_not_verified");
    assert.match(foreign.body.error?.message ?? "", /fabrikam\.com is not a verified domain of .+; its verified domains are .*contoso\.onmicrosoft\.com/);
    const audit = await auditOf(foreign.body.run);
    assert.deepEqual(audit.map((e) => e.outcome), ["denied"]);
  });

  test("users.invite-guest creates a guest user found by its mail, and hands out the redemption link once", async () => {
    const email = `partner-${randomUUID().slice(0, 8)}@example.org`;
    const invited = await act("users.invite-guest", { email, displayName: "Partner", redirectUrl: "https://myapps.microsoft.com" });
    assert.equal(invited.status, 200, JSON.stringify(invited.body));
    const { run, secret } = invited.body;
    assert.deepEqual(run.before, { state: "absent" });
    assert.equal(run.after?.userType, "Guest");
    assert.equal(run.after?.mail, email);
    assert.match(secret?.inviteRedeemUrl ?? "", /^https:\/\//);
    assert.ok(!JSON.stringify(run).includes(secret!.inviteRedeemUrl!));
    const guest = await graph.api(`/users/${run.result?.id}`).select("userType,mail").get();
    assert.deepEqual([guest.userType, guest.mail], ["Guest", email]);
    assert.deepEqual((await auditOf(run)).map((e) => e.outcome), ["requested", "succeeded"]);

    const members = (await graph.api("/users").filter("userType eq 'Member'").select("mail").top(100).get()) as { value: { mail: string | null }[] };
    const mail = members.value.find((u) => u.mail)?.mail;
    assert.ok(mail, "contoso has members with a mail address");
    const member = await act("users.invite-guest", { email: mail, redirectUrl: "https://myapps.microsoft.com" });
    assert.equal(member.status, 409, JSON.stringify(member.body));
    assert.equal(member.body.error?.code, "mail_in_use");
  });

  test("users.delete refuses a synced user and a Global Administrator, naming the role that could", async () => {
    const users = (await graph.api("/users").select("id,userPrincipalName,onPremisesSyncEnabled").top(999).get()) as { value: { userPrincipalName: string; onPremisesSyncEnabled: boolean | null }[] };
    const synced = users.value.find((u) => u.onPremisesSyncEnabled === true);
    assert.ok(synced, "contoso has synced users");
    const refused = await act("users.delete", { userId: synced.userPrincipalName });
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.equal(refused.body.error?.code, "synced_user");
    assert.match(refused.body.error?.message ?? "", /synced from on-premises Active Directory/);
    assert.match(refused.body.error?.fix ?? "", /on-premises Active Directory/);

    const admin = await act("users.delete", { userId: "admin@contoso.onmicrosoft.com" });
    assert.equal(admin.status, 403, JSON.stringify(admin.body));
    assert.equal(admin.body.error?.code, "service_principal_role_missing");
    assert.match(admin.body.error?.message ?? "", /admin@contoso\.onmicrosoft\.com is an administrator/);
    assert.match(admin.body.error?.fix ?? "", /Privileged Authentication Administrator/);
    assert.equal((await graph.api("/users/admin@contoso.onmicrosoft.com").select("id").get()).id.length, 36);
  });

  test("delete, list deleted, restore, delete again and delete permanently: each verified and audited", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const user = await createUser("leaver");

    const deleted = await act("users.delete", { userId: user.upn });
    assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
    assert.equal(deleted.body.run.before?.state, "active");
    assert.equal(deleted.body.run.after?.state, "deleted");
    assert.equal(typeof deleted.body.run.after?.deletedDateTime, "string");
    const deleteAudit = await auditOf(deleted.body.run);
    assert.deepEqual(deleteAudit.map((e) => [e.outcome, e.before, e.after]), [
      ["requested", deleted.body.run.before, null],
      ["succeeded", deleted.body.run.before, deleted.body.run.after],
    ]);
    await assert.rejects(graph.api(`/users/${user.id}`).get(), (error: { statusCode: number }) => error.statusCode === 404);

    const listed = await server.api<DeletedPage>("POST", `${contoso}/users.list-deleted`, { search: user.upn.split("@")[0] });
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    assert.deepEqual(listed.body.data.value.map((u) => u.id), [user.id]);

    const restored = await act("users.restore", { userId: user.id });
    assert.equal(restored.status, 200, JSON.stringify(restored.body));
    assert.deepEqual([restored.body.run.before?.state, restored.body.run.after?.state], ["deleted", "active"]);
    assert.equal((await graph.api(`/users/${user.id}`).select("id").get()).id, user.id);
    assert.deepEqual((await auditOf(restored.body.run)).map((e) => e.outcome), ["requested", "succeeded"]);

    const notDeleted = await act("users.delete-permanently", { userId: user.id });
    assert.equal(notDeleted.status, 404, JSON.stringify(notDeleted.body));
    assert.equal(notDeleted.body.error?.code, "deleted_user_not_found");

    assert.equal((await act("users.delete", { userId: user.id })).status, 200);
    const purged = await act("users.delete-permanently", { userId: user.id });
    assert.equal(purged.status, 200, JSON.stringify(purged.body));
    assert.deepEqual([purged.body.run.before?.state, purged.body.run.after?.state], ["deleted", "absent"]);
    assert.deepEqual((await auditOf(purged.body.run)).map((e) => e.outcome), ["requested", "succeeded"]);
    const gone = await server.api<DeletedPage>("POST", `${contoso}/users.list-deleted`, { search: user.upn.split("@")[0] });
    assert.deepEqual(gone.body.data.value, []);
    const again = await act("users.restore", { userId: user.id });
    assert.equal(again.status, 404);

    const audits = await directoryAuditReader(server.cloudUrl, "contoso.onmicrosoft.com");
    const events = (await audits.since(since)).filter((e) => e.targetResources.some((t) => t.id === user.id));
    assert.deepEqual(events.map((e) => e.activityDisplayName), ["Add user", "Delete user", "Restore user", "Delete user", "Hard delete user"]);
  });

  test("a deleted user whose name a new user took cannot be restored until the name is free", async () => {
    const first = await createUser("reused");
    assert.equal((await act("users.delete", { userId: first.id })).status, 200);
    const alias = first.upn.split("@")[0]!;
    const second = await act("users.create", { userPrincipalName: first.upn, displayName: "Second", mailNickname: alias, password: { mode: "generate" } });
    assert.equal(second.status, 200, JSON.stringify(second.body));
    const refused = await act("users.restore", { userId: first.id });
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.equal(refused.body.error?.code, "upn_taken");
    assert.match(refused.body.error?.message ?? "", /cannot be restored: the active user Second holds that user principal name/);
  });

  test("deleted users come a page at a time, and a cursor cannot be pointed anywhere else", async () => {
    const prefix = `pager-${randomUUID().slice(0, 6)}`;
    const users = [await createUser(`${prefix}-a`), await createUser(`${prefix}-b`), await createUser(`${prefix}-c`)];
    for (const user of users) assert.equal((await act("users.delete", { userId: user.id })).status, 200);
    const seen: string[] = [];
    let cursor: string | null | undefined;
    for (let page = 0; page < 5; page++) {
      const answer = await server.api<DeletedPage>("POST", `${contoso}/users.list-deleted`, cursor ? { cursor } : { search: prefix, top: 2 });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.ok(answer.body.data.value.length <= 2);
      seen.push(...answer.body.data.value.map((u) => u.id));
      cursor = answer.body.data.nextCursor;
      if (!cursor) break;
    }
    assert.deepEqual(seen.sort(), users.map((u) => u.id).sort());

    for (const forged of [Buffer.from("/users?$top=1").toString("base64url"), Buffer.from("https://evil.example/directory/deletedItems/microsoft.graph.user?").toString("base64url"), "not a cursor"]) {
      const refused = await server.api<{ error: { code: string; field: string } }>("POST", `${contoso}/users.list-deleted`, { cursor: forged });
      assert.equal(refused.status, 400, forged);
      assert.equal(refused.body.error.field, "cursor");
    }
  });

  test("a deleted administrator is restored or purged only when the service principal's roles allow it", async () => {
    // Another app, holding Global Administrator, deletes a Privileged Authentication Administrator.
    const cloud = { url: server.cloudUrl } as LocalCloud;
    const control = controlApi(cloud);
    const permissions = ["User.DeleteRestore.All", "User.Read.All"];
    const app = await control<{ appId: string; clientSecret: string }>("POST", "/applications", { homeTenantId: tenantId, displayName: "Other admin tool", requiredPermissions: permissions, credential: "secret" });
    assert.equal(app.status, 201, JSON.stringify(app.body));
    const consent = await control("POST", `/tenants/${tenantId}/consents`, { appId: app.body.appId, permissions, servicePrincipalRoles: [roleTemplateIds.globalAdministrator] });
    assert.equal(consent.status, 201, JSON.stringify(consent.body));
    const other = graphClient(cloud, tenantId, app.body.appId, app.body.clientSecret);
    const { id } = await graph.api("/users/privauth@contoso.onmicrosoft.com").select("id").get();
    await other.api(`/users/${id}`).delete();

    for (const action of ["users.restore", "users.delete-permanently"]) {
      const refused = await act(action, { userId: id });
      assert.equal(refused.status, 403, `${action}: ${JSON.stringify(refused.body)}`);
      assert.equal(refused.body.error?.code, "service_principal_role_missing");
      assert.match(refused.body.error?.message ?? "", /privauth@contoso\.onmicrosoft\.com is an administrator/);
      assert.match(refused.body.error?.fix ?? "", /assign the directory role Privileged Authentication Administrator/);
    }
    const listed = await server.api<DeletedPage>("POST", `${contoso}/users.list-deleted`, { search: "Privileged Authentication Admin" });
    assert.deepEqual(listed.body.data.value.map((u) => u.id), [id]);
    await other.api(`/directory/deletedItems/${id}/restore`).post({});
  });
});
