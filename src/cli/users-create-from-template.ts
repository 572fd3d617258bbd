// `tenantry users create-from-template`: a new user with a template's defaults, then its licences and groups.
// Each step is a run of its own; the CLI prints every step, and the generated password once.
import { randomUUID } from "node:crypto";
import { type Command, Option } from "commander";
import type { Onboarding, OnboardingStep } from "../actions/user-onboarding.ts";
import { type ActionOptions, withActionOptions } from "./action-call.ts";
import { apiErrorOf, sendApi } from "./api-client.ts";
import { formatRows } from "./output.ts";
import { readSecretFromStdin } from "./stdin-secret.ts";
import { terminalText } from "./terminal-text.ts";

interface CreateOptions extends ActionOptions {
  readonly template: string;
  readonly alias?: string;
  readonly upn?: string;
  readonly displayName: string;
  readonly givenName?: string;
  readonly surname?: string;
  readonly mailNickname?: string;
  readonly generatePassword?: boolean;
  readonly passwordStdin?: boolean;
}

type Answer = Onboarding & { readonly error?: { readonly code: string; readonly message: string; readonly fix?: string } };

const passwordLabel = "password (shown once, Tenantry keeps no copy)";

async function password(options: CreateOptions) {
  if (options.generatePassword) return { mode: "generate" as const };
  if (options.passwordStdin) return { mode: "custom" as const, value: await readSecretFromStdin() };
  throw new Error("Say how to set the first password: --generate-password (Tenantry makes one and shows it once) or --password-stdin.");
}

async function personOf(options: CreateOptions) {
  if (options.alias === undefined && options.upn === undefined) throw new Error("Name the new user: --alias <alias> (on the template's domain) or --upn <userPrincipalName>.");
  return {
    ...(options.alias !== undefined ? { alias: options.alias } : {}),
    ...(options.upn !== undefined ? { userPrincipalName: options.upn } : {}),
    displayName: options.displayName,
    ...(options.givenName !== undefined ? { givenName: options.givenName } : {}),
    ...(options.surname !== undefined ? { surname: options.surname } : {}),
    ...(options.mailNickname !== undefined ? { mailNickname: options.mailNickname } : {}),
    password: await password(options),
  };
}

function stepError(step: OnboardingStep) {
  return step.error ?? step.run?.error ?? undefined;
}

function note(step: OnboardingStep): string {
  if (step.state === "skipped") return "not run: the user was not created";
  const error = stepError(step);
  if (error) return [error.message, error.fix ? `Fix: ${error.fix}` : ""].filter(Boolean).join(" ");
  return step.replayed ? "the stored outcome of this idempotency key; nothing was run again" : "";
}

function stepRow(step: OnboardingStep) {
  return { step: step.action, state: step.state, target: step.run?.target?.display ?? step.run?.target?.id ?? "", note: note(step) };
}

function headline(answer: Answer): string {
  const user = `${answer.userPrincipalName}${answer.userId ? ` (${answer.userId})` : ""}`;
  if (answer.state === "succeeded") return `Succeeded: created ${user} from template ${answer.template.name}`;
  return `Partial: created ${user} from template ${answer.template.name}, but not every step succeeded`;
}

function failureText(answer: Answer): string {
  const first = answer.steps[0];
  const error = answer.error ?? (first ? stepError(first) : undefined) ?? { message: "The user was not created." };
  const state = first?.state === "refused" ? "Refused" : "Failed";
  return terminalText(`${state}: ${error.message}\n${"fix" in error && error.fix ? `Fix: ${error.fix}\n` : ""}`);
}

/** Prints the steps as `--output` says; a user that was not created is exit code 1 with the reason on stderr. */
function printOnboarding(options: CreateOptions, answer: Answer): void {
  const created = answer.state !== "failed";
  if (!created) {
    process.exitCode = 1;
    process.stderr.write(failureText(answer));
  }
  const secret = typeof answer.secret?.password === "string" ? answer.secret.password : undefined;
  if (options.output === "json") {
    process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    return;
  }
  if (options.output === "csv") {
    const rows = answer.steps.map((step) => ({ userPrincipalName: answer.userPrincipalName, userId: answer.userId, overall: answer.state, ...stepRow(step) }));
    process.stdout.write(formatRows("csv", rows));
    // Not a CSV cell: CSV defuses a leading = + - @ with a quote, which would change the password.
    if (secret) process.stderr.write(`${passwordLabel}: ${secret}\n`);
    return;
  }
  if (!created) return;
  const lines = [headline(answer), formatRows("table", answer.steps.map(stepRow)).trimEnd()];
  lines.push(`state: ${answer.state}`);
  if (secret) lines.push(`${passwordLabel}: ${secret}`);
  process.stdout.write(terminalText(`${lines.join("\n")}\n`));
}

/** Adds `create-from-template` to `tenantry users`. */
export function registerCreateFromTemplate(users: Command): void {
  withActionOptions(users.command("create-from-template").description("Create a user from a template: its defaults, then its licences and groups"), "write")
    .requiredOption("--template <name>", "the user template")
    .addOption(new Option("--alias <alias>", "user name before the @; the template's domain follows").conflicts("upn"))
    .addOption(new Option("--upn <userPrincipalName>", "full user name, alias@verified-domain").conflicts("alias"))
    .requiredOption("--display-name <name>", "display name")
    .option("--given-name <name>", "first name")
    .option("--surname <name>", "last name")
    .option("--mail-nickname <alias>", "mail alias (default: the user name's alias)")
    .addOption(new Option("--generate-password", "generate the first password and show it once").conflicts("passwordStdin"))
    .addOption(new Option("--password-stdin", "read the first password from standard input").conflicts("generatePassword"))
    .action(async (options: CreateOptions) => {
      const person = await personOf(options);
      const headers = { "X-Tenantry-Client": "cli", "Idempotency-Key": options.idempotencyKey ?? randomUUID() };
      const path = `/api/tenants/${encodeURIComponent(options.tenant)}/user-templates/${encodeURIComponent(options.template)}/create-user`;
      const { status, body } = await sendApi(options, "POST", path, person, headers);
      if (!Array.isArray(body.steps)) throw apiErrorOf(status, body);
      printOnboarding(options, body as unknown as Answer);
    });
}
