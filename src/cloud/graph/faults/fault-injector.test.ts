import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { appToken, type ControlApi, controlApi, tenantWithApp } from "../../../../test/support/graph-clients.ts";
import { type LocalCloud, startLocalCloud } from "../../../../test/support/local-cloud.ts";
import { rawGraph } from "../../../../test/support/raw-graph.ts";

let dir: string;
let cloud: LocalCloud;
let control: ControlApi;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "tenantry-faults-"));
  cloud = await startLocalCloud(["--seed", "none", "--data-dir", dir]);
  control = controlApi(cloud);
});

after(async () => {
  // A cloud killed by a signal has no exit code; its stop() would wait for an exit that already happened.
  if (cloud.child.signalCode === null) await cloud.stop();
  await rm(dir, { recursive: true, force: true });
});

async function firstUserOf(graph: ReturnType<typeof rawGraph>): Promise<string> {
  const list = JSON.parse((await graph.send("GET", "/v1.0/users?$select=id,onPremisesSyncEnabled&$top=50")).body) as { value: { id: string; onPremisesSyncEnabled: boolean | null }[] };
  return list.value.find((u) => !u.onPremisesSyncEnabled)!.id;
}

async function jobTitleOf(graph: ReturnType<typeof rawGraph>, userId: string): Promise<string | null> {
  return (JSON.parse((await graph.send("GET", `/v1.0/users/${userId}?$select=jobTitle`)).body) as { jobTitle: string | null }).jobTitle;
}

describe("a late answer after the change was made (responseLatencyMs)", () => {
  test("the write takes effect at once, its answer comes late, reads are not delayed, and the change survives a crash meanwhile", async () => {
    const t = await tenantWithApp(cloud, control, { size: "S", permissions: ["User.ReadWrite.All"] });
    let graph = rawGraph(cloud.url, cloud.caPem, await appToken(cloud, t.tenantId, t.appId, t.clientSecret));
    const userId = await firstUserOf(graph);
    const rule = await control<{ methods: string[]; responseLatencyMs: number; latencyMs: number }>("POST", "/faults", { tenantId: t.tenantId, methods: ["PATCH"], responseLatencyMs: 2000 });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
    assert.deepEqual([rule.body.methods, rule.body.responseLatencyMs, rule.body.latencyMs], [["PATCH"], 2000, 0]);

    const started = performance.now();
    let answeredAfter: number | undefined;
    // The answer never comes: the cloud is killed before it is due.
    const patched = graph.send("PATCH", `/v1.0/users/${userId}`, { jobTitle: "Answered late" }).then(
      () => {
        answeredAfter = performance.now() - started;
      },
      () => undefined,
    );
    let seenAfter: number | undefined;
    while (seenAfter === undefined && performance.now() - started < 1500) {
      if ((await jobTitleOf(graph, userId)) === "Answered late") seenAfter = performance.now() - started;
      else await sleep(50);
    }
    assert.ok(seenAfter !== undefined && seenAfter < 1500, "the change is visible to reads before the write is answered");
    assert.equal(answeredAfter, undefined, "the write is not answered yet");
    // The cloud's journal is flushed every 200 ms; a crash now must not lose the change.
    await sleep(500);
    graph.close();
    await cloud.stop("SIGKILL");
    await patched;

    cloud = await startLocalCloud(["--seed", "none", "--data-dir", dir]);
    control = controlApi(cloud);
    graph = rawGraph(cloud.url, cloud.caPem, await appToken(cloud, t.tenantId, t.appId, t.clientSecret));
    try {
      assert.equal(await jobTitleOf(graph, userId), "Answered late", "the change was persisted before the answer");
      assert.deepEqual((await control<{ value: unknown[] }>("GET", "/faults")).body.value, [], "faults do not outlive the process");

      await control("POST", "/faults", { tenantId: t.tenantId, methods: ["PATCH"], responseLatencyMs: 800 });
      const patchStarted = performance.now();
      const answer = await graph.send("PATCH", `/v1.0/users/${userId}`, { jobTitle: "Second" });
      assert.equal(answer.status, 204);
      assert.ok(performance.now() - patchStarted >= 800, "the answer waited");
      const getStarted = performance.now();
      assert.equal(await jobTitleOf(graph, userId), "Second");
      assert.ok(performance.now() - getStarted < 800, "a GET is not delayed by a PATCH-only rule");

      const bad = await control<{ error: { message: string } }>("POST", "/faults", { methods: ["TRACE"] });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /^methods\.0: /);
    } finally {
      await control("DELETE", "/faults");
      graph.close();
    }
  });
});
