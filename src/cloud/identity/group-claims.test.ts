import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { Client } from "@microsoft/microsoft-graph-client";
import { decodeJwt, type JWTPayload } from "jose";
import { confidentialClient, controlApi, graphClient, tenantWithApp } from "../../../test/support/graph-clients.ts";
import { type LocalCloud, startLocalCloud } from "../../../test/support/local-cloud.ts";

const password = "Tenantry-Demo-2026!";
const redirectUri = "http://localhost:3000/auth/callback";
const globalAdministrator = "62e90394-69f5-4237-9190-012177145e10";

let cloud: LocalCloud;
let demo: NonNullable<LocalCloud["ready"]["app"]>;
let partner: { id: string; domain: string };

before(async () => {
  cloud = await startLocalCloud(["--seed", "demo", "--no-throttling"]);
  demo = cloud.ready.app!;
  partner = cloud.ready.tenants!.find((t) => t.consent === "home")!;
});
after(() => cloud.stop());

/** A person signs in through the authorize page; the app redeems the code with PKCE through MSAL. */
async function idTokenClaims(app: { appId: string; clientSecret: string }, username: string): Promise<JWTPayload> {
  const verifier = randomBytes(32).toString("base64url");
  const params = new URLSearchParams({
    client_id: app.appId,
    response_type: "code",
    redirect_uri: redirectUri,
    scope: "openid profile",
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  });
  const form = await fetch(`${cloud.url}/organizations/oauth2/v2.0/authorize?${params}`);
  assert.equal(form.status, 200);
  await form.text();
  params.set("username", username);
  params.set("password", password);
  const redirect = await fetch(`${cloud.url}/organizations/oauth2/v2.0/authorize`, { method: "POST", body: params, redirect: "manual" });
  assert.equal(redirect.status, 302, await redirect.text());
  const code = new URL(redirect.headers.get("location")!).searchParams.get("code")!;
  const msal = confidentialClient(cloud, "organizations", app.appId, { clientSecret: app.clientSecret });
  const result = await msal.acquireTokenByCode({ code, redirectUri, scopes: ["openid", "profile"], codeVerifier: verifier });
  return decodeJwt(result.idToken);
}

async function groupId(graph: Client, displayName: string): Promise<string> {
  const found = (await graph.api("/groups").filter(`displayName eq '${displayName}'`).get()) as { value: { id: string }[] };
  assert.equal(found.value.length, 1, displayName);
  return found.value[0]!.id;
}

/** Graph's $batch, 20 requests at a time; answers the ids of what each request created, in order. */
async function batch(graph: Client, requests: readonly { method: string; url: string; body: unknown }[]): Promise<(string | undefined)[]> {
  const ids: (string | undefined)[] = [];
  for (let start = 0; start < requests.length; start += 20) {
    const slice = requests.slice(start, start + 20).map((r, i) => ({ id: String(i), ...r, headers: { "Content-Type": "application/json" } }));
    const answer = (await graph.api("/$batch").post({ requests: slice })) as { responses: { id: string; status: number; body?: { id?: string } }[] };
    for (const response of [...answer.responses].sort((a, b) => Number(a.id) - Number(b.id))) {
      assert.ok(response.status < 300, JSON.stringify(response));
      ids.push(response.body?.id);
    }
  }
  return ids;
}

const memberRef = (userId: string) => ({ "@odata.id": `https://graph.microsoft.com/v1.0/directoryObjects/${userId}` });

describe("group claims in ID tokens", () => {
  test("the demo app asks for security groups: each technician's ID token names the groups they are in", async () => {
    const control = controlApi(cloud);
    const apps = await control<{ value: { appId: string; groupMembershipClaims: string | null }[] }>("GET", "/applications");
    assert.equal(apps.body.value.find((a) => a.appId === demo.appId)?.groupMembershipClaims, "SecurityGroup");

    // Reading the partner tenant's groups independently of the tokens takes a Graph permission there.
    assert.equal((await control("POST", `/tenants/${partner.id}/consents`, { appId: demo.appId, permissions: ["Group.ReadWrite.All"] })).status, 201);
    const graph = graphClient(cloud, partner.id, demo.appId, demo.clientSecret);
    const tier1 = await groupId(graph, "Tenantry Tier 1 Technicians");
    const tier2 = await groupId(graph, "Tenantry Tier 2 Technicians");
    const members = (await graph.api(`/groups/${tier1}/members`).get()) as { value: { userPrincipalName: string }[] };
    assert.deepEqual(members.value.map((m) => m.userPrincipalName), [`tech1@${partner.domain}`]);

    const tech1 = await idTokenClaims(demo, `tech1@${partner.domain}`);
    assert.equal(tech1.name, "Tier 1 Technician");
    assert.equal(tech1.tid, partner.id);
    assert.deepEqual(tech1.groups, [tier1]);
    assert.equal(tech1._claim_names, undefined);
    assert.deepEqual((await idTokenClaims(demo, `tech2@${partner.domain}`)).groups, [tier2]);

    const auditor = await idTokenClaims(demo, `auditor@${partner.domain}`);
    assert.equal(auditor.name, "Compliance Auditor");
    assert.equal(auditor.groups, undefined, "a user in no group gets no groups claim");

    const admin = await idTokenClaims(demo, `admin@${partner.domain}`);
    assert.ok((admin.wids as string[]).includes(globalAdministrator), "SecurityGroup brings the directory roles as wids");
  });

  test("an app that asks for no group claims gets none; the setting takes effect at the next sign-in", async () => {
    const control = controlApi(cloud);
    const created = await control<{ appId: string; clientSecret: string }>("POST", "/applications", {
      homeTenantId: partner.id,
      displayName: "Plain sign-in",
      requiredPermissions: [],
      credential: "secret",
      redirectUris: [redirectUri],
    });
    assert.equal(created.status, 201);
    const app = created.body;
    const user = `tech1@${partner.domain}`;
    const plain = await idTokenClaims(app, user);
    for (const claim of ["groups", "wids", "_claim_names", "_claim_sources", "hasgroups"]) assert.equal(plain[claim], undefined, claim);

    const patched = await control<{ groupMembershipClaims: string }>("PATCH", `/applications/${app.appId}`, { groupMembershipClaims: "securitygroup, DirectoryRole" });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.groupMembershipClaims, "securitygroup, DirectoryRole");
    const withGroups = (await idTokenClaims(app, user)).groups as string[];
    assert.equal(withGroups.length, 1);
    assert.match(withGroups[0]!, /^[0-9a-f-]{36}$/);

    await control("PATCH", `/applications/${app.appId}`, { groupMembershipClaims: "DirectoryRole" });
    const rolesOnly = await idTokenClaims(app, `admin@${partner.domain}`);
    assert.equal(rolesOnly.groups, undefined);
    assert.ok((rolesOnly.wids as string[]).includes(globalAdministrator));

    await control("PATCH", `/applications/${app.appId}`, { groupMembershipClaims: "None" });
    assert.equal((await idTokenClaims(app, user)).groups, undefined);

    const wrong = await control<{ error: { message: string } }>("PATCH", `/applications/${app.appId}`, { groupMembershipClaims: "Everything" });
    assert.equal(wrong.status, 400);
    assert.match(wrong.body.error.message, /^groupMembershipClaims: must be None, SecurityGroup/);
    const empty = await control<{ error: { message: string } }>("PATCH", `/applications/${app.appId}`, {});
    assert.equal(empty.status, 400);
  });

  test("nested groups count; over 200 groups the token carries the overage claim pointing at getMemberObjects", async () => {
    const control = controlApi(cloud);
    const tenant = await tenantWithApp(cloud, control, { permissions: ["User.ReadWrite.All", "Group.ReadWrite.All", "GroupMember.ReadWrite.All"] });
    const app = { appId: tenant.appId, clientSecret: tenant.clientSecret };
    await control("PATCH", `/applications/${app.appId}`, { redirectUris: [redirectUri], groupMembershipClaims: "SecurityGroup" });
    const graph = tenant.graph;
    const upn = `many.groups@${tenant.domain}`;
    const user = (await graph.api("/users").post({
      accountEnabled: true,
      displayName: "Many Groups",
      mailNickname: "many.groups",
      userPrincipalName: upn,
      passwordProfile: { password, forceChangePasswordNextSignIn: false },
    })) as { id: string };

    const security = (name: string) => ({ method: "POST", url: "/groups", body: { displayName: name, mailNickname: name, mailEnabled: false, securityEnabled: true } });
    const [outer = "", inner = "", unified = "", ...bulk] = (await batch(graph, [
      security("outer"),
      security("inner"),
      { method: "POST", url: "/groups", body: { displayName: "All hands", mailNickname: "allhands", mailEnabled: true, securityEnabled: false, groupTypes: ["Unified"] } },
      ...Array.from({ length: 198 }, (_, i) => security(`bulk${i}`)),
    ])) as string[];
    await batch(graph, [
      { method: "POST", url: `/groups/${outer}/members/$ref`, body: memberRef(inner) },
      ...[inner, unified, ...bulk.slice(0, 197)].map((groupId) => ({ method: "POST", url: `/groups/${groupId}/members/$ref`, body: memberRef(user.id) })),
    ]);

    const securityOnly = await idTokenClaims(app, upn);
    const groups = securityOnly.groups as string[];
    assert.equal(groups.length, 199, "197 bulk groups, inner, and outer through inner");
    assert.ok(groups.includes(outer) && groups.includes(inner));
    assert.ok(!groups.includes(unified), "a Microsoft 365 group is not a security group");

    await control("PATCH", `/applications/${app.appId}`, { groupMembershipClaims: "All" });
    assert.equal(((await idTokenClaims(app, upn)).groups as string[]).length, 200, "200 groups still fit");

    await graph.api(`/groups/${bulk[197]}/members/$ref`).post(memberRef(user.id));
    const overage = await idTokenClaims(app, upn);
    assert.equal(overage.groups, undefined);
    assert.deepEqual(overage._claim_names, { groups: "src1" });
    const endpoint = `${cloud.url}/v1.0/users/${user.id}/getMemberObjects`;
    assert.deepEqual(overage._claim_sources, { src1: { endpoint } });

    await control("PATCH", `/applications/${app.appId}`, { groupMembershipClaims: "SecurityGroup" });
    assert.equal(((await idTokenClaims(app, upn)).groups as string[]).length, 200, "with security groups only the user is at the limit");

    const all = (await graph.api(`/users/${user.id}/getMemberObjects`).post({ securityEnabledOnly: false })) as { value: string[] };
    assert.equal(all.value.length, 201);
    assert.deepEqual([...all.value].sort(), [outer, inner, unified, ...bulk].sort());
    const securityGroups = (await graph.api(`/users/${user.id}/getMemberGroups`).post({ securityEnabledOnly: true })) as { value: string[] };
    assert.equal(securityGroups.value.length, 200);
    await assert.rejects(graph.api(`/users/${user.id}/getMemberGroups`).post({}), (error: { statusCode?: number }) => error.statusCode === 400);
  });
});
