import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isCode } from "../secrets/private-file.ts";
import { isProcessAlive } from "./process-alive.ts";

const lockFileName = "tenantry.lock";

/**
 * One Tenantry process per data directory: two would share the local cloud's files and overwrite each
 * other's settings. A lock left by a process that died is taken over.
 */
export async function lockDataDirectory(dataDir: string): Promise<{ release(): Promise<void> }> {
  const path = join(dataDir, lockFileName);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, `${process.pid}\n`, { flag: "wx", mode: 0o644 });
      return { release: () => rm(path, { force: true }) };
    } catch (error) {
      if (!isCode(error, "EEXIST")) throw error;
      const holder = Number((await readFile(path, "utf8").catch(() => "")).trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isProcessAlive(holder)) {
        throw new Error(`Another Tenantry process (pid ${holder}) is using ${dataDir}. Stop it, or give this one its own --data-dir.`);
      }
      await rm(path, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}; remove ${path} if no Tenantry process is running.`);
}
