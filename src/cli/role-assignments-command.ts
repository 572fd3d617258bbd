// `tenantry role-assignments ...`: who holds which role, where.
import { type Command, Option } from "commander";
import type { AssignmentView } from "../access/assignment-views.ts";
import { apiErrorOf, callApi, sendApi } from "./api-client.ts";
import { type ApiCommandOptions, withApiOptions } from "./common-options.ts";
import { formatRows } from "./output.ts";
import { terminalText } from "./terminal-text.ts";

interface ListOptions extends ApiCommandOptions {
  readonly operator?: string;
}

interface AddOptions extends ApiCommandOptions {
  readonly operator?: string;
  readonly group?: string;
  readonly role: string;
  readonly tenant?: string;
  readonly tenantGroup?: string;
  readonly allTenants?: boolean;
  readonly allTenantsExcept?: readonly string[];
}

function row(a: AssignmentView) {
  return {
    principal: a.principal.kind === "operator" ? (a.principal.name ?? a.principal.id) : `group ${a.principal.id}`,
    role: a.role.name,
    scope: a.scope.display,
    createdAt: a.createdAt,
    id: a.id,
  };
}

const tenantList = (value: string) => value.split(",").map((t) => t.trim()).filter(Boolean);

function scopeOf(options: AddOptions) {
  if (options.tenant) return { tenant: options.tenant };
  if (options.tenantGroup) return { tenantGroup: options.tenantGroup };
  if (options.allTenants) return { all: true };
  if (options.allTenantsExcept) return { allExcept: options.allTenantsExcept };
  throw new Error("Say where: --tenant <t>, --tenant-group <name>, --all-tenants or --all-tenants-except <t,...>.");
}

function principalOf(options: AddOptions) {
  if (options.operator) return { operator: options.operator };
  if (options.group) return { group: options.group };
  throw new Error("Say who: --operator <user name or id>, or --group <Entra group object id>.");
}

/** Mutually exclusive options: each conflicts with the others. */
function oneOf(command: Command, options: readonly Option[]): Command {
  for (const option of options) command.addOption(option.conflicts(options.filter((o) => o !== option).map((o) => o.attributeName())));
  return command;
}

/** `tenantry role-assignments list|add|remove`. */
export function registerRoleAssignmentsCommand(program: Command): void {
  const assignments = program.command("role-assignments").description("Who holds which role in which tenants (needs Platform Administrator)");

  withApiOptions(assignments.command("list").description("List role assignments"))
    .option("--operator <operator>", "only what this operator holds (directly or through its groups)")
    .action(async (options: ListOptions) => {
      const query = options.operator ? `?operator=${encodeURIComponent(options.operator)}` : "";
      const { value } = await callApi<{ value: AssignmentView[] }>(options, "GET", `/api/role-assignments${query}`);
      process.stdout.write(formatRows(options.output, value.map(row), value));
    });

  const add = withApiOptions(assignments.command("add").description("Assign a role to an operator or an Entra group, in one tenant, a tenant group, all tenants or all but some"));
  oneOf(add, [new Option("--operator <operator>", "the operator, by user name or id"), new Option("--group <id>", "an Entra security group of the MSP's tenant, by object id")]);
  add.addOption(new Option("--role <role>", "a built-in role's name or template id, a custom role, platform-administrator or auditor").makeOptionMandatory());
  oneOf(add, [
    new Option("--tenant <tenant>", "one tenant, by id or domain"),
    new Option("--tenant-group <name>", "every tenant of a tenant group"),
    new Option("--all-tenants", "every tenant, present and future"),
    new Option("--all-tenants-except <tenants>", "every tenant but these (comma-separated)").argParser(tenantList),
  ]);
  add.action(async (options: AddOptions) => {
    const body = { principal: principalOf(options), role: options.role, scope: scopeOf(options) };
    const { status, body: answer } = await sendApi(options, "POST", "/api/role-assignments", body, { "X-Tenantry-Client": "cli" });
    if (status !== 201) throw apiErrorOf(status, answer);
    const assignment = answer as unknown as AssignmentView;
    const text = `Assigned ${assignment.role.name} to ${row(assignment).principal} in ${assignment.scope.display} (${assignment.id}).\n`;
    process.stdout.write(options.output === "table" ? terminalText(text) : formatRows(options.output, [row(assignment)], assignment));
  });

  withApiOptions(assignments.command("remove <id>").description("Remove a role assignment by id")).action(async (id: string, options: ApiCommandOptions) => {
    const { status, body } = await sendApi(options, "DELETE", `/api/role-assignments/${encodeURIComponent(id)}`, undefined, { "X-Tenantry-Client": "cli" });
    if (status !== 204) throw apiErrorOf(status, body);
    process.stdout.write(options.output === "table" ? `Removed role assignment ${id}.\n` : formatRows(options.output, [{ removed: id }]));
  });
}
