// The one place that decides what an operator may do (DESIGN principle 6): which tenants it sees, whether it
// may run an action in a tenant, whether it may act on an administrator, and Tenantry's own platform rights.
// Deny by default; every answer says why.
import entraRoles from "../../data/entra-roles.json" with { type: "json" };
import type { ActionDefinition } from "../catalog/action-definition.ts";
import { entraRoleByTemplateId } from "../catalog/entra-role-data.ts";
import type { CustomRole } from "./custom-roles-store.ts";
import { directoryReadersTemplateId, type PlatformRoleId, platformRoleIds } from "./platform-roles.ts";
import type { Principal, TokenScope } from "./principal.ts";
import { holdsRoleAction } from "./role-action-match.ts";
import type { RoleAssignment } from "./role-assignments-store.ts";
import { decideOnAdminTarget, type TargetAdminRoles, type TargetRuleTable } from "./target-role-rules.ts";

export interface AccessDecision {
  readonly allowed: boolean;
  readonly reason: string;
  /** Role actions the operator lacks, when refused for that. */
  readonly missingRoleActions: readonly string[];
  /** Built-in roles that would grant what is missing, least privileged first. */
  readonly rolesThatWould: readonly string[];
}

/** What the operator holds in one tenant. */
export interface TenantRoles {
  /** Template ids of the built-in roles (the only ones Microsoft's administrator tables name). */
  readonly entraTemplateIds: readonly string[];
  readonly roleNames: readonly string[];
  readonly actions: ReadonlySet<string>;
}

export interface AccessInputs {
  readonly principal: Principal;
  readonly assignments: readonly RoleAssignment[];
  /** Tenant ids of each tenant group named by an assignment. */
  readonly tenantGroups: ReadonlyMap<string, readonly string[]>;
  readonly customRoles: ReadonlyMap<string, CustomRole>;
}

const builtInByActionCount = [...entraRoles].sort((a, b) => a.actions.length - b.actions.length);
const directoryReaderActions = entraRoleByTemplateId(directoryReadersTemplateId)?.actions ?? [];

/** The role actions an action needs with this input: its own, plus those of the properties the input changes. */
export function requiredRoleActions(definition: ActionDefinition, input: unknown): string[] {
  const required = new Set<string>(definition.operatorRoleActions);
  const record = (input ?? {}) as Record<string, unknown>;
  const changes = typeof record.changes === "object" && record.changes !== null ? Object.keys(record.changes) : [];
  for (const property of [...changes, ...Object.keys(record)]) {
    const action = definition.propertyRoleActions?.[property];
    if (action) required.add(action);
  }
  return [...required];
}

function rolesThatWould(missing: readonly string[]): string[] {
  return builtInByActionCount
    .filter((role) => missing.every((action) => holdsRoleAction(role.actions, action)))
    .slice(0, 3)
    .map((role) => role.displayName);
}

export function createOperatorAccess(inputs: AccessInputs) {
  const { principal, assignments } = inputs;

  function covers(assignment: RoleAssignment, tenantId: string): boolean {
    const scope = assignment.scope;
    if (scope.kind === "all") return true;
    if (scope.kind === "all-except") return !scope.exceptTenantIds.includes(tenantId);
    if (scope.kind === "tenant") return scope.tenantId === tenantId;
    return inputs.tenantGroups.get(scope.groupId)?.includes(tenantId) ?? false;
  }

  const tenantAssignments = assignments.filter((a) => a.role.kind !== "platform");
  const platform = new Set(assignments.filter((a) => a.role.kind === "platform").map((a) => a.role.id as PlatformRoleId));

  function rolesIn(tenantId: string): TenantRoles {
    const entraTemplateIds: string[] = [];
    const roleNames: string[] = [];
    const actions = new Set<string>();
    for (const assignment of tenantAssignments.filter((a) => covers(a, tenantId))) {
      if (assignment.role.kind === "entra") {
        const role = entraRoleByTemplateId(assignment.role.id);
        if (!role) continue;
        entraTemplateIds.push(role.templateId);
        roleNames.push(role.displayName);
        for (const action of role.actions) actions.add(action);
      } else {
        const role = inputs.customRoles.get(assignment.role.id);
        if (!role) continue;
        roleNames.push(role.name);
        for (const action of role.actions) actions.add(action);
      }
    }
    // As every member of a tenant may read its directory, so may an operator with any role in it.
    if (roleNames.length > 0) for (const action of directoryReaderActions) actions.add(action);
    return { entraTemplateIds: [...new Set(entraTemplateIds)], roleNames: [...new Set(roleNames)], actions };
  }

  const hasScope = (scope: TokenScope) => principal.scopes.includes(scope);
  /** A platform role shows every tenant, when the credential carries the scope for that role. */
  const seesEveryTenantByPlatformRole = () =>
    (platform.has(platformRoleIds.platformAdministrator) && hasScope("platform")) || ((platform.has(platformRoleIds.auditor) || platform.has(platformRoleIds.platformAdministrator)) && hasScope("audit:read"));

  return {
    principal,

    /** Whether the operator has any role in the tenant: the tenant, its users and its audit entries are visible. */
    canSee(tenantId: string): boolean {
      return tenantAssignments.some((a) => covers(a, tenantId)) || seesEveryTenantByPlatformRole();
    },

    /** Visibility as SQL can use it: every tenant but `except`, or only `include`. */
    visibility(): { readonly everyTenant: boolean; readonly except: readonly string[]; readonly include: readonly string[] } {
      if (seesEveryTenantByPlatformRole() || tenantAssignments.some((a) => a.scope.kind === "all")) return { everyTenant: true, except: [], include: [] };
      const allExcept = tenantAssignments.flatMap((a) => (a.scope.kind === "all-except" ? [a.scope.exceptTenantIds] : []));
      const except = allExcept.length === 0 ? [] : allExcept.reduce((kept, list) => kept.filter((t) => list.includes(t)));
      const include = tenantAssignments.flatMap((a) => (a.scope.kind === "tenant" ? [a.scope.tenantId] : a.scope.kind === "tenant-group" ? [...(inputs.tenantGroups.get(a.scope.groupId) ?? [])] : []));
      return { everyTenant: allExcept.length > 0, except, include: [...new Set(include)] };
    },

    rolesIn,

    hasPlatformRole(role: PlatformRoleId): boolean {
      return platform.has(role) && hasScope("platform");
    },

    /** Reading the audit log beyond one's tenants, verifying it and exporting it whole. */
    isAuditor(): boolean {
      return (platform.has(platformRoleIds.auditor) || platform.has(platformRoleIds.platformAdministrator)) && hasScope("audit:read");
    },

    hasScope,

    /** May the operator run this action, with this input, in this tenant? */
    decideAction(definition: ActionDefinition, input: unknown, tenantId: string, tenantName: string): AccessDecision {
      const scope: TokenScope = definition.kind === "read" ? "actions:read" : "actions:write";
      if (!hasScope(scope)) {
        return { allowed: false, reason: `This API token is not allowed to ${definition.kind === "read" ? "read" : "make changes"} (it lacks the scope ${scope}).`, missingRoleActions: [], rolesThatWould: [] };
      }
      const roles = rolesIn(tenantId);
      const required = requiredRoleActions(definition, input);
      const missing = required.filter((action) => !holdsRoleAction(roles.actions, action));
      const held = roles.roleNames.length ? roles.roleNames.join(", ") : "no role";
      if (missing.length === 0) {
        return { allowed: true, reason: `${principal.name} holds ${held} in ${tenantName}, which grants ${required.join(", ") || "reading the directory"}.`, missingRoleActions: [], rolesThatWould: [] };
      }
      const would = rolesThatWould(missing);
      return {
        allowed: false,
        reason: `${principal.name} holds ${held} in ${tenantName}, which does not grant ${missing.join(", ")}${would.length ? `; ${would.join(", ")} would` : ""}.`,
        missingRoleActions: missing,
        rolesThatWould: would,
      };
    },

    /** Microsoft's tables for administrator targets, applied to the operator's built-in roles in the tenant. */
    decideOnTarget(table: TargetRuleTable, tenantId: string, target: TargetAdminRoles): AccessDecision {
      const decision = decideOnAdminTarget(table, rolesIn(tenantId).entraTemplateIds, target);
      return { allowed: decision.allowed, reason: decision.reason, missingRoleActions: [], rolesThatWould: decision.sufficientRoles };
    },
  };
}

export type OperatorAccess = ReturnType<typeof createOperatorAccess>;
