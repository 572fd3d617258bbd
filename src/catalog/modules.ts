// Permission modules and their manifests, computed from the catalog: a module needs exactly the permissions and
// service-principal roles of its actions and of the modules it includes (Management includes Reporting, because
// every management screen shows what Reporting reads).
import type { ActionDefinition } from "./action-definition.ts";
import type { ActionId } from "./action-ids.ts";
import { catalog } from "./catalog.ts";
import { entraRoleByTemplateId } from "./entra-role-data.ts";
import { type ModuleId, moduleIds } from "./module-ids.ts";

export interface ModuleInfo {
  readonly title: string;
  readonly description: string;
  /** Modules whose actions this one contains as well. */
  readonly includes: readonly ModuleId[];
}

export const modules: Readonly<Record<ModuleId, ModuleInfo>> = {
  reporting: {
    title: "Reporting",
    description: "Read-only: users, groups and memberships, licences and service plans, admin roles, the organisation.",
    includes: [],
  },
  management: {
    title: "Management",
    description:
      "Everything Reporting reads, plus changing users (properties, phones, other mails, account state, sessions, passwords), creating, inviting, deleting and restoring them, licences for users and groups, group membership and group properties.",
    includes: [moduleIds.reporting],
  },
};

export const moduleOrder: readonly ModuleId[] = [moduleIds.reporting, moduleIds.management];

/** The module itself and every module it includes, transitively. */
export function modulesWithin(module: ModuleId): readonly ModuleId[] {
  const found: ModuleId[] = [];
  const visit = (id: ModuleId) => {
    if (found.includes(id)) return;
    found.push(id);
    for (const included of modules[id].includes) visit(included);
  };
  visit(module);
  return found;
}

/** The actions a module offers, in catalog order. */
export function actionsOfModule(module: ModuleId): readonly ActionDefinition[] {
  const within = modulesWithin(module);
  return catalog.filter((action) => within.includes(action.module));
}

export interface ManifestPermission {
  readonly name: string;
  /** The catalog's reasons, first occurrence first. */
  readonly why: readonly string[];
  readonly features: readonly ActionId[];
}

export interface ManifestRole {
  readonly roleTemplateId: string;
  readonly displayName: string;
  readonly why: readonly string[];
  readonly features: readonly ActionId[];
}

export interface ModuleManifest {
  /** Sorted by name. */
  readonly permissions: readonly ManifestPermission[];
  /** Sorted by display name. */
  readonly servicePrincipalRoles: readonly ManifestRole[];
}

interface Collected {
  why: string[];
  features: ActionId[];
}

function collect(into: Map<string, Collected>, key: string, why: string, feature: ActionId): void {
  const entry = into.get(key) ?? { why: [], features: [] };
  if (!entry.why.includes(why)) entry.why.push(why);
  if (!entry.features.includes(feature)) entry.features.push(feature);
  into.set(key, entry);
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What a tenant must grant for a module: application permissions and directory roles of the service principal. */
export function moduleManifest(module: ModuleId): ModuleManifest {
  const permissions = new Map<string, Collected>();
  const roles = new Map<string, Collected>();
  for (const action of actionsOfModule(module)) {
    for (const request of action.graph) {
      collect(permissions, request.permission, request.why, action.id);
      for (const companion of request.alsoRequires ?? []) {
        collect(permissions, companion, `Microsoft requires it alongside ${request.permission} for ${request.method} ${request.path}.`, action.id);
      }
    }
    for (const role of action.servicePrincipalRoles ?? []) collect(roles, role.roleTemplateId, role.why, action.id);
  }
  return {
    permissions: [...permissions.entries()]
      .map(([name, entry]) => ({ name, why: entry.why, features: entry.features }))
      .sort((a, b) => byCodePoint(a.name, b.name)),
    servicePrincipalRoles: [...roles.entries()]
      .map(([roleTemplateId, entry]) => ({
        roleTemplateId,
        displayName: entraRoleByTemplateId(roleTemplateId)?.displayName ?? roleTemplateId,
        why: entry.why,
        features: entry.features,
      }))
      .sort((a, b) => byCodePoint(a.displayName, b.displayName)),
  };
}
