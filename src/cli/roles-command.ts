// `tenantry roles ...`: the roles an assignment may name, and what each lets an operator do in Tenantry.
import { type Command, Option } from "commander";
import type { RoleDetails, RoleSummary } from "../access/role-directory.ts";
import { callApi } from "./api-client.ts";
import { type ApiCommandOptions, withApiOptions } from "./common-options.ts";
import { formatRows } from "./output.ts";
import { terminalText } from "./terminal-text.ts";

interface ListOptions extends ApiCommandOptions {
  readonly kind?: RoleSummary["kind"];
  readonly usedByCatalog?: boolean;
}

function row(r: RoleSummary) {
  return { name: r.name, kind: r.kind, privileged: r.isPrivileged, usedByCatalog: r.usedByCatalog, id: r.id };
}

function detailsText(r: RoleDetails): string {
  const lines = [`${r.name} (${r.kind === "entra" ? "Entra built-in role" : r.kind === "custom" ? "custom role" : "Tenantry platform role"})`, `  id: ${r.id}`];
  if (r.description) lines.push(`  ${r.description}`);
  lines.push(`  privileged: ${r.isPrivileged ? "yes" : "no"}`);
  if (r.kind !== "platform") {
    lines.push(`  catalog actions it allows:${r.catalogActions.length ? "" : " (none)"}`);
    for (const a of r.catalogActions) lines.push(`    ${a.id}: ${a.title}${a.properties ? ` (properties: ${a.properties.join(", ") || "none"})` : ""}`);
    lines.push(`  role actions (${r.actions.length}):`);
    for (const action of r.actions) lines.push(`    ${action}`);
  }
  return terminalText(`${lines.join("\n")}\n`);
}

/** `tenantry roles list|get`. */
export function registerRolesCommand(program: Command): void {
  const roles = program.command("roles").description("Entra built-in roles, custom roles and Tenantry's platform roles");

  withApiOptions(roles.command("list").description("List the roles"))
    .addOption(new Option("--kind <kind>", "only built-in (entra), custom or platform roles").choices(["entra", "custom", "platform"]))
    .option("--used-by-catalog", "only roles that grant something Tenantry's actions need")
    .action(async (options: ListOptions) => {
      const { value } = await callApi<{ value: RoleSummary[] }>(options, "GET", "/api/roles");
      const shown = value.filter((r) => (!options.kind || r.kind === options.kind) && (!options.usedByCatalog || r.usedByCatalog));
      process.stdout.write(formatRows(options.output, shown.map(row), shown));
    });

  withApiOptions(roles.command("get <role>").description("Show a role (by name, template id or custom role id) with its actions and the catalog actions it allows")).action(
    async (role: string, options: ApiCommandOptions) => {
      const details = await callApi<RoleDetails>(options, "GET", `/api/roles/${encodeURIComponent(role)}`);
      process.stdout.write(options.output === "table" ? detailsText(details) : formatRows(options.output, [row(details)], details));
    },
  );
}
