// `tenantry access check`: would an operator be allowed an action in a tenant, on a target, and why.
// Exits with 1 when the answer is no, so scripts can ask.
import { type Command, InvalidArgumentError, Option } from "commander";
import type { AccessCheckAnswer } from "../access/access-check.ts";
import { actionIds } from "../catalog/action-ids.ts";
import { callApi } from "./api-client.ts";
import { type ApiCommandOptions, withApiOptions } from "./common-options.ts";
import { formatRows } from "./output.ts";
import { terminalText } from "./terminal-text.ts";

interface CheckOptions extends ApiCommandOptions {
  readonly operator: string;
  readonly tenant: string;
  readonly action: string;
  readonly target?: string;
  readonly input?: Record<string, unknown>;
}

function jsonObject(value: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new InvalidArgumentError('expected the action\'s input as a JSON object, e.g. \'{"changes":{"jobTitle":"Engineer"}}\'.');
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new InvalidArgumentError("expected a JSON object.");
  return parsed as Record<string, unknown>;
}

function answerText(a: AccessCheckAnswer): string {
  const lines = [`${a.allowed ? "allowed" : "denied"}: ${a.reason}`, "", `${a.operator.userPrincipalName}, "${a.action.title}" (${a.action.id}) in ${a.tenant.name}${a.target ? ` on ${a.target.display}` : ""}`];
  if (a.target) lines.push(`  target's admin roles: ${a.target.adminRoles.join(", ") || "none"}${a.target.inRoleAssignableGroup ? "; in a role-assignable group" : ""}`);
  for (const step of a.steps) {
    lines.push(`  ${step.allowed ? "ok" : "NO"}  ${step.check}: ${step.reason}`);
    if (!step.allowed && step.rolesThatWould.length) lines.push(`      roles that would allow it: ${step.rolesThatWould.join(", ")}`);
  }
  for (const note of a.notes) lines.push(`  note: ${note}`);
  return terminalText(`${lines.join("\n")}\n`);
}

/** `tenantry access check`. */
export function registerAccessCommand(program: Command): void {
  const access = program.command("access").description("Operators' access to tenants and actions");
  withApiOptions(access.command("check").description("Decide, as a run would, whether an operator may run an action in a tenant (on a target), and why; exit code 1 when not"))
    .addOption(new Option("--operator <operator>", "the operator, by user name or id (an operator may check itself; others need Platform Administrator)").makeOptionMandatory())
    .addOption(new Option("--tenant <tenant>", "the customer tenant, by id or domain").makeOptionMandatory())
    .addOption(new Option("--action <action>", "the catalog action").choices(Object.values(actionIds)).makeOptionMandatory())
    .option("--target <user>", "the target user's user name or id: Microsoft's administrator tables apply when it is an administrator")
    .option("--input <json>", "the action's input as JSON, for properties that need role actions of their own", jsonObject)
    .action(async (options: CheckOptions) => {
      const body = { operator: options.operator, tenant: options.tenant, action: options.action, ...(options.target ? { target: options.target } : {}), ...(options.input ? { input: options.input } : {}) };
      const answer = await callApi<AccessCheckAnswer>(options, "POST", "/api/access/check", body);
      const row = { allowed: answer.allowed, operator: answer.operator.userPrincipalName, tenant: answer.tenant.name, action: answer.action.id, target: answer.target?.display ?? "", reason: answer.reason };
      process.stdout.write(options.output === "table" ? answerText(answer) : formatRows(options.output, [row], answer));
      if (!answer.allowed) process.exitCode = 1;
    });
}
