import { Agent, request } from "node:https";
import { readFile } from "node:fs/promises";
import { ConfidentialClientApplication } from "@azure/msal-node";
import { startLocalCloud } from "../test/support/local-cloud.ts";

// Throughput of the local cloud's Graph (GET and PATCH of one user, no throttling) and the memory
// a 1,000,000-user tenant takes. Targets: 3,000 GET/s or more; RSS of 2 GiB or less.
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const concurrency = 32;
const targetGetPerSecond = 3000;
const targetRssBytes = 2 * 1024 ** 3;

const cloud = await startLocalCloud(["--seed", "none", "--no-throttling"]);
const agent = new Agent({ keepAlive: true, maxSockets: concurrency, ca: cloud.caPem });

function call(method: string, path: string, token: string, body?: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(`${cloud.url}${path}`, { method, agent, headers: { Authorization: `Bearer ${token}`, ...(payload ? { "Content-Type": "application/json" } : {}) } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(payload);
  });
}

async function control<T>(method: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${cloud.url}/_cloud${path}`, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function rateOf(label: string, send: (i: number) => Promise<number>): Promise<number> {
  let done = 0;
  let failed = 0;
  const end = Date.now() + seconds * 1000;
  const start = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const status = await send(done);
        if (status >= 400) failed++;
        done++;
      }
    }),
  );
  const rate = done / ((Date.now() - start) / 1000);
  console.log(`${label}: ${done} requests in ${seconds} s, ${Math.round(rate)}/s, ${failed} failed`);
  if (failed > 0) throw new Error(`${label}: ${failed} requests failed`);
  return rate;
}

async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

try {
  console.log(`GET and PATCH /users/{id} for ${seconds} s each with ${concurrency} connections, then a 1,000,000-user tenant`);
  const small = await control<{ id: string }>("POST", "/tenants", { displayName: "Bench M", size: "M" });
  const app = await control<{ appId: string; clientSecret: string }>("POST", "/applications", { homeTenantId: small.id, displayName: "Bench", requiredPermissions: ["User.ReadWrite.All"], credential: "secret" });
  await control("POST", `/tenants/${small.id}/consents`, { appId: app.appId });
  const msal = new ConfidentialClientApplication({ auth: { clientId: app.appId, clientSecret: app.clientSecret, authority: `${cloud.url}/${small.id}`, knownAuthorities: [new URL(cloud.url).host] } });
  const token = (await msal.acquireTokenByClientCredential({ scopes: ["https://graph.microsoft.com/.default"] }))!.accessToken;
  const list = await fetch(`${cloud.url}/v1.0/users?$top=200&$select=id,department,onPremisesSyncEnabled`, { headers: { Authorization: `Bearer ${token}` } });
  const ids = ((await list.json()) as { value: { id: string; department: string | null; onPremisesSyncEnabled: boolean | null }[] }).value
    .filter((u) => u.department && !u.onPremisesSyncEnabled)
    .map((u) => u.id);

  const getRate = await rateOf("GET /users/{id}", (i) => call("GET", `/v1.0/users/${ids[i % ids.length]}`, token));
  const patchRate = await rateOf("PATCH /users/{id}", (i) => call("PATCH", `/v1.0/users/${ids[i % ids.length]}`, token, { jobTitle: `Title ${i}` }));

  const before = await rssOf(cloud.child.pid!);
  const started = Date.now();
  const xl = await control<{ id: string }>("POST", "/tenants", { displayName: "Bench XL", userCount: 1_000_000 });
  const generationSeconds = (Date.now() - started) / 1000;
  const rss = await rssOf(cloud.child.pid!);
  console.log(`1,000,000-user tenant generated in ${generationSeconds.toFixed(1)} s; cloud RSS ${(before / 1024 ** 2).toFixed(0)} MiB before, ${(rss / 1024 ** 2).toFixed(0)} MiB after`);

  const xlApp = await control<{ appId: string; clientSecret: string }>("POST", "/applications", { homeTenantId: xl.id, displayName: "Bench XL", requiredPermissions: ["User.Read.All"], credential: "secret" });
  await control("POST", `/tenants/${xl.id}/consents`, { appId: xlApp.appId });
  const xlMsal = new ConfidentialClientApplication({ auth: { clientId: xlApp.appId, clientSecret: xlApp.clientSecret, authority: `${cloud.url}/${xl.id}`, knownAuthorities: [new URL(cloud.url).host] } });
  const xlToken = (await xlMsal.acquireTokenByClientCredential({ scopes: ["https://graph.microsoft.com/.default"] }))!.accessToken;
  const timed = async (label: string, path: string, headers: Record<string, string> = {}) => {
    const t0 = performance.now();
    const response = await fetch(`${cloud.url}${path}`, { headers: { Authorization: `Bearer ${xlToken}`, ...headers } });
    const body = (await response.json()) as { "@odata.nextLink"?: string; "@odata.count"?: number; value: unknown[] };
    const ms = performance.now() - t0;
    if (!response.ok) throw new Error(`${label}: ${response.status} ${JSON.stringify(body)}`);
    console.log(`${label}: ${ms.toFixed(0)} ms (${body.value.length} users${body["@odata.count"] === undefined ? "" : `, count ${body["@odata.count"]}`})`);
    return { ms, next: body["@odata.nextLink"] };
  };
  const firstPage = await timed("first page of 999", "/v1.0/users?$top=999&$select=id,displayName");
  const deepPage = await timed("next page", new URL(firstPage.next!).pathname + new URL(firstPage.next!).search);
  const filtered = await timed("startsWith filter", "/v1.0/users?$filter=startsWith(displayName,'Zo')&$top=100");
  const counted = await timed("count of disabled users", "/v1.0/users?$filter=accountEnabled eq false&$count=true&$top=10", { ConsistencyLevel: "eventual" });
  const slowestQueryMs = Math.max(firstPage.ms, deepPage.ms, filtered.ms, counted.ms);

  const figures = {
    getPerSecond: Math.round(getRate),
    patchPerSecond: Math.round(patchRate),
    millionUserGenerationSeconds: Number(generationSeconds.toFixed(1)),
    millionUserRssMiB: Math.round(rss / 1024 ** 2),
    millionUserSlowestQueryMs: Math.round(slowestQueryMs),
  };
  const target = { getPerSecond: targetGetPerSecond, millionUserRssMiB: targetRssBytes / 1024 ** 2, millionUserGenerationSeconds: 60, millionUserSlowestQueryMs: 1000 };
  console.log(
    JSON.stringify({ bench: "cloud", ...figures, target, pass: getRate >= targetGetPerSecond && rss <= targetRssBytes && generationSeconds < 60 && slowestQueryMs <= 1000 }),
  );
} finally {
  agent.destroy();
  await cloud.stop();
}
