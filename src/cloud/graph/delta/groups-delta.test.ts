import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Client } from "@microsoft/microsoft-graph-client";
import { appToken, type ControlApi, controlApi, tenantWithApp } from "../../../../test/support/graph-clients.ts";
import { type LocalCloud, startLocalCloud } from "../../../../test/support/local-cloud.ts";

interface MemberDelta {
  "@odata.type": string;
  id: string;
  "@removed"?: { reason: string };
}
type Item = Record<string, unknown> & { id: string; "members@delta"?: MemberDelta[]; "@removed"?: { reason: string } };
interface DeltaResponse {
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
  value: Item[];
}
interface GroupInfo {
  id: string;
  displayName: string;
  groupTypes: string[];
  mailEnabled: boolean;
  securityEnabled: boolean;
  onPremisesSyncEnabled: boolean | null;
  isAssignableToRole: boolean | null;
}
type Tenant = Awaited<ReturnType<typeof tenantWithApp>>;

let cloud: LocalCloud;
let control: ControlApi;

const permissions = ["User.ReadWrite.All", "Group.ReadWrite.All", "GroupMember.ReadWrite.All"];

before(async () => {
  cloud = await startLocalCloud(["--seed", "none"]);
  control = controlApi(cloud);
});
after(() => cloud.stop());

async function round(graph: Client, url: string): Promise<{ items: Item[]; pages: DeltaResponse[]; deltaLink: string }> {
  const pages: DeltaResponse[] = [];
  let page = (await graph.api(url).get()) as DeltaResponse;
  pages.push(page);
  while (page["@odata.nextLink"]) {
    page = (await graph.api(page["@odata.nextLink"]).get()) as DeltaResponse;
    pages.push(page);
  }
  assert.ok(page["@odata.deltaLink"]);
  return { items: pages.flatMap((p) => p.value), pages, deltaLink: page["@odata.deltaLink"] };
}

async function raw(t: Tenant, url: string, headers: Record<string, string> = {}): Promise<DeltaResponse> {
  const token = await appToken(cloud, t.tenantId, t.appId, t.clientSecret);
  const response = await fetch(url.startsWith("https://") ? url : `${cloud.url}/v1.0${url}`, { headers: { Authorization: `Bearer ${token}`, ...headers } });
  assert.equal(response.status, 200);
  return (await response.json()) as DeltaResponse;
}

async function allMembers(graph: Client, groupId: string): Promise<string[]> {
  const ids: string[] = [];
  let page = (await graph.api(`/groups/${groupId}/members`).top(999).select("id").get()) as { value: { id: string }[]; "@odata.nextLink"?: string };
  ids.push(...page.value.map((m) => m.id));
  while (page["@odata.nextLink"]) {
    page = await graph.api(page["@odata.nextLink"]).get();
    ids.push(...page.value.map((m) => m.id));
  }
  return ids;
}

/** Groups whose members an app may change: assigned membership, cloud-mastered, not role-assignable, not mail-enabled security. */
async function editableGroups(graph: Client): Promise<GroupInfo[]> {
  const groups = (await graph.api("/groups").top(999).select("id,displayName,groupTypes,mailEnabled,securityEnabled,onPremisesSyncEnabled,isAssignableToRole").get()) as { value: GroupInfo[] };
  return groups.value.filter(
    (g) => !g.groupTypes.includes("DynamicMembership") && !g.onPremisesSyncEnabled && !g.isAssignableToRole && !(g.mailEnabled && !g.groupTypes.includes("Unified")),
  );
}

let created = 0;
async function createUser(graph: Client, domain: string): Promise<string> {
  const nickname = `gdelta${++created}${Date.now() % 100000}`;
  const user = (await graph.api("/users").post({
    accountEnabled: true,
    displayName: `Group delta ${created}`,
    mailNickname: nickname,
    userPrincipalName: `${nickname}@${domain}`,
    passwordProfile: { password: "Delta-Query-Pass-1", forceChangePasswordNextSignIn: true },
  })) as { id: string };
  return user.id;
}

async function createGroup(graph: Client, displayName: string, unified: boolean): Promise<string> {
  const nickname = displayName.toLowerCase().replace(/[^a-z0-9]/g, "");
  const group = (await graph.api("/groups").post({
    displayName,
    mailNickname: nickname,
    mailEnabled: unified,
    securityEnabled: !unified,
    groupTypes: unified ? ["Unified"] : [],
  })) as { id: string };
  return group.id;
}

const addMember = (graph: Client, groupId: string, memberId: string) =>
  graph.api(`/groups/${groupId}/members/$ref`).post({ "@odata.id": `https://graph.microsoft.com/v1.0/directoryObjects/${memberId}` });

function byId(items: readonly Item[]): Map<string, Item> {
  return new Map(items.map((item) => [item.id, item]));
}

const userMember = (id: string): MemberDelta => ({ "@odata.type": "#microsoft.graph.user", id });
const removedMember = (id: string): MemberDelta => ({ "@odata.type": "#microsoft.graph.user", id, "@removed": { reason: "deleted" } });
const sortById = (list: readonly MemberDelta[] | undefined) => [...(list ?? [])].sort((a, b) => a.id.localeCompare(b.id));

describe("groups delta", () => {
  test("a full round lists every group with its members; the next round returns exactly the changes, members@delta included", async () => {
    const t = await tenantWithApp(cloud, control, { size: "M", permissions });
    const graph = t.graph;
    const [renamed] = (await editableGroups(graph)) as [GroupInfo];
    const withMembers = { id: await createGroup(graph, "Delta Members", false) };
    const ownDeletion = { id: await createGroup(graph, "Delta Security Leaving", false) };
    const unifiedToDelete = await createGroup(graph, "Delta Unified Leaving", true);
    const [staying, leaving, deletedMember, joining] = [await createUser(graph, t.domain), await createUser(graph, t.domain), await createUser(graph, t.domain), await createUser(graph, t.domain)];
    for (const member of [staying, leaving, deletedMember]) await addMember(graph, withMembers.id, member);

    const first = await round(graph, "/groups/delta");
    const listed = (await graph.api("/groups").top(999).select("id").get()) as { value: { id: string }[] };
    assert.deepEqual(new Set(first.items.map((g) => g.id)), new Set(listed.value.map((g) => g.id)), "every current group");
    const firstById = byId(first.items);
    const expectedMembers = await allMembers(graph, withMembers.id);
    assert.equal(expectedMembers.length, 3);
    assert.deepEqual(sortById(firstById.get(withMembers.id)!["members@delta"]), sortById(expectedMembers.map(userMember)), "all current members");
    const generatedWithMembers = first.items.find((g) => g.id !== withMembers.id && (g["members@delta"]?.length ?? 0) > 0)!;
    assert.deepEqual(new Set(generatedWithMembers["members@delta"]!.map((m) => m.id)), new Set(await allMembers(graph, generatedWithMembers.id)));
    assert.equal(firstById.get(unifiedToDelete)!["members@delta"], undefined, "a group without members has no members@delta");
    assert.equal(firstById.get(renamed.id)!.displayName, renamed.displayName);

    const newGroup = await createGroup(graph, "Delta New Group", false);
    await addMember(graph, newGroup, joining);
    await addMember(graph, withMembers.id, joining);
    await graph.api(`/groups/${withMembers.id}/members/${leaving}/$ref`).delete();
    await graph.api(`/users/${deletedMember}`).delete();
    await graph.api(`/groups/${renamed.id}`).patch({ description: "Changed by the delta test" });
    await graph.api(`/groups/${unifiedToDelete}`).delete();
    await graph.api(`/groups/${ownDeletion.id}`).delete();

    const second = await round(graph, first.deltaLink);
    const changes = byId(second.items);
    assert.deepEqual(new Set(changes.keys()), new Set([newGroup, withMembers.id, renamed.id, unifiedToDelete, ownDeletion.id]));
    assert.equal(second.items.length, 5);
    assert.equal(changes.get(newGroup)!.displayName, "Delta New Group");
    assert.deepEqual(changes.get(newGroup)!["members@delta"], [userMember(joining)]);
    assert.deepEqual(
      sortById(changes.get(withMembers.id)!["members@delta"]),
      sortById([userMember(joining), removedMember(leaving), removedMember(deletedMember)]),
      "added, removed, and removed by deleting the user",
    );
    assert.equal(changes.get(renamed.id)!.description, "Changed by the delta test");
    assert.equal(changes.get(renamed.id)!["members@delta"], undefined, "no membership change, no members@delta");
    assert.deepEqual(changes.get(unifiedToDelete), { id: unifiedToDelete, "@removed": { reason: "changed" } }, "a Microsoft 365 group goes to deleted items");
    assert.deepEqual(changes.get(ownDeletion.id), { id: ownDeletion.id, "@removed": { reason: "deleted" } }, "a security group is deleted at once");

    await graph.api(`/directory/deletedItems/${deletedMember}/restore`).post({});
    const third = await round(graph, second.deltaLink);
    assert.deepEqual(third.items.map((g) => g.id), [withMembers.id]);
    assert.deepEqual(third.items[0]!["members@delta"], [userMember(deletedMember)], "a restored user is a member again");
  });

  test("a large group's members span pages under the same group, each member once", async () => {
    const t = await tenantWithApp(cloud, control, { userCount: 1300, permissions });
    const first = await round(t.graph, "/groups/delta?$select=displayName,members");
    const pagesByGroup = new Map<string, number>();
    const membersByGroup = new Map<string, string[]>();
    for (const page of first.pages) {
      const links = page.value.reduce((sum, g) => sum + (g["members@delta"]?.length ?? 0), 0);
      assert.ok(links <= 500, `at most 500 member links a page, got ${links}`);
      for (const group of page.value) {
        pagesByGroup.set(group.id, (pagesByGroup.get(group.id) ?? 0) + 1);
        membersByGroup.set(group.id, [...(membersByGroup.get(group.id) ?? []), ...(group["members@delta"] ?? []).map((m) => m.id)]);
        assert.deepEqual(Object.keys(group).filter((k) => k !== "members@delta").sort(), ["displayName", "id"]);
      }
    }
    const [largest] = [...membersByGroup].sort((a, b) => b[1].length - a[1].length) as [[string, string[]]];
    assert.ok(largest[1].length > 1000, "the all-employees group");
    assert.ok(pagesByGroup.get(largest[0])! >= 3, "spread over several pages");
    assert.equal(new Set(largest[1]).size, largest[1].length, "no member twice");
    assert.deepEqual(new Set(largest[1]), new Set(await allMembers(t.graph, largest[0])));
  });

  test("$select without members ignores membership changes; return=minimal reports only what changed", async () => {
    const t = await tenantWithApp(cloud, control, { size: "S", permissions });
    const [group] = await editableGroups(t.graph);
    const member = await createUser(t.graph, t.domain);
    const propertiesOnly = (await raw(t, "/groups/delta?$deltatoken=latest&$select=displayName,description"))["@odata.deltaLink"]!;
    const withMembers = (await raw(t, "/groups/delta?$deltatoken=latest&$select=displayName,description,members"))["@odata.deltaLink"]!;

    await addMember(t.graph, group!.id, member);
    assert.deepEqual((await raw(t, propertiesOnly)).value, [], "membership is not tracked without members in $select");
    const minimalMembers = await raw(t, withMembers, { Prefer: "return=minimal" });
    assert.deepEqual(minimalMembers.value, [{ id: group!.id, "members@delta": [userMember(member)] }]);

    await t.graph.api(`/groups/${group!.id}`).patch({ description: "Minimal" });
    const minimal = await raw(t, propertiesOnly, { Prefer: "return=minimal" });
    assert.deepEqual(minimal.value, [{ description: "Minimal", id: group!.id }]);
    const full = await raw(t, propertiesOnly);
    assert.deepEqual(full.value, [{ displayName: group!.displayName, description: "Minimal", id: group!.id }]);
  });
});
