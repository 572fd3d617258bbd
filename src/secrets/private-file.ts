import { randomBytes } from "node:crypto";
import { link, readFile, stat, unlink, writeFile } from "node:fs/promises";

/**
 * Creates `path` with `content`, readable and writable by its owner only (0600), unless the file
 * already exists. The file appears complete or not at all (written aside, then hard-linked into
 * place), so a concurrent starter never reads a half-written secret.
 * Returns false when the file already existed; its content is then left untouched.
 */
export async function createPrivateFile(path: string, content: string): Promise<boolean> {
  const staging = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(staging, content, { mode: 0o600, flag: "wx" });
  try {
    await link(staging, path);
    return true;
  } catch (error) {
    if (isCode(error, "EEXIST")) return false;
    throw error;
  } finally {
    await unlink(staging);
  }
}

/**
 * Reads a file that holds a secret, refusing it when group or others may read or write it.
 * `what` names the file's purpose in error messages ("the secret key file").
 */
export async function readPrivateFile(path: string, what: string): Promise<string> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`${what} ${path} is not a regular file.`);
  if ((info.mode & 0o077) !== 0) {
    const mode = (info.mode & 0o777).toString(8).padStart(4, "0");
    throw new Error(
      `${what} ${path} is accessible to other users (mode ${mode}). ` +
        `Make it private with: chmod 600 ${shellQuote(path)}`,
    );
  }
  return readFile(path, "utf8");
}

export function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && "code" in error && error.code === code;
}

function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}
