// Derives the committed files in data/ from Microsoft's public data in ../shared/data.
// Run with `npm run derive-data`; see data/README.md for sources and every choice made.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type {
  EntraRole,
  EntraRoleRulesFile,
  GraphAppPermissionsFile,
  GraphAppRoleIdsFile,
  LicensingSkusFile,
  PathPermissions,
  PermissionInfo,
  RuleTable,
  RuleTarget,
  RuleTargetCategory,
} from "../src/cloud/authz/data-files.ts";

// ---------- source shapes (only the fields we read) ----------

type SourceScheme = { adminDisplayName: string; adminDescription: string; privilegeLevel?: number };
type SourcePathSet = { schemeKeys: string[]; methods: string[]; paths: Record<string, string> };
type SourcePermission = { schemes: Record<string, SourceScheme | undefined>; pathSets: SourcePathSet[] };
export type SourceGraphPermissions = { permissions: Record<string, SourcePermission> };

type SourceRoleAction = { action: string; privileged: boolean };
export type SourceEntraRole = {
  displayName: string;
  templateId: string;
  description: string;
  isPrivileged: boolean;
  actions: SourceRoleAction[];
};

type SourceRuleRow = { targetRole: string; allowed: Record<string, boolean | string> };
type SourceRuleTable = { columns: string[]; rows: SourceRuleRow[] };
export type SourceEntraRoleRules = {
  source: string;
  whoCanResetPasswords: SourceRuleTable;
  whoCanPerformSensitiveActions: SourceRuleTable;
  sensitiveProperties: string[];
  sensitiveActions: { sensitiveAction: string; sensitivePropertyName: string | null }[];
  passwordResetSensitiveProperties: string[];
  columnAbbreviations: Record<string, string>;
};

type SourceServicePlan = { servicePlanName: string | null; servicePlanId: string; friendlyName: string };
type SourceProduct = { productName: string; skuPartNumber: string; skuId: string; servicePlans: SourceServicePlan[] };
export type SourceLicensingSkus = { source: string; updated: string; products: SourceProduct[] };

type SourceDeployment = { id?: string; scheme?: string; environment?: string };
export type SourceProvisioningInfo = { permissionDeployments: Record<string, SourceDeployment[]> };

// ---------- helpers ----------

/** Plain code-point order: identical on every machine and locale. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(byCodePoint);
}

function sortedRecord<T>(entries: Iterable<[string, T]>): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => byCodePoint(a, b)));
}

/**
 * JSON pretty-printed down to `depth` levels and compact below it, so big files keep one record per line.
 * Always ends with a newline.
 */
export function toJsonText(value: unknown, depth: number): string {
  return `${format(value, depth, "")}\n`;
}

function format(value: unknown, depth: number, indent: string): string {
  if (depth <= 0 || value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => inner + format(v, depth - 1, inner)).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  const lines = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, depth - 1, inner)}`);
  return `{\n${lines.join(",\n")}\n${indent}}`;
}

// ---------- graph-app-permissions.json ----------

/** Path prefixes the product calls with application permissions. /me is delegated-only, so it is not here. */
export const PRODUCT_PATH_PREFIXES: readonly string[] = [
  "/users",
  "/groups",
  "/subscribedskus",
  "/organization",
  "/domains",
  "/directoryroles",
  "/directoryroletemplates",
  "/rolemanagement/directory",
  "/serviceprincipals",
  "/applications",
  "/invitations",
  "/auditlogs",
  "/directory",
  "/directoryobjects",
];

function isProductPath(lowerPath: string): boolean {
  return PRODUCT_PATH_PREFIXES.some(
    (prefix) => lowerPath === prefix || lowerPath.startsWith(`${prefix}/`) || lowerPath.startsWith(`${prefix}(`),
  );
}

/** Reads "least=DelegatedWork,Application;AlsoRequires=A,B" into its two parts. */
export function parsePathAnnotation(annotation: string): { leastSchemes: string[]; alsoRequires: string[] } {
  let leastSchemes: string[] = [];
  let alsoRequires: string[] = [];
  for (const part of annotation.split(";")) {
    const [key, list = ""] = part.split("=", 2);
    const items = list
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (key?.trim().toLowerCase() === "least") leastSchemes = items;
    if (key?.trim().toLowerCase() === "alsorequires") alsoRequires = items;
  }
  return { leastSchemes, alsoRequires };
}

/** "Read" or "ReadBasic" as the operation part of a name: a permission that cannot change anything. */
export function isReadOnlyPermission(name: string): boolean {
  const operation = name.split(".")[1] ?? "";
  return operation === "Read" || operation === "ReadBasic";
}

type PathCorrection = { least: string[]; addAccepted?: string[]; reason: string };

/**
 * Paths the product uses whose source least markers are odd, with the least privilege we use instead
 * (and, once, permissions the source forgot to accept). Each reason names its source; data/README.md repeats them.
 */
export const PATH_CORRECTIONS: Readonly<Record<string, PathCorrection>> = {
  "GET /organization": {
    least: ["Organization.Read.All"],
    reason: "source marks the Intune permission DeviceManagementServiceConfig.Read.All; Learn organization-get lists Organization.Read.All as least (Application)",
  },
  "GET /organization/{id}": {
    least: ["Organization.Read.All"],
    addAccepted: ["Directory.Read.All", "Directory.ReadWrite.All", "Organization.Read.All", "Organization.ReadWrite.All"],
    reason: "source accepts only Intune permissions and User.Read.All here, unlike GET /organization; Learn organization-get lists Organization.Read.All (least), Directory.Read.All, Organization.ReadWrite.All and Directory.ReadWrite.All for reading the organization",
  },
  "PATCH /organization/{id}": {
    least: ["Organization.ReadWrite.All"],
    reason: "source marks DeviceManagementServiceConfig.ReadWrite.All; Learn organization-update lists Organization.ReadWrite.All as least (Application)",
  },
  "GET /groups/{id}": {
    least: ["GroupMember.Read.All"],
    reason: "source marks only Group-NestingSupport.ReadWrite.All, which writes one property (disableNesting); Learn group-get lists GroupMember.Read.All as least (Application)",
  },
  "PATCH /groups/{id}": {
    least: ["Group.ReadWrite.All"],
    reason: "source (and Learn group-update) mark Group-NestingSupport.ReadWrite.All, which only covers the disableNesting property; Group.ReadWrite.All is the least permission that updates a group's other properties",
  },
  "DELETE /users/{id}": {
    least: ["User.DeleteRestore.All"],
    reason: "source marks User.DeleteRestore.All and User.ReadWrite.All; User.DeleteRestore.All is the narrower one (delete/restore only; Learn user-delete predates it)",
  },
};

/**
 * Least markers as the source gives them, then two corrections:
 * for GET, a write permission marked least next to a read-only one is dropped (a read always suffices to read);
 * then PATH_CORRECTIONS.
 */
export function chooseLeast(key: string, sourceLeast: readonly string[]): string[] {
  const correction = PATH_CORRECTIONS[key];
  if (correction) return sortedUnique(correction.least);
  const readOnly = sourceLeast.filter(isReadOnlyPermission);
  if (key.startsWith("GET ") && readOnly.length > 0) return sortedUnique(readOnly);
  return sortedUnique(sourceLeast);
}

export function applicationPermissionNames(source: SourceGraphPermissions): string[] {
  return Object.keys(source.permissions)
    .filter((name) => source.permissions[name]?.schemes.Application)
    .sort(byCodePoint);
}

export function deriveGraphAppPermissions(source: SourceGraphPermissions): GraphAppPermissionsFile {
  const permissions = new Map<string, PermissionInfo>();
  type Collected = { accepted: Set<string>; least: Set<string>; alsoRequires: Map<string, string[]> };
  const collected = new Map<string, Collected>();

  for (const [name, permission] of Object.entries(source.permissions)) {
    const app = permission.schemes.Application;
    if (!app) continue;
    // A few permissions have no text or privilege level in the source: the name stands in for the display name.
    const info: PermissionInfo = { displayName: app.adminDisplayName || name, description: app.adminDescription };
    if (app.privilegeLevel !== undefined) info.privilegeLevel = app.privilegeLevel;
    permissions.set(name, info);
    for (const pathSet of permission.pathSets) {
      if (!pathSet.schemeKeys.includes("Application")) continue;
      for (const [rawPath, annotation] of Object.entries(pathSet.paths)) {
        const path = rawPath.toLowerCase();
        if (!isProductPath(path)) continue;
        const { leastSchemes, alsoRequires } = parsePathAnnotation(annotation);
        for (const method of pathSet.methods) {
          const key = `${method.toUpperCase()} ${path}`;
          let entry = collected.get(key);
          if (!entry) {
            entry = { accepted: new Set(), least: new Set(), alsoRequires: new Map() };
            collected.set(key, entry);
          }
          entry.accepted.add(name);
          if (leastSchemes.includes("Application")) entry.least.add(name);
          // Two path sets can give the same permission different companions: keep them all (any one of them).
          if (alsoRequires.length > 0) {
            entry.alsoRequires.set(name, sortedUnique([...(entry.alsoRequires.get(name) ?? []), ...alsoRequires]));
          }
        }
      }
    }
  }

  const paths = new Map<string, PathPermissions>();
  for (const [key, entry] of collected) {
    const sourceLeast = sortedUnique(entry.least);
    const least = chooseLeast(key, sourceLeast);
    const added = (PATH_CORRECTIONS[key]?.addAccepted ?? []).filter((name) => !entry.accepted.has(name));
    const path: PathPermissions = { accepted: sortedUnique([...entry.accepted, ...added]), least };
    if (entry.alsoRequires.size > 0) path.alsoRequires = sortedRecord(entry.alsoRequires);
    if (least.join() !== sourceLeast.join()) path.sourceLeast = sourceLeast;
    if (added.length > 0) path.addedAccepted = sortedUnique(added);
    paths.set(key, path);
  }
  return { permissions: sortedRecord(permissions), paths: sortedRecord(paths) };
}

// ---------- graph-app-role-ids.json ----------

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Microsoft's app role ids for Application permissions, from microsoft-graph-devx-content's
 * permissions/new/provisioningInfo.json (deployments in the public cloud only). Malformed ids are left out
 * (the source has one with nine digits in its first group); those names get a derived id at run time.
 */
export function deriveGraphAppRoleIds(
  provisioning: SourceProvisioningInfo,
  applicationPermissionNames: Iterable<string>,
  sourceLabel: string,
): GraphAppRoleIdsFile {
  const ids = new Map<string, string>();
  for (const name of applicationPermissionNames) {
    const found = new Set<string>();
    for (const deployment of provisioning.permissionDeployments[name] ?? []) {
      const environments = (deployment.environment ?? "").toLowerCase().split(";");
      const id = deployment.id?.toLowerCase() ?? "";
      if (deployment.scheme === "Application" && environments.includes("public") && GUID.test(id)) found.add(id);
    }
    if (found.size > 1) throw new Error(`${name}: more than one public Application id`);
    const [id] = found;
    if (id) ids.set(name, id);
  }
  return { source: sourceLabel, ids: sortedRecord(ids) };
}

// ---------- entra-roles.json ----------

export function deriveEntraRoles(source: readonly SourceEntraRole[]): EntraRole[] {
  return source
    .map((role) => ({
      displayName: role.displayName,
      templateId: role.templateId.toLowerCase(),
      description: role.description,
      isPrivileged: role.isPrivileged,
      actions: sortedUnique(role.actions.map((a) => a.action)),
      privilegedActions: sortedUnique(role.actions.filter((a) => a.privileged).map((a) => a.action)),
    }))
    .sort((a, b) => byCodePoint(a.displayName.toLowerCase(), b.displayName.toLowerCase()));
}

// ---------- entra-role-rules.json ----------

/** Table rows that are not a role, by their text on the page. */
export const SPECIAL_ROWS: Readonly<Record<string, RuleTargetCategory>> = {
  "User (no admin role)": "noAdminRole",
  "User (no admin role, but member or owner of a role-assignable group)": "roleAssignableGroupMember",
  "User with a role scoped to a restricted management administrative unit": "restrictedManagementAU",
  "All other built-in and custom roles": "allOtherRoles",
};

/** true, false, or the Global Admin x Global Admin "true*" cell, which we read as allowed (see data/README.md). */
export function isAllowedCell(cell: boolean | string | undefined, where: string): boolean {
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "string" && cell.startsWith("true*")) return true;
  throw new Error(`unexpected cell ${JSON.stringify(cell)} at ${where}`);
}

function deriveRuleTable(
  table: SourceRuleTable,
  abbreviations: Readonly<Record<string, string>>,
  roles: readonly EntraRole[],
  tableName: string,
): RuleTable {
  const templateIdOf = (written: string): string => {
    const displayName = abbreviations[written] ?? written;
    const role = roles.find((r) => r.displayName === displayName);
    if (!role) throw new Error(`${tableName}: no built-in role named "${displayName}" (written "${written}")`);
    return role.templateId;
  };
  const actorIds = new Map(table.columns.map((column) => [column, templateIdOf(column)]));
  const targets = table.rows.map((row): RuleTarget => {
    const allowed = table.columns
      .filter((column) => isAllowedCell(row.allowed[column], `${tableName} "${row.targetRole}" x "${column}"`))
      .map((column) => actorIds.get(column) ?? "");
    const category = SPECIAL_ROWS[row.targetRole];
    const target = category ? { category } : { templateId: templateIdOf(row.targetRole) };
    return { row: row.targetRole, ...target, allowed: sortedUnique(allowed) };
  });
  return { actors: [...actorIds.values()], targets };
}

export function deriveEntraRoleRules(source: SourceEntraRoleRules, roles: readonly EntraRole[]): EntraRoleRulesFile {
  const abbreviations = source.columnAbbreviations;
  return {
    source: source.source,
    whoCanResetPasswords: deriveRuleTable(source.whoCanResetPasswords, abbreviations, roles, "whoCanResetPasswords"),
    whoCanPerformSensitiveActions: deriveRuleTable(
      source.whoCanPerformSensitiveActions,
      abbreviations,
      roles,
      "whoCanPerformSensitiveActions",
    ),
    sensitiveProperties: [...source.sensitiveProperties],
    sensitiveActions: source.sensitiveActions.map((a) => ({ action: a.sensitiveAction, property: a.sensitivePropertyName })),
    passwordResetSensitiveProperties: [...source.passwordResetSensitiveProperties],
  };
}

// ---------- licensing-skus.json ----------

function uniqueByJson<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const text = JSON.stringify(item);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

export function deriveLicensingSkus(source: SourceLicensingSkus): LicensingSkusFile {
  const products = uniqueByJson(
    source.products.map((p) => ({
      productName: p.productName,
      skuPartNumber: p.skuPartNumber,
      skuId: p.skuId.toLowerCase(),
      servicePlans: uniqueByJson(
        p.servicePlans.map((s) => ({
          servicePlanName: s.servicePlanName,
          servicePlanId: s.servicePlanId.toLowerCase(),
          friendlyName: s.friendlyName,
        })),
      ).sort(
        (a, b) =>
          byCodePoint(a.servicePlanName ?? "", b.servicePlanName ?? "") || byCodePoint(a.servicePlanId, b.servicePlanId),
      ),
    })),
  ).sort((a, b) => byCodePoint(a.skuPartNumber, b.skuPartNumber) || byCodePoint(a.skuId, b.skuId));
  return { source: source.source, updated: source.updated, products };
}

// ---------- file output ----------

export type DerivedFiles = Record<string, string>;

export function deriveAll(input: {
  graphPermissions: SourceGraphPermissions;
  entraRoles: readonly SourceEntraRole[];
  entraRoleRules: SourceEntraRoleRules;
  licensingSkus: SourceLicensingSkus;
}): DerivedFiles {
  const roles = deriveEntraRoles(input.entraRoles);
  return {
    "graph-app-permissions.json": toJsonText(deriveGraphAppPermissions(input.graphPermissions), 2),
    "entra-roles.json": toJsonText(roles, 1),
    "entra-role-rules.json": toJsonText(deriveEntraRoleRules(input.entraRoleRules, roles), 4),
    "licensing-skus.json": toJsonText(deriveLicensingSkus(input.licensingSkus), 2),
  };
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** `--provisioning-info=<path>` (a checkout's permissions/new/provisioningInfo.json) also refreshes the app role ids. */
function provisioningArgument(argv: readonly string[]): { path: string; label: string } | undefined {
  const arg = argv.find((a) => a.startsWith("--provisioning-info="));
  if (!arg) return undefined;
  const path = arg.slice("--provisioning-info=".length);
  const commit = argv.find((a) => a.startsWith("--provisioning-commit="))?.slice("--provisioning-commit=".length);
  const label = `microsoftgraph/microsoft-graph-devx-content permissions/new/provisioningInfo.json@${commit ?? "unknown"}`;
  return { path, label };
}

function main(): void {
  const repo = join(import.meta.dirname, "..");
  const sharedData = join(repo, "..", "shared", "data");
  const outDir = join(repo, "data");
  const graphPermissions = readJson<SourceGraphPermissions>(join(sharedData, "graph-permissions.json"));
  const files = deriveAll({
    graphPermissions,
    entraRoles: readJson<SourceEntraRole[]>(join(sharedData, "entra-roles.json")),
    entraRoleRules: readJson<SourceEntraRoleRules>(join(sharedData, "entra-role-rules.json")),
    licensingSkus: readJson<SourceLicensingSkus>(join(sharedData, "licensing-skus.json")),
  });
  const provisioning = provisioningArgument(process.argv);
  if (provisioning) {
    const ids = deriveGraphAppRoleIds(
      readJson(provisioning.path),
      applicationPermissionNames(graphPermissions),
      provisioning.label,
    );
    files["graph-app-role-ids.json"] = toJsonText(ids, 2);
  }
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(outDir, name), text);
    console.log(`data/${name}: ${Buffer.byteLength(text)} bytes`);
  }
}

if (import.meta.main) main();
