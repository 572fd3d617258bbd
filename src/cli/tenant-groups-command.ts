// `tenantry tenant-groups ...`: named sets of tenants that role assignments may be scoped to.
import type { Command } from "commander";
import type { TenantGroupView } from "../access/tenant-groups-admin.ts";
import { apiErrorOf, callApi, sendApi } from "./api-client.ts";
import { type ApiCommandOptions, withApiOptions } from "./common-options.ts";
import { formatRows } from "./output.ts";
import { terminalText } from "./terminal-text.ts";

interface SetOptions extends ApiCommandOptions {
  readonly tenant?: readonly string[];
}

function row(g: TenantGroupView) {
  return { name: g.name, tenants: g.tenants.map((t) => t.name).join("; "), id: g.id };
}

const collect = (value: string, previous: readonly string[] = []) => [...previous, value];
const path = (name: string) => `/api/tenant-groups/${encodeURIComponent(name)}`;
const cli = { "X-Tenantry-Client": "cli" };

/** `tenantry tenant-groups list|set|remove`. */
export function registerTenantGroupsCommand(program: Command): void {
  const groups = program.command("tenant-groups").description("Named sets of tenants for role assignments (needs Platform Administrator)");

  withApiOptions(groups.command("list").description("List the tenant groups with their tenants")).action(async (options: ApiCommandOptions) => {
    const { value } = await callApi<{ value: TenantGroupView[] }>(options, "GET", "/api/tenant-groups");
    process.stdout.write(formatRows(options.output, value.map(row), value));
  });

  withApiOptions(groups.command("set <name>").description("Create a tenant group, or replace its tenants"))
    .option("--tenant <tenant>", "a connected tenant, by id or domain (repeatable)", collect)
    .action(async (name: string, options: SetOptions) => {
      const { status, body } = await sendApi(options, "PUT", path(name), { tenants: options.tenant ?? [] }, cli);
      if (status !== 200 && status !== 201) throw apiErrorOf(status, body);
      const group = body as unknown as TenantGroupView;
      const text = `${status === 201 ? "Created" : "Replaced"} tenant group ${group.name}: ${group.tenants.map((t) => t.name).join(", ") || "(no tenants)"}.\n`;
      process.stdout.write(options.output === "table" ? terminalText(text) : formatRows(options.output, [row(group)], group));
    });

  withApiOptions(groups.command("remove <name>").description("Delete a tenant group no role assignment is scoped to")).action(async (name: string, options: ApiCommandOptions) => {
    const { status, body } = await sendApi(options, "DELETE", path(name), undefined, cli);
    if (status !== 204) throw apiErrorOf(status, body);
    process.stdout.write(options.output === "table" ? terminalText(`Removed tenant group ${name}.\n`) : formatRows(options.output, [{ removed: name }]));
  });
}
