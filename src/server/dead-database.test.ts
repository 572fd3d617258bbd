import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { startTenantry, type TenantryServer } from "../../test/support/tenantry-server.ts";

const run = promisify(execFile);
let server: TenantryServer;

before(async () => {
  server = await startTenantry();
});

after(async () => {
  await server.stop("SIGKILL");
  await server.remove();
});

test("a dead database gets a clear 503 that says how to get the outcome, and serve stays up", async () => {
  const { stdout } = await run("pgrep", ["-f", "--", `-D ${join(server.dir, "postgres")}`]);
  const pids = stdout.trim().split("\n").filter(Boolean);
  assert.ok(pids.length > 0, "the embedded PostgreSQL runs");
  for (const pid of pids) process.kill(Number(pid), "SIGKILL");
  await new Promise((resolve) => setTimeout(resolve, 300));

  const action = await server.api<{ error: { code: string; message: string; fix: string } }>(
    "POST",
    "/api/tenants/contoso.onmicrosoft.com/actions/users.update-properties",
    { userId: "admin@contoso.onmicrosoft.com", changes: { jobTitle: "Never written" } },
    { "Idempotency-Key": "dead-db-1" },
  );
  assert.equal(action.status, 503);
  assert.equal(action.body.error.code, "database_unavailable");
  assert.match(action.body.error.fix, /same Idempotency-Key/);
  assert.equal(server.child.exitCode, null, "serve is still running");
  assert.doesNotMatch(server.output(), /Tenantry could not complete the request/);
});
