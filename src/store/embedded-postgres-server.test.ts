import assert from "node:assert/strict";
import { chmod, mkdir, mkdtemp, readFile, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { type EmbeddedPostgresServer, startEmbeddedPostgres } from "./embedded-postgres-server.ts";

const runningAsRoot = process.getuid?.() === 0;
let root: string;
let dataDir: string;
let server: EmbeddedPostgresServer;
const lines: string[] = [];

before(async () => {
  root = await mkdtemp(join(tmpdir(), "tenantry-embedded-"));
  if (runningAsRoot) await chmod(root, 0o711);
  dataDir = join(root, "data");
  server = await startEmbeddedPostgres({ dataDir, log: (line) => lines.push(line) });
});

after(async () => {
  await server?.stop();
  await rm(root, { recursive: true, force: true });
});

async function query(connectionString: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL server", () => {
  it("serves the tenantry database on 127.0.0.1 with a private, generated password", async () => {
    const url = new URL(server.connectionString);
    assert.equal(url.hostname, "127.0.0.1");
    assert.equal(url.pathname, "/tenantry");
    assert.equal(Number(url.port), server.port);
    const password = (await readFile(join(dataDir, "postgres-password"), "utf8")).trim();
    assert.ok(password.length >= 40);
    assert.equal(decodeURIComponent(url.password), password);
    assert.equal((await stat(join(dataDir, "postgres-password"))).mode & 0o777, 0o600);
    const { rows } = await query(
      server.connectionString,
      "SELECT current_database() AS database, current_setting('listen_addresses') AS listen, current_setting('server_encoding') AS encoding, upper('äöé') AS upper",
    );
    assert.deepEqual(rows, [{ database: "tenantry", listen: "127.0.0.1", encoding: "UTF8", upper: "ÄÖÉ" }]);
    assert.ok(lines.some((line) => line.includes("database system is ready to accept connections")));
    assert.equal(
      lines.some((line) => line.includes(password)),
      false,
    );
  });

  it("refuses a second server on the same data directory, saying why", async () => {
    await assert.rejects(
      startEmbeddedPostgres({ dataDir }),
      /^Error: Could not start PostgreSQL in .*: another PostgreSQL server is already running on this data directory \(is another Tenantry process using it\?\)/,
    );
  });

  it("survives a crashed server: stop() returns, and a restart recovers the data", async () => {
    await query(server.connectionString, "CREATE TABLE survivor (id int); INSERT INTO survivor VALUES (42)");
    const postmasterPid = Number((await readFile(join(dataDir, "postgres", "postmaster.pid"), "utf8")).split("\n")[0]);
    process.kill(postmasterPid, "SIGKILL");
    const reported = () => lines.some((line) => line.startsWith("PostgreSQL exited unexpectedly (exit code none, signal SIGKILL)"));
    for (let waited = 0; !reported() && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(reported());
    await server.stop();
    server = await startEmbeddedPostgres({ dataDir, log: (line) => lines.push(line) });
    const { rows } = await query(server.connectionString, "SELECT id FROM survivor");
    assert.deepEqual(rows, [{ id: 42 }]);
  });

  it("asks for its password file when it has gone missing", async () => {
    await server.stop();
    await rename(join(dataDir, "postgres-password"), join(dataDir, "moved-away"));
    try {
      await assert.rejects(startEmbeddedPostgres({ dataDir }), /exists but its password file .*postgres-password is missing\. Restore the file/);
    } finally {
      await rename(join(dataDir, "moved-away"), join(dataDir, "postgres-password"));
    }
    server = await startEmbeddedPostgres({ dataDir });
  });

  it("as root, explains a data directory the postgres user cannot reach", { skip: !runningAsRoot && "only as root" }, async () => {
    const closed = join(root, "closed");
    await mkdir(closed, { mode: 0o700 });
    await assert.rejects(
      startEmbeddedPostgres({ dataDir: join(closed, "data") }),
      /runs as the system user "postgres" \(Tenantry runs as root\), and that user cannot enter .*closed \(mode 0700\)\. Allow it with `chmod o\+x .*closed`/,
    );
  });
});
