// docs/permissions.md, rendered from the catalog (scripts/generate-permissions-doc.ts writes it; a test keeps the
// committed file equal to this output).
import type { ActionId } from "./action-ids.ts";
import { actionById } from "./catalog.ts";
import { compareManagementWith365Tune } from "./compared-with-365tune.ts";
import { entraRoleByTemplateId } from "./entra-role-data.ts";
import type { ModuleId } from "./module-ids.ts";
import { moduleManifest, moduleOrder, modules } from "./modules.ts";
import { permissionsNotRequested, servicePrincipalRolesNotRequested } from "./not-requested.ts";
import { type ExplainedFeature, type ExplainedPermission, explainPermissions, explainServicePrincipalRoles } from "./permissions-explain.ts";

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
const code = (text: string) => `\`${text}\``;
const anchor = (name: string) => `#${name.toLowerCase().replace(/[^a-z0-9 -]/g, "").replaceAll(" ", "-")}`;
const featureList = (features: readonly ExplainedFeature[]) => features.map((f) => `${f.title} (${code(f.id)})`);
const moduleTitles = (ids: readonly ModuleId[]) => ids.map((id) => modules[id].title).join(", ");
const sentence = (text: string) => (text.endsWith(".") ? text : `${text}.`);
const titles = (ids: readonly ActionId[]) => ids.map((id) => actionById(id).title).join(", ");
const privilege = (level: number | undefined) => (level === undefined ? "not rated" : `${level} of 5`);

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`)];
}

function intro(): string[] {
  return [
    "# Permissions explained",
    "",
    "<!-- Generated from src/catalog by `npm run permissions-doc`. Do not edit by hand: a test compares this file with the catalog. -->",
    "",
    "Tenantry connects to each customer tenant as one multi-tenant application. An admin of the tenant grants it",
    "Microsoft Graph **application permissions** (they act without a signed-in user, tenant-wide) and, for a few",
    "features, a directory role for its service principal. This page lists every permission and role Tenantry asks for,",
    "why, and which features use it. It is generated from the action catalog, the same declarations the product",
    "runs, so it cannot drift from what the product does.",
    "",
    "- **Least privilege.** Every Graph request Tenantry makes is declared with the least privileged application",
    "  permission Microsoft accepts for it; where Tenantry chooses another one, the catalog says why (see each",
    "  permission below). A module asks for the permissions of its features and nothing else.",
    "- **Partial consent.** If an admin withholds a permission, only the features that need it stop; the consent",
    "  check names them, says which permission or role is missing and how to grant it. Where the tenant granted another",
    "  permission Microsoft also accepts for a request (listed under each permission), the feature keeps working.",
    "- **People and the app.** The app's permissions bound what Tenantry can do in a tenant; what each technician may",
    "  do is bounded again by the Entra roles Tenantry gives them for that tenant, with Microsoft's own rules for",
    "  administrators as targets.",
    "",
  ];
}

function moduleSection(permissions: readonly ExplainedPermission[]): string[] {
  const lines = ["## Modules", ""];
  for (const module of moduleOrder) {
    const info = modules[module];
    const manifest = moduleManifest(module);
    const explained = new Map(permissions.map((p) => [p.name, p]));
    lines.push(`### ${info.title}`, "", info.description);
    if (info.includes.length > 0) lines.push("", `Includes everything ${moduleTitles(info.includes)} needs.`);
    lines.push(
      "",
      ...table(
        ["Permission", "Microsoft's name", "Privilege", "Features"],
        manifest.permissions.map((p) => [
          `[${code(p.name)}](${anchor(p.name)})`,
          explained.get(p.name)?.displayName ?? p.name,
          privilege(explained.get(p.name)?.privilegeLevel),
          titles(p.features),
        ]),
      ),
      "",
    );
    if (manifest.servicePrincipalRoles.length > 0) {
      lines.push(
        "Directory roles for the service principal:",
        "",
        ...table(
          ["Role", "Features"],
          manifest.servicePrincipalRoles.map((r) => [r.displayName, titles(r.features)]),
        ),
        "",
      );
    }
  }
  return lines;
}

function permissionSection(p: ExplainedPermission): string[] {
  const lines = [`### ${p.name}`, "", `**${sentence(p.displayName)}** Microsoft: *${p.description}*`, ""];
  lines.push(`- Privilege level (Microsoft's rating): ${privilege(p.privilegeLevel)}`);
  lines.push(`- Modules: ${moduleTitles(p.modules)}`);
  lines.push("", "Why Tenantry needs it:", "", ...p.why.map((w) => `- ${w}`));
  if (p.notLeastBecause.length > 0) {
    lines.push("", "Where Microsoft marks another permission least, why this one:", "", ...p.notLeastBecause.map((w) => `- ${w}`));
  }
  lines.push("", "Features:", "", ...featureList(p.features).map((f) => `- ${f}`));
  lines.push("", "Graph requests (and the other permissions Microsoft accepts for them):", "");
  for (const r of p.requests) {
    lines.push(`- ${code(r.request)}${r.alsoAcceptedWith.length > 0 ? `: also ${r.alsoAcceptedWith.map(code).join(", ")}` : ""}`);
  }
  lines.push("");
  return lines;
}

function rolesSection(): string[] {
  const lines = ["## Roles for the service principal", ""];
  for (const role of explainServicePrincipalRoles()) {
    lines.push(`### ${role.displayName}`, "", `Template id ${code(role.roleTemplateId)}. Microsoft: *${role.description}*`, "");
    lines.push(`- Privileged role (Microsoft): ${role.isPrivileged ? "yes" : "no"}`, `- Modules: ${moduleTitles(role.modules)}`);
    lines.push("", "Why Tenantry needs it:", "", ...role.why.map((w) => `- ${w}`));
    lines.push("", "Features:", "", ...featureList(role.features).map((f) => `- ${f}`), "");
  }
  lines.push("Not requested:", "");
  for (const role of servicePrincipalRolesNotRequested) {
    lines.push(`- **${entraRoleByTemplateId(role.roleTemplateId)?.displayName ?? role.roleTemplateId}**: ${role.whyNot}`);
  }
  lines.push("");
  return lines;
}

function notRequestedSection(): string[] {
  return [
    "## Not requested",
    "",
    ...table(
      ["Permission", "Why not"],
      permissionsNotRequested.map((p) => [code(p.name), p.whyNot]),
    ),
    "",
  ];
}

function comparisonSection(): string[] {
  const comparison = compareManagementWith365Tune();
  const lines = [
    "## Compared with 365TUNE",
    "",
    "365TUNE publishes the permissions of its *Management and Automation* module. Tenantry's Management module",
    "compared with that list:",
    "",
    ...table(
      ["365TUNE permission", "365TUNE uses it to", "Tenantry", "Tenantry features"],
      [
        ...comparison.shared.map((p) => [code(p.name), p.purpose, "needs it too", titles(p.features)]),
        ...comparison.notNeeded.map((p) => [code(p.name), p.purpose, "does not need it", ""]),
      ],
    ),
    "",
  ];
  if (comparison.reading.length > 0) {
    lines.push(
      "Read permissions Tenantry adds, because Management includes Reporting:",
      "",
      ...comparison.reading.map((p) => `- ${code(p.name)}: ${titles(p.features)}`),
      "",
    );
  }
  if (comparison.extras.length > 0) {
    lines.push("Other permissions Tenantry adds, for features 365TUNE does not list:", "");
    lines.push(...comparison.extras.map((p) => `- ${code(p.name)}: ${p.justification ?? ""}`), "");
  }
  return lines;
}

export function renderPermissionsMarkdown(): string {
  const permissions = explainPermissions();
  const lines = [
    ...intro(),
    ...moduleSection(permissions),
    "## Permissions",
    "",
    ...permissions.flatMap(permissionSection),
    ...rolesSection(),
    ...notRequestedSection(),
    ...comparisonSection(),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}
