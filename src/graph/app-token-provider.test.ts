import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { controlApi } from "../../test/support/graph-clients.ts";
import { type LocalCloud, startLocalCloud } from "../../test/support/local-cloud.ts";
import { createSelfSignedRsaCertificate } from "../cloud/pki/certificates.ts";
import { classifyTokenFailure } from "../tenants/token-failure.ts";
import { AppTokenProvider } from "./app-token-provider.ts";
import type { CloudConfig } from "./microsoft-clouds.ts";
import { trustCloud } from "./trust-cloud-ca.ts";

let cloud: LocalCloud;
let config: CloudConfig;
const byConsent = (c: string) => cloud.ready.tenants!.find((t) => t.consent === c)!;

before(async () => {
  cloud = await startLocalCloud();
  config = { kind: "local", url: cloud.url, caPem: cloud.caPem };
  trustCloud(config);
});
after(() => cloud.stop());

async function failure(provider: AppTokenProvider, tenant: string) {
  try {
    await provider.token(tenant);
  } catch (error) {
    return classifyTokenFailure(error, { tenant, consentUrl: "https://consent.example/", appName: "Tenantry" });
  }
  throw new Error("a token was issued");
}

describe("app-only tokens through MSAL", () => {
  test("a consented tenant gives a token with its granted permissions and the service principal's roles", async () => {
    const app = cloud.ready.app!;
    const provider = new AppTokenProvider({ clientId: app.appId, homeTenantId: app.homeTenantId, credential: { kind: "secret", clientSecret: app.clientSecret } }, config);
    const full = await provider.token(byConsent("full").domain);
    assert.equal(full.tenantId, byConsent("full").id);
    assert.ok(full.roles.includes("User.ReadWrite.All"));
    assert.ok(full.wids.includes("fe930be7-5e62-47db-91af-98c3a49a38b1"), "User Administrator");
    const partial = await provider.token(byConsent("partial").id);
    assert.ok(!partial.roles.includes("User.ReadWrite.All"));
  });

  test("a certificate credential works", async () => {
    const control = controlApi(cloud);
    const cert = await createSelfSignedRsaCertificate("tenantry-platform");
    const app = await control<{ appId: string }>("POST", "/applications", {
      homeTenantId: cloud.ready.app!.homeTenantId,
      displayName: "Tenantry (certificate)",
      requiredPermissions: ["User.Read.All"],
      credential: { certificatePem: cert.certPem },
    });
    await control("POST", `/tenants/${byConsent("full").id}/consents`, { appId: app.body.appId });
    const provider = new AppTokenProvider({ clientId: app.body.appId, homeTenantId: cloud.ready.app!.homeTenantId, credential: { kind: "certificate", certificatePem: cert.certPem, privateKeyPem: cert.keyPem } }, config);
    assert.deepEqual((await provider.token(byConsent("full").id)).roles, ["User.Read.All"]);
  });

  test("token failures are classified with their fix", async () => {
    const app = cloud.ready.app!;
    const good = new AppTokenProvider({ clientId: app.appId, homeTenantId: app.homeTenantId, credential: { kind: "secret", clientSecret: app.clientSecret } }, config);
    const notConsented = await failure(good, byConsent("none").id);
    assert.equal(notConsented.kind, "not-consented");
    assert.equal(notConsented.aadsts, 700016);
    assert.match(notConsented.fix, /https:\/\/consent\.example\//);
    assert.equal((await failure(good, "nosuchtenant.onmicrosoft.com")).kind, "tenant-not-found");

    const wrong = new AppTokenProvider({ clientId: app.appId, homeTenantId: app.homeTenantId, credential: { kind: "secret", clientSecret: "not-the-secret" } }, config);
    const refused = await failure(wrong, byConsent("full").id);
    assert.equal(refused.kind, "wrong-secret");

    const control = controlApi(cloud);
    await control("PATCH", `/tenants/${byConsent("full").id}/servicePrincipals/${app.appId}`, { accountEnabled: false });
    try {
      const fresh = new AppTokenProvider({ clientId: app.appId, homeTenantId: app.homeTenantId, credential: { kind: "secret", clientSecret: app.clientSecret } }, config);
      assert.equal((await failure(fresh, byConsent("full").id)).kind, "app-disabled");
    } finally {
      await control("PATCH", `/tenants/${byConsent("full").id}/servicePrincipals/${app.appId}`, { accountEnabled: true });
    }

    const unreachable = new AppTokenProvider({ clientId: app.appId, homeTenantId: app.homeTenantId, credential: { kind: "secret", clientSecret: app.clientSecret } }, { kind: "local", url: "https://localhost:1", caPem: cloud.caPem });
    assert.equal((await failure(unreachable, byConsent("full").id)).kind, "unreachable");
  });
});
