import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";

/** One versioned SQL file, `NNNN-name.sql`. */
export type Migration = { version: number; name: string; file: string; sql: string; checksum: string };

/** Tenantry's own migrations, shipped next to this module. */
export const PLATFORM_MIGRATIONS = new URL("./migrations/", import.meta.url);

const FILE_PATTERN = /^(\d{4})-([a-z0-9]+(?:-[a-z0-9]+)*)\.sql$/;

/** Reads the migrations in `directory`, in version order. */
export async function readMigrations(directory: URL | string): Promise<Migration[]> {
  const path = typeof directory === "string" ? directory : fileURLToPath(directory);
  const files = (await readdir(path)).filter((file) => file.endsWith(".sql")).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE_PATTERN.exec(file);
    if (!match) {
      throw new Error(`Migration file ${file} in ${path} is misnamed: expected four digits, a dash and a lower-case name, like 0002-audit-log.sql.`);
    }
    const version = Number(match[1]);
    const previous = migrations.at(-1);
    if (previous?.version === version) throw new Error(`Migrations ${previous.file} and ${file} have the same version ${match[1]}.`);
    const sql = (await readFile(join(path, file), "utf8")).replaceAll("\r\n", "\n");
    migrations.push({ version, name: match[2] ?? "", file, sql, checksum: createHash("sha256").update(sql).digest("hex") });
  }
  return migrations;
}

type AppliedRow = { version: number; name: string; checksum: string };

/**
 * Applies the migrations of `directory` that the database lacks, in order, each in its own
 * transaction, and records them in `schema_migrations`. Concurrent starters wait for each other on
 * an advisory lock. Refuses to go on when an applied migration's file has changed or is missing.
 * Returns the migrations applied now.
 */
export async function applyMigrations(pool: Pick<pg.Pool, "connect">, directory: URL | string = PLATFORM_MIGRATIONS): Promise<Migration[]> {
  const migrations = await readMigrations(directory);
  const client = await pool.connect();
  let lockHeld = false;
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('tenantry schema migrations'))");
    lockHeld = true;
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      checksum text NOT NULL
    )`);
    const { rows } = await client.query<AppliedRow>("SELECT version, name, checksum FROM schema_migrations ORDER BY version");
    checkApplied(rows, migrations);

    const appliedVersions = new Set(rows.map((row) => row.version));
    const applied: Migration[] = [];
    for (const migration of migrations) {
      if (appliedVersions.has(migration.version)) continue;
      await applyOne(client, migration);
      applied.push(migration);
    }
    return applied;
  } finally {
    if (lockHeld) await client.query("SELECT pg_advisory_unlock(hashtext('tenantry schema migrations'))").catch(() => {});
    client.release();
  }
}

function checkApplied(rows: AppliedRow[], migrations: Migration[]): void {
  const byVersion = new Map(migrations.map((migration) => [migration.version, migration]));
  const newest = migrations.at(-1)?.version ?? 0;
  for (const row of rows) {
    const label = `${String(row.version).padStart(4, "0")}-${row.name}`;
    const migration = byVersion.get(row.version);
    if (!migration && row.version > newest) {
      throw new Error(
        `The database has migration ${label} applied, newer than this Tenantry knows (up to ${String(newest).padStart(4, "0")}). ` +
          "Run the Tenantry version that applied it, or a newer one.",
      );
    }
    if (!migration) {
      throw new Error(`The database has migration ${label} applied, but its file is missing. Restore ${label}.sql; applied migrations must stay.`);
    }
    if (migration.checksum !== row.checksum) {
      throw new Error(
        `Migration ${migration.file} was changed after it was applied to this database ` +
          `(checksum then ${row.checksum.slice(0, 12)}…, now ${migration.checksum.slice(0, 12)}…). ` +
          "Applied migrations must not be edited: restore the file and put the change in a new migration.",
      );
    }
  }
}

async function applyOne(client: pg.PoolClient, migration: Migration): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query(migration.sql);
    await client.query("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", [migration.version, migration.name, migration.checksum]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${migration.file} failed${lineOf(error, migration.sql)} and was rolled back: ${message}`, { cause: error });
  }
}

function lineOf(error: unknown, sql: string): string {
  const position = error instanceof Error && "position" in error ? Number(error.position) : Number.NaN;
  if (!Number.isInteger(position) || position < 1) return "";
  return ` at line ${sql.slice(0, position - 1).split("\n").length}`;
}
