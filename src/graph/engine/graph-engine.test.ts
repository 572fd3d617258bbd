import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { appToken, type ControlApi, controlApi, tenantWithApp } from "../../../test/support/graph-clients.ts";
import { type LocalCloud, startLocalCloud } from "../../../test/support/local-cloud.ts";
import { GraphOutcomeUnknown } from "../graph-errors.ts";
import { createTenantGraph } from "../tenant-graph.ts";
import { createGraphEngine } from "./graph-engine.ts";
import { microsoftQuotas, quotasAtTimeScale } from "./graph-quotas.ts";

let cloud: LocalCloud;
let control: ControlApi;
let proxy: CountingProxy;

/** The cloud's clock runs this much faster, so that quota windows last seconds. */
const timeScale = 10;

interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly body: string;
}

interface CountingProxy {
  readonly url: string;
  readonly seen: SeenRequest[];
  close(): Promise<void>;
}

/** Plain HTTP in front of the cloud that forwards every request and remembers it: what really went over the wire. */
async function countingProxy(target: string): Promise<CountingProxy> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    seen.push({ method: req.method ?? "", path: req.url ?? "", body });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string" && name !== "host" && name !== "connection") headers[name] = value;
    const answer = await fetch(`${target}${req.url}`, { method: req.method ?? "GET", headers, ...(body ? { body } : {}) });
    const text = await answer.text();
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive"].includes(name)) out[name] = value;
    });
    res.writeHead(answer.status, out).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

before(async () => {
  cloud = await startLocalCloud(["--seed", "none", "--time-scale", String(timeScale)]);
  control = controlApi(cloud);
  proxy = await countingProxy(cloud.url);
});
after(async () => {
  await proxy?.close();
  await cloud?.stop();
});

async function tenantOf(userCount: number) {
  const t = await tenantWithApp(cloud, control, { userCount, syncedShare: 0, permissions: ["User.ReadWrite.All"] });
  const token = await appToken(cloud, t.tenantId, t.appId, t.clientSecret);
  const page = await fetch(`${cloud.url}/v1.0/users?$select=id,department&$top=999`, { headers: { Authorization: `Bearer ${token}` } });
  const ids = ((await page.json()) as { value: { id: string; department: string | null }[] }).value.filter((u) => u.department).map((u) => u.id);
  return { ...t, ids, accessToken: async () => token };
}

async function setCloud(settings: Record<string, unknown>) {
  const answer = await control("PATCH", "/settings", settings);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
}

describe("the Graph engine against the local cloud", () => {
  test("a burst of writes to one tenant finishes near the write quota's rate with hardly any 429", async () => {
    const quota = { limit: 100, windowSeconds: 10 };
    const t = await tenantOf(450);
    await setCloud({ throttling: { writes: { perApplicationTenant: quota } }, resetUsage: true });
    try {
      const engine = createGraphEngine({ quotas: quotasAtTimeScale({ ...microsoftQuotas, writesPerAppTenant: quota }, timeScale) });
      const graph = createTenantGraph({ graphUrl: cloud.url, accessToken: t.accessToken, engine });
      const writes = 400;
      const started = performance.now();
      const statuses = await Promise.all(t.ids.slice(0, writes).map(async (id, i) => (await graph.send({ method: "PATCH", path: `/users/${id}`, body: { department: `Burst ${i}` } })).status));
      const seconds = (performance.now() - started) / 1000;
      assert.equal(statuses.length, writes);
      assert.ok(statuses.every((s) => s === 204));
      // The bucket starts full (100) and refills 10 per cloud second: 300 more take 30 cloud seconds, 3 real ones.
      const expected = ((writes - quota.limit) * quota.windowSeconds) / quota.limit / timeScale;
      assert.ok(seconds >= expected * 0.9 && seconds <= expected * 1.25 + 0.3, `${seconds.toFixed(2)} s for an expected ${expected} s`);
      const stats = engine.stats();
      assert.ok(stats.throttled <= 3, `${stats.throttled} answers were 429`);
      // The first hundred leave at once, packed; the rest one by one as the bucket refills.
      assert.ok(stats.batches > 0 && stats.httpRequests < writes, `${stats.httpRequests} HTTP requests for ${writes} writes`);
      const check = await graph.get<{ department: string }>(`/users/${t.ids[writes - 1]}?$select=department`);
      assert.equal(check.body.department, `Burst ${writes - 1}`);
    } finally {
      await setCloud({ throttling: { writes: { perApplicationTenant: microsoftQuotas.writesPerAppTenant } }, resetUsage: true });
    }
  });

  test("concurrent requests go out as $batch, each answered from its own response, never two on one object with a write", async () => {
    const t = await tenantOf(80);
    const engine = createGraphEngine({ quotas: quotasAtTimeScale(microsoftQuotas, timeScale) });
    const graph = createTenantGraph({ graphUrl: proxy.url, accessToken: t.accessToken, engine });
    proxy.seen.length = 0;
    const ids = t.ids.slice(0, 40);
    const reads = ids.map((id) => graph.get<{ id: string }>(`/users/${id}?$select=id`));
    const writes = ids.slice(0, 10).map((id) => graph.send({ method: "PATCH", path: `/users/${id}`, body: { jobTitle: "Packed" } }));
    const answers = await Promise.all(reads);
    assert.deepEqual(answers.map((a) => a.body.id), ids);
    assert.ok(answers.every((a) => a.requestId));
    assert.ok((await Promise.all(writes)).every((w) => w.status === 204));
    assert.ok(proxy.seen.length <= 8, `${proxy.seen.length} HTTP requests for 50 calls`);
    const batches = proxy.seen.filter((r) => r.path === "/v1.0/$batch").map((r) => (JSON.parse(r.body) as { requests: { method: string; url: string }[] }).requests);
    assert.ok(batches.length >= 3 && batches.every((b) => b.length <= 20));
    for (const batch of batches) {
      const objects = batch.map((r) => r.url.split("?")[0]!.toLowerCase());
      const written = batch.filter((r) => r.method !== "GET").map((r) => r.url.split("?")[0]!.toLowerCase());
      for (const object of written) assert.equal(objects.filter((o) => o === object).length, 1, `${object} twice in one batch with a write`);
    }
    const jobTitles = await Promise.all(ids.slice(0, 10).map((id) => graph.get<{ jobTitle: string }>(`/users/${id}?$select=jobTitle`)));
    assert.ok(jobTitles.every((a) => a.body.jobTitle === "Packed"));
  });

  test("a 429 inside a batch is retried for that request only", async () => {
    const t = await tenantOf(80);
    const engine = createGraphEngine({ quotas: quotasAtTimeScale(microsoftQuotas, timeScale) });
    const graph = createTenantGraph({ graphUrl: proxy.url, accessToken: t.accessToken, engine });
    const rule = await control("POST", "/faults", { tenantId: t.tenantId, rate: 0.2, statuses: [429], methods: ["GET"], seed: 7 });
    assert.equal(rule.status, 201);
    proxy.seen.length = 0;
    try {
      const ids = t.ids.slice(0, 60);
      const answers = await Promise.all(ids.map((id) => graph.get<{ id: string }>(`/users/${id}?$select=id`)));
      assert.deepEqual(answers.map((a) => a.body.id), ids);
      const stats = engine.stats();
      assert.ok(stats.throttled > 0, "some requests were throttled");
      const sent = proxy.seen.flatMap((r) => (r.path === "/v1.0/$batch" ? (JSON.parse(r.body) as { requests: unknown[] }).requests : [r]));
      assert.equal(sent.length, ids.length + stats.throttled, "only the throttled requests were sent again");
    } finally {
      await control("DELETE", "/faults");
    }
  });

  test("with 10% of requests answered 503, every read is answered", async () => {
    const t = await tenantOf(250);
    const engine = createGraphEngine({ quotas: quotasAtTimeScale(microsoftQuotas, timeScale) });
    const graph = createTenantGraph({ graphUrl: cloud.url, accessToken: t.accessToken, engine });
    assert.equal((await control("POST", "/faults", { tenantId: t.tenantId, rate: 0.1, statuses: [503], seed: 11 })).status, 201);
    try {
      const ids = t.ids.slice(0, 200);
      const answers = await Promise.all(ids.map((id) => graph.get<{ id: string }>(`/users/${id}?$select=id`)));
      assert.deepEqual(answers.map((a) => a.body.id), ids);
      assert.ok(engine.stats().retried > 0, "faults were met and retried");
    } finally {
      await control("DELETE", "/faults");
    }
  });

  test("a write answered 503 is not sent again: its outcome is unknown", async () => {
    const t = await tenantOf(20);
    const engine = createGraphEngine({ quotas: quotasAtTimeScale(microsoftQuotas, timeScale) });
    const graph = createTenantGraph({ graphUrl: proxy.url, accessToken: t.accessToken, engine });
    await control("POST", "/faults", { tenantId: t.tenantId, rate: 1, statuses: [503], methods: ["PATCH"], seed: 3 });
    proxy.seen.length = 0;
    try {
      await assert.rejects(graph.send({ method: "PATCH", path: `/users/${t.ids[0]}`, body: { jobTitle: "Unknown" } }), GraphOutcomeUnknown);
      assert.equal(proxy.seen.length, 1);
      assert.equal(engine.stats().outcomeUnknown, 1);
    } finally {
      await control("DELETE", "/faults");
    }
  });
});
