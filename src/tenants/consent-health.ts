import type { ActionDefinition, GraphRequestSpec } from "../catalog/action-definition.ts";
import type { ActionId } from "../catalog/action-ids.ts";
import { entraRoleByTemplateId } from "../catalog/entra-role-data.ts";
import type { ModuleId } from "../catalog/module-ids.ts";
import { actionsOfModule, moduleOrder, modules } from "../catalog/modules.ts";
import type { TokenFailure } from "./token-failure.ts";

export interface MissingRole {
  readonly roleTemplateId: string;
  readonly displayName: string;
}

export interface FeatureHealth {
  readonly action: ActionId;
  readonly title: string;
  readonly available: boolean;
  readonly missingPermissions: readonly string[];
  readonly missingRoles: readonly MissingRole[];
}

export interface ModuleHealth {
  readonly module: ModuleId;
  readonly title: string;
  /** ready: every feature works; degraded: some do; unavailable: none do. */
  readonly state: "ready" | "degraded" | "unavailable";
  readonly features: readonly FeatureHealth[];
  readonly missingPermissions: readonly string[];
  readonly missingRoles: readonly MissingRole[];
  /** What to do, one sentence each, in the order to do it. */
  readonly fixes: readonly string[];
}

export interface ConsentHealth {
  readonly tokenFailure: TokenFailure | null;
  readonly modules: readonly ModuleHealth[];
}

export interface GrantedAccess {
  /** Application permissions in the tenant's token (`roles`). */
  readonly roles: readonly string[];
  /** Directory roles of the service principal in the tenant (`wids`). */
  readonly wids: readonly string[];
}

export interface FixContext {
  readonly tenantName: string;
  readonly appName: string;
  readonly consentUrl: string;
}

/** The permissions a tenant's grant lacks for one request. */
export function missingFor(request: GraphRequestSpec, roles: ReadonlySet<string>): string[] {
  const covered = roles.has(request.permission) || (request.alternatives ?? []).some((p) => roles.has(p));
  const missing = covered ? [] : [request.permission];
  for (const companion of request.alsoRequires ?? []) if (!roles.has(companion)) missing.push(companion);
  return missing;
}

function featureHealth(action: ActionDefinition, roles: ReadonlySet<string>, wids: ReadonlySet<string>): FeatureHealth {
  const always = action.graph.filter((request) => request.onlyWhen === undefined);
  const missingPermissions = [...new Set(always.flatMap((request) => missingFor(request, roles)))].sort();
  const missingRoles = (action.servicePrincipalRoles ?? [])
    .filter((role) => !wids.has(role.roleTemplateId))
    .map((role) => ({ roleTemplateId: role.roleTemplateId, displayName: entraRoleByTemplateId(role.roleTemplateId)?.displayName ?? role.roleTemplateId }));
  return { action: action.id, title: action.title, available: missingPermissions.length === 0 && missingRoles.length === 0, missingPermissions, missingRoles };
}

function fixesFor(missingPermissions: readonly string[], missingRoles: readonly MissingRole[], context: FixContext): string[] {
  const fixes: string[] = [];
  if (missingPermissions.length > 0) {
    fixes.push(
      `A Global Administrator or Privileged Role Administrator of ${context.tenantName} grants admin consent again, which adds ${missingPermissions.join(", ")}: ${context.consentUrl}`,
    );
  }
  for (const role of missingRoles) {
    fixes.push(
      `In ${context.tenantName}, assign the directory role ${role.displayName} to the service principal "${context.appName}" (Entra admin center > Roles & admins > ${role.displayName} > Add assignments).`,
    );
  }
  return fixes;
}

/** Whether a tenant's grant covers one action, and if not, what to do about it. */
export function actionConsent(action: ActionDefinition, granted: GrantedAccess, context: FixContext): { feature: FeatureHealth; fixes: string[] } {
  const feature = featureHealth(action, new Set(granted.roles), new Set(granted.wids));
  return { feature, fixes: fixesFor(feature.missingPermissions, feature.missingRoles, context) };
}

/** Compares what a tenant granted (the token's roles and wids) with what each module's features need. */
export function consentHealth(granted: GrantedAccess, context: FixContext): ConsentHealth {
  const roles = new Set(granted.roles);
  const wids = new Set(granted.wids);
  return {
    tokenFailure: null,
    modules: moduleOrder.map((module) => {
      const features = actionsOfModule(module).map((action) => featureHealth(action, roles, wids));
      const missingPermissions = [...new Set(features.flatMap((f) => f.missingPermissions))].sort();
      const missingRoles = [...new Map(features.flatMap((f) => f.missingRoles).map((r) => [r.roleTemplateId, r])).values()];
      const available = features.filter((f) => f.available).length;
      return {
        module,
        title: modules[module].title,
        state: available === features.length ? "ready" : available === 0 ? "unavailable" : "degraded",
        features,
        missingPermissions,
        missingRoles,
        fixes: fixesFor(missingPermissions, missingRoles, context),
      };
    }),
  };
}

/** When no token can be had, nothing works; the token failure says why and how to fix it. */
export function consentHealthWithoutToken(failure: TokenFailure): ConsentHealth {
  return {
    tokenFailure: failure,
    modules: moduleOrder.map((module) => ({
      module,
      title: modules[module].title,
      state: "unavailable",
      features: actionsOfModule(module).map((action) => ({ action: action.id, title: action.title, available: false, missingPermissions: [], missingRoles: [] })),
      missingPermissions: [],
      missingRoles: [],
      fixes: [failure.fix],
    })),
  };
}
