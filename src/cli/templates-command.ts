// `tenantry templates ...`: the user templates new users start from (defaults, licences, groups). The
// server checks every value with the schemas of the actions that apply them; the CLI only shapes the body.
import { type Command, InvalidArgumentError } from "commander";
import { templateProperties, type UserTemplate } from "../actions/user-template-schema.ts";
import { apiErrorOf, callApi, sendApi } from "./api-client.ts";
import { type ApiCommandOptions, withApiOptions } from "./common-options.ts";
import { formatRows } from "./output.ts";
import { terminalText } from "./terminal-text.ts";
import { kebab } from "./user-property-options.ts";

interface SetOptions extends ApiCommandOptions {
  readonly description?: string;
  readonly domain?: string;
  readonly usageLocation?: string;
  readonly property?: Readonly<Record<string, string>>;
  readonly license?: readonly { sku: string; disabledPlans: string[] }[];
  readonly group?: readonly string[];
  readonly disabled?: boolean;
  readonly forceChange: boolean;
}

const presettable = Object.keys(templateProperties.shape);

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** `--property department=Sales` (or `job-title=...`), repeatable; a property given twice is a mistake. */
function collectProperty(value: string, previous: Readonly<Record<string, string>> = {}): Record<string, string> {
  const at = value.indexOf("=");
  const name = camel(value.slice(0, Math.max(at, 0)).trim());
  if (at < 0 || !presettable.includes(name)) throw new InvalidArgumentError(`expected name=value, the name one of ${presettable.map(kebab).join(", ")}.`);
  if (name in previous) throw new InvalidArgumentError(`${kebab(name)} is given twice.`);
  return { ...previous, [name]: value.slice(at + 1) };
}

/** `--license SPE_E3` or `--license SPE_E3:YAMMER_ENTERPRISE,SWAY`: a licence and the plans to switch off. */
function collectLicense(value: string, previous: readonly { sku: string; disabledPlans: string[] }[] = []) {
  const at = value.indexOf(":");
  const sku = (at < 0 ? value : value.slice(0, at)).trim();
  const plans = at < 0 ? [] : value.slice(at + 1).split(",").map((p) => p.trim());
  if (!sku || plans.some((p) => !p)) throw new InvalidArgumentError("expected a licence, optionally followed by :plan,plan (the service plans to switch off).");
  return [...previous, { sku, disabledPlans: plans }];
}

function collect(value: string, previous: readonly string[] = []): string[] {
  return [...previous, value];
}

function bodyOf(options: SetOptions): Record<string, unknown> {
  return {
    ...(options.description !== undefined ? { description: options.description } : {}),
    ...(options.domain !== undefined ? { domain: options.domain } : {}),
    ...(options.usageLocation !== undefined ? { usageLocation: options.usageLocation } : {}),
    properties: options.property ?? {},
    ...(options.disabled ? { accountEnabled: false } : {}),
    ...(options.forceChange ? {} : { forceChangePasswordNextSignIn: false }),
    licenses: options.license ?? [],
    groups: options.group ?? [],
  };
}

function licenceText(licence: UserTemplate["licenses"][number]): string {
  return licence.disabledPlans.length ? `${licence.sku} (plans off: ${licence.disabledPlans.join(", ")})` : licence.sku;
}

function row(t: UserTemplate) {
  return {
    name: t.name,
    description: t.description ?? "",
    domain: t.domain ?? "",
    usageLocation: t.usageLocation ?? "",
    properties: Object.entries(t.properties).map(([k, v]) => `${k}=${v}`).join("; "),
    licences: t.licenses.map(licenceText).join("; "),
    groups: t.groups.join("; "),
    updatedAt: t.updatedAt,
  };
}

function details(t: UserTemplate): string {
  const lines = [`${t.name}${t.description ? `: ${t.description}` : ""}`, `  id: ${t.id}`];
  lines.push(`  domain: ${t.domain ?? "(none: each user needs a full user principal name)"}`);
  lines.push(`  usage location: ${t.usageLocation ?? "(none)"}`);
  lines.push(`  account: ${t.accountEnabled === false ? "blocked from sign-in at creation" : "enabled"}`);
  lines.push(`  password: ${t.forceChangePasswordNextSignIn === false ? "kept at first sign-in" : "changed at first sign-in"}`);
  const properties = Object.entries(t.properties);
  lines.push(`  properties:${properties.length ? "" : " (none)"}`);
  for (const [name, value] of properties) lines.push(`    ${name}: ${value}`);
  lines.push(`  licences:${t.licenses.length ? "" : " (none)"}`);
  for (const licence of t.licenses) lines.push(`    ${licenceText(licence)}`);
  lines.push(`  groups:${t.groups.length ? "" : " (none)"}`);
  for (const group of t.groups) lines.push(`    ${group}`);
  lines.push(`  updated: ${t.updatedAt}`);
  return terminalText(`${lines.join("\n")}\n`);
}

function print(options: ApiCommandOptions, template: UserTemplate): void {
  process.stdout.write(options.output === "table" ? details(template) : formatRows(options.output, [row(template)], template));
}

const path = (name: string) => `/api/user-templates/${encodeURIComponent(name)}`;

/** `tenantry templates list|get|set|remove`. */
export function registerTemplatesCommand(program: Command): void {
  const templates = program.command("templates").description("User templates: the defaults, licences and groups new users start from");

  withApiOptions(templates.command("list").description("List the user templates")).action(async (options: ApiCommandOptions) => {
    const { value } = await callApi<{ value: UserTemplate[] }>(options, "GET", "/api/user-templates");
    process.stdout.write(formatRows(options.output, value.map(row), value));
  });

  withApiOptions(templates.command("get <name>").description("Show a user template")).action(async (name: string, options: ApiCommandOptions) => {
    print(options, await callApi<UserTemplate>(options, "GET", path(name)));
  });

  withApiOptions(templates.command("set <name>").description("Create a user template, or replace all of its defaults"))
    .option("--description <text>", "what the template is for")
    .option("--domain <domain>", "domain of new users' names (alias@domain), e.g. contoso.onmicrosoft.com")
    .option("--usage-location <country>", "two-letter country code, e.g. DE; needed for licences")
    .option("--property <name=value>", `an organisation property (repeatable): ${presettable.map(kebab).join(", ")}`, collectProperty)
    .option("--license <licence[:plan,plan]>", "a licence by part number or id, with the service plans to switch off (repeatable)", collectLicense)
    .option("--group <groupId>", "a group new users join, by object id (repeatable)", collect)
    .option("--disabled", "create users blocked from sign-in")
    .option("--no-force-change", "do not make new users change their first password")
    .action(async (name: string, options: SetOptions) => {
      const { status, body } = await sendApi(options, "PUT", path(name), bodyOf(options));
      if (status !== 200 && status !== 201) throw apiErrorOf(status, body);
      if (options.output === "table") process.stdout.write(`${status === 201 ? "Created" : "Replaced"} template ${name}.\n`);
      print(options, body as unknown as UserTemplate);
    });

  withApiOptions(templates.command("remove <name>").description("Delete a user template (users made from it stay as they are)")).action(async (name: string, options: ApiCommandOptions) => {
    await callApi(options, "DELETE", path(name));
    process.stdout.write(options.output === "table" ? `Removed template ${name}.\n` : formatRows(options.output, [{ removed: name }]));
  });
}
