import { resolve } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import { defaultBulkConcurrency } from "../jobs/bulk/start-bulk-jobs.ts";
import { startWorker } from "../server/worker.ts";
import { defaultDataDir } from "./common-options.ts";

function concurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError("must be a whole number from 1 to 64.");
  return n;
}

/** `tenantry worker`: runs queued work (bulk items, directory sync, consent checks) beside one or more `tenantry serve`. */
export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description("Run Tenantry's queued work (bulk jobs, directory sync, consent checks) without the API; start as many as you like against one database")
    .option("--database-url <url>", "the PostgreSQL serve uses (else DATABASE_URL, else the embedded one of a serve running with --data-dir)")
    .option("--data-dir <dir>", "serve's data directory: its secret key (unless TENANTRY_SECRET_KEY is set) and embedded PostgreSQL", defaultDataDir)
    .option("--concurrency <n>", "bulk items this worker runs at once", concurrency, defaultBulkConcurrency)
    .option("--public-url <url>", "Tenantry's address, for consent links in messages", process.env.TENANTRY_URL ?? "http://localhost:3000")
    .action(async (options: { databaseUrl?: string; dataDir: string; concurrency: number; publicUrl: string }) => {
      const log = (line: string) => process.stderr.write(`${line}\n`);
      let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        await worker?.close();
        process.exit(0);
      };
      for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop());
      worker = await startWorker({ dataDir: resolve(options.dataDir), concurrency: options.concurrency, publicUrl: options.publicUrl, log, ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}) });
      if (stopping) {
        await worker.close();
        process.exit(0);
      }
      process.stdout.write(`Tenantry worker ${worker.instanceId} is running (${options.concurrency} bulk items at once).\n`);
    });
}
