import type { Command } from "commander";
import type { TenantConnection } from "../tenants/connections-store.ts";
import { callApi } from "./api-client.ts";
import { type ApiCommandOptions, withApiOptions } from "./common-options.ts";
import { formatRows } from "./output.ts";

function row(t: TenantConnection) {
  const state = (module: string) => t.lastCheck?.modules.find((m) => m.module === module)?.state ?? "unchecked";
  return {
    tenant: t.displayName ?? "",
    domain: t.defaultDomain ?? "",
    tenantId: t.tenantId,
    reporting: state("reporting"),
    management: state("management"),
    checked: t.lastCheckAt ?? "",
  };
}

function details(t: TenantConnection): string {
  const lines = [`${t.displayName ?? t.defaultDomain ?? t.tenantId} (${t.tenantId})`, `  domains: ${t.verifiedDomains.join(", ") || t.defaultDomain || "-"}`];
  if (t.lastCheck?.tokenFailure) lines.push(`  token: ${t.lastCheck.tokenFailure.message}`);
  for (const module of t.lastCheck?.modules ?? []) {
    lines.push(`  ${module.title}: ${module.state}`);
    for (const feature of module.features.filter((f) => !f.available && (f.missingPermissions.length || f.missingRoles.length))) {
      const missing = [...feature.missingPermissions, ...feature.missingRoles.map((r) => `role ${r.displayName}`)].join(", ");
      lines.push(`    - ${feature.title}: missing ${missing}`);
    }
    for (const fix of module.fixes) lines.push(`    fix: ${fix}`);
  }
  return `${lines.join("\n")}\n`;
}

function print(options: ApiCommandOptions, tenant: TenantConnection): void {
  process.stdout.write(options.output === "table" ? details(tenant) : formatRows(options.output, [row(tenant)], tenant));
}

/** `tenantry tenants list|add|get|check|remove|consent`. */
export function registerTenantsCommand(program: Command): void {
  const tenants = program.command("tenants").description("Connected customer tenants and their consent health");
  withApiOptions(tenants.command("list").description("List connected tenants")).action(async (options: ApiCommandOptions) => {
    const { value } = await callApi<{ value: TenantConnection[] }>(options, "GET", "/api/tenants");
    process.stdout.write(formatRows(options.output, value.map(row), value));
  });
  withApiOptions(tenants.command("add <tenant>").description("Connect a tenant by id or domain")).action(async (tenant: string, options: ApiCommandOptions) => {
    print(options, await callApi<TenantConnection>(options, "POST", "/api/tenants", { tenant }));
  });
  withApiOptions(tenants.command("get <tenant>").description("Show a tenant and what works there")).action(async (tenant: string, options: ApiCommandOptions) => {
    print(options, await callApi<TenantConnection>(options, "GET", `/api/tenants/${encodeURIComponent(tenant)}`));
  });
  withApiOptions(tenants.command("check <tenant>").description("Check a tenant's consent health now")).action(async (tenant: string, options: ApiCommandOptions) => {
    print(options, await callApi<TenantConnection>(options, "POST", `/api/tenants/${encodeURIComponent(tenant)}/check`));
  });
  withApiOptions(tenants.command("remove <tenant>").description("Disconnect a tenant")).action(async (tenant: string, options: ApiCommandOptions) => {
    await callApi(options, "DELETE", `/api/tenants/${encodeURIComponent(tenant)}`);
    process.stdout.write(`Disconnected ${tenant}. Its consent in Entra stays until an administrator removes the enterprise application.\n`);
  });
  withApiOptions(tenants.command("consent [tenant]").description("Get the admin consent link for a customer's administrator")).action(async (tenant: string | undefined, options: ApiCommandOptions) => {
    const result = await callApi<{ consentUrl: string; expiresAt: string }>(options, "POST", "/api/tenants/consent", tenant ? { tenant } : {});
    process.stdout.write(options.output === "table" ? `${result.consentUrl}\n(valid until ${result.expiresAt})\n` : formatRows(options.output, [result], result));
  });
}
