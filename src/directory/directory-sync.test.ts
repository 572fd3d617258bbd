import assert from "node:assert/strict";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, test } from "node:test";
import type { Client } from "@microsoft/microsoft-graph-client";
import { type ControlApi, controlApi, tenantWithApp } from "../../test/support/graph-clients.ts";
import { type LocalCloud, startLocalCloud } from "../../test/support/local-cloud.ts";
import { createSecretBox } from "../secrets/secret-box.ts";
import { type Database, openDatabase } from "../store/database.ts";
import { createConnectionsStore } from "../tenants/connections-store.ts";
import { createPlatformAppStore } from "../tenants/platform-app-store.ts";
import { createTenantsService } from "../tenants/tenants-service.ts";
import { createDirectorySync, type DirectorySync, SyncBusy } from "./directory-sync.ts";
import type { DirectoryUserRow } from "./users-cache.ts";

let cloud: LocalCloud;
let control: ControlApi;
let dir: string;
let database: Database;
let graph: Client;
let tenantId: string;
let sync: DirectorySync;

interface GraphUser {
  id: string;
  userPrincipalName: string;
  displayName: string | null;
  mail: string | null;
  accountEnabled: boolean | null;
  userType: string | null;
  onPremisesSyncEnabled: boolean | null;
  jobTitle: string | null;
  department: string | null;
  usageLocation: string | null;
  assignedLicenses: { skuId: string }[];
  deletedDateTime?: string | null;
}

interface CachedRow extends DirectoryUserRow {
  cached_at: Date;
  search_text: string;
}

const userSelect = "id,userPrincipalName,displayName,mail,accountEnabled,userType,onPremisesSyncEnabled,jobTitle,department,usageLocation,assignedLicenses";

async function everyPage<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let page = await graph.api(path).get();
  items.push(...page.value);
  while (page["@odata.nextLink"]) {
    page = await graph.api(page["@odata.nextLink"]).get();
    items.push(...page.value);
  }
  return items;
}

async function cachedUsers(): Promise<Map<string, CachedRow>> {
  const { rows } = await database.pool.query<CachedRow>("SELECT * FROM directory_users WHERE tenant_id = $1", [tenantId]);
  return new Map(rows.map((r) => [r.id, r]));
}

async function cachedUser(id: string): Promise<CachedRow | undefined> {
  return (await cachedUsers()).get(id);
}

function asCached(user: GraphUser) {
  return {
    id: user.id,
    user_principal_name: user.userPrincipalName,
    display_name: user.displayName,
    mail: user.mail,
    account_enabled: user.accountEnabled,
    user_type: user.userType,
    synced: user.onPremisesSyncEnabled === true,
    job_title: user.jobTitle,
    department: user.department,
    usage_location: user.usageLocation,
    sku_ids: user.assignedLicenses.map((l) => l.skuId).sort(),
  };
}

function cachedView(row: CachedRow) {
  const { admin_role_ids: _roles, deleted_at: _deleted, cached_at: _cached, tenant_id: _tenant, search_text: _search, ...rest } = row;
  return { ...rest, sku_ids: [...row.sku_ids].sort() };
}

async function membersInCache(): Promise<Map<string, string[]>> {
  const { rows } = await database.pool.query<{ group_id: string; member_id: string }>("SELECT group_id, member_id FROM directory_group_members WHERE tenant_id = $1 ORDER BY member_id", [tenantId]);
  const byGroup = new Map<string, string[]>();
  for (const row of rows) byGroup.set(row.group_id, [...(byGroup.get(row.group_id) ?? []), row.member_id]);
  return byGroup;
}

async function state() {
  return sync.states.get(tenantId);
}

before(async () => {
  cloud = await startLocalCloud(["--seed", "none"]);
  control = controlApi(cloud);
  const t = await tenantWithApp(cloud, control, {
    size: "M",
    permissions: ["User.Read.All", "GroupMember.Read.All", "Organization.Read.All", "RoleManagement.Read.Directory", "User.ReadWrite.All", "User.DeleteRestore.All", "Group.ReadWrite.All", "GroupMember.ReadWrite.All", "RoleManagement.ReadWrite.Directory"],
  });
  tenantId = t.tenantId;
  graph = t.graph;
  dir = await mkdtemp(join(tmpdir(), "tenantry-sync-"));
  await chmod(dir, 0o755);
  database = await openDatabase({ dataDir: dir, env: {} });
  const app = createPlatformAppStore({ pool: database.pool, secrets: createSecretBox(Buffer.alloc(32, 7)) });
  await app.set({ clientId: t.appId, homeTenantId: t.tenantId, cloud: { kind: "local", url: cloud.url, caPem: cloud.caPem }, credential: { kind: "secret", clientSecret: t.clientSecret } });
  const tenants = createTenantsService({ pool: database.pool, app, connections: createConnectionsStore({ pool: database.pool }), consentRedirectUri: () => "http://localhost/tenants/consent-callback" });
  await tenants.connectManually(t.tenantId);
  sync = createDirectorySync({ pool: database.pool, tenants, graph: { maxAttempts: 2, maxDelayMs: 100 } });
});

after(async () => {
  await database?.close();
  await cloud?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("directory sync", () => {
  test("a first sync caches every user, deleted user, group, member, SKU and role assignment as Graph has them", async () => {
    const outcome = await sync.syncTenant(tenantId);
    assert.equal(outcome.ok, true, JSON.stringify(outcome.error));
    assert.equal(outcome.kind, "full");

    const users = await everyPage<GraphUser>(`/users?$top=999&$select=${userSelect}`);
    const cached = await cachedUsers();
    const live = [...cached.values()].filter((r) => r.deleted_at === null);
    assert.equal(live.length, users.length);
    for (const user of users) assert.deepEqual(cachedView(cached.get(user.id)!), asCached(user), user.userPrincipalName);
    assert.ok(users.some((u) => u.assignedLicenses.length > 0) && users.some((u) => u.onPremisesSyncEnabled), "the sample has licensed and synced users");

    const deleted = await everyPage<GraphUser>(`/directory/deletedItems/microsoft.graph.user?$top=999&$select=${userSelect},deletedDateTime`);
    assert.equal([...cached.values()].filter((r) => r.deleted_at !== null).length, deleted.length);
    for (const user of deleted) assert.equal(cached.get(user.id)?.deleted_at?.toISOString(), new Date(user.deletedDateTime!).toISOString());

    const groups = await everyPage<{ id: string; displayName: string; isAssignableToRole: boolean | null }>("/groups?$top=999&$select=id,displayName,isAssignableToRole");
    const { rows: cachedGroups } = await database.pool.query<{ id: string; display_name: string; is_assignable_to_role: boolean }>("SELECT id, display_name, is_assignable_to_role FROM directory_groups WHERE tenant_id = $1", [tenantId]);
    assert.deepEqual(
      cachedGroups.map((g) => [g.id, g.display_name, g.is_assignable_to_role]).sort(),
      groups.map((g) => [g.id, g.displayName, g.isAssignableToRole === true]).sort(),
    );
    const members = await membersInCache();
    let links = 0;
    for (const group of groups) {
      const inGraph = (await everyPage<{ id: string }>(`/groups/${group.id}/members?$select=id&$top=999`)).map((m) => m.id).sort();
      assert.deepEqual(members.get(group.id) ?? [], inGraph, group.displayName);
      links += inGraph.length;
    }
    assert.ok(links > 0, "the sample has group members");

    const skus = (await graph.api("/subscribedSkus").get()).value as { skuId: string; consumedUnits: number }[];
    const { rows: cachedSkus } = await database.pool.query<{ sku_id: string; consumed_units: number }>("SELECT sku_id, consumed_units FROM directory_skus WHERE tenant_id = $1", [tenantId]);
    assert.deepEqual(cachedSkus.map((s) => [s.sku_id, s.consumed_units]).sort(), skus.map((s) => [s.skuId, s.consumedUnits]).sort());

    const roles = await everyPage<{ id: string; principalId: string; roleDefinitionId: string }>("/roleManagement/directory/roleAssignments");
    const { rows: cachedRoles } = await database.pool.query<{ id: string }>("SELECT id FROM directory_role_assignments WHERE tenant_id = $1", [tenantId]);
    assert.deepEqual(cachedRoles.map((r) => r.id).sort(), roles.map((r) => r.id).sort());
    const admin = roles.find((r) => cached.has(r.principalId))!;
    assert.ok(cached.get(admin.principalId)!.admin_role_ids.includes(admin.roleDefinitionId));

    const s = await state();
    assert.equal(s.lastKind, "full");
    assert.ok(s.lastSuccessAt && s.lastFullSyncAt);
    assert.equal(s.runningSince, null);
    assert.deepEqual(s.counts, { users: users.length, deletedUsers: deleted.length, groups: groups.length, groupMembers: links, skus: skus.length, roleAssignments: roles.length });
  });

  test("a change in the cloud is picked up by the next sync, which writes only what changed", async () => {
    const users = await everyPage<GraphUser>(`/users?$top=999&$select=${userSelect}`);
    const cached = await cachedUsers();
    const [changed, added, bystander] = users.filter((u) => !u.onPremisesSyncEnabled && u.userType === "Member" && cached.get(u.id)?.admin_role_ids.length === 0);
    const group = (await everyPage<{ id: string; groupTypes: string[] }>("/groups?$top=999&$select=id,groupTypes")).find((g) => g.groupTypes.length === 0)!;
    const members = (await everyPage<{ id: string }>(`/groups/${group.id}/members?$select=id`)).map((m) => m.id);
    const removedMember = members.find((m) => m !== added!.id)!;
    const before = await cachedUser(bystander!.id);

    await graph.api(`/users/${changed!.id}`).patch({ jobTitle: "Synced by delta", displayName: "Delta Person" });
    if (!members.includes(added!.id)) await graph.api(`/groups/${group.id}/members/$ref`).post({ "@odata.id": `${cloud.url}/v1.0/directoryObjects/${added!.id}` });
    await graph.api(`/groups/${group.id}/members/${removedMember}/$ref`).delete();
    const helpdesk = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
    await graph.api("/roleManagement/directory/roleAssignments").post({ principalId: changed!.id, roleDefinitionId: helpdesk, directoryScopeId: "/" });

    const outcome = await sync.syncTenant(tenantId);
    assert.equal(outcome.ok, true, JSON.stringify(outcome.error));
    assert.equal(outcome.kind, "delta");
    // The changed user, and the one group whose members changed.
    assert.equal(outcome.changes, 2);
    const row = (await cachedUser(changed!.id))!;
    assert.deepEqual([row.job_title, row.display_name, row.admin_role_ids], ["Synced by delta", "Delta Person", [helpdesk]]);
    const cachedMembers = (await membersInCache()).get(group.id)!;
    assert.ok(cachedMembers.includes(added!.id));
    assert.ok(!cachedMembers.includes(removedMember));
    assert.equal((await cachedUser(bystander!.id))!.cached_at.getTime(), before!.cached_at.getTime(), "an unchanged user is not written again");
    assert.equal((await state()).lastKind, "delta");
  });

  test("a deleted user is marked with its name in deleted items, a restored one unmarked, a purged one removed", async () => {
    const user = (await graph.api("/users").post({
      accountEnabled: true,
      displayName: "Sync Leaver",
      mailNickname: "sync-leaver",
      userPrincipalName: `sync-leaver@${(await graph.api("/organization").get()).value[0].verifiedDomains[0].name}`,
      passwordProfile: { password: "Sync-Leaver-2026!", forceChangePasswordNextSignIn: false },
    })) as GraphUser;
    await sync.syncTenant(tenantId);
    assert.equal((await cachedUser(user.id))?.deleted_at, null);

    await graph.api(`/users/${user.id}`).delete();
    assert.equal((await sync.syncTenant(tenantId)).ok, true);
    const inDeletedItems = (await graph.api(`/directory/deletedItems/${user.id}?$select=id,userPrincipalName,deletedDateTime`).get()) as GraphUser;
    const marked = (await cachedUser(user.id))!;
    assert.equal(marked.deleted_at?.toISOString(), new Date(inDeletedItems.deletedDateTime!).toISOString());
    assert.equal(marked.user_principal_name, inDeletedItems.userPrincipalName);
    assert.equal((await state()).counts.deletedUsers, (await everyPage<GraphUser>("/directory/deletedItems/microsoft.graph.user?$top=999&$select=id")).length);

    await graph.api(`/directory/deletedItems/${user.id}/restore`).post({});
    await sync.syncTenant(tenantId);
    const restored = (await cachedUser(user.id))!;
    assert.deepEqual([restored.deleted_at, restored.user_principal_name], [null, user.userPrincipalName]);

    await graph.api(`/users/${user.id}`).delete();
    await graph.api(`/directory/deletedItems/${user.id}`).delete();
    await sync.syncTenant(tenantId);
    assert.equal(await cachedUser(user.id), undefined);
  });

  test("an expired delta link falls back to a full sync, which also drops what Graph no longer has", async () => {
    const ghost = "0badc0de-0000-4000-8000-000000000001";
    await database.pool.query("INSERT INTO directory_users (tenant_id, id, user_principal_name) VALUES ($1, $2, 'ghost@example.com')", [tenantId, ghost]);
    const user = (await everyPage<GraphUser>(`/users?$top=999&$select=${userSelect}`)).find((u) => !u.onPremisesSyncEnabled && u.userType === "Member")!;
    // Seven days of the cloud's clock pass in a few seconds: delta tokens expire.
    await control("PATCH", "/settings", { timeScale: 100_000 });
    await sleep(6_500);
    await control("PATCH", "/settings", { timeScale: 1 });
    await graph.api(`/users/${user.id}`).patch({ department: "After expiry" });

    const outcome = await sync.syncTenant(tenantId);
    assert.equal(outcome.ok, true, JSON.stringify(outcome.error));
    assert.equal(outcome.kind, "full");
    assert.equal(await cachedUser(ghost), undefined);
    assert.equal((await cachedUser(user.id))?.department, "After expiry");
    const users = await everyPage<GraphUser>(`/users?$top=999&$select=id`);
    assert.equal((await state()).counts.users, users.length);
    assert.equal((await sync.syncTenant(tenantId)).kind, "delta", "the new delta link is followed next time");
  });

  test("a failing Graph is recorded as the sync's error, and the next good sync clears it", async () => {
    const lastSuccess = (await state()).lastSuccessAt;
    assert.equal((await control("POST", "/faults", { tenantId, rate: 1, statuses: [503] })).status, 201);
    try {
      const outcome = await sync.syncTenant(tenantId);
      assert.equal(outcome.ok, false);
      assert.deepEqual([outcome.error?.step, outcome.error?.status], ["users", 503]);
      const failed = await state();
      assert.equal(failed.lastError?.status, 503);
      assert.match(failed.lastError?.message ?? "", /Microsoft Graph/);
      assert.ok(failed.lastErrorAt);
      assert.equal(failed.lastSuccessAt, lastSuccess);
      assert.equal(failed.runningSince, null);
    } finally {
      await control("DELETE", "/faults");
    }
    assert.equal((await sync.syncTenant(tenantId)).ok, true);
    const recovered = await state();
    assert.equal(recovered.lastError, null);
    assert.notEqual(recovered.lastSuccessAt, lastSuccess);
  });

  test("a tenant is not synced twice at once; a lease its process stopped renewing lapses", async () => {
    const lease = await sync.states.claim(tenantId);
    assert.ok(lease);
    assert.ok((await state()).runningSince);
    await assert.rejects(sync.syncTenant(tenantId), SyncBusy);
    const impatient = createDirectorySync({ pool: database.pool, tenants: { access: () => Promise.reject(new Error("unused")) }, leaseLifetimeMs: 1 });
    await sleep(10);
    assert.ok(await impatient.states.claim(tenantId), "a lease not renewed within its lifetime is taken over");
    await database.pool.query("UPDATE directory_sync_state SET lease_id = NULL, running_since = NULL, lease_renewed_at = NULL WHERE tenant_id = $1", [tenantId]);
    assert.equal((await sync.syncTenant(tenantId)).ok, true);
  });
});
