import assert from "node:assert/strict";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { moduleIds } from "../catalog/module-ids.ts";
import { trustCloud } from "../graph/trust-cloud-ca.ts";
import { createSecretBox } from "../secrets/secret-box.ts";
import { type LocalDemo, startLocalDemo } from "../server/local-demo.ts";
import { type Database, openDatabase } from "../store/database.ts";
import { createConnectionsStore } from "./connections-store.ts";
import { createPlatformAppStore } from "./platform-app-store.ts";
import { createTenantsService, type TenantsService } from "./tenants-service.ts";

let dir: string;
let demo: LocalDemo;
let database: Database;
let tenants: TenantsService;
let appStore: ReturnType<typeof createPlatformAppStore>;
const byConsent = (c: string) => demo.tenants.find((t) => t.consent === c)!;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "tenantry-tenants-"));
  await chmod(dir, 0o755);
  demo = await startLocalDemo({ dataDir: dir });
  trustCloud(demo.app.cloud);
  database = await openDatabase({ dataDir: dir, env: {} });
  appStore = createPlatformAppStore({ pool: database.pool, secrets: createSecretBox(Buffer.alloc(32, 7)) });
  await appStore.set(demo.app);
  tenants = createTenantsService({ pool: database.pool, app: appStore, connections: createConnectionsStore({ pool: database.pool }), consentRedirectUri: () => "http://localhost:3000/tenants/consent-callback" });
});
after(async () => {
  await database?.close();
  await demo?.cloud.close();
  await rm(dir, { recursive: true, force: true });
});

const moduleOf = (connection: Awaited<ReturnType<TenantsService["get"]>>, module: string) => connection.lastCheck!.modules.find((m) => m.module === module)!;

describe("connecting tenants and their consent health", () => {
  test("a fully consented tenant: every feature of both modules works, and its organization is read", async () => {
    const connection = await tenants.connectManually(byConsent("full").domain);
    assert.equal(connection.tenantId, byConsent("full").id);
    assert.equal(connection.displayName, byConsent("full").displayName);
    assert.ok(connection.verifiedDomains.includes(byConsent("full").domain));
    assert.equal(moduleOf(connection, moduleIds.reporting).state, "ready");
    assert.equal(moduleOf(connection, moduleIds.management).state, "ready");
    assert.deepEqual(moduleOf(connection, moduleIds.management).fixes, []);
  });

  test("a tenant that granted only Reporting: Reporting works, Management is degraded with the missing permissions and the consent link", async () => {
    const connection = await tenants.connectManually(byConsent("partial").id);
    assert.equal(moduleOf(connection, moduleIds.reporting).state, "ready");
    const management = moduleOf(connection, moduleIds.management);
    assert.equal(management.state, "degraded");
    assert.ok(management.missingPermissions.includes("User.ReadWrite.All"));
    assert.ok(management.missingPermissions.includes("User-PasswordProfile.ReadWrite.All"));
    assert.ok(management.features.some((f) => f.available), "the reads of Management still work");
    const resetPassword = management.features.find((f) => f.missingRoles.length > 0);
    assert.equal(resetPassword?.missingRoles[0]?.displayName, "User Administrator");
    assert.match(management.fixes[0]!, new RegExp(`/${byConsent("partial").id}/adminconsent\\?client_id=${demo.app.clientId}`));
    assert.ok(management.fixes.some((f) => /assign the directory role User Administrator to the service principal "Tenantry"/.test(f)));
  });

  test("a tenant that has not consented is kept, with every feature unavailable and the consent link as the fix", async () => {
    const connection = await tenants.connectManually(byConsent("none").domain);
    assert.equal(connection.displayName, null);
    assert.equal(connection.lastCheck?.tokenFailure?.kind, "not-consented");
    for (const module of connection.lastCheck!.modules) {
      assert.equal(module.state, "unavailable");
      assert.match(module.fixes[0]!, /adminconsent\?client_id=/);
    }
  });

  test("an unknown tenant is refused with a clear message and nothing is stored", async () => {
    await assert.rejects(tenants.connectManually("nosuchtenant.onmicrosoft.com"), /No tenant 'nosuchtenant.onmicrosoft.com' exists/);
    assert.equal((await tenants.list()).some((c) => c.defaultDomain === "nosuchtenant.onmicrosoft.com"), false);
  });

  test("admin consent round trip: the link carries a state that completes the connection once, for its tenant only", async () => {
    const { consentUrl, state } = await tenants.startConsent(undefined, moduleIds.management);
    assert.match(consentUrl, /\/organizations\/adminconsent\?client_id=.+&redirect_uri=.+&state=/);
    const connection = await tenants.completeConsent({ state, tenant: byConsent("full").id, admin_consent: "True" });
    assert.equal(connection.connectedVia, "consent");
    await assert.rejects(tenants.completeConsent({ state, tenant: byConsent("full").id, admin_consent: "True" }), /unknown or has expired/);
    const refused = await tenants.startConsent(undefined, moduleIds.management);
    await assert.rejects(tenants.completeConsent({ state: refused.state, error: "access_denied", error_description: "AADSTS65004: User declined to consent to access the app." }), /AADSTS65004/);

    const forWoodgrove = await tenants.startConsent(byConsent("none").domain, moduleIds.management);
    assert.match(forWoodgrove.consentUrl, new RegExp(`/${byConsent("none").id}/adminconsent`));
    await assert.rejects(tenants.completeConsent({ state: forWoodgrove.state, tenant: byConsent("full").id, admin_consent: "True" }), /another tenant/);
    await assert.rejects(tenants.completeConsent({ tenant: "11111111-1111-1111-1111-111111111111", admin_consent: "True" }), /does not belong to a connection/);
    const rechecked = await tenants.completeConsent({ tenant: byConsent("full").id, admin_consent: "True" });
    assert.equal(rechecked.tenantId, byConsent("full").id, "a consent answer without state only checks a connected tenant again");
  });

  test("a check sees what the tenant grants now, not what a cached token said", async () => {
    const before = await tenants.check(byConsent("partial").id);
    assert.equal(moduleOf(before, moduleIds.management).state, "degraded");
    const response = await fetch(`${demo.cloud.url}/_cloud/tenants/${byConsent("partial").id}/consents`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ appId: demo.app.clientId, servicePrincipalRoles: ["User Administrator"] }),
    });
    assert.equal(response.status, 201);
    const after = await tenants.check(byConsent("partial").id);
    assert.equal(moduleOf(after, moduleIds.management).state, "ready");
  });

  test("a wrong secret is classified with its fix; the secret is never stored in clear", async () => {
    await appStore.set({ ...demo.app, credential: { kind: "secret", clientSecret: "wrong-secret-value" } });
    try {
      const connection = await tenants.check(byConsent("full").id);
      assert.equal(connection.lastCheck?.tokenFailure?.kind, "wrong-secret");
      assert.match(connection.lastCheck!.modules[0]!.fixes[0]!, /tenantry app set --client-secret/);
      const stored = await database.pool.query<{ credential_encrypted: Buffer }>("SELECT credential_encrypted FROM platform_app");
      assert.ok(!stored.rows[0]!.credential_encrypted.toString("latin1").includes("wrong-secret-value"));
      const dump = await database.pool.query("SELECT row_to_json(p)::text AS json FROM platform_app p");
      assert.ok(!String(dump.rows[0].json).includes("wrong-secret-value"));
    } finally {
      await appStore.set(demo.app);
    }
    assert.equal((await tenants.check(byConsent("full").id)).lastCheck?.tokenFailure, null);
  });
});
