// GET /api/tenants/{tenant}/users/{user}/allowed-actions against a real `tenantry serve` and its local cloud:
// the answers are the runner's own decisions (a scoped operator's refusal is the one a run gets), with the
// guards on the user: deleted or not, synced from on-premises, an administrator, the tenant's consent.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTenantry, type TenantryServer } from "../../test/support/tenantry-server.ts";

interface Answer {
  tenantId: string;
  user: { id: string; userPrincipalName: string; deleted: boolean; deletedDateTime: string | null };
  value: { action: string; title: string; allowed: boolean; reason?: string; fix?: string; code?: string; properties?: { property: string; allowed: boolean; reason?: string; code?: string }[] }[];
}
interface ListedUser {
  id: string;
  userPrincipalName: string;
}

const contoso = "contoso.onmicrosoft.com";
const helpdeskOperator = "helpdesk-tech@tenantrypartners.onmicrosoft.com";
let server: TenantryServer;
let helpdeskToken: string;
let cloudUsers: ListedUser[];
let syncedUser: ListedUser;

async function listUsers(tenant: string, input: Record<string, unknown>): Promise<ListedUser[]> {
  const answer = await server.api<{ data: { value: ListedUser[] } }>("POST", `/api/tenants/${tenant}/actions/users.list`, input);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.data.value;
}

/** Cloud users of contoso without a directory role (the seeded administrators live on the onmicrosoft.com domain). */
async function plainCloudUsers(): Promise<ListedUser[]> {
  const users = (await listUsers(contoso, { synced: false, userType: "Member", top: 60 })).filter((u) => !u.userPrincipalName.endsWith(".onmicrosoft.com"));
  const plain: ListedUser[] = [];
  for (const user of users.slice(0, 6)) {
    const details = await server.api<{ data: { adminRoles: unknown[] } }>("POST", `/api/tenants/${contoso}/actions/users.get`, { userId: user.id });
    if (details.body.data.adminRoles.length === 0) plain.push(user);
  }
  assert.ok(plain.length >= 2, "two cloud users without roles");
  return plain;
}

async function allowedActions(user: string, options: { tenant?: string; token?: string } = {}): Promise<{ status: number; body: Answer }> {
  const path = `/api/tenants/${options.tenant ?? contoso}/users/${encodeURIComponent(user)}/allowed-actions`;
  if (!options.token) return server.api<Answer>("GET", path);
  const response = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${options.token}` } });
  return { status: response.status, body: (await response.json()) as Answer };
}

const answerFor = (answer: Answer, action: string) => {
  const found = answer.value.find((a) => a.action === action);
  assert.ok(found, `an answer for ${action}`);
  return found;
};

before(async () => {
  server = await startTenantry();
  assert.equal((await server.api("POST", "/api/operators", { userPrincipalName: helpdeskOperator, displayName: "Helpdesk Technician" })).status, 201);
  const assigned = await server.api("POST", "/api/role-assignments", { principal: { operator: helpdeskOperator }, role: "Helpdesk Administrator", scope: { tenant: contoso } });
  assert.equal(assigned.status, 201, JSON.stringify(assigned.body));
  const token = await server.api<{ token: string }>("POST", `/api/operators/${helpdeskOperator}/tokens`, { name: "allowed actions test", scopes: ["actions:read", "actions:write"] });
  assert.equal(token.status, 201, JSON.stringify(token.body));
  helpdeskToken = token.body.token;
  cloudUsers = await plainCloudUsers();
  syncedUser = (await listUsers(contoso, { synced: true, top: 1 }))[0]!;
});

after(async () => {
  await server?.stop();
  await server?.remove();
});

describe("GET /api/tenants/{tenant}/users/{user}/allowed-actions", () => {
  test("a Helpdesk Administrator may reset a user's password and revoke its sessions, and is told why it may not delete it or change its properties", async () => {
    const { status, body } = await allowedActions(cloudUsers[0]!.id, { token: helpdeskToken });
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.user.id, cloudUsers[0]!.id);
    assert.equal(body.user.deleted, false);
    assert.equal(answerFor(body, "users.reset-password").allowed, true);
    assert.equal(answerFor(body, "users.revoke-sessions").allowed, true);
    const remove = answerFor(body, "users.delete");
    assert.equal(remove.allowed, false);
    assert.equal(remove.code, "operator_not_allowed");
    assert.match(remove.reason ?? "", /Helpdesk Administrator.*does not grant microsoft\.directory\/users\/delete/);
    assert.match(remove.fix ?? "", /Ask a Platform Administrator to assign you .*Administrator/);
    const properties = answerFor(body, "users.update-properties");
    assert.equal(properties.allowed, false);
    assert.ok(properties.properties?.length && properties.properties.every((p) => !p.allowed && p.code === "operator_not_allowed"), JSON.stringify(properties.properties));
    assert.match(properties.reason ?? "", /users\/basic\/update/);
    assert.equal(answerFor(body, "users.restore").code, "user_not_deleted");
    assert.ok(body.value.every((a) => a.action !== "users.get" && a.action !== "users.list"), "reads are not listed");
  });

  test("the refusal is the one a run gets: running the refused action is refused with the same message, and nothing changes", async () => {
    const { body } = await allowedActions(cloudUsers[0]!.id, { token: helpdeskToken });
    const response = await fetch(`${server.url}/api/tenants/${contoso}/actions/users.delete`, {
      method: "POST",
      headers: { Authorization: `Bearer ${helpdeskToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({ userId: cloudUsers[0]!.id }),
    });
    const run = (await response.json()) as { error: { code: string; message: string; fix?: string } };
    assert.equal(response.status, 403);
    assert.equal(run.error.code, "operator_not_allowed");
    assert.equal(run.error.message, answerFor(body, "users.delete").reason);
    assert.equal(run.error.fix, answerFor(body, "users.delete").fix);
    assert.equal((await allowedActions(cloudUsers[0]!.id)).body.user.deleted, false);
  });

  test("an administrator target: Microsoft's table refuses a Helpdesk Administrator the Global Administrator's password", async () => {
    const { status, body } = await allowedActions(`admin@${contoso}`, { token: helpdeskToken });
    assert.equal(status, 200, JSON.stringify(body));
    const reset = answerFor(body, "users.reset-password");
    assert.equal(reset.allowed, false);
    assert.equal(reset.code, "operator_role_insufficient");
    assert.match(reset.reason ?? "", /is an administrator/);
    assert.equal(answerFor(body, "users.revoke-sessions").allowed, true, "revoking sessions is not in Microsoft's tables");
  });

  test("a synced user: what on-premises Active Directory masters is refused, property by property; usage location and the password are not", async () => {
    const { status, body } = await allowedActions(syncedUser.id);
    assert.equal(status, 200, JSON.stringify(body));
    const disable = answerFor(body, "users.disable");
    assert.equal(disable.allowed, false);
    assert.equal(disable.code, "synced_user");
    assert.match(disable.reason ?? "", /synced from on-premises Active Directory, which masters accountEnabled/);
    const properties = answerFor(body, "users.update-properties");
    assert.equal(properties.allowed, true, "usage location may still change");
    const byName = new Map(properties.properties?.map((p) => [p.property, p]));
    assert.equal(byName.get("jobTitle")?.code, "synced_user");
    assert.equal(byName.get("manager")?.code, "synced_user");
    assert.equal(byName.get("usageLocation")?.allowed, true);
    assert.equal(answerFor(body, "users.reset-password").allowed, true);
    assert.equal(answerFor(body, "licenses.assign-user").allowed, true);
  });

  test("a tenant that has not granted what an action needs: refused with the consent to give", async () => {
    const user = (await listUsers("northwind.onmicrosoft.com", { top: 1 }))[0]!;
    const { status, body } = await allowedActions(user.id, { tenant: "northwind.onmicrosoft.com" });
    assert.equal(status, 200, JSON.stringify(body));
    const remove = answerFor(body, "users.delete");
    assert.equal(remove.code, "consent_missing");
    assert.match(remove.fix ?? "", /admin consent/);
  });

  test("a deleted user: only restoring it (or deleting it for good) is offered", async () => {
    const target = cloudUsers[1]!;
    const deleted = await server.api("POST", `/api/tenants/${contoso}/actions/users.delete`, { userId: target.id });
    assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
    const { status, body } = await allowedActions(target.id);
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.user.deleted, true);
    assert.equal(body.user.userPrincipalName.toLowerCase(), target.userPrincipalName.toLowerCase());
    assert.ok(body.user.deletedDateTime);
    assert.equal(answerFor(body, "users.restore").allowed, true);
    assert.equal(answerFor(body, "users.delete-permanently").allowed, true);
    assert.equal(answerFor(body, "users.disable").code, "user_deleted");
    const helpdesk = await allowedActions(target.id, { token: helpdeskToken });
    assert.equal(answerFor(helpdesk.body, "users.restore").code, "operator_not_allowed");
  });

  test("an unknown user is a 404 naming it; a tenant outside the operator's scope is not connected", async () => {
    const unknown = await allowedActions(`nobody@${contoso}`);
    assert.equal(unknown.status, 404);
    assert.equal((unknown.body as unknown as { error: { code: string } }).error.code, "user_not_found");
    const outside = await allowedActions(`admin@fabrikam.onmicrosoft.com`, { tenant: "fabrikam.onmicrosoft.com", token: helpdeskToken });
    assert.equal(outside.status, 404);
    const bad = await allowedActions("not a user");
    assert.equal(bad.status, 400);
  });
});
