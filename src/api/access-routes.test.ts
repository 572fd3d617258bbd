import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { AccessCheckAnswer } from "../access/access-check.ts";
import type { AssignmentView } from "../access/assignment-views.ts";
import type { OperatorDetails } from "../access/operators-admin.ts";
import type { Operator } from "../access/operators-store.ts";
import type { RoleDetails, RoleSummary } from "../access/role-directory.ts";
import type { TenantGroupView } from "../access/tenant-groups-admin.ts";
import type { AuditEntry } from "../audit/audit-entry.ts";
import { startTenantry, type TenantryServer } from "../../test/support/tenantry-server.ts";

let server: TenantryServer;
const contoso = "contoso.onmicrosoft.com";
const fabrikam = "fabrikam.onmicrosoft.com";
const helpdesk = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
const someGroup = "6f4c3a1e-0b7d-4c55-9f0e-3d2b1a0c9e8d";

interface ErrorAnswer {
  readonly error: { readonly code: string; readonly message: string; readonly field?: string; readonly fix?: string };
}

/** Calls the API with another operator's token. */
async function as<T>(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function auditEntries(action: string): Promise<AuditEntry[]> {
  const answer = await server.api<{ value: AuditEntry[] }>("GET", `/api/audit?action=${encodeURIComponent(action)}&limit=500`);
  assert.equal(answer.status, 200);
  return answer.body.value;
}

function assertBadInput(answer: { status: number; body: unknown }, field: string): void {
  assert.equal(answer.status, 400, JSON.stringify(answer.body));
  assert.equal((answer.body as ErrorAnswer).error.code, "invalid_input");
  assert.equal((answer.body as ErrorAnswer).error.field, field, JSON.stringify(answer.body));
}

async function addOperator(userPrincipalName: string): Promise<Operator> {
  const added = await server.api<Operator>("POST", "/api/operators", { userPrincipalName });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  return added.body;
}

async function assign(body: unknown): Promise<AssignmentView> {
  const added = await server.api<AssignmentView>("POST", "/api/role-assignments", body);
  assert.equal(added.status, 201, JSON.stringify(added.body));
  return added.body;
}

async function tokenFor(operator: string): Promise<string> {
  const issued = await server.api<{ token: string }>("POST", `/api/operators/${encodeURIComponent(operator)}/tokens`, { name: "test", scopes: ["actions:read", "actions:write", "audit:read", "platform"] });
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  return issued.body.token;
}

before(async () => {
  server = await startTenantry();
});

after(async () => {
  await server?.stop();
  await server?.remove();
});

describe("operators", () => {
  test("added by user principal name (201), once (409), read by name with its assignments, removed with them", async () => {
    const jo = await addOperator("jo@msp.example");
    assert.equal(jo.kind, "person");
    const again = await server.api<ErrorAnswer>("POST", "/api/operators", { userPrincipalName: "JO@msp.example" });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, "operator_exists");

    const listed = await server.api<{ value: Operator[] }>("GET", "/api/operators");
    assert.ok(listed.body.value.some((o) => o.id === jo.id));
    assert.ok(listed.body.value.some((o) => o.kind === "bootstrap"));

    const assignment = await assign({ principal: { operator: "jo@msp.example" }, role: "Helpdesk Administrator", scope: { tenant: contoso } });
    const details = await server.api<OperatorDetails>("GET", "/api/operators/jo%40msp.example");
    assert.equal(details.status, 200);
    assert.deepEqual(
      details.body.roleAssignments.map((a) => [a.id, a.role.name, a.scope.display]),
      [[assignment.id, "Helpdesk Administrator", "Contoso"]],
    );

    assert.equal((await server.api("DELETE", `/api/operators/${jo.id}`)).status, 204);
    assert.equal((await server.api("GET", `/api/operators/${jo.id}`)).status, 404);
    const remaining = await server.api<{ value: AssignmentView[] }>("GET", "/api/role-assignments");
    assert.ok(!remaining.body.value.some((a) => a.id === assignment.id), "the operator's assignments went with it");
    assert.equal((await server.api<ErrorAnswer>("DELETE", "/api/operators/nobody@msp.example")).body.error.code, "operator_not_found");
  });

  test("bad input names the field", async () => {
    assertBadInput(await server.api("POST", "/api/operators", { userPrincipalName: "not a user name" }), "userPrincipalName");
    assertBadInput(await server.api("POST", "/api/operators", { userPrincipalName: "a@b.example", colour: "red" }), "colour");
    assertBadInput(await server.api("POST", "/api/operators", { userPrincipalName: `${"a".repeat(300)}@msp.example` }), "userPrincipalName");
    await addOperator("tokens@msp.example");
    assertBadInput(await server.api("POST", "/api/operators/tokens@msp.example/tokens", { name: "x", scopes: ["everything"] }), "scopes.0");
    assertBadInput(await server.api("POST", "/api/operators/tokens@msp.example/tokens", { name: "x", expiresInDays: 0 }), "expiresInDays");
  });

  test("a token issued for an operator is shown once, acts as that operator within its scopes, and stops working when revoked", async () => {
    await addOperator("robot@msp.example");
    const issued = await server.api<{ token: string; summary: { id: string; scopes: string[]; expiresAt: string } }>("POST", "/api/operators/robot@msp.example/tokens", {
      name: "nightly export",
      scopes: ["actions:read"],
      expiresInDays: 7,
    });
    assert.equal(issued.status, 201);
    assert.match(issued.body.token, /^tnt_/);
    assert.deepEqual(issued.body.summary.scopes, ["actions:read"]);
    assert.ok(Date.parse(issued.body.summary.expiresAt) > Date.now() + 6 * 86_400_000);

    assert.equal((await as(issued.body.token, "GET", "/api/roles")).status, 200, "reading roles needs no role");
    assert.equal((await as<ErrorAnswer>(issued.body.token, "GET", "/api/operators")).status, 403);
    const details = await server.api<OperatorDetails>("GET", "/api/operators/robot@msp.example");
    assert.deepEqual(
      details.body.tokens.map((t) => t.name),
      ["nightly export"],
    );
    assert.ok(!JSON.stringify(details.body).includes(issued.body.token));

    assert.equal((await server.api("DELETE", `/api/operators/robot@msp.example/tokens/${issued.body.summary.id}`)).status, 204);
    assert.equal((await as(issued.body.token, "GET", "/api/roles")).status, 401);
    assert.equal((await server.api("DELETE", `/api/operators/robot@msp.example/tokens/${issued.body.summary.id}`)).status, 404);
    assertBadInput(await server.api("DELETE", "/api/operators/robot@msp.example/tokens/not-an-id"), "id");
  });
});

describe("roles and custom roles", () => {
  test("the 124 built-in roles, whether the catalog uses them, and the platform roles", async () => {
    const listed = await server.api<{ value: RoleSummary[] }>("GET", "/api/roles");
    const builtIn = listed.body.value.filter((r) => r.kind === "entra");
    assert.equal(builtIn.length, 124);
    assert.equal(builtIn.find((r) => r.name === "Helpdesk Administrator")?.usedByCatalog, true);
    assert.equal(builtIn.find((r) => r.name === "Attack Simulation Administrator")?.usedByCatalog, false);
    assert.deepEqual(
      listed.body.value.filter((r) => r.kind === "platform").map((r) => r.id),
      ["platform-administrator", "auditor"],
    );
  });

  test("a role by name or template id, with its actions and the catalog actions it allows", async () => {
    const byName = await server.api<RoleDetails>("GET", "/api/roles/helpdesk%20administrator");
    const byId = await server.api<RoleDetails>("GET", `/api/roles/${helpdesk}`);
    assert.equal(byName.status, 200);
    assert.deepEqual(byName.body, byId.body);
    assert.ok(byName.body.actions.includes("microsoft.directory/users/password/update"));
    const allowed = byName.body.catalogActions.map((a) => a.id);
    assert.ok(allowed.includes("users.reset-password"));
    assert.ok(!allowed.includes("users.delete"));

    const userAdmin = await server.api<RoleDetails>("GET", "/api/roles/User%20Administrator");
    const properties = userAdmin.body.catalogActions.find((a) => a.id === "users.update-properties")?.properties ?? [];
    assert.ok(properties.includes("jobTitle") && properties.includes("userPrincipalName"));
    assert.equal((await server.api<ErrorAnswer>("GET", "/api/roles/Chief%20Wizard")).status, 404);
  });

  test("custom roles: only actions of built-in roles (400 naming the unknown one), not a built-in name, not deleted while assigned", async () => {
    const unknown = await server.api<ErrorAnswer>("PUT", "/api/custom-roles/Password%20resetter", { actions: ["microsoft.directory/users/password/update", "microsoft.directory/users/everything/do"] });
    assertBadInput(unknown, "actions.1");
    assert.match(unknown.body.error.message, /users\/everything\/do/);
    assertBadInput(await server.api("PUT", "/api/custom-roles/Password%20resetter", { actions: [] }), "actions");

    const created = await server.api<{ id: string; actions: string[] }>("PUT", "/api/custom-roles/Password%20resetter", { description: "Resets passwords only", actions: ["microsoft.directory/users/password/update"] });
    assert.equal(created.status, 201);
    const replaced = await server.api("PUT", "/api/custom-roles/Password%20resetter", { actions: ["microsoft.directory/users/password/update", "microsoft.directory/users/invalidateAllRefreshTokens"] });
    assert.equal(replaced.status, 200);
    const details = await server.api<RoleDetails>("GET", "/api/roles/password%20resetter");
    assert.equal(details.body.kind, "custom");
    assert.deepEqual(
      details.body.catalogActions.filter((a) => a.id.startsWith("users.") && !["users.list", "users.get", "users.list-deleted"].includes(a.id)).map((a) => a.id),
      ["users.revoke-sessions", "users.reset-password"],
    );
    const taken = await server.api<ErrorAnswer>("PUT", "/api/custom-roles/User%20Administrator", { actions: ["microsoft.directory/users/password/update"] });
    assert.equal(taken.status, 409);

    await addOperator("custom@msp.example");
    const assignment = await assign({ principal: { operator: "custom@msp.example" }, role: "Password resetter", scope: { all: true } });
    assert.deepEqual(assignment.role, { kind: "custom", id: created.body.id, name: "Password resetter" });
    const inUse = await server.api<ErrorAnswer>("DELETE", "/api/custom-roles/Password%20resetter");
    assert.equal(inUse.status, 409);
    assert.equal(inUse.body.error.code, "role_in_use");
    assert.equal((await server.api("DELETE", `/api/role-assignments/${assignment.id}`)).status, 204);
    assert.equal((await server.api("DELETE", "/api/custom-roles/Password%20resetter")).status, 204);
    assert.equal((await server.api("GET", "/api/roles/Password%20resetter")).status, 404);
  });
});

describe("tenant groups", () => {
  test("set from connected tenants (an unknown one named), listed, replaced, not removed while an assignment uses it", async () => {
    const unknown = await server.api<ErrorAnswer>("PUT", "/api/tenant-groups/Retail", { tenants: [contoso, "nowhere.onmicrosoft.com"] });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.field, "tenants.1");
    assertBadInput(await server.api("PUT", "/api/tenant-groups/Retail", { tenants: ["not a domain"] }), "tenants.0");

    const created = await server.api<TenantGroupView>("PUT", "/api/tenant-groups/Retail", { tenants: [contoso] });
    assert.equal(created.status, 201);
    const replaced = await server.api<TenantGroupView>("PUT", "/api/tenant-groups/RETAIL", { tenants: [contoso, fabrikam] });
    assert.equal(replaced.status, 200);
    assert.deepEqual(replaced.body.tenants.map((t) => t.name).sort(), ["Contoso", "Fabrikam"]);
    const listed = await server.api<{ value: TenantGroupView[] }>("GET", "/api/tenant-groups");
    assert.ok(listed.body.value.some((g) => g.id === created.body.id && g.tenants.length === 2));

    await addOperator("retail@msp.example");
    const assignment = await assign({ principal: { operator: "retail@msp.example" }, role: helpdesk, scope: { tenantGroup: "retail" } });
    assert.equal(assignment.scope.display, "tenant group RETAIL", "the group takes the name as last set");
    const inUse = await server.api<ErrorAnswer>("DELETE", "/api/tenant-groups/Retail");
    assert.equal(inUse.status, 409);
    assert.equal(inUse.body.error.code, "tenant_group_in_use");
    assert.equal((await server.api("DELETE", `/api/role-assignments/${assignment.id}`)).status, 204);
    assert.equal((await server.api("DELETE", "/api/tenant-groups/Retail")).status, 204);
    assert.equal((await server.api("DELETE", "/api/tenant-groups/Retail")).status, 404);
  });
});

describe("role assignments", () => {
  test("to an operator or an Entra group, in every kind of scope; platform roles only for all tenants", async () => {
    await addOperator("scopes@msp.example");
    const exceptFabrikam = await assign({ principal: { operator: "scopes@msp.example" }, role: "User Administrator", scope: { allExcept: [fabrikam] } });
    assert.equal(exceptFabrikam.scope.display, "all tenants except Fabrikam");
    const group = await assign({ principal: { group: someGroup }, role: "Auditor", scope: { all: true } });
    assert.deepEqual(group.principal, { kind: "group", id: someGroup, name: null });
    assert.equal(group.role.kind, "platform");

    const duplicate = await server.api<ErrorAnswer>("POST", "/api/role-assignments", { principal: { operator: "scopes@msp.example" }, role: "user administrator", scope: { allExcept: [fabrikam] } });
    assert.equal(duplicate.status, 409);
    assertBadInput(await server.api("POST", "/api/role-assignments", { principal: { operator: "scopes@msp.example" }, role: "platform-administrator", scope: { tenant: contoso } }), "scope");
    assertBadInput(await server.api("POST", "/api/role-assignments", { principal: { operator: "scopes@msp.example" }, role: "Helpdesk Administrator", scope: { everywhere: true } }), "scope");
    assertBadInput(await server.api("POST", "/api/role-assignments", { principal: { group: "not-a-guid" }, role: "Helpdesk Administrator", scope: { all: true } }), "principal.group");
    assertBadInput(await server.api("POST", "/api/role-assignments", { principal: { operator: "scopes@msp.example" }, role: "x".repeat(200), scope: { all: true } }), "role");
    const unknownRole = await server.api<ErrorAnswer>("POST", "/api/role-assignments", { principal: { operator: "scopes@msp.example" }, role: "Chief Wizard", scope: { all: true } });
    assert.equal(unknownRole.status, 404);
    assert.equal(unknownRole.body.error.field, "role");
    const unknownOperator = await server.api<ErrorAnswer>("POST", "/api/role-assignments", { principal: { operator: "ghost@msp.example" }, role: "Helpdesk Administrator", scope: { all: true } });
    assert.equal(unknownOperator.status, 404);
    assert.equal(unknownOperator.body.error.field, "principal.operator");
    const unknownTenant = await server.api<ErrorAnswer>("POST", "/api/role-assignments", { principal: { operator: "scopes@msp.example" }, role: "Helpdesk Administrator", scope: { tenant: "nowhere.onmicrosoft.com" } });
    assert.equal(unknownTenant.body.error.field, "scope.tenant");

    const ofOperator = await server.api<{ value: AssignmentView[] }>("GET", "/api/role-assignments?operator=scopes@msp.example");
    assert.deepEqual(
      ofOperator.body.value.map((a) => a.id),
      [exceptFabrikam.id],
    );
    assert.equal((await server.api("DELETE", `/api/role-assignments/${group.id}`)).status, 204);
    assert.equal((await server.api("DELETE", `/api/role-assignments/${group.id}`)).status, 404);
  });

  test("the last Platform Administrator is never removed: neither its assignment nor the operator (409, and why)", async () => {
    const all = await server.api<{ value: AssignmentView[] }>("GET", "/api/role-assignments");
    const platformAdmins = all.body.value.filter((a) => a.role.id === "platform-administrator");
    const bootstrap = platformAdmins.find((a) => a.principal.name === "bootstrap")!;
    for (const other of platformAdmins.filter((a) => a.id !== bootstrap.id)) assert.equal((await server.api("DELETE", `/api/role-assignments/${other.id}`)).status, 204);
    // A group holding the role does not count while no operator is known to be in it.
    const viaGroup = await assign({ principal: { group: someGroup }, role: "platform-administrator", scope: { all: true } });

    const lastAssignment = await server.api<ErrorAnswer>("DELETE", `/api/role-assignments/${bootstrap.id}`);
    assert.equal(lastAssignment.status, 409);
    assert.equal(lastAssignment.body.error.code, "last_platform_administrator");
    assert.match(lastAssignment.body.error.message, /no operator holding Platform Administrator/);
    assert.match(lastAssignment.body.error.fix ?? "", /role-assignments add/);
    const lastOperator = await server.api<ErrorAnswer>("DELETE", "/api/operators/bootstrap");
    assert.equal(lastOperator.status, 409);
    assert.equal(lastOperator.body.error.code, "last_platform_administrator");

    // With a second one, the first may go (and be given the role back by the second).
    await addOperator("second-admin@msp.example");
    await assign({ principal: { operator: "second-admin@msp.example" }, role: "Platform Administrator", scope: { all: true } });
    assert.equal((await server.api("DELETE", `/api/role-assignments/${viaGroup.id}`)).status, 204);
    const secondToken = await tokenFor("second-admin@msp.example");
    assert.equal((await as(secondToken, "DELETE", `/api/role-assignments/${bootstrap.id}`)).status, 204);
    assert.equal((await server.api("GET", "/api/operators")).status, 403, "the bootstrap operator is no Platform Administrator any more");
    const back = await as<AssignmentView>(secondToken, "POST", "/api/role-assignments", { principal: { operator: "bootstrap" }, role: "platform-administrator", scope: { all: true } });
    assert.equal(back.status, 201);
    assert.equal((await server.api("GET", "/api/operators")).status, 200);
  });
});

describe("access check", () => {
  test("a Platform Administrator checks any operator; the decision and each step say why", async () => {
    await addOperator("checked@msp.example");
    await assign({ principal: { operator: "checked@msp.example" }, role: "Helpdesk Administrator", scope: { tenant: contoso } });
    const admin = await server.api<AccessCheckAnswer>("POST", "/api/access/check", { operator: "checked@msp.example", tenant: contoso, action: "users.reset-password", target: `admin@${contoso}` });
    assert.equal(admin.status, 200, JSON.stringify(admin.body));
    assert.equal(admin.body.allowed, false);
    assert.deepEqual(admin.body.target?.adminRoles, ["Global Administrator"]);
    assert.deepEqual(
      admin.body.steps.map((s) => [s.check, s.allowed]),
      [["tenant-scope", true], ["role-actions", true], ["administrator-target", false]],
    );
    assert.equal(admin.body.steps[2]!.rolesThatWould[0], "Privileged Authentication Administrator");

    const elsewhere = await server.api<AccessCheckAnswer>("POST", "/api/access/check", { operator: "checked@msp.example", tenant: fabrikam, action: "users.reset-password" });
    assert.equal(elsewhere.body.allowed, false);
    assert.match(elsewhere.body.reason, /Fabrikam is not in checked@msp\.example's scope/);

    const property = await server.api<AccessCheckAnswer>("POST", "/api/access/check", { operator: "checked@msp.example", tenant: contoso, action: "users.update-properties", input: { changes: { department: "Sales" } } });
    assert.equal(property.body.allowed, false);
    assert.match(property.body.reason, /microsoft\.directory\/users\/basic\/update/);
    assert.ok(property.body.steps[1]!.rolesThatWould.length > 0);
  });

  test("bad input names the field; unknown operator, tenant and target are 404 naming theirs", async () => {
    assertBadInput(await server.api("POST", "/api/access/check", { operator: "checked@msp.example", tenant: contoso, action: "users.fly" }), "action");
    assertBadInput(await server.api("POST", "/api/access/check", { operator: "checked@msp.example", tenant: "not a tenant", action: "users.get" }), "tenant");
    assertBadInput(
      await server.api("POST", "/api/access/check", { operator: "checked@msp.example", tenant: contoso, action: "users.update-properties", target: `admin@${contoso}`, input: { changes: { jobTitle: "x".repeat(300) } } }),
      "input.changes.jobTitle",
    );
    const cases: [Record<string, unknown>, string][] = [
      [{ operator: "ghost@msp.example", tenant: contoso, action: "users.get" }, "operator"],
      [{ operator: "checked@msp.example", tenant: "nowhere.onmicrosoft.com", action: "users.get" }, "tenant"],
      [{ operator: "checked@msp.example", tenant: contoso, action: "users.reset-password", target: `nobody@${contoso}` }, "target"],
    ];
    for (const [body, field] of cases) {
      const answer = await server.api<ErrorAnswer>("POST", "/api/access/check", body);
      assert.equal(answer.status, 404, JSON.stringify(answer.body));
      assert.equal(answer.body.error.field, field);
    }
  });

  test("an operator without a platform role may check only itself, and only in tenants it sees; other routes refuse it and the refusal is audited", async () => {
    await addOperator("self@msp.example");
    await assign({ principal: { operator: "self@msp.example" }, role: "Helpdesk Administrator", scope: { tenant: contoso } });
    const token = await tokenFor("self@msp.example");
    const own = await as<AccessCheckAnswer>(token, "POST", "/api/access/check", { operator: "self@msp.example", tenant: contoso, action: "users.revoke-sessions" });
    assert.equal(own.status, 200);
    assert.equal(own.body.allowed, true);
    const other = await as<ErrorAnswer>(token, "POST", "/api/access/check", { operator: "checked@msp.example", tenant: contoso, action: "users.get" });
    assert.equal(other.status, 403);
    const hidden = await as<ErrorAnswer>(token, "POST", "/api/access/check", { operator: "self@msp.example", tenant: fabrikam, action: "users.get" });
    assert.equal(hidden.status, 404);
    for (const [method, path, body] of [
      ["GET", "/api/operators", undefined],
      ["POST", "/api/role-assignments", { principal: { operator: "self@msp.example" }, role: "Global Administrator", scope: { all: true } }],
      ["PUT", "/api/tenant-groups/Mine", { tenants: [fabrikam] }],
      ["PUT", "/api/custom-roles/Mine", { actions: ["microsoft.directory/users/delete"] }],
    ] as const) {
      assert.equal((await as(token, method, path, body)).status, 403, `${method} ${path}`);
    }
    const denied = (await server.api<{ value: AuditEntry[] }>("GET", "/api/audit?outcome=denied&actor=self%40msp.example")).body.value;
    assert.ok(denied.some((e) => e.action === "POST /api/role-assignments"), JSON.stringify(denied.map((e) => e.action)));
  });
});

describe("audit", () => {
  test("every change is in the audit log with its actor, and no token value is", async () => {
    const token = await tokenFor("self@msp.example");
    for (const action of ["operators.add", "operators.remove", "operators.issue-token", "operators.revoke-token", "custom-roles.set", "custom-roles.remove", "tenant-groups.set", "tenant-groups.remove", "role-assignments.add", "role-assignments.remove"]) {
      const entries = await auditEntries(action);
      assert.ok(entries.length > 0, `${action} is audited`);
      assert.ok(entries.every((e) => e.outcome === "succeeded" && e.actor.name !== "" && e.actor.operatorId), action);
      assert.ok(!JSON.stringify(entries).includes("tnt_"), `${action} holds no token`);
    }
    assert.ok(!JSON.stringify(await auditEntries("operators.issue-token")).includes(token));
    const added = (await auditEntries("role-assignments.add")).find((e) => e.target?.display === "Helpdesk Administrator for self@msp.example in Contoso");
    assert.ok(added, "an assignment's entry reads as a sentence");
    assert.ok(added.tenantId, "a tenant-scoped assignment is filed under its tenant");
    const removed = (await auditEntries("operators.remove")).find((e) => e.target?.display === "jo@msp.example");
    assert.deepEqual((removed?.before as { roleAssignments?: string[] } | null)?.roleAssignments, ["Helpdesk Administrator for jo@msp.example in Contoso"]);
  });
});
