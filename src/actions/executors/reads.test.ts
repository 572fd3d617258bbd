import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { Client } from "@microsoft/microsoft-graph-client";
import { controlApi, graphClient } from "../../../test/support/graph-clients.ts";
import type { LocalCloud } from "../../../test/support/local-cloud.ts";
import { startTenantry, type TenantryServer } from "../../../test/support/tenantry-server.ts";

interface UserRow {
  id: string;
  displayName: string;
  userPrincipalName: string;
  synced: boolean;
  accountEnabled: boolean;
  licenses: string[];
}
interface Page<R> {
  value: R[];
  nextCursor: string | null;
  count?: number;
}
interface GraphUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  accountEnabled: boolean;
  onPremisesSyncEnabled: boolean | null;
  assignedLicenses: { skuId: string }[];
  licenseAssignmentStates: { skuId: string; assignedByGroup: string | null; state: string }[];
}

let server: TenantryServer;
let graph: Client;
/** Every Contoso user as Graph itself reports them, read through the Graph SDK by an app of the test's own. */
let truth: Map<string, GraphUser>;
const contoso = "contoso.onmicrosoft.com";

/** An app of the test's own in a demo tenant, with read permissions, for the official Graph SDK. */
async function readerApp(cloudUrl: string, domain: string): Promise<Client> {
  const cloud = { url: cloudUrl } as LocalCloud;
  const control = controlApi(cloud);
  const tenants = await control<{ value: { id: string; defaultDomain: string }[] }>("GET", "/tenants");
  const tenantId = tenants.body.value.find((t) => t.defaultDomain === domain)!.id;
  const permissions = ["User.Read.All", "GroupMember.Read.All"];
  const app = await control<{ appId: string; clientSecret: string }>("POST", "/applications", { homeTenantId: tenantId, displayName: "Read test", requiredPermissions: permissions, credential: "secret" });
  assert.equal(app.status, 201, JSON.stringify(app.body));
  const consent = await control("POST", `/tenants/${tenantId}/consents`, { appId: app.body.appId, permissions, servicePrincipalRoles: [] });
  assert.equal(consent.status, 201, JSON.stringify(consent.body));
  return graphClient(cloud, tenantId, app.body.appId, app.body.clientSecret);
}

async function allUsersThroughSdk(): Promise<Map<string, GraphUser>> {
  const users = new Map<string, GraphUser>();
  let page = (await graph.api("/users").select("id,displayName,userPrincipalName,accountEnabled,onPremisesSyncEnabled,assignedLicenses,licenseAssignmentStates").top(999).get()) as { value: GraphUser[]; "@odata.nextLink"?: string };
  for (;;) {
    for (const user of page.value) users.set(user.id, user);
    if (!page["@odata.nextLink"]) return users;
    page = await graph.api(page["@odata.nextLink"]).get();
  }
}

async function read<T>(action: string, input: object, tenant = contoso) {
  return server.api<{ data: T; error?: { code: string; field?: string; message: string } }>("POST", `/api/tenants/${tenant}/actions/${action}`, input);
}

async function listAll(input: object): Promise<UserRow[]> {
  const rows: UserRow[] = [];
  let cursor: string | undefined;
  do {
    const { status, body } = await read<Page<UserRow>>("users.list", cursor ? { cursor } : { ...input, top: 999 });
    assert.equal(status, 200, JSON.stringify(body));
    rows.push(...body.data.value);
    cursor = body.data.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

before(async () => {
  server = await startTenantry();
  graph = await readerApp(server.cloudUrl, contoso);
  truth = await allUsersThroughSdk();
});

after(async () => {
  await server?.stop();
  await server?.remove();
});

describe("users.list", () => {
  test("search finds a user by the start of the user name and by a word inside the display name", async () => {
    const known = [...truth.values()].find((u) => u.displayName.split(" ").length === 2 && !u.userPrincipalName.includes("#EXT#"))!;
    const surname = known.displayName.split(" ")[1]!;
    const byPrefix = await read<Page<UserRow>>("users.list", { search: known.userPrincipalName.slice(0, 6), top: 999 });
    assert.equal(byPrefix.status, 200, JSON.stringify(byPrefix.body));
    assert.ok(byPrefix.body.data.value.some((u) => u.id === known.id), `${known.userPrincipalName} by prefix`);
    const byWord = await read<Page<UserRow>>("users.list", { search: surname.toLowerCase(), top: 999 });
    assert.ok(byWord.body.data.value.some((u) => u.id === known.id), `${known.displayName} by "${surname}"`);
    assert.ok(byWord.body.data.value.every((u) => JSON.stringify(u).toLowerCase().includes(surname.toLowerCase())));
    assert.equal(byWord.body.data.count, byWord.body.data.value.length);
    const none = await read<Page<UserRow>>("users.list", { search: "zzqx-nobody" });
    assert.deepEqual(none.body.data.value, []);
  });

  test("filters return exactly the users Graph reports with those properties", async () => {
    const synced = await listAll({ synced: true });
    const expectedSynced = [...truth.values()].filter((u) => u.onPremisesSyncEnabled === true);
    assert.ok(expectedSynced.length > 100);
    assert.deepEqual(synced.map((u) => u.id).sort(), expectedSynced.map((u) => u.id).sort());
    assert.ok(synced.every((u) => u.synced));

    const cloudOnlyDisabled = await listAll({ synced: false, accountEnabled: false });
    const expected = [...truth.values()].filter((u) => u.onPremisesSyncEnabled !== true && !u.accountEnabled);
    assert.ok(expected.length > 0);
    assert.deepEqual(cloudOnlyDisabled.map((u) => u.id).sort(), expected.map((u) => u.id).sort());

    const unlicensed = await read<Page<UserRow>>("users.list", { licensed: false, top: 999 });
    assert.equal(unlicensed.body.data.count, [...truth.values()].filter((u) => u.assignedLicenses.length === 0).length);
    assert.ok(unlicensed.body.data.value.every((u) => u.licenses.length === 0 && truth.get(u.id)!.assignedLicenses.length === 0));
    const licensed = await read<Page<UserRow>>("users.list", { licensed: true, userType: "Member", top: 5 });
    assert.ok(licensed.body.data.value.every((u) => u.licenses.length > 0 && !u.licenses.some((l) => /^[0-9a-f-]{36}$/.test(l))));
  });

  test("a cursor gives the next page, disjoint from the ones before, and keeps the query", async () => {
    const first = await read<Page<UserRow>>("users.list", { top: 40, synced: true });
    const second = await read<Page<UserRow>>("users.list", { cursor: first.body.data.nextCursor });
    const third = await read<Page<UserRow>>("users.list", { cursor: second.body.data.nextCursor });
    const pages = [first, second, third].map((p) => p.body.data.value.map((u) => u.id));
    assert.deepEqual(pages.map((p) => p.length), [40, 40, 40]);
    assert.equal(new Set(pages.flat()).size, 120);
    assert.ok([second, third].every((p) => p.body.data.value.every((u) => u.synced)), "the cursor keeps the filter");
  });

  test("a tampered cursor is refused before any request is made with it", async () => {
    const requests: string[] = [];
    const listener: Server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url} ${request.headers.authorization ?? ""}`);
      response.end("{}");
    });
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    const elsewhere = `127.0.0.1:${(listener.address() as AddressInfo).port}`;
    try {
      const page = await read<Page<UserRow>>("users.list", { top: 5 });
      const cursor = JSON.parse(inflateRawSync(Buffer.from(page.body.data.nextCursor!, "base64url")).toString()) as { t: string; p: string };
      const query = cursor.p.slice(cursor.p.indexOf("?"));
      const forged = (content: object) => deflateRawSync(JSON.stringify(content)).toString("base64url");
      const tampered = [
        forged({ ...cursor, p: `http://${elsewhere}/v1.0/users${query}` }),
        forged({ ...cursor, p: `//${elsewhere}/v1.0/users${query}` }),
        forged({ ...cursor, p: `/users@${elsewhere}/users${query}` }),
        forged({ ...cursor, p: `/groups${query}` }),
        forged({ ...cursor, p: `/users/${page.body.data.value[0]!.id}/memberOf${query}` }),
        forged({ ...cursor, p: `/users/../groups${query}` }),
        forged({ ...cursor, t: "00000000-0000-0000-0000-000000000000" }),
        Buffer.from(JSON.stringify({ ...cursor, p: `http://${elsewhere}/v1.0/users${query}` })).toString("base64url"),
        "not a cursor",
      ];
      for (const bad of tampered) {
        const answer = await read<Page<UserRow>>("users.list", { cursor: bad });
        assert.equal(answer.status, 400, JSON.stringify(answer.body));
        assert.equal(answer.body.error?.field, "cursor");
      }
      const otherTenant = await read<Page<UserRow>>("users.list", { cursor: page.body.data.nextCursor }, "fabrikam.onmicrosoft.com");
      assert.equal(otherTenant.status, 400);
      const groupsCursor = await read<Page<unknown>>("groups.list", { cursor: page.body.data.nextCursor });
      assert.equal(groupsCursor.status, 400);
      assert.deepEqual(requests, []);
    } finally {
      listener.close();
    }
  });
});

describe("users.get", () => {
  test("a licence inherited from a group names the group; direct ones are marked direct; plans are named", async () => {
    const inherited = [...truth.values()].find((u) => u.licenseAssignmentStates.some((s) => s.assignedByGroup && s.state === "Active"))!;
    assert.ok(inherited, "the demo has a user licensed through a group");
    const state = inherited.licenseAssignmentStates.find((s) => s.assignedByGroup && s.state === "Active")!;
    const group = (await graph.api(`/groups/${state.assignedByGroup}`).select("displayName").get()) as { displayName: string };
    const { status, body } = await read<{
      userPrincipalName: string;
      licenses: { skuId: string; productName: string; assignedDirectly: boolean; assignments: { kind: string; groupId: string | null; groupName: string | null }[]; servicePlans: { friendlyName: string | null; provisioningStatus: string }[] }[];
      groups: { id: string }[];
      sync: { synced: boolean };
    }>("users.get", { userId: inherited.userPrincipalName });
    assert.equal(status, 200, JSON.stringify(body));
    const licence = body.data.licenses.find((l) => l.skuId === state.skuId)!;
    assert.ok(licence.assignments.some((a) => a.kind === "group" && a.groupId === state.assignedByGroup && a.groupName === group.displayName), JSON.stringify(licence));
    const direct = inherited.licenseAssignmentStates.some((s) => s.skuId === state.skuId && !s.assignedByGroup);
    assert.equal(licence.assignedDirectly, direct);
    assert.doesNotMatch(licence.productName, /^[0-9a-f-]{36}$/);
    assert.ok(licence.servicePlans.length > 0 && licence.servicePlans.every((p) => p.friendlyName && p.provisioningStatus));
    assert.ok(body.data.groups.some((g) => g.id === state.assignedByGroup));
    assert.equal(body.data.sync.synced, inherited.onPremisesSyncEnabled === true);
  });

  test("an administrator's roles are named, and an unknown user is a 404", async () => {
    const admin = await read<{ adminRoles: { roleName: string; viaGroup: unknown }[]; manager: unknown }>("users.get", { userId: "admin@contoso.onmicrosoft.com" });
    assert.equal(admin.status, 200);
    assert.ok(admin.body.data.adminRoles.some((r) => r.roleName === "Global Administrator" && r.viaGroup === null));
    const missing = await read("users.get", { userId: "nobody.here@contoso.onmicrosoft.com" });
    assert.equal(missing.status, 404);
  });
});

describe("tenant-wide and group reads", () => {
  test("subscribed SKUs by product name with free seats; organisation; role assignments; group members paged", async () => {
    const skus = await read<{ value: { productName: string; skuPartNumber: string; enabledUnits: number; consumedUnits: number; freeUnits: number; servicePlans: { friendlyName: string | null }[] }[] }>("licenses.list-subscribed-skus", {});
    assert.equal(skus.status, 200);
    const e3 = skus.body.data.value.find((s) => s.skuPartNumber === "SPE_E3")!;
    assert.equal(e3.productName, "Microsoft 365 E3");
    assert.equal(e3.freeUnits, Math.max(0, e3.enabledUnits - e3.consumedUnits));
    assert.ok(e3.servicePlans.some((p) => p.friendlyName === "Microsoft Entra ID P1"));

    const organization = await read<{ displayName: string; verifiedDomains: { name: string; isDefault: boolean }[] }>("tenant.get-organization", {});
    assert.equal(organization.body.data.displayName, "Contoso");
    assert.ok(organization.body.data.verifiedDomains.some((d) => d.name === contoso));

    const globalAdmins = await read<{ value: { roleName: string; principalId: string }[] }>("roles.list-assignments", { roleDefinitionId: "62e90394-69f5-4237-9190-012177145e10" });
    assert.ok(globalAdmins.body.data.value.length >= 2);
    assert.ok(globalAdmins.body.data.value.every((a) => a.roleName === "Global Administrator"));

    const groups = await read<Page<{ id: string; displayName: string; licenses: string[] }>>("groups.list", { search: "LIC" });
    const licensed = groups.body.data.value.find((g) => g.licenses.length > 0)!;
    const first = await read<Page<{ id: string; type: string }>>("groups.list-members", { groupId: licensed.id, top: 3 });
    const next = await read<Page<{ id: string }>>("groups.list-members", { groupId: licensed.id, cursor: first.body.data.nextCursor });
    assert.equal(next.status, 200, JSON.stringify(next.body));
    assert.equal(new Set([...first.body.data.value, ...next.body.data.value].map((m) => m.id)).size, 6);
    const transitive = await read("groups.list-members", { groupId: licensed.id, transitive: true, cursor: first.body.data.nextCursor });
    assert.equal(transitive.status, 400, "a cursor of the direct members does not continue the transitive list");
  });
});
