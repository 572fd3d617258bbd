// "Permissions explained", computed from the catalog: for every permission and service-principal role a module
// needs, Microsoft's description, why Tenantry needs it and which features use it. Used by
// `tenantry permissions explain` and docs/permissions.md.
import type { ActionId } from "./action-ids.ts";
import { actionById } from "./catalog.ts";
import { tune365ManagementPermissions } from "./compared-with-365tune.ts";
import { entraRoleByTemplateId } from "./entra-role-data.ts";
import { permissionDescription } from "./graph-permission-map.ts";
import type { ModuleId } from "./module-ids.ts";
import { moduleManifest, moduleOrder } from "./modules.ts";

export interface ExplainedFeature {
  readonly id: ActionId;
  readonly title: string;
}

export interface ExplainedPermission {
  readonly name: string;
  /** Microsoft's display name and description of the permission. */
  readonly displayName: string;
  readonly description: string;
  /** Microsoft's 1 (low) to 5 (high) rating, where it gives one. */
  readonly privilegeLevel: number | undefined;
  readonly modules: readonly ModuleId[];
  readonly why: readonly string[];
  readonly features: readonly ExplainedFeature[];
  /** The Graph requests made with it. */
  readonly requests: readonly ExplainedRequest[];
  /** Where Microsoft marks another permission least for a request made with this one: why this one. */
  readonly notLeastBecause: readonly string[];
  readonly on365TuneList: boolean;
}

export interface ExplainedRequest {
  /** e.g. "PATCH /users/{id} (businessPhones, mobilePhone)". */
  readonly request: string;
  /** Other permissions Microsoft accepts for it; a tenant that granted one of them can run it without this one. */
  readonly alsoAcceptedWith: readonly string[];
}

export interface ExplainedRole {
  readonly roleTemplateId: string;
  readonly displayName: string;
  readonly description: string;
  readonly isPrivileged: boolean;
  readonly modules: readonly ModuleId[];
  readonly why: readonly string[];
  readonly features: readonly ExplainedFeature[];
}

interface Gathered {
  modules: ModuleId[];
  why: string[];
  features: ActionId[];
}

function gather<T extends { why: readonly string[]; features: readonly ActionId[] }>(
  items: (module: ModuleId) => readonly T[],
  key: (item: T) => string,
): Map<string, Gathered> {
  const gathered = new Map<string, Gathered>();
  for (const module of moduleOrder) {
    for (const item of items(module)) {
      const entry = gathered.get(key(item)) ?? { modules: [], why: [], features: [] };
      entry.modules.push(module);
      for (const why of item.why) if (!entry.why.includes(why)) entry.why.push(why);
      for (const feature of item.features) if (!entry.features.includes(feature)) entry.features.push(feature);
      gathered.set(key(item), entry);
    }
  }
  return gathered;
}

const feature = (id: ActionId): ExplainedFeature => ({ id, title: actionById(id).title });

function requestsWith(permission: string, features: readonly ActionId[]): Pick<ExplainedPermission, "requests" | "notLeastBecause"> {
  const requests = new Map<string, string[]>();
  const notLeastBecause: string[] = [];
  for (const id of features) {
    for (const request of actionById(id).graph) {
      const chosen = request.permission === permission;
      if (!chosen && !(request.alsoRequires ?? []).includes(permission)) continue;
      const text = `${request.method} ${request.path}${request.properties ? ` (${request.properties.join(", ")})` : ""}`;
      const alsoAccepted = requests.get(text) ?? [];
      for (const other of chosen ? (request.alternatives ?? []) : []) if (!alsoAccepted.includes(other)) alsoAccepted.push(other);
      requests.set(text, alsoAccepted);
      if (chosen && request.notLeastBecause && !notLeastBecause.includes(request.notLeastBecause)) {
        notLeastBecause.push(request.notLeastBecause);
      }
    }
  }
  return { requests: [...requests.entries()].map(([request, alsoAcceptedWith]) => ({ request, alsoAcceptedWith })), notLeastBecause };
}

/** Every permission any module needs, sorted by name. */
export function explainPermissions(): ExplainedPermission[] {
  const gathered = gather((module) => moduleManifest(module).permissions, (p) => p.name);
  const on365Tune = new Set(tune365ManagementPermissions.map((p) => p.name));
  return [...gathered.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, entry]) => {
      const microsoft = permissionDescription(name);
      return {
        name,
        displayName: microsoft?.displayName ?? name,
        description: microsoft?.description ?? "",
        privilegeLevel: microsoft?.privilegeLevel,
        modules: entry.modules,
        why: entry.why,
        features: entry.features.map(feature),
        ...requestsWith(name, entry.features),
        on365TuneList: on365Tune.has(name),
      };
    });
}

/** Every directory role any module needs the service principal to hold. */
export function explainServicePrincipalRoles(): ExplainedRole[] {
  const gathered = gather((module) => moduleManifest(module).servicePrincipalRoles, (r) => r.roleTemplateId);
  return [...gathered.entries()].map(([roleTemplateId, entry]) => {
    const role = entraRoleByTemplateId(roleTemplateId);
    return {
      roleTemplateId,
      displayName: role?.displayName ?? roleTemplateId,
      description: role?.description ?? "",
      isPrivileged: role?.isPrivileged ?? true,
      modules: entry.modules,
      why: entry.why,
      features: entry.features.map(feature),
    };
  });
}
