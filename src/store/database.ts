import pg from "pg";
import { connectionTarget, explainConnectionFailure } from "./connection-target.ts";
import { type EmbeddedPostgresServer, startEmbeddedPostgres } from "./embedded-postgres-server.ts";
import { applyMigrations } from "./migrations.ts";
import { createPoolCloser } from "./pool-closer.ts";

/** Tenantry's PostgreSQL database: the only state it keeps. */
export type Database = {
  /** The one pool of the process; share it (pg-boss included) rather than opening others. */
  pool: pg.Pool;
  /** postgresql://… URL, with the password: never print or log it (see redactConnectionString). */
  connectionString: string;
  /** Drains the pool, then stops embedded PostgreSQL if Tenantry started it. Idempotent. */
  close(): Promise<void>;
};

export type OpenDatabaseOptions = {
  /** Where embedded PostgreSQL keeps its cluster; unused when a database URL is given. */
  dataDir: string;
  /** An external PostgreSQL; takes precedence over DATABASE_URL and over the embedded server. */
  databaseUrl?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** Connections in the pool; 10 unless given. */
  maxConnections?: number;
  /** The caller holds the data directory's lock: an embedded server left running by a dead Tenantry is stopped first. */
  ownsDataDirectory?: boolean;
};

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Connects to the database named by `databaseUrl`, else by DATABASE_URL, else to embedded
 * PostgreSQL in `dataDir` (started here), and applies pending migrations before returning.
 */
export async function openDatabase({
  dataDir,
  databaseUrl,
  env = process.env,
  log = () => {},
  maxConnections = 10,
  ownsDataDirectory = false,
}: OpenDatabaseOptions): Promise<Database> {
  const externalUrl = databaseUrl ?? (env.DATABASE_URL || undefined);
  const origin = databaseUrl !== undefined ? "the database URL option" : "DATABASE_URL";
  let server: EmbeddedPostgresServer | undefined;
  let connectionString: string;
  if (externalUrl === undefined) {
    server = await startEmbeddedPostgres({ dataDir, log, stopLeftoverServer: ownsDataDirectory });
    connectionString = server.connectionString;
  } else {
    connectionTarget(externalUrl, origin);
    connectionString = externalUrl;
  }
  const pool = new pg.Pool({ connectionString, max: maxConnections, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, application_name: "tenantry" });
  pool.on("error", (error) => log(`An idle PostgreSQL connection failed: ${error.message}`));
  const endPool = createPoolCloser(pool);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      try {
        await endPool();
      } finally {
        await server?.stop();
      }
    })();
    return closing;
  };

  try {
    const client = await pool.connect().catch((error: unknown) => {
      throw server ? error : explainConnectionFailure(error, connectionString, origin);
    });
    client.release();
    for (const migration of await applyMigrations(pool)) log(`Applied migration ${migration.file}.`);
  } catch (error) {
    await close();
    throw error;
  }
  return { pool, connectionString, close };
}
