import assert from "node:assert/strict";
import type { Client } from "@microsoft/microsoft-graph-client";
import { after, before, describe, test } from "node:test";
import { directoryAuditReader } from "../../../test/support/directory-audits.ts";
import { tenantReader } from "../../../test/support/tenant-reader.ts";
import { startTenantry, type TenantryServer } from "../../../test/support/tenantry-server.ts";

let server: TenantryServer;
let graph: Client;
const domain = "contoso.onmicrosoft.com";
const contoso = `/api/tenants/${domain}/actions`;

interface Answer {
  run: { id: string; state: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null };
  replayed: boolean;
  error?: { code: string; message: string; fix?: string; field?: string };
}

interface Group {
  id: string;
  displayName: string;
  groupTypes: string[];
  onPremisesSyncEnabled: boolean | null;
  isAssignableToRole: boolean | null;
}

let cloudGroup: string;
let member: { id: string; userPrincipalName: string };
let demoGroups: Group[];

async function directMemberIds(groupId: string): Promise<string[]> {
  return (await graph.api(`/groups/${groupId}/members`).select("id").top(999).get()).value.map((m: { id: string }) => m.id);
}

before(async () => {
  server = await startTenantry();
  graph = (await tenantReader(server.cloudUrl, domain, ["Directory.Read.All", "User.ReadWrite.All", "Group.ReadWrite.All"])).graph;
  member = await graph.api("/users").post({
    accountEnabled: true,
    displayName: "Group test member",
    mailNickname: "group-test-member",
    userPrincipalName: `group-test-member@${domain}`,
    passwordProfile: { password: "Group-Test-2026!", forceChangePasswordNextSignIn: false },
  });
  cloudGroup = (await graph.api("/groups").post({ displayName: "Group test", description: "Made by the test", mailNickname: "grouptest", mailEnabled: false, securityEnabled: true })).id;
  demoGroups = (await graph.api("/groups").select("id,displayName,groupTypes,onPremisesSyncEnabled,isAssignableToRole").top(999).get()).value;
});

after(async () => {
  await server.stop();
  await server.remove();
});

describe("group members", () => {
  test("a member is added once: a retry with the key replays the run, a new request is refused as already done, Entra logs one change", async () => {
    const audits = await directoryAuditReader(server.cloudUrl, domain);
    const since = new Date(Date.now() - 1000).toISOString();
    const body = { groupId: cloudGroup, memberId: member.id };
    const headers = { "Idempotency-Key": "add-member-1" };
    const first = await server.api<Answer>("POST", `${contoso}/groups.add-member`, body, headers);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual([first.body.run.state, first.body.run.before, first.body.run.after], ["succeeded", { memberId: member.id, isMember: false }, { memberId: member.id, isMember: true }]);
    assert.deepEqual(await directMemberIds(cloudGroup), [member.id]);
    const retry = await server.api<Answer>("POST", `${contoso}/groups.add-member`, body, headers);
    assert.deepEqual([retry.status, retry.body.replayed, retry.body.run.id], [200, true, first.body.run.id]);
    const rerun = await server.api<Answer>("POST", `${contoso}/groups.add-member`, body);
    assert.deepEqual([rerun.status, rerun.body.error?.code, rerun.body.run.state], [409, "already_member", "refused"]);
    const events = (await audits.since(since)).filter((e) => e.targetResources.some((t) => t.id === cloudGroup) && e.activityDisplayName !== "Add group");
    assert.deepEqual(events.map((e) => e.activityDisplayName), ["Add member to group"]);
  });

  test("a member is removed; removing someone who is not a member is refused", async () => {
    const removed = await server.api<Answer>("POST", `${contoso}/groups.remove-member`, { groupId: cloudGroup, memberId: member.id });
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    assert.deepEqual([removed.body.run.before, removed.body.run.after], [{ memberId: member.id, isMember: true }, { memberId: member.id, isMember: false }]);
    assert.deepEqual(await directMemberIds(cloudGroup), []);
    const again = await server.api<Answer>("POST", `${contoso}/groups.remove-member`, { groupId: cloudGroup, memberId: member.id });
    assert.deepEqual([again.status, again.body.error?.code], [409, "not_a_member"]);
  });

  test("synced, role-assignable and dynamic groups are refused with the reason and where to change them, and stay unchanged", async () => {
    const synced = demoGroups.find((g) => g.onPremisesSyncEnabled === true)!;
    const roleAssignable = demoGroups.find((g) => g.isAssignableToRole === true)!;
    const dynamic = demoGroups.find((g) => g.groupTypes.includes("DynamicMembership"))!;
    const cases = [
      { group: synced, status: 422, code: "synced_group", fix: /on-premises Active Directory/ },
      { group: roleAssignable, status: 403, code: "role_assignable_group", fix: /Privileged Role Administrator/ },
      { group: dynamic, status: 422, code: "dynamic_membership", fix: /membership rule/ },
    ];
    for (const { group, status, code, fix } of cases) {
      const membersBefore = await directMemberIds(group.id);
      for (const action of ["groups.add-member", "groups.remove-member"]) {
        const answer = await server.api<Answer>("POST", `${contoso}/${action}`, { groupId: group.id, memberId: member.id });
        assert.deepEqual([answer.status, answer.body.error?.code], [status, code], `${action} on ${group.displayName}`);
        assert.match(answer.body.error?.message ?? "", new RegExp(`^${group.displayName}`));
        assert.match(answer.body.error?.fix ?? "", fix);
      }
      assert.deepEqual(await directMemberIds(group.id), membersBefore);
    }
  });
});

describe("group properties", () => {
  test("name and description change and are read back; null clears the description", async () => {
    const changed = await server.api<Answer>("POST", `${contoso}/groups.update-properties`, { groupId: cloudGroup, changes: { displayName: "Group test (renamed)", description: "Changed by Tenantry" } });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual(changed.body.run.before, { displayName: "Group test", description: "Made by the test" });
    assert.deepEqual(changed.body.run.after, { displayName: "Group test (renamed)", description: "Changed by Tenantry" });
    const cleared = await server.api<Answer>("POST", `${contoso}/groups.update-properties`, { groupId: cloudGroup, changes: { description: null } });
    assert.deepEqual([cleared.status, cleared.body.run.after], [200, { description: null }]);
    const read = await graph.api(`/groups/${cloudGroup}`).select("displayName,description").get();
    assert.deepEqual([read.displayName, read.description], ["Group test (renamed)", null]);
  });

  test("visibility changes on a Microsoft 365 group and is refused on a security group", async () => {
    const unified = demoGroups.find((g) => g.groupTypes.includes("Unified"))!;
    const current = (await graph.api(`/groups/${unified.id}`).select("visibility").get()).visibility;
    const wanted = current === "Private" ? "Public" : "Private";
    const changed = await server.api<Answer>("POST", `${contoso}/groups.update-properties`, { groupId: unified.id, changes: { visibility: wanted } });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal((await graph.api(`/groups/${unified.id}`).select("visibility").get()).visibility, wanted);
    const refused = await server.api<Answer>("POST", `${contoso}/groups.update-properties`, { groupId: cloudGroup, changes: { visibility: "Private" } });
    assert.deepEqual([refused.status, refused.body.error?.code, refused.body.error?.field], [422, "visibility_not_supported", "changes.visibility"]);
  });

  test("a synced group's properties are refused", async () => {
    const synced = demoGroups.find((g) => g.onPremisesSyncEnabled === true)!;
    const answer = await server.api<Answer>("POST", `${contoso}/groups.update-properties`, { groupId: synced.id, changes: { description: "Not here" } });
    assert.deepEqual([answer.status, answer.body.error?.code], [422, "synced_group"]);
    assert.notEqual((await graph.api(`/groups/${synced.id}`).select("description").get()).description, "Not here");
  });
});

test("in a tenant that did not grant group writes, membership and property changes are refused with the missing permission", async () => {
  const tenant = await server.api<{ lastCheck: { modules: { module: string; features: { action: string; available: boolean; missingPermissions: string[] }[] }[] } }>(
    "GET",
    "/api/tenants/northwind.onmicrosoft.com",
  );
  const features = tenant.body.lastCheck.modules.find((m) => m.module === "management")!.features;
  const northwind = "/api/tenants/northwind.onmicrosoft.com/actions";
  const someId = "00000000-0000-4000-8000-000000000000";
  const requests = [
    { action: "groups.add-member", permission: "GroupMember.ReadWrite.All", body: { groupId: someId, memberId: someId } },
    { action: "groups.remove-member", permission: "GroupMember.ReadWrite.All", body: { groupId: someId, memberId: someId } },
    { action: "groups.update-properties", permission: "Group.ReadWrite.All", body: { groupId: someId, changes: { description: "x" } } },
  ];
  for (const { action, permission, body } of requests) {
    const feature = features.find((f) => f.action === action)!;
    assert.deepEqual([feature.available, feature.missingPermissions], [false, [permission]], action);
    const answer = await server.api<Answer>("POST", `${northwind}/${action}`, body);
    assert.deepEqual([answer.status, answer.body.error?.code], [403, "consent_missing"], action);
    assert.match(answer.body.error?.message ?? "", new RegExp(permission.replaceAll(".", "\\.")), action);
  }
});
