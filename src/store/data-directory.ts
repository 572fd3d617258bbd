import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";

export function runningAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * Creates Tenantry's data directory (and missing parents) if absent, and returns its absolute path.
 * New directories are private to the current user; as root they are also traversable (0711) by
 * the `postgres` system user that embedded PostgreSQL runs as, but not listable. Directories that
 * already exist are left as they are.
 */
export async function ensureDataDirectory(dataDir: string): Promise<string> {
  const absolute = resolve(dataDir);
  await mkdir(absolute, { recursive: true, mode: runningAsRoot() ? 0o711 : 0o700 });
  return absolute;
}
