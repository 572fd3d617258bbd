// GET /api/users/search and `tenantry users search` against a real `tenantry serve`: the cache is filled here
// with the demo tenants' real users (as the sync would write them), and an operator scoped to one tenant never
// sees another tenant's users.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { runTenantryCli } from "../../test/support/tenantry-cli.ts";
import { tenantReader } from "../../test/support/tenant-reader.ts";
import { startTenantry, type TenantryServer } from "../../test/support/tenantry-server.ts";

interface Page {
  value: { tenantId: string; tenantName: string; id: string; userPrincipalName: string; licenses: string[] }[];
  nextCursor: string | null;
}
interface ErrorAnswer {
  error: { code: string; field?: string; message: string };
}

const contoso = "contoso.onmicrosoft.com";
const fabrikam = "fabrikam.onmicrosoft.com";
const scopedOperator = "searcher@tenantrypartners.onmicrosoft.com";
let server: TenantryServer;
let scopedToken: string;
let readOnlyAuditToken: string;
const tenantIds: Record<string, string> = {};

interface GraphUser {
  id: string;
  displayName: string | null;
  userPrincipalName: string;
  mail: string | null;
  accountEnabled: boolean;
  userType: string;
  assignedLicenses: { skuId: string }[];
}

/** The server's embedded PostgreSQL, reached as Tenantry reaches it (its data directory holds the password and port). */
async function serverDatabase(dir: string): Promise<pg.Pool> {
  const password = (await readFile(join(dir, "postgres-password"), "utf8")).trim();
  const port = (await readFile(join(dir, "postgres", "postmaster.pid"), "utf8")).split("\n")[3]!.trim();
  return new pg.Pool({ connectionString: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/tenantry`, max: 1 });
}

/** Writes these users of the tenant into the cache as the sync would (a sync running too writes the same rows). */
async function cache(pool: pg.Pool, domain: string, names: readonly string[]): Promise<void> {
  const { tenantId, graph } = await tenantReader(server.cloudUrl, domain);
  tenantIds[domain] = tenantId;
  for (const name of names) {
    const u = (await graph.api(`/users/${name}@${domain}`).select("id,displayName,userPrincipalName,mail,accountEnabled,userType,assignedLicenses").get()) as GraphUser;
    await pool.query(
      `INSERT INTO directory_users (tenant_id, id, user_principal_name, display_name, mail, account_enabled, user_type, sku_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[]) ON CONFLICT (tenant_id, id) DO NOTHING`,
      [tenantId, u.id, u.userPrincipalName, u.displayName, u.mail, u.accountEnabled, u.userType, u.assignedLicenses.map((l) => l.skuId)],
    );
  }
}

async function call<T>(token: string, path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as T };
}

before(async () => {
  server = await startTenantry();
  const pool = await serverDatabase(server.dir);
  try {
    await cache(pool, contoso, ["admin", "helpdesk", "useradmin", "licenseadmin"]);
    await cache(pool, fabrikam, ["admin", "helpdesk"]);
  } finally {
    await pool.end();
  }
  assert.equal((await server.api("POST", "/api/operators", { userPrincipalName: scopedOperator, displayName: "Searching Technician" })).status, 201);
  const assigned = await server.api("POST", "/api/role-assignments", { principal: { operator: scopedOperator }, role: "Helpdesk Administrator", scope: { tenant: contoso } });
  assert.equal(assigned.status, 201, JSON.stringify(assigned.body));
  const token = await server.api<{ token: string }>("POST", `/api/operators/${scopedOperator}/tokens`, { name: "search test", scopes: ["actions:read", "actions:write", "audit:read", "platform"] });
  assert.equal(token.status, 201, JSON.stringify(token.body));
  scopedToken = token.body.token;
  const auditOnly = await server.api<{ token: string }>("POST", "/api/me/tokens", { name: "audit only", scopes: ["audit:read"] });
  assert.equal(auditOnly.status, 201, JSON.stringify(auditOnly.body));
  readOnlyAuditToken = auditOnly.body.token;
});

after(async () => {
  await server.stop();
  await server.remove();
});

describe("GET /api/users/search", () => {
  test("finds users of every tenant for an operator who sees them all, with the tenant's name and licences by part number", async () => {
    const { status, body } = await server.api<Page>("GET", "/api/users/search?q=ADMIN%40&sort=tenant&limit=500");
    assert.equal(status, 200, JSON.stringify(body));
    const upns = body.value.map((u) => u.userPrincipalName.toLowerCase());
    assert.ok(upns.includes(`admin@${contoso}`) && upns.includes(`admin@${fabrikam}`), upns.join(", "));
    const admin = body.value.find((u) => u.userPrincipalName.toLowerCase() === `admin@${contoso}`)!;
    assert.equal(admin.tenantId, tenantIds[contoso]);
    assert.match(admin.tenantName, /contoso/i);
    assert.ok(admin.licenses.every((l) => !/^[0-9a-f-]{36}$/.test(l)), `licences by part number: ${admin.licenses.join(", ")}`);
  });

  test("an operator scoped to one tenant never gets another tenant's users, and another tenant named is not found", async () => {
    const all = await call<Page>(scopedToken, "/api/users/search?q=admin%40&limit=500");
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.ok(all.body.value.length > 0);
    assert.ok(all.body.value.every((u) => u.tenantId === tenantIds[contoso]), JSON.stringify(all.body.value.map((u) => u.userPrincipalName)));
    const everyone = await call<Page>(scopedToken, "/api/users/search?limit=500&sort=userPrincipalName");
    assert.ok(!JSON.stringify(everyone.body).includes(tenantIds[fabrikam]!) && !JSON.stringify(everyone.body).includes(fabrikam));
    const other = await call<ErrorAnswer>(scopedToken, `/api/users/search?tenant=${fabrikam}`);
    assert.equal(other.status, 404);
    const otherById = await call<ErrorAnswer>(scopedToken, `/api/users/search?tenant=${tenantIds[fabrikam]}`);
    assert.equal(otherById.status, 404);
    assert.equal(otherById.body.error.message, `Tenant '${tenantIds[fabrikam]}' is not connected.`);
    const own = await call<Page>(scopedToken, `/api/users/search?tenant=${contoso}&q=helpdesk`);
    assert.equal(own.status, 200);
    assert.deepEqual(
      own.body.value.map((u) => u.userPrincipalName.toLowerCase()),
      [`helpdesk@${contoso}`],
    );
  });

  test("pages follow the cursor; a tampered cursor and bad values are refused naming the field", async () => {
    const first = await server.api<Page>("GET", "/api/users/search?q=admin%40&limit=1");
    assert.equal(first.status, 200);
    assert.ok(first.body.nextCursor);
    const second = await server.api<Page>("GET", `/api/users/search?q=admin%40&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    assert.equal(second.status, 200);
    assert.notEqual(second.body.value[0]?.id, first.body.value[0]?.id);
    const tampered = `${first.body.nextCursor.slice(0, 5)}${first.body.nextCursor[5] === "x" ? "y" : "x"}${first.body.nextCursor.slice(6)}`;
    for (const [query, field] of [
      [`q=admin%40&limit=1&cursor=${encodeURIComponent(tampered)}`, "cursor"],
      [`q=helpdesk&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`, "cursor"],
      ["limit=0", "limit"],
      ["limit=2501", "limit"],
      ["sort=mail", "sort"],
      ["enabled=yes", "enabled"],
      ["adminRole=someone", "adminRole"],
      ["sku=NO_SUCH_SKU", "sku"],
      [`q=${"x".repeat(257)}`, "q"],
      ["colour=blue", "colour"],
    ] as const) {
      const answer = await server.api<ErrorAnswer>("GET", `/api/users/search?${query}`);
      assert.equal(answer.status, 400, `${query}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.error.code, "invalid_input", query);
      assert.equal(answer.body.error.field, field, query);
    }
  });

  test("filters narrow the search", async () => {
    const members = await server.api<Page>("GET", `/api/users/search?tenant=${contoso}&guest=false&enabled=true&licensed=true&sku=SPE_E5&limit=500`);
    assert.equal(members.status, 200, JSON.stringify(members.body));
    assert.ok(members.body.value.every((u) => u.tenantId === tenantIds[contoso] && u.licenses.includes("SPE_E5")));
    const nobody = await server.api<Page>("GET", `/api/users/search?tenant=${contoso}&q=admin%40&deleted=true`);
    assert.deepEqual(nobody.body.value, []);
  });

  test("a token without the scope to read is refused", async () => {
    const answer = await call<ErrorAnswer>(readOnlyAuditToken, "/api/users/search?q=admin");
    assert.equal(answer.status, 403);
    assert.equal(answer.body.error.code, "forbidden");
  });
});

describe("tenantry users search", () => {
  test("prints the users found with their tenant, as a table, CSV or JSON", async () => {
    const csv = await runTenantryCli(server, ["users", "search", "admin@", "--sort", "tenant", "--output", "csv"]);
    assert.equal(csv.code, 0, csv.stderr);
    const [header, ...lines] = csv.stdout.trim().split("\n");
    assert.equal(header, "tenant,displayName,userPrincipalName,enabled,type,synced,licences,adminRoles,deleted,id");
    assert.ok(lines.some((line) => line.toLowerCase().includes(`admin@${fabrikam}`)));
    const json = await runTenantryCli(server, ["users", "search", "helpdesk", "--tenant", contoso, "--member", "--enabled", "--output", "json"]);
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual(
      (JSON.parse(json.stdout) as Page).value.map((u) => u.userPrincipalName.toLowerCase()),
      [`helpdesk@${contoso}`],
    );
    const table = await runTenantryCli(server, ["users", "search", "admin@", "--limit", "1"]);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^tenant\s+displayName/);
    assert.match(table.stderr, /More: add --cursor \S+/);
    const refused = await runTenantryCli(server, ["users", "search", "--admin", "Not A Role"]);
    assert.notEqual(refused.code, 0);
  });
});
