// GET /api/tenants/summaries and /api/tenants/{tenant}/summary against a real `tenantry serve`: the counts and
// seats match what the local cloud's Graph says, and an operator sees only the tenants it has a role in.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { tenantReader } from "../../test/support/tenant-reader.ts";
import { startTenantry, type TenantryServer } from "../../test/support/tenantry-server.ts";

interface Summary {
  tenantId: string;
  userCounts: { users: number; enabled: number; guests: number; synced: number; licensed: number };
  skus: { skuId: string; skuPartNumber: string; productName: string; consumedUnits: number; enabledUnits: number }[];
}
interface ErrorAnswer {
  error: { code: string; field?: string; message: string };
}
interface GraphPage<T> {
  value: T[];
  "@odata.nextLink"?: string;
}
interface GraphUser {
  accountEnabled: boolean | null;
  userType: string | null;
  onPremisesSyncEnabled: boolean | null;
  assignedLicenses: { skuId: string }[];
}
interface GraphSku {
  skuId: string;
  skuPartNumber: string;
  consumedUnits: number;
  prepaidUnits: { enabled: number };
}

const contoso = "contoso.onmicrosoft.com";
const fabrikam = "fabrikam.onmicrosoft.com";
const scopedOperator = "summary-reader@tenantrypartners.onmicrosoft.com";
let server: TenantryServer;
let scopedToken: string;

async function syncedOnce(tenant: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const state = await server.api<{ lastSuccessAt: string | null; lastError: unknown }>("GET", `/api/tenants/${tenant}/sync`);
    if (state.body.lastSuccessAt) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${tenant} was not synced in time.`);
}

async function call<T>(token: string, path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as T };
}

before(async () => {
  server = await startTenantry();
  assert.equal((await server.api("POST", "/api/operators", { userPrincipalName: scopedOperator, displayName: "Summary Reader" })).status, 201);
  const assigned = await server.api("POST", "/api/role-assignments", { principal: { operator: scopedOperator }, role: "Helpdesk Administrator", scope: { tenant: contoso } });
  assert.equal(assigned.status, 201, JSON.stringify(assigned.body));
  const token = await server.api<{ token: string }>("POST", `/api/operators/${scopedOperator}/tokens`, { name: "summary test", scopes: ["actions:read"] });
  assert.equal(token.status, 201, JSON.stringify(token.body));
  scopedToken = token.body.token;
  await Promise.all([syncedOnce(contoso), syncedOnce(fabrikam)]);
});

after(async () => {
  await server.stop();
  await server.remove();
});

describe("tenant summaries", () => {
  test("a tenant's users and licence seats are those Graph has", async () => {
    const { graph, tenantId } = await tenantReader(server.cloudUrl, contoso);
    const users: GraphUser[] = [];
    let page = (await graph.api("/users").select("accountEnabled,userType,onPremisesSyncEnabled,assignedLicenses").top(999).get()) as GraphPage<GraphUser>;
    users.push(...page.value);
    while (page["@odata.nextLink"]) {
      page = (await graph.api(page["@odata.nextLink"]).get()) as GraphPage<GraphUser>;
      users.push(...page.value);
    }
    const skus = ((await graph.api("/subscribedSkus").get()) as GraphPage<GraphSku>).value;

    const one = await server.api<Summary>("GET", `/api/tenants/${contoso}/summary`);
    assert.equal(one.status, 200, JSON.stringify(one.body));
    assert.equal(one.body.tenantId, tenantId);
    assert.deepEqual(one.body.userCounts, {
      users: users.length,
      enabled: users.filter((u) => u.accountEnabled === true).length,
      guests: users.filter((u) => u.userType === "Guest").length,
      synced: users.filter((u) => u.onPremisesSyncEnabled === true).length,
      licensed: users.filter((u) => u.assignedLicenses.length > 0).length,
    });
    assert.ok(one.body.userCounts.guests > 0 && one.body.userCounts.synced > 0, "the demo tenant has guests and synced users");
    const seats = (list: { skuId: string; skuPartNumber: string; consumed: number; enabled: number }[]) => list.sort((a, b) => a.skuId.localeCompare(b.skuId));
    assert.deepEqual(
      seats(one.body.skus.map((s) => ({ skuId: s.skuId, skuPartNumber: s.skuPartNumber, consumed: s.consumedUnits, enabled: s.enabledUnits }))),
      seats(skus.map((s) => ({ skuId: s.skuId.toLowerCase(), skuPartNumber: s.skuPartNumber, consumed: s.consumedUnits, enabled: s.prepaidUnits.enabled }))),
    );
    assert.ok(one.body.skus.some((s) => s.skuPartNumber === "SPE_E3" && s.productName === "Microsoft 365 E3"), "SKUs carry Microsoft's product name");

    const all = await server.api<{ value: Summary[] }>("GET", "/api/tenants/summaries");
    assert.equal(all.status, 200);
    assert.deepEqual(
      all.body.value.find((s) => s.tenantId === tenantId),
      one.body,
    );
    const tenants = await server.api<{ value: { tenantId: string }[] }>("GET", "/api/tenants");
    assert.deepEqual(
      all.body.value.map((s) => s.tenantId),
      tenants.body.value.map((t) => t.tenantId),
      "one summary per connected tenant, in the same order",
    );
  });

  test("an operator sees the summaries of its tenants only; another tenant is not found, by domain or id", async () => {
    const fabrikamId = (await server.api<{ tenantId: string }>("GET", `/api/tenants/${fabrikam}`)).body.tenantId;
    const contosoId = (await server.api<{ tenantId: string }>("GET", `/api/tenants/${contoso}`)).body.tenantId;
    const all = await call<{ value: Summary[] }>(scopedToken, "/api/tenants/summaries");
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.deepEqual(
      all.body.value.map((s) => s.tenantId),
      [contosoId],
    );
    assert.equal((await call<Summary>(scopedToken, `/api/tenants/${contoso}/summary`)).status, 200);
    for (const other of [fabrikam, fabrikamId]) {
      const refused = await call<ErrorAnswer>(scopedToken, `/api/tenants/${other}/summary`);
      assert.equal(refused.status, 404, JSON.stringify(refused.body));
      assert.equal(refused.body.error.message, `Tenant '${other}' is not connected.`);
    }
  });

  test("a tenant that is not a domain or an id is bad input; one not connected is not found", async () => {
    const bad = await server.api<ErrorAnswer>("GET", "/api/tenants/not_a_tenant/summary");
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, "invalid_input");
    assert.equal(bad.body.error.field, "tenant");
    const unknown = await server.api<ErrorAnswer>("GET", "/api/tenants/nowhere.onmicrosoft.com/summary");
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.message, "Tenant 'nowhere.onmicrosoft.com' is not connected.");
  });
});
