import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { controlApi, graphClient } from "../../test/support/graph-clients.ts";
import { type LocalCloud, startLocalCloud } from "../../test/support/local-cloud.ts";

describe("tenantry cloud command", () => {
  let cloud: LocalCloud;
  before(async () => {
    cloud = await startLocalCloud(["--seed", "none"]);
  });
  after(() => cloud.stop());

  test("prints one ready line with its URL and CA, on a port it picked", async () => {
    assert.match(cloud.url, /^https:\/\/localhost:\d+$/);
    assert.notEqual(new URL(cloud.url).port, "0");
    assert.match(cloud.caPem, /^-----BEGIN CERTIFICATE-----/);
    assert.equal(cloud.ready.controlUrl, `${cloud.url}/_cloud`);
    const tenants = await controlApi(cloud)<{ value: unknown[] }>("GET", "/tenants");
    assert.deepEqual(tenants.body.value, []);
  });

  test("the control API refuses bad input with a message naming the field", async () => {
    const control = controlApi(cloud);
    const cases: [string, string, unknown, number, RegExp][] = [
      ["POST", "/tenants", { size: "S" }, 400, /^displayName: /],
      ["POST", "/tenants", { displayName: "X", size: "XL" }, 400, /^size: /],
      ["POST", "/tenants", { displayName: "X", domain: "not a domain" }, 400, /^domain: must be a domain name/],
      ["POST", "/tenants", { displayName: "X", colour: "blue" }, 400, /colour/],
      ["POST", "/applications", { homeTenantId: "nope", displayName: "A", requiredPermissions: [], credential: "secret" }, 400, /homeTenantId 'nope' is not a tenant/],
      ["POST", "/applications", { homeTenantId: "nope", displayName: "A", requiredPermissions: ["Made.Up.All"], credential: "secret" }, 400, /^requiredPermissions\.0: is not a Microsoft Graph application permission/],
      ["POST", "/applications", { homeTenantId: "nope", displayName: "A", requiredPermissions: [], credential: { certificatePem: "junk" } }, 400, /homeTenantId|certificate/],
      ["POST", "/tenants/unknown/consents", { appId: "11111111-1111-1111-1111-111111111111" }, 404, /^tenantId: /],
      ["PATCH", "/settings", { timeScale: -1 }, 400, /^timeScale: /],
      ["GET", "/nothing-here", undefined, 404, /No control route/],
    ];
    for (const [method, path, body, status, message] of cases) {
      const response = await control<{ error: { message: string } }>(method, path, body);
      assert.equal(response.status, status, `${method} ${path}`);
      assert.match(response.body.error.message, message, `${method} ${path}`);
    }
    const raw = await fetch(`${cloud.url}/_cloud/tenants`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{not json" });
    assert.equal(raw.status, 400);
  });

  test("tenants, applications and consents made through the control API work with Graph; reset empties the cloud", async () => {
    const control = controlApi(cloud);
    const tenant = await control<{ id: string; defaultDomain: string; userCount: number }>("POST", "/tenants", { displayName: "Litware", userCount: 60, syncedShare: 0.5 });
    assert.equal(tenant.status, 201);
    assert.equal(tenant.body.defaultDomain, "litware.onmicrosoft.com");
    const duplicate = await control<{ error: { message: string } }>("POST", "/tenants", { displayName: "Litware" });
    assert.equal(duplicate.status, 409);
    const app = await control<{ appId: string; clientSecret: string }>("POST", "/applications", { homeTenantId: tenant.body.defaultDomain, displayName: "App", requiredPermissions: ["User.Read.All"], credential: "secret" });
    assert.match(app.body.clientSecret, /^.{3}8Q~/);
    const notRequested = await control<{ error: { message: string } }>("POST", `/tenants/${tenant.body.id}/consents`, { appId: app.body.appId, permissions: ["User.ReadWrite.All"] });
    assert.equal(notRequested.status, 400);
    assert.match(notRequested.body.error.message, /does not request User\.ReadWrite\.All/);
    await control("POST", `/tenants/${tenant.body.id}/consents`, { appId: app.body.appId });
    const graph = graphClient(cloud, tenant.body.id, app.body.appId, app.body.clientSecret);
    const count = await graph.api("/users/$count").header("ConsistencyLevel", "eventual").get();
    assert.equal(Number(count), 60);
    const synced = await graph.api("/users").header("ConsistencyLevel", "eventual").query({ $count: "true" }).filter("onPremisesSyncEnabled eq true").top(1).get();
    assert.ok(Math.abs(synced["@odata.count"] - 29) <= 3, `synced: ${synced["@odata.count"]}`);
    const listed = await control<{ value: { appId: string; clientSecret?: string }[] }>("GET", "/applications");
    assert.equal(listed.body.value.find((a) => a.appId === app.body.appId)?.clientSecret, app.body.clientSecret);

    const reset = await control<{ value: unknown[] }>("POST", "/reset", {});
    assert.deepEqual(reset.body.value, []);
  });
});

describe("state in a data directory", () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "tenantry-cloud-test-"));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  async function jobTitleAfterRestart(stopSignal: NodeJS.Signals, waitMs: number, title: string): Promise<string> {
    const first = await startLocalCloud(["--seed", "demo", "--data-dir", dir]);
    const full = first.ready.tenants!.find((t) => t.consent === "full")!;
    const graph = graphClient(first, full.id, first.ready.app!.appId, first.ready.app!.clientSecret);
    const upn = `helpdesk@${full.domain}`;
    await graph.api(`/users/${upn}`).patch({ jobTitle: title });
    await sleep(waitMs);
    await first.stop(stopSignal);

    const second = await startLocalCloud(["--seed", "demo", "--data-dir", dir]);
    try {
      assert.equal(second.ready.app?.clientSecret, first.ready.app?.clientSecret, "the demo's credentials survive the restart");
      assert.equal(second.caPem, await readFile(join(dir, "pki", "ca.pem"), "utf8"));
      const again = graphClient(second, full.id, second.ready.app!.appId, second.ready.app!.clientSecret);
      return (await again.api(`/users/${upn}`).select("jobTitle").get()).jobTitle as string;
    } finally {
      await second.stop();
    }
  }

  test("a change survives a clean restart", async () => {
    assert.equal(await jobTitleAfterRestart("SIGTERM", 0, "Kept after SIGTERM"), "Kept after SIGTERM");
  });

  test("an unclean kill loses at most the last second of changes", async () => {
    assert.equal(await jobTitleAfterRestart("SIGKILL", 1000, "Kept after SIGKILL"), "Kept after SIGKILL");
  });
});
