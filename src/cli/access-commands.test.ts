import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { AccessCheckAnswer } from "../access/access-check.ts";
import type { AssignmentView } from "../access/assignment-views.ts";
import type { OperatorDetails } from "../access/operators-admin.ts";
import type { Operator } from "../access/operators-store.ts";
import type { RoleDetails, RoleSummary } from "../access/role-directory.ts";
import type { TenantGroupView } from "../access/tenant-groups-admin.ts";
import { type CliResult, runTenantryCli } from "../../test/support/tenantry-cli.ts";
import { startTenantry, type TenantryServer } from "../../test/support/tenantry-server.ts";

let server: TenantryServer;
const contoso = "contoso.onmicrosoft.com";
const fabrikam = "fabrikam.onmicrosoft.com";
const helpdeskTech = "helpdesk.tech@msp.example";
const licenseTech = "license.tech@msp.example";
/** A contoso member without any admin role, found through Tenantry's own user read. */
let plainUser: string;

function tenantry(args: readonly string[]): Promise<CliResult> {
  return runTenantryCli(server, args);
}

async function json<T>(args: readonly string[]): Promise<T> {
  const result = await tenantry([...args, "--output", "json"]);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as T;
}

async function ok(args: readonly string[]): Promise<string> {
  const result = await tenantry(args);
  assert.equal(result.code, 0, `${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

const check = (operator: string, tenant: string, action: string, ...more: string[]) => ["access", "check", "--operator", operator, "--tenant", tenant, "--action", action, ...more];

before(async () => {
  server = await startTenantry();
  const users = await server.api<{ data: { value: { userPrincipalName: string; synced: boolean }[] } }>("POST", `/api/tenants/${contoso}/actions/users.list`, { userType: "Member", synced: false, top: 50 });
  for (const candidate of users.body.data.value) {
    const details = await server.api<{ data: { adminRoles: unknown[]; groups: { isAssignableToRole?: boolean | null }[] } }>("POST", `/api/tenants/${contoso}/actions/users.get`, { userId: candidate.userPrincipalName });
    if (details.body.data.adminRoles.length === 0 && !details.body.data.groups.some((g) => g.isAssignableToRole)) {
      plainUser = candidate.userPrincipalName;
      break;
    }
  }
  assert.ok(plainUser, "contoso has a member without an admin role");
});

after(async () => {
  await server?.stop();
  await server?.remove();
});

describe("tenantry operators", () => {
  test("add, list, get and remove; adding one twice says so", async () => {
    assert.match(await ok(["operators", "add", helpdeskTech, "--display-name", "Helpdesk technician"]), /Added operator helpdesk\.tech@msp\.example/);
    const again = await tenantry(["operators", "add", helpdeskTech]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /exists already/);
    await ok(["operators", "add", licenseTech]);
    await ok(["operators", "add", "leaver@msp.example"]);

    const listed = await json<Operator[]>(["operators", "list"]);
    assert.ok(listed.some((o) => o.userPrincipalName === helpdeskTech && o.displayName === "Helpdesk technician"));
    assert.match(await ok(["operators", "list"]), /leaver@msp\.example\s+person/);
    assert.match(await ok(["operators", "get", helpdeskTech]), /role assignments: \(none\)/);

    assert.match(await ok(["operators", "remove", "leaver@msp.example"]), /Removed operator leaver@msp\.example/);
    const gone = await tenantry(["operators", "get", "leaver@msp.example"]);
    assert.equal(gone.code, 1);
    assert.match(gone.stderr, /no operator leaver@msp\.example/);
  });
});

describe("tenantry roles", () => {
  test("list filters by kind and use; get shows what a role allows in Tenantry", async () => {
    assert.deepEqual(
      (await json<RoleSummary[]>(["roles", "list", "--kind", "platform"])).map((r) => r.name),
      ["Platform Administrator", "Auditor"],
    );
    const used = await json<RoleSummary[]>(["roles", "list", "--used-by-catalog"]);
    assert.ok(used.length > 10 && used.length < 124 && used.every((r) => r.usedByCatalog));
    const text = await ok(["roles", "get", "Helpdesk Administrator"]);
    assert.match(text, /Helpdesk Administrator \(Entra built-in role\)/);
    assert.match(text, /users\.reset-password: Reset password/);
    assert.match(text, /microsoft\.directory\/users\/password\/update/);
    const missing = await tenantry(["roles", "get", "Chief Wizard"]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no role Chief Wizard/);
  });
});

describe("tenantry tenant-groups and role-assignments", () => {
  test("a tenant group set, used by an assignment, and removed once the assignment is gone", async () => {
    assert.match(await ok(["tenant-groups", "set", "EU customers", "--tenant", contoso, "--tenant", fabrikam]), /Created tenant group EU customers: Contoso, Fabrikam\./);
    assert.ok((await json<TenantGroupView[]>(["tenant-groups", "list"])).some((g) => g.name === "EU customers" && g.tenants.length === 2));

    const assigned = await json<AssignmentView>(["role-assignments", "add", "--operator", licenseTech, "--role", "Groups Administrator", "--tenant-group", "EU customers"]);
    assert.equal(assigned.scope.display, "tenant group EU customers");
    const blocked = await tenantry(["tenant-groups", "remove", "EU customers"]);
    assert.equal(blocked.code, 1);
    assert.match(blocked.stderr, /scope of 1 role assignment/);
    assert.match(await ok(["role-assignments", "remove", assigned.id]), /Removed role assignment/);
    assert.match(await ok(["tenant-groups", "remove", "EU customers"]), /Removed tenant group EU customers/);
  });

  test("add in one tenant or all but some, listed per operator; who and where must each be said once", async () => {
    assert.match(await ok(["role-assignments", "add", "--operator", helpdeskTech, "--role", "Helpdesk Administrator", "--tenant", contoso]), /Assigned Helpdesk Administrator to helpdesk\.tech@msp\.example in Contoso/);
    await ok(["role-assignments", "add", "--operator", licenseTech, "--role", "License Administrator", "--tenant", contoso]);
    const except = await json<AssignmentView>(["role-assignments", "add", "--operator", licenseTech, "--role", "Reports Reader", "--all-tenants-except", `${fabrikam},northwind.onmicrosoft.com`]);
    assert.equal(except.scope.display, "all tenants except Fabrikam, Northwind Traders");

    const held = await json<AssignmentView[]>(["role-assignments", "list", "--operator", licenseTech]);
    assert.deepEqual(held.map((a) => a.role.name).sort(), ["License Administrator", "Reports Reader"]);
    assert.match(await ok(["operators", "get", licenseTech]), /License Administrator in Contoso/);
    await ok(["role-assignments", "remove", except.id]);

    const twoScopes = await tenantry(["role-assignments", "add", "--operator", licenseTech, "--role", "Reports Reader", "--tenant", contoso, "--all-tenants"]);
    assert.notEqual(twoScopes.code, 0);
    assert.match(twoScopes.stderr, /cannot be used with/);
    const noScope = await tenantry(["role-assignments", "add", "--operator", licenseTech, "--role", "Reports Reader"]);
    assert.equal(noScope.code, 1);
    assert.match(noScope.stderr, /Say where/);
    const platformInTenant = await tenantry(["role-assignments", "add", "--operator", licenseTech, "--role", "auditor", "--tenant", contoso]);
    assert.equal(platformInTenant.code, 1);
    assert.match(platformInTenant.stderr, /held for all tenants/);
  });
});

describe("tenantry access check", () => {
  test("a Helpdesk Administrator in contoso may reset the password of a user without an admin role", async () => {
    const result = await tenantry(check(helpdeskTech, contoso, "users.reset-password", "--target", plainUser));
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^allowed: /);
    assert.match(result.stdout, /holds no administrator role/);
    const answer = await json<AccessCheckAnswer>(check(helpdeskTech, contoso, "users.reset-password", "--target", plainUser));
    assert.deepEqual(answer.target?.adminRoles, []);
    assert.ok(answer.steps.every((s) => s.allowed));
  });

  test("but not a Global Administrator's: denied, naming Privileged Authentication Administrator (exit code 1)", async () => {
    const result = await tenantry(check(helpdeskTech, contoso, "users.reset-password", "--target", `admin@${contoso}`));
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^denied: admin@contoso\.onmicrosoft\.com is an administrator/);
    assert.match(result.stdout, /target's admin roles: Global Administrator/);
    assert.match(result.stdout, /roles that would allow it: Privileged Authentication Administrator, Global Administrator/);
  });

  test("and nothing in fabrikam, which is not in its scope", async () => {
    const result = await tenantry(check(helpdeskTech, fabrikam, "users.reset-password", "--target", `admin@${fabrikam}`));
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^denied: Fabrikam is not in helpdesk\.tech@msp\.example's scope: no role assignment/);
  });

  test("a License Administrator may not change a job title, and is told which roles would", async () => {
    const args = check(licenseTech, contoso, "users.update-properties", "--target", plainUser, "--input", '{"changes":{"jobTitle":"Engineer"}}');
    const result = await tenantry(args);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^denied: license\.tech@msp\.example holds License Administrator in Contoso, which does not grant microsoft\.directory\/users\/basic\/update; .+ would\./);
    const answer = JSON.parse((await tenantry([...args, "--output", "json"])).stdout) as AccessCheckAnswer;
    const would = answer.steps.find((s) => !s.allowed)!.rolesThatWould;
    assert.ok(would.length > 0);
    for (const role of would) {
      assert.match(result.stdout, new RegExp(role));
      const details = await json<RoleDetails>(["roles", "get", role]);
      assert.ok(details.catalogActions.find((a) => a.id === "users.update-properties")?.properties?.includes("jobTitle"), `${role} may change a job title`);
    }
    const allowedBy = await tenantry(check(licenseTech, contoso, "licenses.assign-user", "--target", plainUser));
    assert.equal(allowedBy.code, 0, allowedBy.stdout);
  });

  test("an operator may check itself with its own token, not others; bad options are refused before asking", async () => {
    const issued = await server.api<{ token: string }>("POST", `/api/operators/${helpdeskTech}/tokens`, { name: "cli test" });
    const asTech = (args: readonly string[]) => runTenantryCli({ url: server.url, token: issued.body.token }, args);
    const own = await asTech(check(helpdeskTech, contoso, "users.revoke-sessions"));
    assert.equal(own.code, 0, own.stderr);
    assert.match(own.stdout, /^allowed: helpdesk\.tech@msp\.example holds Helpdesk Administrator in Contoso/);
    const other = await asTech(check(licenseTech, contoso, "users.get"));
    assert.equal(other.code, 1);
    assert.match(other.stderr, /needs the Tenantry role Platform Administrator/);
    const operators = await asTech(["operators", "list"]);
    assert.equal(operators.code, 1);

    const badAction = await tenantry(check(helpdeskTech, contoso, "users.fly"));
    assert.notEqual(badAction.code, 0);
    assert.match(badAction.stderr, /Allowed choices are/);
    const badInput = await tenantry(check(helpdeskTech, contoso, "users.update-properties", "--input", "{not json"));
    assert.notEqual(badInput.code, 0);
    assert.match(badInput.stderr, /JSON object/);
  });

  test("the bootstrap operator still holds what it had", async () => {
    const details = await json<OperatorDetails>(["operators", "get", "bootstrap"]);
    assert.deepEqual(details.roleAssignments.map((a) => a.role.name).sort(), ["Global Administrator", "Platform Administrator"]);
  });
});
