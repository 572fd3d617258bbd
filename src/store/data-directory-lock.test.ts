import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { lockDataDirectory } from "./data-directory-lock.ts";

test("one process per data directory; a lock left by a dead process is taken over", async () => {
  const dir = await mkdtemp(join(tmpdir(), "tenantry-lock-"));
  try {
    const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    await writeFile(join(dir, "tenantry.lock"), `${sleeper.pid}\n`);
    await assert.rejects(lockDataDirectory(dir), new RegExp(`Another Tenantry process \\(pid ${sleeper.pid}\\) is using`));
    sleeper.kill();
    await new Promise((resolve) => sleeper.once("exit", resolve));

    const lock = await lockDataDirectory(dir);
    assert.equal((await readFile(join(dir, "tenantry.lock"), "utf8")).trim(), String(process.pid));
    await lock.release();
    await assert.rejects(readFile(join(dir, "tenantry.lock")), { code: "ENOENT" });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
