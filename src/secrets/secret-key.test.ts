import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { loadSecretKey } from "./secret-key.ts";

const root = await mkdtemp(join(tmpdir(), "tenantry-secret-key-"));
after(() => rm(root, { recursive: true, force: true }));
let counter = 0;
const freshDataDir = () => join(root, `data-${++counter}`);

describe("secret key from TENANTRY_SECRET_KEY", () => {
  const key = randomBytes(32);

  it("accepts base64, base64url and hex, with surrounding whitespace, and writes no key file", async () => {
    const dataDir = freshDataDir();
    const encodings = [
      key.toString("base64"),
      key.toString("base64url"),
      key.toString("hex"),
      key.toString("hex").toUpperCase(),
      `  ${key.toString("base64")}\n`,
    ];
    for (const value of encodings) {
      assert.deepEqual(await loadSecretKey({ dataDir, env: { TENANTRY_SECRET_KEY: value } }), key);
    }
    await assert.rejects(stat(dataDir), { code: "ENOENT" });
  });

  it("rejects anything else, naming the variable and the format but not the value", async () => {
    const wrong = ["hunter2-is-my-password", randomBytes(31).toString("base64"), key.toString("hex").slice(1), `${key.toString("hex")}00`, ""];
    for (const value of wrong) {
      await assert.rejects(loadSecretKey({ dataDir: freshDataDir(), env: { TENANTRY_SECRET_KEY: value } }), (error: Error) => {
        assert.match(error.message, /^TENANTRY_SECRET_KEY must be 32 random bytes written as base64 \(44 characters.*or hex \(64 characters/);
        if (value) assert.equal(error.message.includes(value), false);
        return true;
      });
    }
  });
});

describe("secret key file", () => {
  it("is generated once, private (0600), in a private data directory, and read back", async () => {
    const dataDir = freshDataDir();
    const key = await loadSecretKey({ dataDir, env: {} });
    assert.equal(key.length, 32);
    const file = await stat(join(dataDir, "secret.key"));
    assert.equal(file.mode & 0o777, 0o600);
    const directory = await stat(dataDir);
    assert.equal(directory.mode & 0o077 & ~0o011, 0, "data directory is neither readable nor writable by others");
    assert.deepEqual(await loadSecretKey({ dataDir, env: {} }), key);
    assert.deepEqual(await readdir(dataDir), ["secret.key"]);
  });

  it("gives concurrent first starters the same key", async () => {
    const dataDir = freshDataDir();
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadSecretKey({ dataDir, env: {} })));
    for (const key of keys) assert.deepEqual(key, keys[0]);
    assert.deepEqual(await readdir(dataDir), ["secret.key"]);
  });

  it("refuses a key file other users can read, and says how to fix it", async () => {
    const dataDir = freshDataDir();
    const key = await loadSecretKey({ dataDir, env: {} });
    const path = join(dataDir, "secret.key");
    await chmod(path, 0o644);
    await assert.rejects(loadSecretKey({ dataDir, env: {} }), (error: Error) => {
      assert.match(error.message, /secret key file .*secret\.key is accessible to other users \(mode 0644\)\. Make it private with: chmod 600 /);
      assert.equal(error.message.includes(key.toString("base64")), false);
      return true;
    });
    await chmod(path, 0o600);
    assert.deepEqual(await loadSecretKey({ dataDir, env: {} }), key);
  });

  it("refuses a damaged key file without showing its content", async () => {
    const dataDir = freshDataDir();
    await loadSecretKey({ dataDir, env: {} });
    const path = join(dataDir, "secret.key");
    const damaged = (await readFile(path, "utf8")).slice(0, 30);
    await writeFile(path, damaged);
    await assert.rejects(loadSecretKey({ dataDir, env: {} }), (error: Error) => {
      assert.match(error.message, /does not hold 32 random bytes written as base64/);
      assert.equal(error.message.includes(damaged), false);
      return true;
    });
  });

  it("is not used when TENANTRY_SECRET_KEY is set", async () => {
    const dataDir = freshDataDir();
    const fromFile = await loadSecretKey({ dataDir, env: {} });
    const fromEnvironment = randomBytes(32);
    assert.deepEqual(await loadSecretKey({ dataDir, env: { TENANTRY_SECRET_KEY: fromEnvironment.toString("base64") } }), fromEnvironment);
    assert.notDeepEqual(fromEnvironment, fromFile);
  });
});
