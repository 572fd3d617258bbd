import { Client } from "@microsoft/microsoft-graph-client";
import { createGraphEngine } from "../src/graph/engine/graph-engine.ts";
import { microsoftQuotas, perSecond, type Quota, quotasAtTimeScale } from "../src/graph/engine/graph-quotas.ts";
import { createTenantGraph } from "../src/graph/tenant-graph.ts";
import { confidentialClient, controlApi } from "../test/support/graph-clients.ts";
import { startLocalCloud } from "../test/support/local-cloud.ts";

// Changes one property (department) on 5,000 users of one L tenant, then on 100 users in each of 50
// tenants, with (a) a sequential loop over the official Graph SDK and its default retry handler, (b) the
// same SDK with 50 requests in flight, (c) Tenantry's Graph engine. For each: wall time, the floor that
// Microsoft's write quotas impose, the ratio to it, 429 answers and items not changed afterwards.
// The time scale is low enough that the quotas, not the local cloud's CPU, bound the runs: at 5, an L
// tenant refills 100 writes a second, below what the SDK loops reach on two cores.
const timeScale = Number(process.env.BENCH_TIME_SCALE ?? 5);
const largeWrites = 5000;
const smallTenantCount = 50;
const smallWrites = 100;
const parallel = 50;
const targetRatio = 1.15;

interface Tenant {
  readonly id: string;
  readonly size: "M" | "L";
  readonly sdk: Client;
  readonly accessToken: () => Promise<string>;
  readonly userIds: readonly string[];
}

interface Item {
  readonly tenant: Tenant;
  readonly userId: string;
}

interface Figures {
  readonly seconds: number;
  readonly floorSeconds: number;
  readonly ratio: number;
  readonly burstFloorSeconds: number;
  /** Wall time over the floor with every bucket starting full; null when that floor is 0 (the quotas do not bind). */
  readonly burstRatio: number | null;
  readonly throttled: number;
  readonly failed: number;
}

const cloud = await startLocalCloud(["--seed", "none", "--time-scale", String(timeScale)]);
const control = controlApi(cloud);

/** 429s seen on the wire by the SDK (every Graph request of this process goes through fetch). */
let wireThrottled = 0;
const plainFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const response = await plainFetch(input, init);
  if (response.status === 429) wireThrottled++;
  return response;
};

async function setUpTenant(appId: string, clientSecret: string, tenantId: string, size: "M" | "L", writes: number): Promise<Tenant> {
  const consent = await control("POST", `/tenants/${tenantId}/consents`, { appId });
  if (consent.status !== 201) throw new Error(JSON.stringify(consent.body));
  const msal = confidentialClient(cloud, tenantId, appId, { clientSecret });
  // One token, kept for the whole run (it lasts an hour): no client pays for token look-ups per request.
  const token = (await msal.acquireTokenByClientCredential({ scopes: ["https://graph.microsoft.com/.default"] }))!.accessToken;
  const accessToken = async () => token;
  // The official SDK with its default middleware (authentication, retry handler, redirects, telemetry).
  const sdk = Client.initWithMiddleware({
    baseUrl: `${cloud.url}/`,
    defaultVersion: "v1.0",
    customHosts: new Set([new URL(cloud.url).hostname]),
    authProvider: { getAccessToken: accessToken },
  });
  const userIds: string[] = [];
  let page = (await sdk.api("/users").select("id,department").top(999).get()) as { value: { id: string; department: string | null }[]; "@odata.nextLink"?: string };
  for (;;) {
    userIds.push(...page.value.filter((u) => u.department).map((u) => u.id));
    if (userIds.length >= writes || !page["@odata.nextLink"]) break;
    page = await sdk.api(page["@odata.nextLink"]).get();
  }
  if (userIds.length < writes) throw new Error(`tenant ${tenantId} has ${userIds.length} users with a department, not ${writes}`);
  return { id: tenantId, size, sdk, accessToken, userIds: userIds.slice(0, writes) };
}

async function newTenant(displayName: string, userCount: number): Promise<string> {
  const created = await control<{ id: string }>("POST", "/tenants", { displayName, userCount, syncedShare: 0 });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  return created.body.id;
}

/** Seconds (real) the quotas need at least: writes over each quota's sustained rate, and with every bucket starting full. */
function floors(items: readonly Item[]): { floorSeconds: number; burstFloorSeconds: number } {
  const perTenant = new Map<string, number>();
  for (const item of items) perTenant.set(item.tenant.id, (perTenant.get(item.tenant.id) ?? 0) + 1);
  const demands: [number, Quota][] = [[items.length, microsoftQuotas.writesPerApp]];
  for (const writes of perTenant.values()) demands.push([writes, microsoftQuotas.writesPerAppTenant], [writes, microsoftQuotas.writesPerTenant]);
  const cloudSeconds = (pick: (writes: number, quota: Quota) => number) => Math.max(...demands.map(([writes, quota]) => pick(writes, quota)));
  return {
    floorSeconds: cloudSeconds((writes, quota) => writes / perSecond(quota)) / timeScale,
    burstFloorSeconds: cloudSeconds((writes, quota) => Math.max(0, writes - quota.limit) / perSecond(quota)) / timeScale,
  };
}

/** Items whose department is not what the run set, read back through the SDK. */
async function notChanged(items: readonly Item[], value: (index: number) => string): Promise<number> {
  await control("PATCH", "/settings", { resetUsage: true });
  const expected = new Map(items.map((item, index) => [item.userId, value(index)]));
  const seen = new Map<string, string | null>();
  for (const tenant of new Set(items.map((i) => i.tenant))) {
    let page = (await tenant.sdk.api("/users").select("id,department").top(999).get()) as { value: { id: string; department: string | null }[]; "@odata.nextLink"?: string };
    for (;;) {
      for (const user of page.value) if (expected.has(user.id)) seen.set(user.id, user.department);
      if (!page["@odata.nextLink"]) break;
      page = await tenant.sdk.api(page["@odata.nextLink"]).get();
    }
  }
  return [...expected].filter(([id, department]) => seen.get(id) !== department).length;
}

type Runner = (items: readonly Item[], value: (index: number) => string) => Promise<{ failed: number; throttled: () => number }>;

const sequentialSdk: Runner = async (items, value) => {
  const before = wireThrottled;
  let failed = 0;
  for (const [index, item] of items.entries()) {
    await item.tenant.sdk.api(`/users/${item.userId}`).patch({ department: value(index) }).catch(() => failed++);
  }
  return { failed, throttled: () => wireThrottled - before };
};

const parallelSdk: Runner = async (items, value) => {
  const before = wireThrottled;
  let failed = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < items.length) {
        const index = next++;
        const item = items[index]!;
        await item.tenant.sdk.api(`/users/${item.userId}`).patch({ department: value(index) }).catch(() => failed++);
      }
    }),
  );
  return { failed, throttled: () => wireThrottled - before };
};

const tenantryEngine: Runner = async (items, value) => {
  const sizes = new Map(items.map((item) => [item.tenant.id, item.tenant.size]));
  const engine = createGraphEngine({ quotas: quotasAtTimeScale(microsoftQuotas, timeScale), tenantSize: (tenantId) => sizes.get(tenantId) });
  const graphs = new Map([...new Set(items.map((i) => i.tenant))].map((t) => [t.id, createTenantGraph({ graphUrl: cloud.url, accessToken: t.accessToken, engine })]));
  let failed = 0;
  await Promise.all(
    items.map((item, index) =>
      graphs
        .get(item.tenant.id)!
        .send({ method: "PATCH", path: `/users/${encodeURIComponent(item.userId)}`, body: { department: value(index) } })
        .catch(() => failed++),
    ),
  );
  const stats = engine.stats();
  console.log(`    engine: ${stats.httpRequests} HTTP requests, ${stats.batches} batches carrying ${stats.batchedCalls} requests, ${stats.retried} retries`);
  return { failed, throttled: () => stats.throttled };
};

async function measure(label: string, scenario: string, items: readonly Item[], runner: Runner): Promise<Figures> {
  await control("PATCH", "/settings", { resetUsage: true });
  const value = (index: number) => `Bulk ${label} ${scenario} ${index}`;
  const started = performance.now();
  const run = await runner(items, value);
  const seconds = (performance.now() - started) / 1000;
  const throttled = run.throttled();
  const failed = Math.max(run.failed, await notChanged(items, value));
  const { floorSeconds, burstFloorSeconds } = floors(items);
  const figures: Figures = {
    seconds: round(seconds),
    floorSeconds: round(floorSeconds),
    ratio: round(seconds / floorSeconds),
    burstFloorSeconds: round(burstFloorSeconds),
    burstRatio: burstFloorSeconds > 0 ? round(seconds / burstFloorSeconds) : null,
    throttled,
    failed,
  };
  console.log(
    `  (${label}) ${scenario}: ${figures.seconds} s, floor ${figures.floorSeconds} s (ratio ${figures.ratio}; ${figures.burstFloorSeconds} s with every bucket starting full${figures.burstRatio === null ? "" : `, ratio ${figures.burstRatio}`}), ${throttled} answers 429, ${failed} items not changed`,
  );
  return figures;
}

function round(n: number): number {
  return Number(n.toFixed(3));
}

try {
  console.log(`setting up: one L tenant (${largeWrites} users to change) and ${smallTenantCount} M tenants (${smallWrites} each), one multi-tenant app consented in all; time scale ${timeScale}`);
  const largeId = await newTenant("Bulk large", largeWrites + 600);
  const app = await control<{ appId: string; clientSecret: string }>("POST", "/applications", {
    homeTenantId: largeId,
    displayName: "Bulk bench",
    requiredPermissions: ["User.ReadWrite.All"],
    credential: "secret",
  });
  const { appId, clientSecret } = app.body;
  const large = await setUpTenant(appId, clientSecret, largeId, "L", largeWrites);
  const small: Tenant[] = [];
  for (let n = 1; n <= smallTenantCount; n++) small.push(await setUpTenant(appId, clientSecret, await newTenant(`Bulk small ${n}`, smallWrites + 40), "M", smallWrites));
  const scenarios: Record<string, Item[]> = {
    large: large.userIds.map((userId) => ({ tenant: large, userId })),
    // Tenant after tenant, as a bulk selection sorted by tenant arrives.
    spread: small.flatMap((tenant) => tenant.userIds.map((userId) => ({ tenant, userId }))),
  };
  console.log(`writes per quota: ${perSecond(microsoftQuotas.writesPerAppTenant)}/s per app+tenant, ${perSecond(microsoftQuotas.writesPerTenant)}/s per tenant, ${round(perSecond(microsoftQuotas.writesPerApp))}/s per app (cloud time)`);

  const results: Record<string, Record<string, Figures>> = {};
  for (const [label, runner] of [["a", sequentialSdk], ["b", parallelSdk], ["c", tenantryEngine]] as const) {
    console.log(label === "a" ? "(a) sequential loop over the Graph SDK" : label === "b" ? `(b) the Graph SDK, ${parallel} in flight` : "(c) Tenantry's Graph engine");
    results[label] = {};
    for (const [scenario, items] of Object.entries(scenarios)) results[label][scenario] = await measure(label, scenario, items, runner);
  }

  const engine = results.c!;
  const sdkParallel = results.b!;
  const passed = Object.keys(scenarios).every(
    (s) =>
      engine[s]!.ratio <= targetRatio &&
      (engine[s]!.burstRatio ?? 0) <= targetRatio &&
      engine[s]!.failed === 0 &&
      engine[s]!.throttled < Math.max(1, sdkParallel[s]!.throttled),
  );
  console.log(
    JSON.stringify({
      bench: "bulk",
      timeScale,
      sequentialSdk: results.a,
      parallelSdk: results.b,
      engine: results.c,
      target: { engineRatioAtMost: targetRatio, engineBurstRatioAtMost: targetRatio, engineFailed: 0, engineThrottledBelowParallelSdk: true },
      pass: passed,
    }),
  );
} finally {
  globalThis.fetch = plainFetch;
  await cloud.stop();
}
