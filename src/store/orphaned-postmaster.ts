import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { isProcessAlive } from "./process-alive.ts";

async function exited(pid: number, withinMs: number): Promise<boolean> {
  for (const deadline = Date.now() + withinMs; Date.now() < deadline; await sleep(100)) if (!isProcessAlive(pid)) return true;
  return !isProcessAlive(pid);
}

/**
 * A PostgreSQL left running on this cluster by a Tenantry process that was killed (SIGKILL, out of memory):
 * PostgreSQL outlives its parent, and would keep the cluster from starting. Only for a caller that holds the
 * data directory's lock, so that no live Tenantry owns it; it is stopped (fast shutdown, then immediate).
 */
export async function stopOrphanedPostmaster(clusterDirectory: string, log: (line: string) => void): Promise<void> {
  const pidFile = await readFile(join(clusterDirectory, "postmaster.pid"), "utf8").catch(() => undefined);
  const pid = Number(pidFile?.split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return;
  const commandLine = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  // A reused pid that is not this cluster's postmaster is left alone.
  if (!commandLine.includes("postgres") || !commandLine.includes(clusterDirectory)) return;
  log(`Stopping the PostgreSQL (pid ${pid}) left running in ${clusterDirectory} by a Tenantry process that was killed.`);
  process.kill(pid, "SIGINT");
  if (await exited(pid, 15_000)) return;
  process.kill(pid, "SIGQUIT");
  if (!(await exited(pid, 5_000))) throw new Error(`The PostgreSQL (pid ${pid}) left running in ${clusterDirectory} does not stop; stop it, then start Tenantry again.`);
}
