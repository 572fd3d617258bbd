import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import type { PlatformAppSummary } from "../tenants/platform-app-store.ts";
import { callApi } from "./api-client.ts";
import { type ApiCommandOptions, withApiOptions } from "./common-options.ts";
import { formatRows } from "./output.ts";

interface AppSetOptions extends ApiCommandOptions {
  readonly clientId: string;
  readonly homeTenant: string;
  readonly cloud: "global" | "usgov" | "china";
  readonly clientSecret?: string;
  readonly certificate?: string;
  readonly privateKey?: string;
}

function row(app: PlatformAppSummary) {
  return { clientId: app.clientId, homeTenant: app.homeTenant, cloud: app.cloud.url ?? app.cloud.kind, credential: app.credentialKind, thumbprint: app.certificateThumbprint, updated: app.updatedAt };
}

/** `tenantry app get|set`: Tenantry's multi-tenant application. The secret is read from the environment or a prompt-free flag and never printed. */
export function registerAppCommand(program: Command): void {
  const app = program.command("app").description("Tenantry's multi-tenant Entra application");
  withApiOptions(app.command("get").description("Show the application (never its credential)")).action(async (options: ApiCommandOptions) => {
    const summary = await callApi<PlatformAppSummary>(options, "GET", "/api/app");
    process.stdout.write(formatRows(options.output, [row(summary)], summary));
  });
  withApiOptions(
    app
      .command("set")
      .description("Set the application and its credential (a secret, or a certificate and its private key)")
      .requiredOption("--client-id <id>", "the application (client) id")
      .requiredOption("--home-tenant <tenant>", "the tenant the application is registered in")
      .option("--cloud <cloud>", "global, usgov or china", "global")
      .option("--client-secret <secret>", "the secret's value (or set TENANTRY_CLIENT_SECRET, which stays out of shell history)")
      .option("--certificate <file>", "PEM file of the certificate registered on the application")
      .option("--private-key <file>", "PEM file of the certificate's private key"),
  ).action(async (options: AppSetOptions) => {
    const secret = options.clientSecret ?? process.env.TENANTRY_CLIENT_SECRET;
    if (options.certificate && !options.privateKey) throw new Error("--certificate needs --private-key <file> with the certificate's private key.");
    const credential = options.certificate
      ? { kind: "certificate", certificatePem: await readFile(options.certificate, "utf8"), privateKeyPem: await readFile(options.privateKey ?? "", "utf8") }
      : secret
        ? { kind: "secret", clientSecret: secret }
        : undefined;
    if (!credential) throw new Error("Give --client-secret (or TENANTRY_CLIENT_SECRET), or --certificate with --private-key.");
    const summary = await callApi<PlatformAppSummary>(options, "PUT", "/api/app", { clientId: options.clientId, homeTenant: options.homeTenant, cloud: { kind: options.cloud }, credential });
    process.stdout.write(formatRows(options.output, [row(summary)], summary));
  });
}
