import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type Client, GraphError } from "@microsoft/microsoft-graph-client";
import { controlApi, tenantWithApp } from "../../../../test/support/graph-clients.ts";
import { type LocalCloud, startLocalCloud } from "../../../../test/support/local-cloud.ts";

type Entry = Record<string, unknown> & { readonly id: string; readonly "@odata.type": string };

let cloud: LocalCloud;
let graph: Client;
let outer: string;
let inner: string;
let direct: { id: string; userPrincipalName: string };
let nested: { id: string };

before(async () => {
  cloud = await startLocalCloud(["--seed", "none"]);
  const tenant = await tenantWithApp(cloud, controlApi(cloud), { permissions: ["Group.ReadWrite.All", "GroupMember.ReadWrite.All", "User.Read.All"] });
  graph = tenant.graph;
  const group = async (name: string) => ((await graph.api("/groups").post({ displayName: name, mailEnabled: false, mailNickname: name, securityEnabled: true })) as { id: string }).id;
  outer = await group("outer");
  inner = await group("inner");
  const users = (await graph.api("/users").filter("userType eq 'Member'").select("id,userPrincipalName").top(2).get()).value as { id: string; userPrincipalName: string }[];
  [direct, nested] = users as [typeof direct, typeof nested];
  const add = (groupId: string, memberId: string) => graph.api(`/groups/${groupId}/members/$ref`).post({ "@odata.id": `${cloud.url}/v1.0/directoryObjects/${memberId}` });
  await add(outer, direct.id);
  await add(outer, inner);
  await add(inner, nested.id);
});
after(() => cloud.stop());

function byType(entries: Entry[], type: string): Entry[] {
  return entries.filter((e) => e["@odata.type"] === type);
}

test("$select on members names user properties; a member that is not a user leaves out what its type lacks", async () => {
  const members = (await graph.api(`/groups/${outer}/members`).select("id,assignedLicenses,userPrincipalName").get()).value as Entry[];
  const [user] = byType(members, "#microsoft.graph.user");
  const [group] = byType(members, "#microsoft.graph.group");
  const licences = (await graph.api(`/users/${direct.id}`).select("assignedLicenses").get()).assignedLicenses;
  assert.deepEqual(user, { "@odata.type": "#microsoft.graph.user", id: direct.id, assignedLicenses: licences, userPrincipalName: direct.userPrincipalName });
  assert.deepEqual(group, { "@odata.type": "#microsoft.graph.group", id: inner, assignedLicenses: [] }, "a group has licences but no user principal name");

  const transitive = (await graph.api(`/groups/${outer}/transitiveMembers`).select("id,usageLocation").get()).value as Entry[];
  assert.deepEqual(byType(transitive, "#microsoft.graph.user").map((u) => u.id).sort(), [direct.id, nested.id].sort());
  for (const u of byType(transitive, "#microsoft.graph.user")) assert.ok("usageLocation" in u, "users carry usageLocation, even when null");
  assert.deepEqual(byType(transitive, "#microsoft.graph.group"), [{ "@odata.type": "#microsoft.graph.group", id: inner }]);
});

test("without $select each member shows its own type's default properties, not the other types' as null", async () => {
  const members = (await graph.api(`/groups/${outer}/members`).get()).value as Entry[];
  const [user] = byType(members, "#microsoft.graph.user");
  const [group] = byType(members, "#microsoft.graph.group");
  assert.ok(user && "userPrincipalName" in user && !("securityEnabled" in user));
  assert.ok(group && group.securityEnabled === true && !("userPrincipalName" in group) && !("givenName" in group));
});

test("a name no member type has is refused against directoryObject", async () => {
  const refused = await graph
    .api(`/groups/${outer}/members`)
    .select("id,notAProperty")
    .get()
    .then(() => undefined, (error: unknown) => error);
  assert.ok(refused instanceof GraphError);
  assert.deepEqual([refused.statusCode, refused.code, refused.message], [400, "Request_UnsupportedQuery", "Could not find a property named 'notAProperty' on type 'microsoft.graph.directoryObject'."]);
});
