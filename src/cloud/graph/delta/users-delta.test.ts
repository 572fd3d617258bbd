import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Client, GraphError } from "@microsoft/microsoft-graph-client";
import { appToken, type ControlApi, controlApi, graphClient, tenantWithApp } from "../../../../test/support/graph-clients.ts";
import { type LocalCloud, startLocalCloud } from "../../../../test/support/local-cloud.ts";

type Item = Record<string, unknown> & { id: string };
interface DeltaResponse {
  "@odata.context": string;
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
  value: Item[];
}
type Tenant = Awaited<ReturnType<typeof tenantWithApp>>;

let cloud: LocalCloud;
let control: ControlApi;
let tenant: Tenant;
let userIds: string[];
/** Users this file creates before the first round, so that changing them needs no administrator rules. */
let subjects: string[];

const permissions = ["User.ReadWrite.All", "User.DeleteRestore.All"];

before(async () => {
  cloud = await startLocalCloud(["--seed", "none"]);
  control = controlApi(cloud);
  tenant = await tenantWithApp(cloud, control, { userCount: 440, permissions });
  subjects = [];
  for (let i = 0; i < 10; i++) subjects.push(await createUser(tenant.graph, tenant.domain, `Delta Subject ${i}`));
  const listed = (await tenant.graph.api("/users").top(999).select("id").get()) as { value: Item[] };
  userIds = listed.value.map((u) => u.id);
});
after(() => cloud.stop());

/** Follows nextLinks with the official SDK to the end of a round: every item, the page count and the delta link. */
async function round(graph: Client, url: string): Promise<{ items: Item[]; pages: DeltaResponse[]; deltaLink: string }> {
  const pages: DeltaResponse[] = [];
  let page = (await graph.api(url).get()) as DeltaResponse;
  pages.push(page);
  while (page["@odata.nextLink"]) {
    page = (await graph.api(page["@odata.nextLink"]).get()) as DeltaResponse;
    pages.push(page);
  }
  assert.ok(page["@odata.deltaLink"], "the last page carries the delta link");
  return { items: pages.flatMap((p) => p.value), pages, deltaLink: page["@odata.deltaLink"] };
}

/** Plain HTTPS with a fresh app token, for Prefer headers and error bodies. */
async function raw(t: Tenant, url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: DeltaResponse & { error?: { code: string; message: string } } }> {
  const token = await appToken(cloud, t.tenantId, t.appId, t.clientSecret);
  const response = await fetch(url.startsWith("https://") ? url : `${cloud.url}/v1.0${url}`, { headers: { Authorization: `Bearer ${token}`, ...headers } });
  return { status: response.status, body: (await response.json()) as DeltaResponse & { error?: { code: string; message: string } } };
}

async function graphFailure(call: Promise<unknown>): Promise<GraphError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error("the request succeeded but was expected to fail");
}

let created = 0;
async function createUser(graph: Client, domain: string, displayName: string): Promise<string> {
  const nickname = `delta${++created}${Date.now() % 100000}`;
  const user = (await graph.api("/users").post({
    accountEnabled: true,
    displayName,
    mailNickname: nickname,
    userPrincipalName: `${nickname}@${domain}`,
    passwordProfile: { password: "Delta-Query-Pass-1", forceChangePasswordNextSignIn: true },
  })) as Item;
  return user.id;
}

function byId(items: readonly Item[]): Map<string, Item> {
  const map = new Map<string, Item>();
  for (const item of items) map.set(item.id, item);
  return map;
}

describe("users delta", () => {
  test("a full round, then create, update, delete, restore and permanent delete: the next round returns exactly those changes", async () => {
    const graph = tenant.graph;
    const first = await round(graph, "/users/delta?$select=displayName,jobTitle");
    assert.ok(userIds.length > 400 && userIds.length <= 450);
    assert.deepEqual(first.pages.map((p) => p.value.length), [200, 200, userIds.length - 400], "pages of 200");
    assert.deepEqual(new Set(first.items.map((u) => u.id)), new Set(userIds), "every current user, once");
    assert.equal(first.items.length, userIds.length);
    for (const page of first.pages.slice(0, -1)) assert.match(page["@odata.nextLink"]!, /\/v1\.0\/users\/delta\?\$skiptoken=[A-Za-z0-9_-]+$/);
    for (const item of first.items) assert.deepEqual(Object.keys(item).sort(), ["displayName", "id", "jobTitle"], "$select persists across nextLinks");
    assert.ok(!first.deltaLink.includes("select"), "the selection travels inside the token");

    const [updated, untrackedChange, softDeleted, restored, purged] = subjects.slice(0, 5) as [string, string, string, string, string];
    const added = await createUser(graph, tenant.domain, "Delta Added");
    const addedThenPurged = await createUser(graph, tenant.domain, "Delta Short-lived");
    await graph.api(`/users/${updated}`).patch({ jobTitle: "Delta Pilot" });
    await graph.api(`/users/${untrackedChange}`).patch({ department: "Not selected" });
    await graph.api(`/users/${softDeleted}`).delete();
    await graph.api(`/users/${restored}`).delete();
    await graph.api(`/directory/deletedItems/${restored}/restore`).post({});
    for (const id of [purged, addedThenPurged]) {
      await graph.api(`/users/${id}`).delete();
      await graph.api(`/directory/deletedItems/${id}`).delete();
    }

    const second = await round(graph, first.deltaLink);
    const changes = byId(second.items);
    assert.deepEqual(new Set(changes.keys()), new Set([added, addedThenPurged, updated, softDeleted, restored, purged]));
    assert.equal(second.items.length, 6, "each change once");
    assert.deepEqual(changes.get(added), { displayName: "Delta Added", jobTitle: null, id: added });
    assert.equal(changes.get(updated)?.jobTitle, "Delta Pilot");
    assert.deepEqual(Object.keys(changes.get(updated)!).sort(), ["displayName", "id", "jobTitle"]);
    assert.deepEqual(changes.get(softDeleted), { id: softDeleted, "@removed": { reason: "changed" } });
    assert.equal(changes.get(restored)?.["@removed"], undefined, "a restored user is an ordinary entry again");
    assert.equal(typeof changes.get(restored)?.displayName, "string");
    assert.deepEqual(changes.get(purged), { id: purged, "@removed": { reason: "deleted" } });
    assert.deepEqual(changes.get(addedThenPurged), { id: addedThenPurged, "@removed": { reason: "deleted" } });

    const third = await round(graph, second.deltaLink);
    assert.deepEqual(third.items, [], "nothing changed since");
  });

  test("Prefer: return=minimal returns only the changed properties; the same delta link without it returns all selected", async () => {
    const start = await raw(tenant, "/users/delta?$deltatoken=latest&$select=displayName,jobTitle,mobilePhone,officeLocation");
    const deltaLink = start.body["@odata.deltaLink"]!;
    const id = subjects[5]!;
    await tenant.graph.api(`/users/${id}`).patch({ jobTitle: "Minimal", mobilePhone: "+1 425 555 0100" });

    const minimal = await raw(tenant, deltaLink, { Prefer: "return=minimal" });
    assert.equal(minimal.status, 200);
    assert.deepEqual(minimal.body.value, [{ jobTitle: "Minimal", mobilePhone: "+1 425 555 0100", id }]);
    const full = await raw(tenant, deltaLink);
    assert.equal(full.body.value.length, 1);
    assert.deepEqual(Object.keys(full.body.value[0]!).sort(), ["displayName", "id", "jobTitle", "mobilePhone", "officeLocation"]);
  });

  test("$deltatoken=latest returns no users and a delta link at the current state", async () => {
    const latest = (await tenant.graph.api("/users/delta").query({ $deltatoken: "latest" }).get()) as DeltaResponse;
    assert.deepEqual(latest.value, []);
    assert.equal(latest["@odata.nextLink"], undefined);
    assert.match(latest["@odata.deltaLink"]!, /\/v1\.0\/users\/delta\?\$deltatoken=[A-Za-z0-9_-]+$/);
    const called = await raw(tenant, "/users/delta()?$deltatoken=latest");
    assert.equal(called.status, 200, "newer SDKs call the function with brackets");
    assert.deepEqual(called.body.value, []);
    const quiet = await round(tenant.graph, latest["@odata.deltaLink"]!);
    assert.deepEqual(quiet.items, []);

    const id = subjects[6]!;
    await tenant.graph.api(`/users/${id}`).patch({ officeLocation: "Building 42" });
    const next = await round(tenant.graph, latest["@odata.deltaLink"]!);
    assert.deepEqual(next.items.map((u) => u.id), [id]);
    assert.equal(next.items[0]!.officeLocation, "Building 42", "default properties without $select");
  });

  test("Prefer: odata.maxpagesize is honoured up to Graph's 200", async () => {
    const small = await raw(tenant, "/users/delta?$select=displayName", { Prefer: "odata.maxpagesize=50" });
    assert.equal(small.body.value.length, 50);
    assert.ok(small.body["@odata.nextLink"]);
    const capped = await raw(tenant, "/users/microsoft.graph.delta?$select=displayName", { Prefer: "odata.maxpagesize=999" });
    assert.equal(capped.status, 200);
    assert.equal(capped.body.value.length, 200);
  });

  test("tampered, misused and malformed requests get Graph's errors", async () => {
    const latest = await raw(tenant, "/users/delta?$deltatoken=latest");
    const token = new URL(latest.body["@odata.deltaLink"]!).searchParams.get("$deltatoken")!;
    const envelope = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { s: string; c: string };
    const tampered = Buffer.from(JSON.stringify({ ...envelope, s: envelope.s.replace(/"seq":\d+/, '"seq":987654') })).toString("base64url");

    const forged = await raw(tenant, `/users/delta?$deltatoken=${tampered}`);
    assert.equal(forged.status, 400);
    assert.equal(forged.body.error?.code, "Directory_ExpiredPageToken");

    const otherCollection = await raw(tenant, `/groups/delta?$deltatoken=${token}`);
    assert.equal(otherCollection.status, 400);
    assert.equal(otherCollection.body.error?.code, "syncStateNotFound");

    const page = await raw(tenant, "/users/delta", { Prefer: "odata.maxpagesize=10" });
    const withSelect = await raw(tenant, `${page.body["@odata.nextLink"]!}&$select=jobTitle`);
    assert.equal(withSelect.status, 400);
    assert.equal(withSelect.body.error?.code, "Request_UnsupportedQuery");

    const top = await graphFailure(tenant.graph.api("/users/delta").top(5).get());
    assert.equal(top.statusCode, 400);
    const unknown = await graphFailure(tenant.graph.api("/users/delta").select("noSuchProperty").get());
    assert.equal(unknown.code, "Request_UnsupportedQuery");
    assert.match(unknown.message, /noSuchProperty/);
  });

  test("a permission that cannot read users is refused", async () => {
    // Not tenantWithApp, which always grants Directory.Read.All.
    const home = await control<{ id: string }>("POST", "/tenants", { displayName: "Delta groups only", size: "S" });
    const app = await control<{ appId: string; clientSecret: string }>("POST", "/applications", {
      homeTenantId: home.body.id,
      displayName: "Groups only",
      requiredPermissions: ["Group.Read.All"],
      credential: "secret",
    });
    assert.equal((await control("POST", `/tenants/${home.body.id}/consents`, { appId: app.body.appId, permissions: ["Group.Read.All"] })).status, 201);
    const graph = graphClient(cloud, home.body.id, app.body.appId, app.body.clientSecret);
    const denied = await graphFailure(graph.api("/users/delta").get());
    assert.equal(denied.statusCode, 403);
    assert.equal(denied.code, "Authorization_RequestDenied");
    const allowed = (await graph.api("/groups/delta").query({ $deltatoken: "latest" }).get()) as DeltaResponse;
    assert.ok(allowed["@odata.deltaLink"]);
  });

  // Last: it moves the cloud's clock a week ahead, which expires every access token issued before.
  test("a delta link older than seven days gives syncStateNotFound; a new round works", async () => {
    const latest = await raw(tenant, "/users/delta?$deltatoken=latest");
    const deltaLink = latest.body["@odata.deltaLink"]!;
    const settings = async () => (await control<{ now: string }>("GET", "/settings")).body;
    const weekLater = new Date((await settings()).now).getTime() + 7 * 24 * 3600 * 1000 + 60_000;
    await control("PATCH", "/settings", { timeScale: 100_000 });
    try {
      while (new Date((await settings()).now).getTime() < weekLater) await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await control("PATCH", "/settings", { timeScale: 1, resetUsage: true });
    }

    const expired = await raw(tenant, deltaLink);
    assert.equal(expired.status, 400);
    assert.equal(expired.body.error?.code, "syncStateNotFound");
    assert.equal(expired.body.error?.message, "The sync state generation is not found. The delta token is expired and data must be synchronized again.");
    const fresh = await raw(tenant, "/users/delta?$deltatoken=latest");
    assert.equal(fresh.status, 200);
    assert.equal((await raw(tenant, fresh.body["@odata.deltaLink"]!)).status, 200);
  });
});
