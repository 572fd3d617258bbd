import { PLATFORM_MIGRATIONS, readMigrations } from "./migrations.ts";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { openDatabase } from "./database.ts";
import { startEmbeddedPostgres } from "./embedded-postgres-server.ts";
import { findFreePort } from "./free-port.ts";

const platformMigrations = await readMigrations(PLATFORM_MIGRATIONS);

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), "tenantry-database-"));
  if (process.getuid?.() === 0) await chmod(root, 0o711);
});
after(() => rm(root, { recursive: true, force: true }));

const portOf = (connectionString: string) => Number(new URL(connectionString).port);

/** True once nothing accepts TCP connections on 127.0.0.1:port. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

async function eventuallyRefused(port: number, withinMs = 5000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await refused(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

async function migrationCount(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM schema_migrations");
  return rows[0]?.n ?? -1;
}

describe("embedded database", () => {
  it("migrates on first open, keeps data across restarts and never logs its password", async () => {
    const dataDir = join(root, "persistent");
    const lines: string[] = [];
    const first = await openDatabase({ dataDir, env: {}, log: (line) => lines.push(line) });
    assert.equal(await migrationCount(first.pool), platformMigrations.length);
    assert.ok(lines.includes("Applied migration 0001-platform.sql."));
    await first.pool.query("INSERT INTO tenant_connections (tenant_id, display_name, connected_via) VALUES ('0f8fad5b-d9cb-469f-a165-70867728950e', 'Contoso', 'consent')");
    await first.close();

    lines.length = 0;
    const second = await openDatabase({ dataDir, env: {}, log: (line) => lines.push(line) });
    try {
      const { rows } = await second.pool.query("SELECT display_name FROM tenant_connections");
      assert.deepEqual(rows, [{ display_name: "Contoso" }]);
      assert.equal(await migrationCount(second.pool), platformMigrations.length);
      assert.equal(lines.some((line) => line.startsWith("Applied migration")), false);

      const password = (await readFile(join(dataDir, "postgres-password"), "utf8")).trim();
      assert.equal(decodeURIComponent(new URL(second.connectionString).password), password);
      assert.equal((await stat(join(dataDir, "postgres-password"))).mode & 0o777, 0o600);
      assert.equal((await stat(join(dataDir, "postgres"))).mode & 0o777, 0o700);
      assert.ok(lines.length > 0);
      assert.equal(lines.some((line) => line.includes(password)), false);
    } finally {
      await second.close();
    }
  });

  it("runs side by side with another data directory, on its own port", async () => {
    const [a, b] = await Promise.all([openDatabase({ dataDir: join(root, "persistent"), env: {} }), openDatabase({ dataDir: join(root, "side-b"), env: {} })]);
    try {
      assert.notEqual(portOf(a.connectionString), portOf(b.connectionString));
      await a.pool.query("CREATE TABLE only_in_a (id int)");
      const { rows } = await b.pool.query("SELECT to_regclass('only_in_a') AS found");
      assert.deepEqual(rows, [{ found: null }]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("closes gracefully, once, leaving nothing listening", async () => {
    const database = await openDatabase({ dataDir: join(root, "persistent"), env: {} });
    const port = portOf(database.connectionString);
    assert.equal(await refused(port), false);
    await Promise.all([database.close(), database.close()]);
    await database.close();
    assert.equal(await refused(port), true);
    await assert.rejects(database.pool.query("SELECT 1"), /Cannot use a pool after calling end on the pool/);
  });

  it("stops embedded PostgreSQL when the process exits without closing", async () => {
    const dataDir = join(root, "abandoned");
    const script = [
      `import { openDatabase } from ${JSON.stringify(pathToFileURL(join(import.meta.dirname, "database.ts")).href)};`,
      `const database = await openDatabase({ dataDir: ${JSON.stringify(dataDir)}, env: {} });`,
      "process.stdout.write(new URL(database.connectionString).port);",
      "process.exitCode = 7;",
      "process.exit();",
    ].join("\n");
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    const code = await new Promise((resolve) => child.once("exit", resolve));
    assert.equal(code, 7, "the package's exit hooks do not change the exit code");
    assert.equal(stderr, "");
    assert.equal(await eventuallyRefused(Number(stdout)), true);
  });
});

describe("database from a URL", () => {
  let server: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  let url: URL;
  before(async () => {
    server = await startEmbeddedPostgres({ dataDir: join(root, "external") });
    const admin = new pg.Client({ connectionString: server.connectionString });
    await admin.connect();
    await admin.query("CREATE DATABASE url_test");
    await admin.end();
    url = new URL(server.connectionString);
    url.pathname = "/url_test";
  });
  after(() => server?.stop());

  it("uses DATABASE_URL instead of embedded PostgreSQL, migrates it, and leaves the server running", async () => {
    const unused = join(root, "never-created");
    const database = await openDatabase({ dataDir: unused, env: { DATABASE_URL: url.href } });
    assert.equal(database.connectionString, url.href);
    assert.equal(await migrationCount(database.pool), platformMigrations.length);
    const { rows } = await database.pool.query("SELECT current_database() AS name");
    assert.deepEqual(rows, [{ name: "url_test" }]);
    await database.close();
    await assert.rejects(stat(unused), { code: "ENOENT" });
    assert.equal(await refused(server.port), false);
  });

  it("prefers the databaseUrl option over DATABASE_URL", async () => {
    const database = await openDatabase({ dataDir: join(root, "never-created"), databaseUrl: url.href, env: { DATABASE_URL: "postgres://nobody@127.0.0.1:1/nothing" } });
    assert.equal(await migrationCount(database.pool), platformMigrations.length);
    await database.close();
  });

  it("explains a wrong password or a missing database without showing the password", async () => {
    const wrong = new URL(url);
    wrong.password = "Wrong-Password-123";
    await assert.rejects(openDatabase({ dataDir: root, env: { DATABASE_URL: wrong.href } }), (error: Error) => {
      assert.match(error.message, /^Cannot connect to PostgreSQL at 127\.0\.0\.1:\d+ \(database "url_test", user "postgres", from DATABASE_URL\): the server refused the login: password authentication failed for user "postgres"\. Check the user name and password in DATABASE_URL\.$/);
      assert.equal(error.message.includes("Wrong-Password-123"), false);
      return true;
    });
    const missing = new URL(url);
    missing.pathname = "/no_such_database";
    await assert.rejects(openDatabase({ dataDir: root, databaseUrl: missing.href }), /database "no_such_database" does not exist\. Create it \(CREATE DATABASE "no_such_database"\)/);
  });
});

describe("an unreachable database", () => {
  it("says which server could not be reached and what to check, without the password", async () => {
    const port = await findFreePort("127.0.0.1");
    const databaseUrl = `postgresql://tenantry:S3cret-Passw0rd@127.0.0.1:${port}/tenantry`;
    await assert.rejects(openDatabase({ dataDir: root, databaseUrl }), (error: Error) => {
      assert.equal(
        error.message,
        `Cannot connect to PostgreSQL at 127.0.0.1:${port} (database "tenantry", user "tenantry", from the database URL option): ` +
          "connection refused, nothing listens there. Check that the PostgreSQL server is running and that the database URL option names the right host and port.",
      );
      assert.equal(String(error.stack).includes("S3cret-Passw0rd"), false);
      return true;
    });
  });

  it("rejects a DATABASE_URL that is not a PostgreSQL URL, without repeating it", async () => {
    await assert.rejects(openDatabase({ dataDir: root, env: { DATABASE_URL: "tenantry:S3cret@db:5432" } }), (error: Error) => {
      assert.match(error.message, /^DATABASE_URL must start with postgres:\/\/ or postgresql:\/\//);
      assert.equal(error.message.includes("S3cret"), false);
      return true;
    });
    await assert.rejects(openDatabase({ dataDir: root, env: { DATABASE_URL: "S3cret at db" } }), /^Error: DATABASE_URL is not a PostgreSQL URL; expected the form postgres:\/\/user:password@host:5432\/database\.$/);
  });
});
