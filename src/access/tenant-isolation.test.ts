// Issue 6: an operator scoped to tenant A gets 403 or 404 on every route of the OpenAPI document when given
// tenant B's ids, and the routes it may use answer without a trace of tenant B.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { catalog } from "../catalog/catalog.ts";
import { tenantReader } from "../../test/support/tenant-reader.ts";
import { startTenantry, type TenantryServer } from "../../test/support/tenantry-server.ts";

let server: TenantryServer;
let scopedToken: string;
const tenantA = "contoso.onmicrosoft.com";
const tenantB = "fabrikam.onmicrosoft.com";
let tenantBId: string;
let userB: string;
let groupB: string;

/** Routes an operator may call whatever its scope, about itself; they hold nothing of other tenants. */
const selfRoutes = new Set(["/api/me", "/api/me/tokens", "/api/me/tokens/{id}"]);
/** Routes outside the API that answer without a token (the browser's returns from Entra). */
const publicPrefixes = ["/auth/", "/tenants/consent-callback", "/api/openapi.json"];

before(async () => {
  server = await startTenantry();
  const { graph, tenantId } = await tenantReader(server.cloudUrl, tenantB);
  tenantBId = tenantId;
  userB = ((await graph.api(`/users/admin@${tenantB}`).select("id").get()) as { id: string }).id;
  groupB = ((await graph.api("/groups").top(1).select("id").get()) as { value: { id: string }[] }).value[0]!.id;
  const add = await server.api("POST", "/api/operators", { userPrincipalName: "isolated@tenantrypartners.onmicrosoft.com", displayName: "Isolated Technician" });
  assert.equal(add.status, 201, JSON.stringify(add.body));
  const assign = await server.api("POST", "/api/role-assignments", { principal: { operator: "isolated@tenantrypartners.onmicrosoft.com" }, role: "User Administrator", scope: { tenant: tenantA } });
  assert.equal(assign.status, 201, JSON.stringify(assign.body));
  const token = await server.api<{ token: string }>("POST", "/api/operators/isolated@tenantrypartners.onmicrosoft.com/tokens", {
    name: "isolation test",
    scopes: ["actions:read", "actions:write", "audit:read", "platform"],
  });
  assert.equal(token.status, 201, JSON.stringify(token.body));
  scopedToken = token.body.token;
  assert.equal((await server.api("PUT", "/api/user-templates/isolation", { domain: tenantB, usageLocation: "DE" })).status, 201);
});

after(async () => {
  await server.stop();
  await server.remove();
});

/** A valid input for every catalog action, naming objects of tenant B, so that only the scope can refuse it. */
function inputFor(action: string): unknown {
  const inputs: Record<string, unknown> = {
    "users.list": {},
    "users.get": { userId: userB },
    "groups.list": {},
    "groups.get": { groupId: groupB },
    "groups.list-members": { groupId: groupB },
    "licenses.list-subscribed-skus": {},
    "roles.list-assignments": {},
    "tenant.get-organization": {},
    "users.update-properties": { userId: userB, changes: { jobTitle: "Moved" } },
    "users.update-phones": { userId: userB, changes: { mobilePhone: "+1 555 0100" } },
    "users.update-other-mails": { userId: userB, changes: { otherMails: [] } },
    "users.enable": { userId: userB },
    "users.disable": { userId: userB },
    "users.revoke-sessions": { userId: userB },
    "users.reset-password": { userId: userB, password: { mode: "generate" } },
    "users.create": { userPrincipalName: `intruder@${tenantB}`, displayName: "Intruder", mailNickname: "intruder", password: { mode: "generate" } },
    "users.invite-guest": { email: "guest@example.com", redirectUrl: "https://example.com/" },
    "users.delete": { userId: userB },
    "users.list-deleted": {},
    "users.restore": { userId: userB },
    "users.delete-permanently": { userId: userB },
    "licenses.assign-user": { userId: userB, add: [{ sku: "SPE_E3" }] },
    "licenses.assign-group": { groupId: groupB, add: [{ sku: "SPE_E3" }] },
    "groups.add-member": { groupId: groupB, memberId: userB },
    "groups.remove-member": { groupId: groupB, memberId: userB },
    "groups.update-properties": { groupId: groupB, changes: { description: "Moved" } },
  };
  if (!(action in inputs)) throw new Error(`No example input for ${action}: add one, so that the new action is checked too.`);
  return inputs[action];
}

/** The request for a route, with tenant B wherever a tenant can be named. */
function requestFor(path: string, method: string): { url: string; body?: unknown } {
  const actionId = /\/actions\/(.+)$/.exec(path)?.[1];
  // A tenant parameter names tenant B; a user parameter a user of tenant B; an id parameter a GUID that exists
  // nowhere; a name parameter a template.
  const url = path.replace("{tenant}", tenantBId).replace("{user}", userB).replace("{id}", randomUUID()).replace(/\{[^}]+\}/g, "isolation");
  if (actionId) return { url, body: inputFor(actionId) };
  if (path === "/api/audit" || path === "/api/audit/export") return { url: `${url}?tenant=${tenantBId}${path.endsWith("export") ? "&format=json" : ""}` };
  if (method === "get" || method === "delete") return { url };
  if (path.includes("create-user")) return { url, body: { alias: "intruder", displayName: "Intruder", password: { mode: "generate" } } };
  if (path === "/api/jobs") return { url, body: { action: "users.update-properties", input: { changes: { department: "Moved" } }, targets: [{ tenant: tenantBId, ids: [userB] }] } };
  if (path === "/api/jobs/csv") return { url, body: { action: "users.update-properties", input: { changes: { department: "Moved" } }, csv: `tenant,user\n${tenantBId},${userB}\n` } };
  if (path === "/api/access/check") return { url, body: { operator: "isolated@tenantrypartners.onmicrosoft.com", tenant: tenantBId, action: "users.reset-password", target: userB } };
  return { url, body: { tenant: tenantBId } };
}

async function call(method: string, url: string, body?: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(`${server.url}${url}`, {
    method: method.toUpperCase(),
    headers: { Authorization: `Bearer ${scopedToken}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

test("every route of the OpenAPI document refuses tenant B to an operator scoped to tenant A", async () => {
  const document = (await server.api<{ paths: Record<string, Record<string, unknown>> }>("GET", "/api/openapi.json")).body;
  const catalogRoutes = new Set(catalog.map((a) => `/api/tenants/{tenant}/actions/${a.id}`));
  let checked = 0;
  for (const [path, methods] of Object.entries(document.paths)) {
    if (publicPrefixes.some((p) => path.startsWith(p)) || selfRoutes.has(path)) continue;
    for (const method of Object.keys(methods)) {
      const { url, body } = requestFor(path, method);
      const { status, text } = await call(method, url, body);
      if (path === "/api/jobs/csv") {
        // A CSV is checked row by row: every row naming tenant B is rejected as not connected, and nothing runs.
        const answer = JSON.parse(text) as { rejected?: { error: { message: string } }[] };
        assert.ok(status === 201 || status === 422 || status === 404, `${path} answered ${status}: ${text.slice(0, 300)}`);
        if (status === 201) {
          assert.ok(answer.rejected?.length === 1 && /not connected/.test(answer.rejected[0]!.error.message), text.slice(0, 300));
        }
      } else if (status === 200 && method === "get") {
        // A list it may read (its tenants, roles, templates): nothing of tenant B in it.
        assert.ok(!text.includes(tenantBId) && !text.includes(tenantB), `${method.toUpperCase()} ${path} shows tenant B: ${text.slice(0, 300)}`);
      } else {
        assert.ok(status === 403 || status === 404, `${method.toUpperCase()} ${path} answered ${status}: ${text.slice(0, 300)}`);
      }
      checked++;
    }
  }
  assert.ok([...catalogRoutes].every((route) => route in document.paths), "every catalog action is in the document");
  assert.ok(checked >= catalog.length + 20, `${checked} routes checked`);
});

test("the same operator may act in tenant A (the refusals above are the scope, not the token)", async () => {
  const { status, text } = await call("post", `/api/tenants/${tenantA}/actions/users.get`, { userId: `useradmin@${tenantA}` });
  assert.equal(status, 200, text);
});
