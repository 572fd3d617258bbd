import { resolve } from "node:path";
import type { Command } from "commander";
import { DEMO_PASSWORD } from "../cloud/seed/demo-admins.ts";
import { type RunningPlatform, startPlatform } from "../server/platform.ts";
import { defaultDataDir, port } from "./common-options.ts";

/** `tenantry serve`: the API and its database; with no Microsoft cloud configured, the local cloud's demo too. */
export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("Run Tenantry: API, database and, until a Microsoft cloud is configured, the local cloud with demo tenants")
    .option("--port <n>", "port of the API and console", port, 3000)
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--data-dir <dir>", "where Tenantry keeps its database, keys and the local cloud", defaultDataDir)
    .option("--public-url <url>", "the address browsers use to reach Tenantry (for consent redirects)")
    .action(async (options: { port: number; host: string; dataDir: string; publicUrl?: string }) => {
      const started = Date.now();
      const log = (line: string) => process.stderr.write(`${line}\n`);
      // Signal handlers go in first: a signal during start-up must still stop PostgreSQL and the local cloud,
      // and a second signal during shutdown must not kill the process halfway.
      let platform: RunningPlatform | undefined;
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        await platform?.close();
        process.exit(0);
      };
      for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop());
      platform = await startPlatform({ dataDir: resolve(options.dataDir), port: options.port, host: options.host, log, ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) });
      if (stopping) {
        await platform.close();
        process.exit(0);
      }
      const lines = [`Tenantry is running at ${platform.url} (started in ${((Date.now() - started) / 1000).toFixed(1)} s).`];
      if (!platform.demo) lines.push(`Console: open ${platform.url}/ and sign in with your work account.`);
      if (platform.adminTokenPath) lines.push(`An API token for the CLI and API was written to ${platform.adminTokenPath} (readable by you only).`);
      if (platform.demo) {
        lines.push(`Demo: the local Microsoft cloud runs at ${platform.demo.cloud.url} with tenants ${platform.demo.tenants.map((t) => `${t.domain} (${t.consent})`).join(", ")}.`);
        lines.push(`Console: open ${platform.url}/ and sign in as admin@tenantrypartners.onmicrosoft.com (Platform Administrator), tech1@ or tech2@ (technicians) or auditor@, password ${DEMO_PASSWORD}`);
        lines.push("Try: npx tenantry tenants list    (the CLI uses the bootstrap operator's API token)");
      }
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}
