import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { decodeJwt } from "jose";
import { confidentialClient, controlApi, graphClient } from "../../../test/support/graph-clients.ts";
import { type LocalCloud, startLocalCloud } from "../../../test/support/local-cloud.ts";
import { createSelfSignedRsaCertificate } from "../pki/certificates.ts";

const userAdministrator = "fe930be7-5e62-47db-91af-98c3a49a38b1";
const appOnlyRole = "0997a1d0-0d1d-4acb-b408-d5ca73121e90";
const graphScope = ["https://graph.microsoft.com/.default"];

let cloud: LocalCloud;
let demo: NonNullable<LocalCloud["ready"]["app"]>;
const tenant = (consent: string) => cloud.ready.tenants!.find((t) => t.consent === consent)!;

before(async () => {
  cloud = await startLocalCloud();
  demo = cloud.ready.app!;
});
after(() => cloud.stop());

async function tokenRequest(tenantPath: string, form: Record<string, string>) {
  const response = await fetch(`${cloud.url}/${tenantPath}/oauth2/v2.0/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("discovery", () => {
  test("openid-configuration by tenant id and by domain point at the tenant's endpoints", async () => {
    const full = tenant("full");
    for (const key of [full.id, full.domain]) {
      const config = (await (await fetch(`${cloud.url}/${key}/v2.0/.well-known/openid-configuration`)).json()) as Record<string, string>;
      assert.equal(config.issuer, `${cloud.url}/${full.id}/v2.0`);
      assert.equal(config.token_endpoint, `${cloud.url}/${full.id}/oauth2/v2.0/token`);
      const keys = (await (await fetch(config.jwks_uri!)).json()) as { keys: { kty: string; kid: string }[] };
      assert.equal(keys.keys[0]?.kty, "RSA");
    }
  });

  test("an unknown tenant is refused with AADSTS90002", async () => {
    const response = await fetch(`${cloud.url}/nosuchtenant.onmicrosoft.com/v2.0/.well-known/openid-configuration`);
    const body = (await response.json()) as { error_codes: number[] };
    assert.equal(response.status, 400);
    assert.deepEqual(body.error_codes, [90002]);
  });
});

describe("client credentials", () => {
  test("MSAL gets an app-only token with the tenant, service principal, granted roles and directory roles", async () => {
    const full = tenant("full");
    const result = await confidentialClient(cloud, full.id, demo.appId, { clientSecret: demo.clientSecret }).acquireTokenByClientCredential({ scopes: graphScope });
    const claims = decodeJwt(result!.accessToken);
    assert.equal(claims.tid, full.id);
    assert.equal(claims.appid, demo.appId);
    assert.equal(claims.appidacr, "1");
    assert.equal(claims.aud, "https://graph.microsoft.com");
    assert.ok((claims.roles as string[]).includes("User.ReadWrite.All"));
    assert.deepEqual(claims.wids, [appOnlyRole, userAdministrator].sort());
    assert.ok(typeof claims.oid === "string" && claims.oid.length === 36);
    assert.ok((claims.exp as number) > Date.now() / 1000 + 3000);
  });

  test("a partially consented tenant's token carries only what was granted", async () => {
    const partial = tenant("partial");
    const result = await confidentialClient(cloud, partial.domain, demo.appId, { clientSecret: demo.clientSecret }).acquireTokenByClientCredential({ scopes: graphScope });
    const roles = decodeJwt(result!.accessToken).roles as string[];
    assert.ok(roles.includes("User.Read.All"));
    assert.ok(!roles.includes("User.ReadWrite.All"));
    assert.deepEqual(decodeJwt(result!.accessToken).wids, [appOnlyRole], "no directory role, only the one every app token carries");
  });

  test("a certificate assertion signed by MSAL is accepted", async () => {
    const control = controlApi(cloud);
    const cert = await createSelfSignedRsaCertificate("tenantry-test");
    const app = await control<{ appId: string }>("POST", "/applications", {
      homeTenantId: cloud.ready.app!.homeTenantId,
      displayName: "Certificate app",
      requiredPermissions: ["User.Read.All"],
      credential: { certificatePem: cert.certPem },
    });
    assert.equal(app.status, 201);
    const full = tenant("full");
    assert.equal((await control("POST", `/tenants/${full.id}/consents`, { appId: app.body.appId })).status, 201);
    const der = Buffer.from(cert.certPem.replace(/-----[^-]+-----|\s/g, ""), "base64");
    const thumbprintSha256 = createHash("sha256").update(der).digest("hex");
    const result = await confidentialClient(cloud, full.id, app.body.appId, { thumbprintSha256, privateKey: cert.keyPem }).acquireTokenByClientCredential({ scopes: graphScope });
    const claims = decodeJwt(result!.accessToken);
    assert.equal(claims.appidacr, "2");
    assert.deepEqual(claims.roles, ["User.Read.All"]);

    const other = await createSelfSignedRsaCertificate("not-registered");
    const wrongThumb = createHash("sha256").update(Buffer.from(other.certPem.replace(/-----[^-]+-----|\s/g, ""), "base64")).digest("hex");
    await assert.rejects(
      confidentialClient(cloud, full.id, app.body.appId, { thumbprintSha256: wrongThumb, privateKey: other.keyPem }).acquireTokenByClientCredential({ scopes: graphScope }),
      (error: Error & { errorCode?: string }) => error.errorCode === "invalid_client" && error.message.includes("AADSTS700027"),
    );
  });

  test("errors come in Microsoft's OAuth shape with AADSTS codes", async () => {
    const full = tenant("full");
    const cases: [string, Record<string, string>, number, string, number][] = [
      [full.id, { client_id: demo.appId, client_secret: "wrong", scope: graphScope[0]! }, 401, "invalid_client", 7000215],
      [full.id, { client_id: "11111111-1111-1111-1111-111111111111", client_secret: "x", scope: graphScope[0]! }, 400, "unauthorized_client", 700016],
      [tenant("none").id, { client_id: demo.appId, client_secret: demo.clientSecret, scope: graphScope[0]! }, 400, "unauthorized_client", 700016],
      [full.id, { client_id: demo.appId, client_secret: demo.clientSecret, scope: "User.Read" }, 400, "invalid_scope", 1002012],
    ];
    for (const [tenantPath, form, status, error, code] of cases) {
      const response = await tokenRequest(tenantPath, { grant_type: "client_credentials", ...form });
      assert.equal(response.status, status, JSON.stringify(response.body));
      assert.equal(response.body.error, error);
      assert.deepEqual(response.body.error_codes, [code]);
      assert.match(String(response.body.error_description), new RegExp(`^AADSTS${code}: `));
      assert.match(String(response.body.trace_id), /^[0-9a-f-]{36}$/);
      assert.match(String(response.body.correlation_id), /^[0-9a-f-]{36}$/);
    }
  });

  test("a disabled service principal cannot get a token", async () => {
    const control = controlApi(cloud);
    const full = tenant("full");
    await control("PATCH", `/tenants/${full.id}/servicePrincipals/${demo.appId}`, { accountEnabled: false });
    try {
      const response = await tokenRequest(full.id, { grant_type: "client_credentials", client_id: demo.appId, client_secret: demo.clientSecret, scope: graphScope[0]! });
      assert.equal(response.body.error, "unauthorized_client");
      assert.deepEqual(response.body.error_codes, [7000112]);
    } finally {
      await control("PATCH", `/tenants/${full.id}/servicePrincipals/${demo.appId}`, { accountEnabled: true });
    }
  });
});

describe("people signing in", () => {
  const redirectUri = "http://localhost:3000/auth/callback";

  async function signIn(username: string, password: string, challenge: string) {
    const params = new URLSearchParams({ client_id: demo.appId, response_type: "code", redirect_uri: redirectUri, scope: "openid profile offline_access", state: "s1", code_challenge: challenge, code_challenge_method: "S256" });
    const page = await fetch(`${cloud.url}/organizations/oauth2/v2.0/authorize?${params}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /name="password"/);
    params.set("username", username);
    params.set("password", password);
    return fetch(`${cloud.url}/organizations/oauth2/v2.0/authorize`, { method: "POST", body: params, redirect: "manual" });
  }

  test("authorization code with PKCE gives an id token for the operator", async () => {
    const verifier = randomBytes(32).toString("base64url");
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const partner = tenant("home");
    const response = await signIn(`admin@${partner.domain}`, "Tenantry-Demo-2026!", challenge);
    assert.equal(response.status, 302);
    const location = new URL(response.headers.get("location")!);
    assert.equal(location.searchParams.get("state"), "s1");
    const code = location.searchParams.get("code")!;
    const msal = confidentialClient(cloud, "organizations", demo.appId, { clientSecret: demo.clientSecret });
    const result = await msal.acquireTokenByCode({ code, redirectUri, scopes: ["openid", "profile"], codeVerifier: verifier });
    const idClaims = decodeJwt(result.idToken);
    assert.equal(idClaims.preferred_username, `admin@${partner.domain}`);
    assert.equal(idClaims.tid, partner.id);
    assert.equal(idClaims.aud, demo.appId);
  });

  test("a wrong PKCE verifier and a wrong password are refused", async () => {
    const partner = tenant("home");
    const bad = await signIn(`admin@${partner.domain}`, "not-the-password", "x".repeat(43));
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /AADSTS50126/);
    const good = await signIn(`admin@${partner.domain}`, "Tenantry-Demo-2026!", createHash("sha256").update("right-verifier-right-verifier-right-verifier").digest("base64url"));
    const code = new URL(good.headers.get("location")!).searchParams.get("code")!;
    const response = await tokenRequest("organizations", { grant_type: "authorization_code", client_id: demo.appId, client_secret: demo.clientSecret, code, redirect_uri: redirectUri, code_verifier: "wrong-verifier-wrong-verifier-wrong-verifier" });
    assert.equal(response.body.error, "invalid_grant");
    assert.deepEqual(response.body.error_codes, [501481]);
  });
});

describe("refresh tokens", () => {
  test("a refresh token renews a person's tokens until their sessions are revoked; Basic client authentication works", async () => {
    const contoso = tenant("full");
    const verifier = randomBytes(32).toString("base64url");
    const params = new URLSearchParams({ client_id: demo.appId, response_type: "code", redirect_uri: "http://localhost:3000/auth/callback", scope: "openid offline_access", code_challenge: createHash("sha256").update(verifier).digest("base64url"), code_challenge_method: "S256", username: `useradmin@${contoso.domain}`, password: "Tenantry-Demo-2026!" });
    const redirect = await fetch(`${cloud.url}/organizations/oauth2/v2.0/authorize`, { method: "POST", body: params, redirect: "manual" });
    const code = new URL(redirect.headers.get("location")!).searchParams.get("code")!;
    const basic = `Basic ${Buffer.from(`${demo.appId}:${demo.clientSecret}`).toString("base64")}`;
    const first = await fetch(`${cloud.url}/organizations/oauth2/v2.0/token`, {
      method: "POST",
      headers: { Authorization: basic, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: "http://localhost:3000/auth/callback", code_verifier: verifier }),
    });
    const tokens = (await first.json()) as { refresh_token: string; id_token: string };
    assert.equal(first.status, 200);
    assert.equal(decodeJwt(tokens.id_token).preferred_username, `useradmin@${contoso.domain}`);

    const refresh = () => tokenRequest("organizations", { grant_type: "refresh_token", client_id: demo.appId, client_secret: demo.clientSecret, refresh_token: tokens.refresh_token });
    const renewed = await refresh();
    assert.equal(renewed.status, 200);
    assert.equal(decodeJwt(String(renewed.body.id_token)).tid, contoso.id);

    const graph = graphClient(cloud, contoso.id, demo.appId, demo.clientSecret);
    await graph.api(`/users/useradmin@${contoso.domain}/revokeSignInSessions`).post({});
    const revoked = await refresh();
    assert.equal(revoked.body.error, "invalid_grant");
    assert.deepEqual(revoked.body.error_codes, [50173]);
  });
});

describe("admin consent", () => {
  test("an administrator of the customer tenant grants the app; the tenant then issues tokens", async () => {
    const target = tenant("none");
    const redirectUri = "http://localhost:3000/tenants/consent-callback";
    const query = new URLSearchParams({ client_id: demo.appId, redirect_uri: redirectUri, state: "c1" });
    const page = await fetch(`${cloud.url}/${target.id}/adminconsent?${query}`);
    assert.match(await page.text(), /User\.ReadWrite\.All/);

    const helpdesk = new URLSearchParams(query);
    helpdesk.set("username", `helpdesk@${target.domain}`);
    helpdesk.set("password", "Tenantry-Demo-2026!");
    helpdesk.set("decision", "accept");
    const refused = await fetch(`${cloud.url}/${target.id}/adminconsent`, { method: "POST", body: helpdesk, redirect: "manual" });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /AADSTS90094/);

    const admin = new URLSearchParams(helpdesk);
    admin.set("username", `admin@${target.domain}`);
    const granted = await fetch(`${cloud.url}/${target.id}/adminconsent`, { method: "POST", body: admin, redirect: "manual" });
    assert.equal(granted.status, 302);
    const location = new URL(granted.headers.get("location")!);
    assert.equal(location.searchParams.get("admin_consent"), "True");
    assert.equal(location.searchParams.get("tenant"), target.id);
    assert.equal(location.searchParams.get("state"), "c1");

    const result = await confidentialClient(cloud, target.id, demo.appId, { clientSecret: demo.clientSecret }).acquireTokenByClientCredential({ scopes: graphScope });
    assert.ok((decodeJwt(result!.accessToken).roles as string[]).includes("User.ReadWrite.All"));
  });
});
