import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { appToken, type ControlApi, controlApi, tenantWithApp } from "../../../../test/support/graph-clients.ts";
import { type LocalCloud, startLocalCloud } from "../../../../test/support/local-cloud.ts";
import { burst, type RawResponse, rawGraph } from "../../../../test/support/raw-graph.ts";

let cloud: LocalCloud;
let control: ControlApi;

before(async () => {
  cloud = await startLocalCloud(["--seed", "none"]);
  control = controlApi(cloud);
});
after(() => cloud.stop());

/** A clock a thousand times slower than real time: buckets barely refill during a burst, so the limit is exact. */
const slowClock = 0.001;

async function setClock(timeScale: number) {
  const response = await control("PATCH", "/settings", { timeScale, resetUsage: true });
  assert.equal(response.status, 200);
}

async function client(size: "S" | "M" | "L", permissions = ["User.ReadWrite.All"]) {
  const t = await tenantWithApp(cloud, control, { size, permissions });
  const token = await appToken(cloud, t.tenantId, t.appId, t.clientSecret);
  const list = JSON.parse((await rawGraph(cloud.url, cloud.caPem, token).send("GET", "/v1.0/users?$select=id,department,onPremisesSyncEnabled&$top=999")).body) as {
    value: { id: string; department: string | null; onPremisesSyncEnabled: boolean | null }[];
  };
  const ids = list.value.filter((u) => u.department && !u.onPremisesSyncEnabled).map((u) => u.id);
  return { ...t, raw: rawGraph(cloud.url, cloud.caPem, token, 32), ids };
}

function count(responses: readonly RawResponse[], status: number): number {
  return responses.filter((r) => r.status === status).length;
}

function firstThrottled(responses: readonly RawResponse[]): number {
  return responses.findIndex((r) => r.status === 429);
}

describe("resource units per application and tenant", () => {
  for (const [size, limit] of [["S", 3500], ["M", 5000], ["L", 8000]] as const) {
    test(`a burst against an ${size} tenant is throttled after ${limit} units, with a Retry-After that works`, async () => {
      const c = await client(size);
      await setClock(slowClock);
      try {
        const started = performance.now();
        const responses = await burst(limit + 50, 32, (i) => c.raw.send("GET", `/v1.0/users/${c.ids[i % c.ids.length]}`));
        // One unit per GET of a user: the limit is served, plus what the bucket refilled during the burst.
        const refilled = (((performance.now() - started) / 1000) * slowClock * limit) / 10;
        const served = count(responses, 200);
        assert.ok(served >= limit && served <= limit + Math.ceil(refilled), `${served} served for a limit of ${limit} and ${refilled.toFixed(2)} refilled`);
        assert.equal(count(responses, 429), limit + 50 - served);
        const throttled = responses.find((r) => r.status === 429)!;
        assert.equal(JSON.parse(throttled.body).error.code, "TooManyRequests");
        assert.equal(throttled.headers["x-ms-throttle-scope"], `Tenant_Application/ReadWrite/${c.appId}/${c.tenantId}`);
        assert.equal(throttled.headers["x-ms-throttle-information"], "ResourceUnitLimitExceeded");
        const retryAfter = Number(throttled.headers["retry-after"]);
        const secondsPerUnit = 10 / limit / slowClock;
        assert.ok(retryAfter > 0 && retryAfter <= secondsPerUnit * 1.1, `Retry-After ${retryAfter} for ${secondsPerUnit} s per unit`);
        assert.ok(responses.some((r) => r.status === 200 && r.headers["x-ms-throttle-limit-percentage"]), "usage above 0.8 is reported");
        assert.equal(responses[0]!.headers["x-ms-throttle-limit-percentage"], undefined);
        const last = responses.filter((r) => r.status === 429).map((r) => Number(r.headers["retry-after"]));
        await sleep(Math.max(...last) * 1000);
        const retried = await c.raw.send("GET", `/v1.0/users/${c.ids[0]}`);
        assert.equal(retried.status, 200, `after Retry-After the request succeeds: ${JSON.stringify(retried.headers)}`);
      } finally {
        await setClock(1);
        c.raw.close();
      }
    });
  }

  test("costs follow Microsoft's table: $select and a small $top lower them, never below 1", async () => {
    const c = await client("S");
    try {
      const cost = async (path: string) => Number((await c.raw.send("GET", path)).headers["x-ms-resource-unit"]);
      assert.equal(await cost("/v1.0/users"), 2);
      assert.equal(await cost("/v1.0/users?$select=id"), 1);
      assert.equal(await cost("/v1.0/users?$select=id&$top=5"), 1);
      assert.equal(await cost("/v1.0/subscribedSkus"), 3);
      assert.equal(await cost("/v1.0/subscribedSkus?$select=skuId"), 2);
      assert.equal(await cost(`/v1.0/users/${c.ids[0]}/licenseDetails`), 2);
      assert.equal(await cost(`/v1.0/users/${c.ids[0]}`), 1);
      const patch = await c.raw.send("PATCH", `/v1.0/users/${c.ids[0]}`, { jobTitle: "Costed" });
      assert.equal(patch.status, 204);
      assert.equal(patch.headers["x-ms-resource-unit"], "1");
    } finally {
      c.raw.close();
    }
  });
});

describe("write quotas", () => {
  test("writes stop at 3,000 per application and tenant with WriteLimitExceeded", async () => {
    const c = await client("L");
    await setClock(slowClock);
    try {
      const started = performance.now();
      const responses = await burst(3020, 32, (i) => c.raw.send("PATCH", `/v1.0/users/${c.ids[i % c.ids.length]}`, { jobTitle: `Bulk ${i}` }));
      const refilled = (((performance.now() - started) / 1000) * slowClock * 3000) / 150;
      const written = count(responses, 204);
      assert.ok(written >= 3000 && written <= 3000 + Math.ceil(refilled), `${written} written`);
      assert.equal(count(responses, 429), 3020 - written);
      const throttled = responses.find((r) => r.status === 429)!;
      assert.equal(throttled.headers["x-ms-throttle-information"], "WriteLimitExceeded");
      assert.equal(throttled.headers["x-ms-throttle-scope"], `Tenant_Application/Write/${c.appId}/${c.tenantId}`);
      assert.equal((await c.raw.send("GET", `/v1.0/users/${c.ids[0]}`)).status, 200, "reads go on while writes are throttled");
    } finally {
      await setClock(1);
      c.raw.close();
    }
  });

  test("every number is configurable, and turning throttling off serves everything", async () => {
    const c = await client("S");
    try {
      await control("PATCH", "/settings", { throttling: { resourceUnits: { S: { limit: 10, windowSeconds: 10 } } }, resetUsage: true, timeScale: slowClock });
      const limited = await burst(12, 1, () => c.raw.send("GET", `/v1.0/users/${c.ids[0]}`));
      assert.equal(firstThrottled(limited), 10);
      await control("PATCH", "/settings", { throttling: { enabled: false } });
      const free = await burst(20, 4, () => c.raw.send("GET", `/v1.0/users/${c.ids[0]}`));
      assert.equal(firstThrottled(free), -1);
    } finally {
      await control("PATCH", "/settings", { throttling: { enabled: true, resourceUnits: { S: { limit: 3500, windowSeconds: 10 } } }, resetUsage: true, timeScale: 1 });
      c.raw.close();
    }
  });
});

describe("faults on demand", () => {
  test("a share of 429 and 503 arrives at the configured rate, only for the chosen tenant, reproducibly", async () => {
    const faulty = await client("S", ["User.Read.All"]);
    const healthy = await client("S", ["User.Read.All"]);
    const run = async () => {
      const rule = await control<{ id: string }>("POST", "/faults", { tenantId: faulty.tenantId, rate: 0.2, statuses: [429, 503], seed: 42 });
      assert.equal(rule.status, 201);
      const statuses = (await burst(500, 1, () => faulty.raw.send("GET", `/v1.0/users/${faulty.ids[0]}?$select=id`))).map((r) => r.status);
      const others = (await burst(50, 4, () => healthy.raw.send("GET", `/v1.0/users/${healthy.ids[0]}?$select=id`))).map((r) => r.status);
      assert.equal((await control("DELETE", "/faults")).status, 204);
      return { statuses, others };
    };
    try {
      const first = await run();
      const faults = first.statuses.filter((s) => s !== 200);
      assert.ok(faults.length >= 70 && faults.length <= 130, `${faults.length} faults in 500 at 20%`);
      assert.ok(faults.includes(429) && faults.includes(503));
      assert.ok(faults.every((s) => s === 429 || s === 503));
      assert.ok(first.others.every((s) => s === 200), "other tenants are not affected");
      const second = await run();
      assert.deepEqual(second.statuses, first.statuses, "the same seed gives the same faults");
    } finally {
      faulty.raw.close();
      healthy.raw.close();
    }
  });

  test("added latency and dropped connections", async () => {
    const c = await client("S", ["User.Read.All"]);
    try {
      await control("POST", "/faults", { tenantId: c.tenantId, latencyMs: 150 });
      const started = Date.now();
      assert.equal((await c.raw.send("GET", `/v1.0/users/${c.ids[0]}`)).status, 200);
      assert.ok(Date.now() - started >= 150);
      await control("DELETE", "/faults");
      await control("POST", "/faults", { tenantId: c.tenantId, dropRate: 1 });
      await assert.rejects(c.raw.send("GET", `/v1.0/users/${c.ids[0]}`), /socket hang up|ECONNRESET/);
      const badRule = await control<{ error: { message: string } }>("POST", "/faults", { rate: 0.8, dropRate: 0.5 });
      assert.equal(badRule.status, 400);
      assert.match(badRule.body.error.message, /must not exceed 1/);
    } finally {
      await control("DELETE", "/faults");
      c.raw.close();
    }
  });
});
