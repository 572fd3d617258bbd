import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { type Client, GraphError } from "@microsoft/microsoft-graph-client";
import { controlApi, graphClient, tenantWithApp } from "../../../../test/support/graph-clients.ts";
import { type LocalCloud, startLocalCloud } from "../../../../test/support/local-cloud.ts";

interface Tenant {
  readonly tenantId: string;
  readonly domain: string;
  readonly appId: string;
  readonly clientSecret: string;
}

interface UserJson {
  readonly id: string;
  readonly userPrincipalName: string;
}

let dir: string;
let cloud: LocalCloud;
let tenant: Tenant;
let graph: Client;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "tenantry-deleted-items-"));
  cloud = await startLocalCloud(["--seed", "none", "--data-dir", dir]);
  // Global Administrator passes every sensitive-action rule, so only the rules under test can refuse.
  tenant = await tenantWithApp(cloud, controlApi(cloud), { permissions: ["User.ReadWrite.All", "User.DeleteRestore.All"], roles: ["Global Administrator"], syncedShare: 0.5 });
  graph = graphClient(cloud, tenant.tenantId, tenant.appId, tenant.clientSecret);
});
after(async () => {
  await cloud.stop();
  await rm(dir, { recursive: true, force: true });
});

async function graphFailure(call: Promise<unknown>): Promise<GraphError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error("the request succeeded but was expected to fail");
}

function createUser(alias: string, userPrincipalName = `${alias}@${tenant.domain}`): Promise<UserJson> {
  return graph.api("/users").post({
    accountEnabled: true,
    displayName: alias,
    mailNickname: alias,
    userPrincipalName,
    passwordProfile: { password: "Deleted-Items-Pass-1", forceChangePasswordNextSignIn: true },
  });
}

/** Entra's name for a user in deleted items: the object id without dashes, then the name it had. */
function renamed(user: UserJson): string {
  return `${user.id.replaceAll("-", "")}${user.userPrincipalName}`;
}

describe("deleted users", () => {
  test("a deleted user is renamed to its object id and old name, freeing the name; restoring gives the name back", async () => {
    const deltaLink = ((await graph.api("/users/delta").query({ $deltatoken: "latest", $select: "userPrincipalName" }).get()) as { "@odata.deltaLink": string })["@odata.deltaLink"];
    const adele = await createUser("adele");
    await graph.api(`/users/${adele.id}`).delete();

    const deleted = (await graph.api(`/directory/deletedItems/${adele.id}`).select("id,userPrincipalName").get()) as UserJson;
    assert.equal(deleted.userPrincipalName, renamed(adele));
    const listed = await graph.api("/directory/deletedItems/microsoft.graph.user").filter(`userPrincipalName eq '${renamed(adele)}'`).select("id").get();
    assert.deepEqual((listed.value as { id: string }[]).map((u) => u.id), [adele.id]);
    assert.equal((await graphFailure(graph.api(`/users/${adele.userPrincipalName}`).get())).statusCode, 404);

    const restored = (await graph.api(`/directory/deletedItems/${adele.id}/restore`).post({})) as UserJson;
    assert.equal(restored.userPrincipalName, adele.userPrincipalName);
    assert.equal(((await graph.api(`/users/${adele.userPrincipalName}`).select("id").get()) as UserJson).id, adele.id);

    const changes = (await graph.api(deltaLink).get()) as { value: (UserJson & { "@removed"?: unknown })[] };
    assert.deepEqual(changes.value.filter((u) => u.id === adele.id), [{ userPrincipalName: adele.userPrincipalName, id: adele.id }]);
  });

  test("a restore is refused while another user holds the old name, and succeeds under a newUserPrincipalName", async () => {
    const grace = await createUser("grace");
    await graph.api(`/users/${grace.id}`).delete();
    const successor = await createUser("grace2", grace.userPrincipalName);
    assert.equal(successor.userPrincipalName, grace.userPrincipalName, "the deleted user's name is free");

    const taken = await graphFailure(graph.api(`/directory/deletedItems/${grace.id}/restore`).post({}));
    assert.deepEqual([taken.statusCode, taken.code, taken.message], [400, "Request_BadRequest", "Another object with the same value for property userPrincipalName already exists."]);
    const takenToo = await graphFailure(graph.api(`/directory/deletedItems/${grace.id}/restore`).post({ newUserPrincipalName: successor.userPrincipalName }));
    assert.equal(takenToo.code, "Request_BadRequest");
    const foreign = await graphFailure(graph.api(`/directory/deletedItems/${grace.id}/restore`).post({ newUserPrincipalName: "grace@not-verified.example" }));
    assert.match(foreign.message, /domain portion of the userPrincipalName property is invalid/);
    const notText = await graphFailure(graph.api(`/directory/deletedItems/${grace.id}/restore`).post({ newUserPrincipalName: 42 }));
    assert.deepEqual([notText.statusCode, notText.code], [400, "BadRequest"]);
    assert.equal(((await graph.api(`/directory/deletedItems/${grace.id}`).select("userPrincipalName").get()) as UserJson).userPrincipalName, renamed(grace), "a refused restore changes nothing");

    const newName = `grace.old@${tenant.domain}`;
    const restored = (await graph.api(`/directory/deletedItems/${grace.id}/restore`).post({ newUserPrincipalName: newName, autoReconcileProxyConflict: true })) as UserJson;
    assert.deepEqual([restored.id, restored.userPrincipalName], [grace.id, newName]);
    assert.equal(((await graph.api(`/users/${newName}`).select("id").get()) as UserJson).id, grace.id);
  });

  test("a user synced from on-premises Active Directory cannot be deleted in the cloud", async () => {
    const synced = await graph.api("/users").header("ConsistencyLevel", "eventual").query({ $count: "true" }).filter("onPremisesSyncEnabled eq true").select("id").top(1).get();
    const user = (synced.value as { id: string }[])[0];
    assert.ok(user, "the tenant has synced users");
    const refused = await graphFailure(graph.api(`/users/${user.id}`).delete());
    assert.deepEqual(
      [refused.statusCode, refused.code, refused.message],
      [400, "Request_BadRequest", "Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration."],
    );
    assert.equal(((await graph.api(`/users/${user.id}`).select("id").get()) as UserJson).id, user.id, "the user is still active");
  });

  test("the new name is kept in the data directory: after a restart the user is still renamed, and restores under its old name", async () => {
    const ada = await createUser("ada");
    await graph.api(`/users/${ada.id}`).delete();
    await cloud.stop();
    cloud = await startLocalCloud(["--seed", "none", "--data-dir", dir]);
    graph = graphClient(cloud, tenant.tenantId, tenant.appId, tenant.clientSecret);

    assert.equal(((await graph.api(`/directory/deletedItems/${ada.id}`).select("userPrincipalName").get()) as UserJson).userPrincipalName, renamed(ada));
    assert.equal(((await graph.api(`/directory/deletedItems/${ada.id}/restore`).post({})) as UserJson).userPrincipalName, ada.userPrincipalName);
  });
});
