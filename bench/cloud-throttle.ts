import { startLocalCloud } from "../test/support/local-cloud.ts";
import { appToken, controlApi, tenantWithApp } from "../test/support/graph-clients.ts";
import { rawGraph } from "../test/support/raw-graph.ts";

// A naive client fires PATCH /users/{id} at an L tenant as fast as it can, ignoring Retry-After.
// Prints the writes it achieved, the 429s it got, and the ceiling Microsoft's write quotas allow
// over the same (sped-up) time: the figure the bulk engine will later be measured against.
const timeScale = Number(process.env.BENCH_TIME_SCALE ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = 32;

const cloud = await startLocalCloud(["--seed", "none", "--time-scale", String(timeScale)]);
try {
  const control = controlApi(cloud);
  const t = await tenantWithApp(cloud, control, { size: "L", permissions: ["User.ReadWrite.All"] });
  const token = await appToken(cloud, t.tenantId, t.appId, t.clientSecret);
  const raw = rawGraph(cloud.url, cloud.caPem, token, concurrency);
  const list = JSON.parse((await raw.send("GET", "/v1.0/users?$select=id,department,onPremisesSyncEnabled&$top=999")).body) as {
    value: { id: string; department: string | null; onPremisesSyncEnabled: boolean | null }[];
  };
  const ids = list.value.filter((u) => u.department && !u.onPremisesSyncEnabled).map((u) => u.id);
  const settings = await control<{ throttling: { writes: { perApplicationTenant: { limit: number; windowSeconds: number } } } }>("PATCH", "/settings", { resetUsage: true });
  const quota = settings.body.throttling.writes.perApplicationTenant;
  console.log(`naive PATCH loop, ${concurrency} connections, ${seconds} s at time scale ${timeScale} (${seconds * timeScale} s of cloud time) against an L tenant`);

  let written = 0;
  let throttled = 0;
  let failed = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = worker; performance.now() < end; i += concurrency) {
        const response = await raw.send("PATCH", `/v1.0/users/${ids[i % ids.length]}`, { jobTitle: `Naive ${i}` });
        if (response.status === 204) written++;
        else if (response.status === 429) throttled++;
        else failed++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  raw.close();

  const cloudSeconds = elapsed * timeScale;
  const ceilingWrites = Math.min(quota.limit + (quota.limit / quota.windowSeconds) * cloudSeconds, Number.MAX_SAFE_INTEGER);
  const figures = {
    bench: "cloud-throttle",
    timeScale,
    seconds: Number(elapsed.toFixed(2)),
    writes: written,
    writesPerSecond: Math.round(written / elapsed),
    throttled,
    failed,
    ceilingWrites: Math.floor(ceilingWrites),
    ceilingWritesPerSecond: Math.round(ceilingWrites / elapsed),
  };
  console.log(`${written} writes (${figures.writesPerSecond}/s), ${throttled} answered 429, ${failed} failed; Microsoft's quotas allow ${figures.ceilingWrites} (${figures.ceilingWritesPerSecond}/s)`);
  const target = { writesAtMost: Math.floor(ceilingWrites * 1.01), writesAtLeast: Math.floor(ceilingWrites * 0.9) };
  console.log(JSON.stringify({ ...figures, target, pass: written <= target.writesAtMost && written >= target.writesAtLeast && throttled > 0 && failed === 0 }));
} finally {
  await cloud.stop();
}
