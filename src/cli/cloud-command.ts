import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { startCloud } from "../cloud/cloud-server.ts";
import { DEMO_PASSWORD } from "../cloud/seed/demo-admins.ts";

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("must be a port number from 0 to 65535 (0 picks a free port).");
  return n;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("must be a positive number.");
  return n;
}

/** `tenantry cloud`: runs the local Microsoft cloud until SIGINT or SIGTERM. */
export function registerCloudCommand(program: Command): void {
  program
    .command("cloud")
    .description("Run the local Microsoft cloud (identity platform and Microsoft Graph) over HTTPS on localhost")
    .option("--port <n>", "port to listen on; 0 picks a free one", port, 0)
    .option("--data-dir <dir>", "keep state, keys and the CA here across restarts")
    .option("--seed <kind>", "demo: deterministic demo tenants; none: empty", "demo")
    .option("--time-scale <k>", "run the cloud's clock k times faster (throttling windows shrink)", positive, 1)
    .option("--no-throttling", "serve without Microsoft's identity throttling limits")
    .action(async (opts: { port: number; dataDir?: string; seed: string; timeScale: number; throttling: boolean }) => {
      if (opts.seed !== "demo" && opts.seed !== "none") throw new InvalidArgumentError("--seed must be demo or none.");
      const cloud = await startCloud({ port: opts.port, dataDir: opts.dataDir, seed: opts.seed, timeScale: opts.timeScale, throttling: opts.throttling });
      const demo = cloud.demo;
      const ready = {
        event: "ready",
        url: cloud.url,
        caCertPath: cloud.caCertPath,
        controlUrl: `${cloud.url}/_cloud`,
        ...(demo
          ? {
              app: { appId: demo.appId, clientSecret: demo.clientSecret, homeTenantId: demo.partnerTenantId },
              tenants: demo.tenants,
            }
          : {}),
      };
      process.stdout.write(`${JSON.stringify(ready)}\n`);
      if (demo) {
        const partner = demo.tenants.find((t) => t.consent === "home");
        process.stderr.write(
          `Local Microsoft cloud ready at ${cloud.url} (CA: ${cloud.caCertPath}).\n` +
            `Sign in as admin@${partner?.domain} (or admin@ any demo tenant) with the password ${DEMO_PASSWORD}.\n` +
            `Demo tenants: ${demo.tenants.map((t) => `${t.domain} (${t.consent})`).join(", ")}.\n`,
        );
      }
      const stop = async () => {
        await cloud.close();
        process.exit(0);
      };
      process.once("SIGINT", () => void stop());
      process.once("SIGTERM", () => void stop());
    });
}
