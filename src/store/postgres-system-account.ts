import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import { dirname } from "node:path";
import { promisify } from "node:util";
import { runningAsRoot } from "./data-directory.ts";

const run = promisify(execFile);
const ACCOUNT_NAME = "postgres";

/** The system user that embedded PostgreSQL runs as when Tenantry runs as root. */
export type SystemAccount = { name: string; uid: number; gid: number };

/**
 * PostgreSQL refuses to run as root. As root, returns the `postgres` system user, creating it
 * (system user with its own group, no home, no login) if the machine has none. Otherwise undefined:
 * PostgreSQL runs as the current user.
 */
export async function postgresSystemAccount(log: (line: string) => void): Promise<SystemAccount | undefined> {
  if (!runningAsRoot()) return undefined;
  const existing = await lookUpAccount(ACCOUNT_NAME);
  if (existing) return existing;
  try {
    await run("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", ACCOUNT_NAME]);
  } catch (error) {
    throw new Error(
      `Tenantry runs as root, PostgreSQL refuses to, and the system user "${ACCOUNT_NAME}" could not be created ` +
        `(${error instanceof Error ? error.message : String(error)}). Create it, run Tenantry as a normal user, or set DATABASE_URL.`,
      { cause: error },
    );
  }
  log(`Created the system user "${ACCOUNT_NAME}" to run embedded PostgreSQL, which refuses to run as root.`);
  const created = await lookUpAccount(ACCOUNT_NAME);
  if (!created) throw new Error(`The system user "${ACCOUNT_NAME}" was created but cannot be found.`);
  return created;
}

async function lookUpAccount(name: string): Promise<SystemAccount | undefined> {
  try {
    const [uid, gid] = await Promise.all([run("id", ["-u", name]), run("id", ["-g", name])]);
    return { name, uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    return undefined;
  }
}

/**
 * Fails with a clear message unless `account` may enter `directory` and every directory above it,
 * which PostgreSQL needs to reach its cluster directory.
 */
export async function assertTraversableBy(account: SystemAccount, directory: string): Promise<void> {
  for (let current = directory; ; current = dirname(current)) {
    const info = await stat(current);
    const mayEnter =
      info.uid === account.uid ? (info.mode & 0o100) !== 0 : info.gid === account.gid ? (info.mode & 0o010) !== 0 : (info.mode & 0o001) !== 0;
    if (!mayEnter) {
      throw new Error(
        `Embedded PostgreSQL runs as the system user "${account.name}" (Tenantry runs as root), and that user cannot enter ${current} ` +
          `(mode ${(info.mode & 0o777).toString(8).padStart(4, "0")}). Allow it with \`chmod o+x ${current}\`, ` +
          "choose a --data-dir it can reach, or run Tenantry as a normal user.",
      );
    }
    if (dirname(current) === current) return;
  }
}
