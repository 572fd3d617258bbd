// `tenantry operators ...`: the MSP's technicians who use Tenantry, and what they hold.
import type { Command } from "commander";
import type { OperatorDetails } from "../access/operators-admin.ts";
import type { Operator } from "../access/operators-store.ts";
import { apiErrorOf, callApi, sendApi } from "./api-client.ts";
import { type ApiCommandOptions, withApiOptions } from "./common-options.ts";
import { formatRows } from "./output.ts";
import { terminalText } from "./terminal-text.ts";

interface AddOptions extends ApiCommandOptions {
  readonly displayName?: string;
}

function row(o: Operator) {
  return { userPrincipalName: o.userPrincipalName, displayName: o.displayName ?? "", kind: o.kind, signedIn: o.entraObjectId !== null, groups: o.groupIds.length, createdAt: o.createdAt, id: o.id };
}

function detailsText(o: OperatorDetails): string {
  const lines = [`${o.userPrincipalName}${o.displayName ? ` (${o.displayName})` : ""}`, `  id: ${o.id}`, `  kind: ${o.kind}`];
  lines.push(`  signed in: ${o.entraObjectId ? `yes, as ${o.entraObjectId} in ${o.entraTenantId}` : "not yet"}`);
  if (o.groupIds.length) lines.push(`  Entra groups at last sign-in: ${o.groupIds.join(", ")}`);
  lines.push(`  role assignments:${o.roleAssignments.length ? "" : " (none)"}`);
  for (const a of o.roleAssignments) lines.push(`    ${a.role.name} in ${a.scope.display}${a.principal.kind === "group" ? ` (through group ${a.principal.id})` : ""}  [${a.id}]`);
  lines.push(`  API tokens:${o.tokens.length ? "" : " (none)"}`);
  for (const t of o.tokens) {
    const state = t.revokedAt ? `revoked ${t.revokedAt}` : t.expiresAt ? `expires ${t.expiresAt}` : "never expires";
    lines.push(`    ${t.name}: ${t.scopes.join(", ")}; ${state}  [${t.id}]`);
  }
  return terminalText(`${lines.join("\n")}\n`);
}

const path = (operator: string) => `/api/operators/${encodeURIComponent(operator)}`;

/** `tenantry operators list|add|get|remove`. */
export function registerOperatorsCommand(program: Command): void {
  const operators = program.command("operators").description("Operators: the technicians who use Tenantry (needs Platform Administrator)");

  withApiOptions(operators.command("list").description("List the operators")).action(async (options: ApiCommandOptions) => {
    const { value } = await callApi<{ value: Operator[] }>(options, "GET", "/api/operators");
    process.stdout.write(formatRows(options.output, value.map(row), value));
  });

  withApiOptions(operators.command("add <userPrincipalName>").description("Add an operator by the user name it signs in with (in the MSP's own tenant)"))
    .option("--display-name <name>", "the name shown until its first sign-in")
    .action(async (userPrincipalName: string, options: AddOptions) => {
      const { status, body } = await sendApi(options, "POST", "/api/operators", { userPrincipalName, ...(options.displayName ? { displayName: options.displayName } : {}) }, { "X-Tenantry-Client": "cli" });
      if (status !== 201) throw apiErrorOf(status, body);
      const operator = body as unknown as Operator;
      process.stdout.write(options.output === "table" ? terminalText(`Added operator ${operator.userPrincipalName} (${operator.id}). Give it roles with \`tenantry role-assignments add\`.\n`) : formatRows(options.output, [row(operator)], operator));
    });

  withApiOptions(operators.command("get <operator>").description("Show an operator (by user name or id) with its role assignments and API tokens")).action(async (operator: string, options: ApiCommandOptions) => {
    const details = await callApi<OperatorDetails>(options, "GET", path(operator));
    process.stdout.write(options.output === "table" ? detailsText(details) : formatRows(options.output, [row(details)], details));
  });

  withApiOptions(operators.command("remove <operator>").description("Remove an operator with its API tokens and role assignments")).action(async (operator: string, options: ApiCommandOptions) => {
    const { status, body } = await sendApi(options, "DELETE", path(operator), undefined, { "X-Tenantry-Client": "cli" });
    if (status !== 204) throw apiErrorOf(status, body);
    process.stdout.write(options.output === "table" ? terminalText(`Removed operator ${operator}.\n`) : formatRows(options.output, [{ removed: operator }]));
  });
}
