import assert from "node:assert/strict";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { type EmbeddedPostgresServer, startEmbeddedPostgres } from "./embedded-postgres-server.ts";
import { applyMigrations, PLATFORM_MIGRATIONS, readMigrations } from "./migrations.ts";
import { createPoolCloser } from "./pool-closer.ts";

let root: string;
let server: EmbeddedPostgresServer;
const poolClosers: (() => Promise<void>)[] = [];
let databases = 0;

before(async () => {
  root = await mkdtemp(join(tmpdir(), "tenantry-migrations-"));
  if (process.getuid?.() === 0) await chmod(root, 0o711);
  server = await startEmbeddedPostgres({ dataDir: join(root, "data") });
});

after(async () => {
  await Promise.all(poolClosers.map((close) => close()));
  await server?.stop();
  await rm(root, { recursive: true, force: true });
});

/** A pool on a new, empty database of the shared server. */
async function emptyDatabase(): Promise<pg.Pool> {
  const name = `migrations_${++databases}`;
  const admin = new pg.Client({ connectionString: server.connectionString });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server.connectionString);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.href, max: 5 });
  poolClosers.push(createPoolCloser(pool));
  return pool;
}

/** A directory holding the given migration files. */
async function migrationsDirectory(files: Record<string, string>): Promise<string> {
  const directory = join(root, `migrations-${++databases}`);
  await mkdir(directory);
  for (const [file, sql] of Object.entries(files)) await writeFile(join(directory, file), sql);
  return directory;
}

async function tableNames(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
  return rows.map((row) => row.name);
}

describe("platform migrations", () => {
  it("create the platform tables once and record themselves", async () => {
    const pool = await emptyDatabase();
    const files = (await readMigrations(PLATFORM_MIGRATIONS)).map((migration) => migration.file);
    const applied = await applyMigrations(pool);
    assert.deepEqual(
      applied.map((migration) => migration.file),
      files,
    );
    assert.equal(files[0], "0001-platform.sql");
    const tables = await tableNames(pool);
    for (const table of ["consent_requests", "platform_app", "schema_migrations", "tenant_connections", "api_tokens"]) assert.ok(tables.includes(table), table);
    const { rows } = await pool.query("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version");
    assert.equal(rows.length, files.length);
    assert.equal(rows[0].version, 1);
    assert.equal(rows[0].name, "platform");
    assert.equal(rows[0].checksum, applied[0]?.checksum);
    assert.ok(rows[0].applied_at instanceof Date);
    assert.deepEqual(await applyMigrations(pool), []);
  });

  it("constrain the platform tables", async () => {
    const pool = await emptyDatabase();
    await applyMigrations(pool);
    const app = (credentialKind: string, thumbprint: string | null, cloud: object = { kind: "global" }) =>
      pool.query(
        "INSERT INTO platform_app (client_id, home_tenant, cloud, credential_kind, credential_encrypted, certificate_thumbprint) VALUES ($1, $2, $3, $4, $5, $6)",
        ["6f1d3a52-7c1e-4c4e-9d0a-2b8e5f0c1a11", "contoso.onmicrosoft.com", cloud, credentialKind, Buffer.from([1, 2, 3]), thumbprint],
      );
    await assert.rejects(app("certificate", null), /platform_app_thumbprint_with_certificate/);
    for (const cloud of [{ kind: "local" }, {}, { kind: "moon" }, { kind: "global", url: 42 }]) {
      await assert.rejects(app("secret", null, cloud), /platform_app_cloud_shape/);
    }
    await assert.rejects(app("password", null), /platform_app_credential_kind/);
    await app("secret", null);
    await assert.rejects(app("secret", null), /duplicate key value violates unique constraint "platform_app_pkey"/);

    const { rows } = await pool.query(
      "INSERT INTO tenant_connections (tenant_id, connected_via) VALUES ('9a1b7f5e-2d3c-4b6a-8e9f-0c1d2e3f4a5b', 'consent') RETURNING id, updated_at, verified_domains",
    );
    assert.match(rows[0].id, /^[0-9a-f-]{36}$/);
    assert.deepEqual(rows[0].verified_domains, []);
    const { rows: updated } = await pool.query("UPDATE tenant_connections SET display_name = 'Contoso' RETURNING updated_at");
    assert.ok(updated[0].updated_at >= rows[0].updated_at);
    await assert.rejects(
      pool.query("INSERT INTO tenant_connections (tenant_id, connected_via) VALUES ('9a1b7f5e-2d3c-4b6a-8e9f-0c1d2e3f4a5b', 'manual')"),
      /tenant_connections_tenant_id_unique/,
    );
    await assert.rejects(
      pool.query("INSERT INTO consent_requests (state, module, expires_at) VALUES ('short', 'management', now() + interval '10 minutes')"),
      /consent_requests_state_length/,
    );
  });
});

describe("applying migrations", () => {
  it("applies pending ones in version order, each once", async () => {
    const pool = await emptyDatabase();
    const directory = await migrationsDirectory({
      "0002-add-color.sql": "ALTER TABLE things ADD COLUMN color text;",
      "0001-things.sql": "CREATE TABLE things (id int);",
      "README.md": "not a migration",
    });
    assert.deepEqual(
      (await applyMigrations(pool, directory)).map((migration) => migration.version),
      [1, 2],
    );
    await writeFile(join(directory, "0003-more.sql"), "CREATE TABLE more_things (id int);");
    assert.deepEqual(
      (await applyMigrations(pool, directory)).map((migration) => migration.file),
      ["0003-more.sql"],
    );
    assert.deepEqual(await tableNames(pool), ["more_things", "schema_migrations", "things"]);
  });

  it("refuses to go on when an applied migration was edited", async () => {
    const pool = await emptyDatabase();
    const directory = await migrationsDirectory({ "0001-things.sql": "CREATE TABLE things (id int);" });
    await applyMigrations(pool, directory);
    await writeFile(join(directory, "0001-things.sql"), "CREATE TABLE things (id bigint);");
    await writeFile(join(directory, "0002-more.sql"), "CREATE TABLE more_things (id int);");
    await assert.rejects(
      applyMigrations(pool, directory),
      /^Error: Migration 0001-things\.sql was changed after it was applied to this database \(checksum then [0-9a-f]{12}…, now [0-9a-f]{12}…\)\. Applied migrations must not be edited/,
    );
    assert.deepEqual(await tableNames(pool), ["schema_migrations", "things"]);
  });

  it("treats Windows line endings as the same file", async () => {
    const pool = await emptyDatabase();
    const directory = await migrationsDirectory({ "0001-things.sql": "CREATE TABLE things (\n  id int\n);\n" });
    await applyMigrations(pool, directory);
    await writeFile(join(directory, "0001-things.sql"), "CREATE TABLE things (\r\n  id int\r\n);\r\n");
    assert.deepEqual(await applyMigrations(pool, directory), []);
  });

  it("rolls a failing migration back and says where it failed", async () => {
    const pool = await emptyDatabase();
    const directory = await migrationsDirectory({
      "0001-things.sql": "CREATE TABLE things (id int);",
      "0002-broken.sql": "CREATE TABLE half_done (id int);\n\nALTER TABLE things ADD COLUMN color txet;\n",
    });
    await assert.rejects(applyMigrations(pool, directory), /^Error: Migration 0002-broken\.sql failed at line 3 and was rolled back: type "txet" does not exist$/);
    assert.deepEqual(await tableNames(pool), ["schema_migrations", "things"]);
    const { rows } = await pool.query("SELECT version FROM schema_migrations");
    assert.deepEqual(rows, [{ version: 1 }]);
  });

  it("lets concurrent starters apply each migration exactly once", async () => {
    const pool = await emptyDatabase();
    const directory = await migrationsDirectory({
      "0001-slow.sql": "SELECT pg_sleep(0.2); CREATE TABLE things (id int);",
      "0002-more.sql": "CREATE TABLE more_things (id int);",
    });
    const results = await Promise.all([applyMigrations(pool, directory), applyMigrations(pool, directory), applyMigrations(pool, directory)]);
    assert.deepEqual(results.map((applied) => applied.length).sort(), [0, 0, 2]);
    const { rows } = await pool.query("SELECT count(*)::int AS n FROM schema_migrations");
    assert.equal(rows[0].n, 2);
  });

  it("refuses a database migrated by a newer Tenantry, or missing an applied file", async () => {
    const pool = await emptyDatabase();
    const newer = await migrationsDirectory({ "0001-things.sql": "CREATE TABLE things (id int);", "0002-more.sql": "CREATE TABLE more_things (id int);" });
    await applyMigrations(pool, newer);
    const older = await migrationsDirectory({ "0001-things.sql": "CREATE TABLE things (id int);" });
    await assert.rejects(applyMigrations(pool, older), /database has migration 0002-more applied, newer than this Tenantry knows \(up to 0001\)/);
    const gap = await migrationsDirectory({ "0001-things.sql": "CREATE TABLE things (id int);", "0003-later.sql": "SELECT 1;" });
    await assert.rejects(applyMigrations(pool, gap), /database has migration 0002-more applied, but its file is missing/);
  });

  it("rejects misnamed and duplicate migration files", async () => {
    await assert.rejects(readMigrations(await migrationsDirectory({ "1-things.sql": "" })), /Migration file 1-things\.sql in .* is misnamed: expected four digits/);
    await assert.rejects(readMigrations(await migrationsDirectory({ "0001-Things.sql": "" })), /misnamed/);
    await assert.rejects(
      readMigrations(await migrationsDirectory({ "0001-a.sql": "", "0001-b.sql": "" })),
      /Migrations 0001-a\.sql and 0001-b\.sql have the same version 0001/,
    );
  });
});
