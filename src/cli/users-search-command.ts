import { type Command, InvalidArgumentError, Option } from "commander";
import entraRoles from "../../data/entra-roles.json" with { type: "json" };
import { entraRoleByTemplateId } from "../catalog/entra-role-data.ts";
import { maxSearchLimit, type UserSearchPage, type UserSearchRow, userSearchSorts } from "../directory/search-query.ts";
import { callApi } from "./api-client.ts";
import { type ApiCommandOptions, withApiOptions } from "./common-options.ts";
import { formatRows } from "./output.ts";

interface SearchOptions extends ApiCommandOptions {
  readonly tenant?: string;
  readonly enabled?: boolean;
  readonly disabled?: boolean;
  readonly licensed?: boolean;
  readonly unlicensed?: boolean;
  readonly sku?: string;
  readonly synced?: boolean;
  readonly cloudOnly?: boolean;
  readonly guest?: boolean;
  readonly member?: boolean;
  readonly admin?: string | true;
  readonly deleted?: boolean;
  readonly sort: string;
  readonly desc?: boolean;
  readonly limit: number;
  readonly cursor?: string;
}

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function pageSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > maxSearchLimit) throw new InvalidArgumentError(`must be a whole number from 1 to ${maxSearchLimit}.`);
  return n;
}

/** A built-in role by template id or display name ("Helpdesk Administrator"). */
function roleTemplateId(value: string): string {
  if (guidPattern.test(value)) return value.toLowerCase();
  const role = entraRoles.find((r) => r.displayName.toLowerCase() === value.trim().toLowerCase());
  if (!role) throw new InvalidArgumentError("must be a built-in role's name, such as \"Helpdesk Administrator\", or its template id.");
  return role.templateId;
}

function flagPair(command: Command, yes: string, no: string, yesText: string, noText: string): Command {
  return command.addOption(new Option(`--${yes}`, yesText).conflicts(no)).addOption(new Option(`--${no}`, noText).conflicts(yes));
}

/** true, false or nothing from a pair of exclusive flags, as the API's query takes it. */
function either(yes: boolean | undefined, no: boolean | undefined): string | undefined {
  return yes ? "true" : no ? "false" : undefined;
}

function query(text: string | undefined, options: SearchOptions): string {
  const values: Record<string, string | undefined> = {
    q: text,
    tenant: options.tenant,
    enabled: either(options.enabled, options.disabled),
    licensed: either(options.licensed, options.unlicensed),
    sku: options.sku,
    synced: either(options.synced, options.cloudOnly),
    guest: either(options.guest, options.member),
    adminRole: options.admin === undefined ? undefined : options.admin === true ? "any" : options.admin,
    deleted: options.deleted ? "true" : undefined,
    sort: options.sort,
    order: options.desc ? "desc" : "asc",
    limit: String(options.limit),
    cursor: options.cursor,
  };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) params.set(key, value);
  return params.toString();
}

function row(u: UserSearchRow) {
  return {
    tenant: u.tenantName,
    displayName: u.displayName,
    userPrincipalName: u.userPrincipalName,
    enabled: u.accountEnabled,
    type: u.userType,
    synced: u.synced,
    licences: u.licenses.join("; "),
    adminRoles: u.adminRoleIds.map((id) => entraRoleByTemplateId(id)?.displayName ?? id).join("; "),
    deleted: u.deletedAt ?? "",
    id: u.id,
  };
}

/** `tenantry users search`: users across every tenant the operator sees, from the directory cache. */
export function registerUsersSearchCommand(users: Command): void {
  const search = withApiOptions(users.command("search [text]").description("Search users across the tenants you see, from the directory cache"))
    .option("--tenant <tenant>", "only this tenant (id or domain)")
    .option("--sku <part number>", "only users licensed with this SKU (part number such as SPE_E3, or SKU id)")
    .option("--admin [role]", "only holders of a directory role; or of this one (name or template id)", roleTemplateId)
    .option("--deleted", "only users among the deleted items");
  flagPair(search, "enabled", "disabled", "only users who can sign in", "only blocked users");
  flagPair(search, "licensed", "unlicensed", "only users with a licence", "only users without one");
  flagPair(search, "synced", "cloud-only", "only users synced from on-premises Active Directory", "only cloud users");
  flagPair(search, "guest", "member", "only guests", "only members");
  search
    .addOption(new Option("--sort <sort>", "sort by").choices(userSearchSorts).default("displayName"))
    .option("--desc", "in descending order")
    .option("--limit <n>", `users on the page (1-${maxSearchLimit})`, pageSize, 100)
    .option("--cursor <cursor>", "the next cursor printed after the previous page")
    .action(async (text: string | undefined, options: SearchOptions) => {
      const page = await callApi<UserSearchPage>(options, "GET", `/api/users/search?${query(text, options)}`);
      process.stdout.write(formatRows(options.output, page.value.map(row), page));
      if (page.nextCursor && options.output === "table") process.stderr.write(`More: add --cursor ${page.nextCursor}\n`);
    });
}
