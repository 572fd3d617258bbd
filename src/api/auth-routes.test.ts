import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { DEMO_PASSWORD } from "../cloud/seed/demo-admins.ts";
import { startTenantry, type TenantryServer } from "../../test/support/tenantry-server.ts";

// Short session timeouts, so that expiry can be watched: 6 seconds idle, 18 seconds at most.
const idleMs = 6_000;
const absoluteMs = 18_000;
process.env.TENANTRY_SESSION_IDLE_MINUTES = String(idleMs / 60_000);
process.env.TENANTRY_SESSION_ABSOLUTE_HOURS = String(absoluteMs / 3_600_000);

const partner = "tenantrypartners.onmicrosoft.com";
let server: TenantryServer;

before(async () => {
  server = await startTenantry();
});

after(async () => {
  await server.stop();
  await server.remove();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A browser: follows nothing by itself, and keeps the cookies Tenantry sets. */
function createBrowser() {
  const cookies = new Map<string, string>();
  return {
    cookies,
    setCookies: [] as string[],
    async fetch(target: string, init: RequestInit = {}): Promise<Response> {
      const url = new URL(target);
      const headers = new Headers(init.headers);
      const ours = url.origin === new URL(server.url).origin;
      if (ours && cookies.size > 0) headers.set("Cookie", [...cookies].map(([name, value]) => `${name}=${value}`).join("; "));
      const response = await fetch(url, { ...init, headers, redirect: "manual" });
      if (!ours) return response;
      for (const line of response.headers.getSetCookie()) {
        this.setCookies.push(line);
        const pair = line.split(";")[0]!;
        const name = pair.slice(0, pair.indexOf("="));
        const value = pair.slice(pair.indexOf("=") + 1);
        if (value === "" || /;\s*Max-Age=0/i.test(line)) cookies.delete(name);
        else cookies.set(name, value);
      }
      return response;
    },
  };
}
type Browser = ReturnType<typeof createBrowser>;

/** Starts signing in at Tenantry and signs in on the local cloud's page, as a person would; stops before Tenantry's callback. */
async function authorize(browser: Browser, username: string, returnTo?: string) {
  const start = await browser.fetch(`${server.url}/auth/sign-in${returnTo === undefined ? "" : `?returnTo=${encodeURIComponent(returnTo)}`}`);
  assert.equal(start.status, 302, await start.clone().text());
  const authorizeUrl = new URL(start.headers.get("location")!);
  const page = await browser.fetch(authorizeUrl.href);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /name="password"/);
  const form = new URLSearchParams(authorizeUrl.searchParams);
  form.set("username", username);
  form.set("password", DEMO_PASSWORD);
  const signedIn = await browser.fetch(authorizeUrl.href, { method: "POST", body: form });
  assert.equal(signedIn.status, 302, await signedIn.clone().text());
  return { authorizeUrl, callbackUrl: signedIn.headers.get("location")! };
}

/** The whole sign-in; returns Tenantry's answer to the callback. */
async function signIn(browser: Browser, username: string, returnTo?: string) {
  const { authorizeUrl, callbackUrl } = await authorize(browser, username, returnTo);
  return { authorizeUrl, callbackUrl, callback: await browser.fetch(callbackUrl) };
}

interface Me {
  operator: { userPrincipalName: string; groupIds: string[] };
  signedInWith: string;
  csrfToken?: string;
  scopes: string[];
  platformRoles: { id: string }[];
  tenantRoles: { scope: { kind: string; tenantGroup?: { name: string } }; roles: { displayName: string; through: { kind: string; id: string } }[] }[];
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function me(browser: Browser): Promise<Response> {
  return browser.fetch(`${server.url}/api/me`);
}

async function signedInBrowser(username = `admin@${partner}`): Promise<{ browser: Browser; csrf: string }> {
  const browser = createBrowser();
  const { callback } = await signIn(browser, username);
  assert.equal(callback.status, 302, await callback.clone().text());
  const body = await json<Me>(await me(browser));
  return { browser, csrf: body.csrfToken! };
}

function bearer(token: string) {
  return { Authorization: `Bearer ${token}` };
}

async function auditEntries(action: string): Promise<{ actor: { name: string }; target: { id?: string } | null; inputs: object; outcome: string }[]> {
  const { body } = await server.api<{ value: { actor: { name: string }; target: { id?: string } | null; inputs: object; outcome: string }[] }>("GET", `/api/audit?action=${encodeURIComponent(action)}`);
  return body.value;
}

describe("operators signing in", () => {
  test("authorization code with PKCE against the MSP's tenant opens a session in an HttpOnly, SameSite cookie", async () => {
    const browser = createBrowser();
    const { authorizeUrl, callback } = await signIn(browser, `admin@${partner}`, "/tenants?view=health");
    const app = await server.api<{ clientId: string; homeTenant: string }>("GET", "/api/app");
    assert.equal(authorizeUrl.pathname, `/${app.body.homeTenant}/oauth2/v2.0/authorize`);
    assert.equal(authorizeUrl.searchParams.get("client_id"), app.body.clientId);
    assert.equal(authorizeUrl.searchParams.get("redirect_uri"), `${server.url}/auth/callback`);
    assert.equal(authorizeUrl.searchParams.get("code_challenge_method"), "S256");
    assert.match(authorizeUrl.searchParams.get("code_challenge") ?? "", /^[A-Za-z0-9_-]{43}$/);
    assert.ok(authorizeUrl.searchParams.get("state"));
    assert.ok(authorizeUrl.searchParams.get("nonce"));

    assert.equal(callback.status, 302);
    assert.equal(callback.headers.get("location"), "/tenants?view=health");
    const sessionCookie = browser.setCookies.find((line) => line.startsWith("tenantry_session="))!;
    assert.match(sessionCookie, /; HttpOnly/);
    assert.match(sessionCookie, /; SameSite=Lax/);
    assert.match(sessionCookie, /; Path=\//);
    assert.doesNotMatch(sessionCookie, /Secure/, "Tenantry runs on http://localhost here");
    assert.ok(!browser.cookies.has("tenantry_sign_in"), "the pending sign-in's cookie is cleared");

    const answer = await me(browser);
    assert.equal(answer.status, 200);
    const body = await json<Me>(answer);
    assert.equal(body.operator.userPrincipalName, `admin@${partner}`);
    assert.equal(body.signedInWith, "session");
    assert.match(body.csrfToken ?? "", /^[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(body.platformRoles.map((r) => r.id), ["platform-administrator"]);
    assert.deepEqual(body.tenantRoles.map((entry) => [entry.scope, entry.roles.map((role) => [role.displayName, role.through.kind])]), [[{ kind: "all" }, [["Global Administrator", "operator"]]]]);
    const signIns = await auditEntries("operators.sign-in");
    assert.ok(signIns.some((e) => e.actor.name === `admin@${partner}` && e.outcome === "succeeded"));
  });

  test("a technician's groups come from the ID token and bring the group's role", async () => {
    const { browser, csrf } = await signedInBrowser(`tech1@${partner}`);
    const body = await json<Me>(await me(browser));
    const held = body.tenantRoles.flatMap((entry) => entry.roles.map((role) => ({ ...role, scope: entry.scope })));
    assert.equal(held.length, 1);
    assert.equal(held[0]!.displayName, "Helpdesk Administrator");
    assert.equal(held[0]!.through.kind, "group");
    assert.ok(body.operator.groupIds.includes(held[0]!.through.id), "the group is one the ID token named");
    assert.equal(held[0]!.scope.tenantGroup?.name, "Managed customers");
    const read = await browser.fetch(`${server.url}/api/tenants/contoso.onmicrosoft.com/actions/users.get`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ userId: "helpdesk@contoso.onmicrosoft.com" }),
    });
    assert.equal(read.status, 200, await read.clone().text());
  });

  test("someone who is not an operator is told to ask a Platform Administrator, and gets no session", async () => {
    const browser = createBrowser();
    const { callback } = await signIn(browser, `helpdesk@${partner}`);
    assert.equal(callback.status, 403);
    assert.match(await callback.text(), /helpdesk@tenantrypartners\.onmicrosoft\.com is not a Tenantry operator\. Ask a Platform Administrator to add you/);
    assert.ok(!browser.cookies.has("tenantry_session"));
    const denied = await auditEntries("operators.sign-in");
    assert.ok(denied.some((e) => e.actor.name === `helpdesk@${partner}` && e.outcome === "denied"));
  });

  test("an account of another organisation cannot sign in: the sign-in goes to the MSP's own tenant", async () => {
    const browser = createBrowser();
    const start = await browser.fetch(`${server.url}/auth/sign-in`);
    const authorizeUrl = new URL(start.headers.get("location")!);
    const form = new URLSearchParams(authorizeUrl.searchParams);
    form.set("username", "admin@contoso.onmicrosoft.com");
    form.set("password", DEMO_PASSWORD);
    const refused = await fetch(authorizeUrl.href, { method: "POST", body: form, redirect: "manual" });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /AADSTS50034/);
    assert.ok(!browser.cookies.has("tenantry_session"));
  });

  test("returnTo must stay on Tenantry", async () => {
    for (const returnTo of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "https:evil.example"]) {
      const response = await fetch(`${server.url}/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`, { redirect: "manual" });
      assert.equal(response.status, 400, returnTo);
    }
    const same = await fetch(`${server.url}/auth/sign-in?returnTo=${encodeURIComponent(`${server.url}/audit`)}`, { redirect: "manual" });
    assert.equal(same.status, 302);
  });

  test("a callback is only accepted once, in the browser that started the sign-in, with its own state", async () => {
    const browser = createBrowser();
    const { callbackUrl, callback } = await signIn(browser, `admin@${partner}`);
    assert.equal(callback.status, 302);
    const again = await browser.fetch(callbackUrl);
    assert.equal(again.status, 400, "the pending sign-in was used up");

    const victim = createBrowser();
    const started = await authorize(victim, `admin@${partner}`);
    const elsewhere = await createBrowser().fetch(started.callbackUrl);
    assert.equal(elsewhere.status, 400, "the callback of another browser's sign-in");
    assert.equal((await victim.fetch(started.callbackUrl)).status, 302, "the browser that started it still completes it");

    const tampered = createBrowser();
    const start = await tampered.fetch(`${server.url}/auth/sign-in`);
    const authorizeUrl = new URL(start.headers.get("location")!);
    const form = new URLSearchParams(authorizeUrl.searchParams);
    form.set("state", "an-attackers-state-value");
    form.set("username", `admin@${partner}`);
    form.set("password", DEMO_PASSWORD);
    const posted = await fetch(authorizeUrl.href, { method: "POST", body: form, redirect: "manual" });
    const wrongState = await tampered.fetch(posted.headers.get("location")!);
    assert.equal(wrongState.status, 400);
    assert.ok(!tampered.cookies.has("tenantry_session"));
  });
});

describe("sessions", () => {
  test("a session id planted before sign-in is never the one after (session fixation); signing in again ends the old session", async () => {
    const browser = createBrowser();
    browser.cookies.set("tenantry_session", "planted-by-an-attacker-0123456789");
    await signIn(browser, `admin@${partner}`);
    const first = browser.cookies.get("tenantry_session");
    assert.ok(first);
    assert.notEqual(first, "planted-by-an-attacker-0123456789");
    assert.equal((await me(browser)).status, 200);

    await signIn(browser, `admin@${partner}`);
    const second = browser.cookies.get("tenantry_session");
    assert.notEqual(second, first);
    assert.equal((await me(browser)).status, 200);
    const stale = await fetch(`${server.url}/api/me`, { headers: { Cookie: `tenantry_session=${first}` } });
    assert.equal(stale.status, 401);
  });

  test("a change made with a session needs its CSRF token; reading does not", async () => {
    const { browser, csrf } = await signedInBrowser();
    const create = (headers: Record<string, string>) =>
      browser.fetch(`${server.url}/api/me/tokens`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify({ name: "from the console" }) });
    const without = await create({});
    assert.equal(without.status, 403);
    assert.equal((await json<{ error: { code: string } }>(without)).error.code, "csrf");
    const wrong = await create({ "X-CSRF-Token": `${csrf.slice(0, -1)}${csrf.endsWith("A") ? "B" : "A"}` });
    assert.equal(wrong.status, 403);
    assert.equal((await browser.fetch(`${server.url}/api/me/tokens`)).status, 200);
    const created = await create({ "X-CSRF-Token": csrf });
    assert.equal(created.status, 201, await created.clone().text());
    const { summary } = await json<{ summary: { id: string } }>(created);
    const revokeWithout = await browser.fetch(`${server.url}/api/me/tokens/${summary.id}`, { method: "DELETE" });
    assert.equal(revokeWithout.status, 403);
    const revoked = await browser.fetch(`${server.url}/api/me/tokens/${summary.id}`, { method: "DELETE", headers: { "X-CSRF-Token": csrf } });
    assert.equal(revoked.status, 204);
  });

  test("signing out needs the CSRF token, revokes the session and clears the cookie", async () => {
    const { browser, csrf } = await signedInBrowser();
    const secret = browser.cookies.get("tenantry_session")!;
    const forged = await browser.fetch(`${server.url}/auth/sign-out`, { method: "POST" });
    assert.equal(forged.status, 403);
    assert.equal((await me(browser)).status, 200);
    const out = await browser.fetch(`${server.url}/auth/sign-out`, { method: "POST", headers: { "X-CSRF-Token": csrf } });
    assert.equal(out.status, 204);
    assert.ok(!browser.cookies.has("tenantry_session"));
    const replayed = await fetch(`${server.url}/api/me`, { headers: { Cookie: `tenantry_session=${secret}` } });
    assert.equal(replayed.status, 401);
    assert.ok((await auditEntries("operators.sign-out")).some((e) => e.actor.name === `admin@${partner}`));
  });

  test("a session unused for longer than the idle timeout is refused", async () => {
    const { browser } = await signedInBrowser();
    await sleep(idleMs + 1_500);
    const answer = await me(browser);
    assert.equal(answer.status, 401);
    assert.match((await json<{ error: { message: string } }>(answer)).error.message, /session has ended/);
  });

  test("a session in use is refused once older than the absolute timeout", async () => {
    const started = Date.now();
    const { browser } = await signedInBrowser();
    const signedIn = Date.now();
    let keptAliveBeyondIdle = false;
    while (Date.now() - started < absoluteMs - 2_500) {
      await sleep(2_000);
      assert.equal((await me(browser)).status, 200, "used every 2 seconds, the session does not go idle");
      if (Date.now() - signedIn > idleMs + 1_000) keptAliveBeyondIdle = true;
    }
    assert.ok(keptAliveBeyondIdle);
    await sleep(Math.max(0, signedIn + absoluteMs + 1_000 - Date.now()));
    assert.equal((await me(browser)).status, 401);
  });
});

describe("personal API tokens", () => {
  async function createToken(body: object, token = server.token) {
    return server.api<{ token: string; summary: { id: string; name: string; scopes: string[]; expiresAt: string }; error?: { code: string; message: string } }>("POST", "/api/me/tokens", body, bearer(token));
  }

  test("a token with only actions:read reads, but cannot change anything nor make a stronger token", async () => {
    const created = await createToken({ name: "reporting script" });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body.summary.scopes, ["actions:read"]);
    const days = (Date.parse(created.body.summary.expiresAt) - Date.now()) / 86_400_000;
    assert.ok(days > 89.9 && days <= 90, `expires in ${days} days`);
    const reader = created.body.token;
    const meAnswer = await server.api<Me>("GET", "/api/me", undefined, bearer(reader));
    assert.equal(meAnswer.body.signedInWith, "token");
    assert.equal(meAnswer.body.csrfToken, undefined);

    const read = await server.api("POST", "/api/tenants/contoso.onmicrosoft.com/actions/users.get", { userId: "helpdesk@contoso.onmicrosoft.com" }, bearer(reader));
    assert.equal(read.status, 200);
    const write = await server.api<{ error: { code: string; message: string } }>("POST", "/api/tenants/contoso.onmicrosoft.com/actions/users.disable", { userId: "helpdesk@contoso.onmicrosoft.com" }, bearer(reader));
    assert.equal(write.status, 403);
    assert.equal(write.body.error.code, "operator_not_allowed");
    assert.match(write.body.error.message, /actions:write/);
    const stronger = await createToken({ name: "escalation", scopes: ["actions:write"] }, reader);
    assert.equal(stronger.status, 403);
    assert.equal(stronger.body.error?.code, "scope_not_held");
  });

  test("a revoked token is refused, and creation and revocation are audited without the token", async () => {
    const created = await createToken({ name: "to revoke", scopes: ["actions:read", "audit:read"], expiresInDays: 7 });
    assert.equal(created.status, 201);
    const { token: secret, summary: token } = created.body;
    assert.equal((await server.api("GET", "/api/me", undefined, bearer(secret))).status, 200);
    const listed = await server.api<{ value: { id: string }[] }>("GET", "/api/me/tokens");
    assert.ok(listed.body.value.some((t) => t.id === token.id));
    assert.doesNotMatch(JSON.stringify(listed.body), new RegExp(secret));
    assert.equal((await server.api("DELETE", `/api/me/tokens/${token.id}`)).status, 204);
    assert.equal((await server.api("DELETE", `/api/me/tokens/${token.id}`)).status, 404);
    const refused = await server.api<{ error: { code: string } }>("GET", "/api/me", undefined, bearer(secret));
    assert.equal(refused.status, 401);
    assert.equal(refused.body.error.code, "unauthenticated");

    const audit = [...(await auditEntries("api-tokens.create")), ...(await auditEntries("api-tokens.revoke"))].filter((e) => e.target?.id === token.id);
    assert.deepEqual(audit.map((e) => e.outcome), ["succeeded", "succeeded"]);
    assert.doesNotMatch(JSON.stringify(audit), new RegExp(secret));
  });

  test("an expired token is refused", async () => {
    const created = await createToken({ name: "short lived", expiresInDays: 1 });
    assert.equal((await server.api("GET", "/api/me", undefined, bearer(created.body.token))).status, 200);
    // A day cannot pass in a test: the token's expiry is moved into the past in Tenantry's own database.
    const port = (await readFile(join(server.dir, "postgres", "postmaster.pid"), "utf8")).split("\n")[3]!.trim();
    const password = (await readFile(join(server.dir, "postgres-password"), "utf8")).trim();
    const client = new pg.Client({ host: "127.0.0.1", port: Number(port), user: "postgres", password, database: "tenantry" });
    await client.connect();
    try {
      await client.query("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1", [created.body.summary.id]);
    } finally {
      await client.end();
    }
    const refused = await server.api("GET", "/api/me", undefined, bearer(created.body.token));
    assert.equal(refused.status, 401);
  });

  test("a token cannot make a token that outlives it; a never-expiring one makes what it is asked for", async () => {
    const shortLived = await createToken({ name: "two days", scopes: ["actions:read"], expiresInDays: 2 });
    assert.equal(shortLived.status, 201);
    const made = await createToken({ name: "asks for a year", scopes: ["actions:read"], expiresInDays: 365 }, shortLived.body.token);
    assert.equal(made.status, 201);
    assert.equal(made.body.summary.expiresAt, shortLived.body.summary.expiresAt);
    const fromBootstrap = await createToken({ name: "a year", expiresInDays: 365 });
    const days = (Date.parse(fromBootstrap.body.summary.expiresAt) - Date.now()) / 86_400_000;
    assert.ok(days > 364.9 && days <= 365, `expires in ${days} days`);
  });

  test("token input is bounded", async () => {
    for (const body of [{ name: "" }, { name: "x".repeat(65) }, { name: "n", expiresInDays: 0 }, { name: "n", expiresInDays: 366 }, { name: "n", scopes: ["everything"] }, { name: "n", scopes: [] }]) {
      const answer = await createToken(body);
      assert.equal(answer.status, 400, JSON.stringify(body));
    }
  });
});
