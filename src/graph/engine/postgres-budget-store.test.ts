import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { appToken, type ControlApi, controlApi } from "../../../test/support/graph-clients.ts";
import { type LocalCloud, startLocalCloud } from "../../../test/support/local-cloud.ts";
import { type Database, openDatabase } from "../../store/database.ts";
import { createTenantGraph } from "../tenant-graph.ts";
import type { BudgetStore } from "./budget-store.ts";
import { createGraphEngine } from "./graph-engine.ts";
import { microsoftQuotas, quotasAtTimeScale } from "./graph-quotas.ts";
import { createMemoryBudgetStore } from "./memory-budget-store.ts";
import { createPostgresBudgetStore } from "./postgres-budget-store.ts";

let dir: string;
let database: Database;
let cloud: LocalCloud;
let control: ControlApi;
const timeScale = 10;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "tenantry-budget-"));
  await chmod(dir, 0o755);
  database = await openDatabase({ dataDir: dir, env: {}, maxConnections: 12 });
  cloud = await startLocalCloud(["--seed", "none", "--time-scale", String(timeScale)]);
  control = controlApi(cloud);
});
after(async () => {
  await cloud?.stop();
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("the budget in PostgreSQL", () => {
  test("concurrent leases never take more than the bucket holds", async () => {
    const store = createPostgresBudgetStore({ pool: database.pool });
    // 100 tokens, refilled at 1 per 100 seconds: hardly any refill during the test.
    const quota = { limit: 100, windowSeconds: 10_000 };
    const key = `test|${randomUUID()}`;
    const other = `test|${randomUUID()}`;
    const started = performance.now();
    const grants = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        store.take(
          i % 2 === 0
            ? [{ key, quota, amount: 7 }, { key: other, quota, amount: 3 }]
            : [{ key: other, quota, amount: 3 }, { key, quota, amount: 7 }],
        ),
      ),
    );
    const refill = ((performance.now() - started) / 1000) * (quota.limit / quota.windowSeconds);
    const taken = grants.flat().filter((g) => g.key === key).reduce((sum, g) => sum + g.granted, 0);
    const takenOther = grants.flat().filter((g) => g.key === other).reduce((sum, g) => sum + g.granted, 0);
    assert.ok(taken >= 100 - 1e-6 && taken <= 100 + refill + 1e-6, `${taken} taken from 100`);
    assert.ok(Math.abs(takenOther - 100) <= refill + 1e-6, `${takenOther} taken from 100 by 40 × 3`);
    const last = grants.flat().filter((g) => g.key === key);
    assert.ok(last.some((g) => g.granted > 0 && g.granted < 7), "the last tokens are granted as a partial lease");
    assert.ok(last.every((g) => g.remaining >= 0));
  });
});

describe("two engines sharing the application-wide budget", () => {
  const appQuota = { limit: 60, windowSeconds: 10 };
  const writesEach = 120;

  /** One app consented in two tenants, each engine writing to one of them. */
  async function twoTenantsOfOneApp() {
    const tenants = await Promise.all(
      [1, 2].map(async (n) => (await control<{ id: string }>("POST", "/tenants", { displayName: `Shared budget ${n} ${randomUUID().slice(0, 6)}`, userCount: 200, syncedShare: 0 })).body.id),
    );
    const app = await control<{ appId: string; clientSecret: string }>("POST", "/applications", {
      homeTenantId: tenants[0],
      displayName: "Shared budget app",
      requiredPermissions: ["User.ReadWrite.All"],
      credential: "secret",
    });
    return Promise.all(
      tenants.map(async (tenantId) => {
        assert.equal((await control("POST", `/tenants/${tenantId}/consents`, { appId: app.body.appId })).status, 201);
        const token = await appToken(cloud, tenantId, app.body.appId, app.body.clientSecret);
        const page = await fetch(`${cloud.url}/v1.0/users?$select=id,department&$top=999`, { headers: { Authorization: `Bearer ${token}` } });
        const ids = ((await page.json()) as { value: { id: string; department: string | null }[] }).value.filter((u) => u.department).map((u) => u.id);
        return { tenantId, ids, accessToken: async () => token };
      }),
    );
  }

  async function runBoth(stores: readonly [BudgetStore, BudgetStore]) {
    const tenants = await twoTenantsOfOneApp();
    await control("PATCH", "/settings", { throttling: { writes: { perApplication: appQuota } }, resetUsage: true });
    const quotas = quotasAtTimeScale({ ...microsoftQuotas, writesPerApp: appQuota }, timeScale);
    const engines = stores.map((store) => createGraphEngine({ store, quotas }));
    const started = performance.now();
    const statuses = await Promise.all(
      tenants.map(async (t, n) => {
        const graph = createTenantGraph({ graphUrl: cloud.url, accessToken: t.accessToken, engine: engines[n]! });
        return Promise.all(t.ids.slice(0, writesEach).map(async (id, i) => (await graph.send({ method: "PATCH", path: `/users/${id}`, body: { department: `Shared ${i}` } })).status));
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { statuses: statuses.flat(), seconds, throttled: engines.reduce((sum, e) => sum + e.stats().throttled, 0) };
  }

  test("together they stay within the per-app write quota", async () => {
    try {
      const pg = createPostgresBudgetStore({ pool: database.pool });
      const shared = await runBoth([pg, createPostgresBudgetStore({ pool: database.pool })]);
      assert.equal(shared.statuses.length, 2 * writesEach);
      assert.ok(shared.statuses.every((s) => s === 204));
      assert.ok(shared.throttled <= 3, `${shared.throttled} answers were 429`);
      // 60 at once, then 6 per cloud second: 180 more take 30 cloud seconds, 3 real ones.
      const expected = ((2 * writesEach - appQuota.limit) * appQuota.windowSeconds) / appQuota.limit / timeScale;
      assert.ok(shared.seconds >= expected * 0.9 && shared.seconds <= expected * 1.3 + 0.5, `${shared.seconds.toFixed(2)} s for an expected ${expected} s`);

      // The same two engines, each with a budget of its own, spend twice the app's quota and are throttled.
      const apart = await runBoth([createMemoryBudgetStore(), createMemoryBudgetStore()]);
      assert.ok(apart.throttled > shared.throttled + 10, `${apart.throttled} answers were 429 without the shared budget`);
    } finally {
      await control("PATCH", "/settings", { throttling: { writes: { perApplication: microsoftQuotas.writesPerApp } }, resetUsage: true });
    }
  });
});
